/**
 * The preview's drawing of a sheet's charts (ChartSpec: column, bar or pie over ranges of the sheet, one or more
 * series, stacked or side by side, with the series' and points' fills), beside its cells, where Excel would float the
 * chart the add-in adds. Values are read from the sheet as it is now. Bars run from the top in sheet order, as the
 * .xlsx writer draws them.
 */
import { makeStyles, Text } from "@fluentui/react-components";
import { parseA1Range, type CellValue } from "../core/grid";
import type { ChartSeries, ChartSpec } from "../core/sheetSpec";
import type { MemorySheet } from "../excel/memoryAdapter";
import { tokens } from "./tokens";

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: "4px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1, width: "fit-content" },
  label: { fontSize: "11px", fill: tokens.colorNeutralForeground2 },
  value: { fontSize: "10px", fill: tokens.colorNeutralForeground1 },
  legend: { display: "flex", gap: "12px", fontSize: "11px", color: tokens.colorNeutralForeground2 },
  key: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px" },
});

const COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363", "#997300"];

/** One category: its label, each series' value (0 for a blank), each series' fill for it. */
interface Point {
  label: string;
  values: number[];
  fills: string[];
}

/** Every series of a chart, `values` first (as core's chartSeries gives them). */
const chartSeries = (chart: ChartSpec): ChartSeries[] => [
  { name: chart.name ?? chart.title, values: chart.values, color: chart.color, pointColors: chart.pointColors },
  ...(chart.moreSeries ?? []),
];

/** Cells of a one-column or one-row range, in order. */
function rangeValues(sheet: MemorySheet, range: string): CellValue[] {
  const area = parseA1Range(range);
  const out: CellValue[] = [];
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) out.push(sheet.values[r]?.[c] ?? null);
  return out;
}

/** The categories with a label and a number in some series, their values and fills. */
export function chartPoints(sheet: MemorySheet, spec: ChartSpec): Point[] {
  const labels = rangeValues(sheet, spec.categories);
  const series = chartSeries(spec);
  const values = series.map((s) => rangeValues(sheet, s.values));
  return labels.flatMap((label, i) => {
    const numbers = values.map((v) => v[i]);
    if (label === null || !numbers.some((v) => typeof v === "number")) return [];
    const fills = series.map((s, k) => (s.pointColors?.[i] ?? s.color ?? COLORS[k % COLORS.length]).replace(/^#?/, "#"));
    return [{ label: String(label), values: numbers.map((v) => (typeof v === "number" ? v : 0)), fills }];
  });
}

const short = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const number = (v: number) => String(Number(v.toPrecision(6)));

/** A category's bars as segments along the value axis: stacked one after another, or side by side (offset, size). */
function segments(point: Point, stacked: boolean): { from: number; to: number; fill: string; slot: number }[] {
  let base = 0;
  return point.values.map((v, k) => {
    const from = stacked ? base : 0;
    if (stacked) base += v;
    return { from, to: from + v, fill: point.fills[k], slot: stacked ? 0 : k };
  });
}

function extent(points: Point[], stacked: boolean): { min: number; max: number } {
  const ends = points.flatMap((p) => segments(p, stacked).flatMap((s) => [s.from, s.to]));
  return { min: Math.min(0, ...ends), max: Math.max(0, ...ends) };
}

function Columns({ points, stacked, slots }: { points: Point[]; stacked: boolean; slots: number }) {
  const styles = useStyles();
  const step = Math.max(20, slots * 8 + 6);
  const plot = 160;
  const labelsHeight = 112;
  const top = 16;
  const { min, max } = extent(points, stacked);
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * plot;
  const width = 40 + points.length * step;
  const bar = (step - 6) / slots;
  return (
    <svg width={width} height={top + plot + labelsHeight} role="presentation">
      <line x1={32} x2={width} y1={y(0)} y2={y(0)} stroke="#999" />
      <text x={28} y={y(max) + 4} textAnchor="end" className={styles.label}>{number(max)}</text>
      <text x={28} y={y(0) + 4} textAnchor="end" className={styles.label}>0</text>
      {points.map((p, i) => {
        const x = 36 + i * step;
        const total = p.values.reduce((a, b) => a + b, 0);
        return (
          <g key={i}>
            {segments(p, stacked).map((s, k) => (
              <rect key={k} x={x + s.slot * bar} y={Math.min(y(s.from), y(s.to))} width={bar} height={Math.max(Math.abs(y(s.to) - y(s.from)), 0.5)} fill={s.fill}>
                <title>{`${p.label}: ${number(p.values[k])}`}</title>
              </rect>
            ))}
            {total !== 0 && <text x={x + (step - 6) / 2} y={y(Math.max(...segments(p, stacked).map((s) => s.to))) - 3} textAnchor="middle" className={styles.value}>{number(total)}</text>}
            <text x={x + (step - 6) / 2} y={top + plot + 6} className={styles.label} style={{ writingMode: "vertical-rl" }}>{short(p.label, 9)}</text>
          </g>
        );
      })}
    </svg>
  );
}

function Bars({ points, stacked, slots }: { points: Point[]; stacked: boolean; slots: number }) {
  const styles = useStyles();
  const step = Math.max(18, slots * 8 + 6);
  const labelWidth = 150;
  const plot = 260;
  const { min, max } = extent(points, stacked);
  const span = max - min || 1;
  const x = (v: number) => labelWidth + ((v - min) / span) * plot;
  const bar = (step - 6) / slots;
  return (
    <svg width={labelWidth + plot + 60} height={points.length * step + 4} role="presentation">
      {points.map((p, i) => {
        const parts = segments(p, stacked);
        const end = Math.max(...parts.map((s) => s.to));
        return (
          <g key={i}>
            <text x={labelWidth - 6} y={i * step + 13} textAnchor="end" className={styles.label}>{short(p.label, 14)}</text>
            {parts.map((s, k) => (
              <rect key={k} x={Math.min(x(s.from), x(s.to))} y={i * step + 3 + s.slot * bar} width={Math.max(Math.abs(x(s.to) - x(s.from)), 0.5)} height={bar} fill={s.fill}>
                <title>{`${p.label}: ${number(p.values[k])}`}</title>
              </rect>
            ))}
            <text x={x(end) + 4} y={i * step + 13} className={styles.value}>{p.values.map(number).join(" + ")}</text>
          </g>
        );
      })}
    </svg>
  );
}

function Pie({ points, spec }: { points: Point[]; spec: ChartSpec }) {
  const styles = useStyles();
  const colored = !!spec.pointColors;
  const slices = points.map((p, i) => ({ label: p.label, value: p.values[0], fill: colored ? p.fills[0] : COLORS[i % COLORS.length] })).filter((p) => p.value > 0);
  const total = slices.reduce((s, p) => s + p.value, 0) || 1;
  const r = 90;
  let angle = -Math.PI / 2;
  const at = (a: number) => `${100 + r * Math.cos(a)} ${100 + r * Math.sin(a)}`;
  return (
    <svg width={420} height={Math.max(200, slices.length * 16 + 8)} role="presentation">
      {slices.map((p, i) => {
        const a = (p.value / total) * Math.PI * 2;
        const from = angle;
        angle += a;
        const d = slices.length === 1 ? `M ${at(from)} A ${r} ${r} 0 1 1 ${at(from + Math.PI * 2 - 0.0001)} Z` : `M 100 100 L ${at(from)} A ${r} ${r} 0 ${a > Math.PI ? 1 : 0} 1 ${at(angle)} Z`;
        return (
          <g key={i}>
            <path d={d} fill={p.fill} stroke="#fff"><title>{`${p.label}: ${number(p.value)}`}</title></path>
            <rect x={210} y={i * 16 + 4} width={10} height={10} fill={p.fill} />
            <text x={226} y={i * 16 + 13} className={styles.label}>{`${short(p.label, 12)} ${number(p.value)}`}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function ChartView({ sheet, spec }: { sheet: MemorySheet; spec: ChartSpec }) {
  const styles = useStyles();
  const points = chartPoints(sheet, spec);
  const series = chartSeries(spec);
  const stacked = spec.stacked === true;
  const slots = stacked ? 1 : series.length;
  return (
    <figure className={styles.chart} role="img" aria-label={spec.title} style={{ margin: 0 }}>
      <Text weight="semibold" size={300}>{spec.title}</Text>
      {series.length > 1 && spec.kind !== "pie" && (
        <div className={styles.legend}>
          {series.map((s, k) => (
            <span key={k}><span className={styles.key} style={{ backgroundColor: `#${(s.color ?? COLORS[k % COLORS.length]).replace(/^#/, "")}` }} />{s.name}</span>
          ))}
        </div>
      )}
      {spec.kind === "column" ? <Columns points={points} stacked={stacked} slots={slots} />
        : spec.kind === "bar" ? <Bars points={points} stacked={stacked} slots={slots} />
          : <Pie points={points} spec={spec} />}
    </figure>
  );
}
