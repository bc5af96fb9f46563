/**
 * The preview's drawing of a sheet's charts (ChartSpec: column, bar or pie over two ranges of the sheet), beside its
 * cells, where Excel would float the chart the add-in adds. Values are read from the sheet as it is now.
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { parseA1Range, type CellValue } from "../core/grid";
import type { ChartSpec } from "../core/sheetSpec";
import type { MemorySheet } from "../excel/memoryAdapter";

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: "4px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1, width: "fit-content" },
  label: { fontSize: "11px", fill: tokens.colorNeutralForeground2 },
  value: { fontSize: "10px", fill: tokens.colorNeutralForeground1 },
});

const COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363", "#997300"];

interface Point {
  label: string;
  value: number;
}

/** Cells of a one-column or one-row range, in order. */
function rangeValues(sheet: MemorySheet, range: string): CellValue[] {
  const area = parseA1Range(range);
  const out: CellValue[] = [];
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) out.push(sheet.values[r]?.[c] ?? null);
  return out;
}

export function chartPoints(sheet: MemorySheet, spec: ChartSpec): Point[] {
  const labels = rangeValues(sheet, spec.categories);
  const values = rangeValues(sheet, spec.values);
  return labels.flatMap((label, i) => {
    const v = values[i];
    return label === null || typeof v !== "number" ? [] : [{ label: String(label), value: v }];
  });
}

const short = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const number = (v: number) => String(Number(v.toPrecision(6)));

function Columns({ points }: { points: Point[] }) {
  const styles = useStyles();
  const step = 20;
  const plot = 160;
  const labelsHeight = 112;
  const top = 16;
  const max = Math.max(0, ...points.map((p) => p.value));
  const min = Math.min(0, ...points.map((p) => p.value));
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * plot;
  const width = 40 + points.length * step;
  return (
    <svg width={width} height={top + plot + labelsHeight} role="presentation">
      <line x1={32} x2={width} y1={y(0)} y2={y(0)} stroke="#999" />
      <text x={28} y={y(max) + 4} textAnchor="end" className={styles.label}>{number(max)}</text>
      <text x={28} y={y(0) + 4} textAnchor="end" className={styles.label}>0</text>
      {points.map((p, i) => {
        const x = 36 + i * step;
        const h = Math.abs(y(p.value) - y(0));
        return (
          <g key={i}>
            <rect x={x} y={Math.min(y(p.value), y(0))} width={step - 6} height={Math.max(h, 0.5)} fill={COLORS[0]}>
              <title>{`${p.label}: ${number(p.value)}`}</title>
            </rect>
            {p.value !== 0 && <text x={x + (step - 6) / 2} y={Math.min(y(p.value), y(0)) - 3} textAnchor="middle" className={styles.value}>{number(p.value)}</text>}
            <text x={x + (step - 6) / 2} y={top + plot + 6} className={styles.label} style={{ writingMode: "vertical-rl" }}>{short(p.label, 9)}</text>
          </g>
        );
      })}
    </svg>
  );
}

function Bars({ points }: { points: Point[] }) {
  const styles = useStyles();
  const step = 18;
  const labelWidth = 150;
  const plot = 260;
  const max = Math.max(0, ...points.map((p) => Math.abs(p.value))) || 1;
  return (
    <svg width={labelWidth + plot + 60} height={points.length * step + 4} role="presentation">
      {points.map((p, i) => (
        <g key={i}>
          <text x={labelWidth - 6} y={i * step + 13} textAnchor="end" className={styles.label}>{short(p.label, 14)}</text>
          <rect x={labelWidth} y={i * step + 3} width={Math.max((Math.abs(p.value) / max) * plot, 0.5)} height={step - 6} fill={COLORS[0]}>
            <title>{`${p.label}: ${number(p.value)}`}</title>
          </rect>
          <text x={labelWidth + (Math.abs(p.value) / max) * plot + 4} y={i * step + 13} className={styles.value}>{number(p.value)}</text>
        </g>
      ))}
    </svg>
  );
}

function Pie({ points }: { points: Point[] }) {
  const styles = useStyles();
  const slices = points.filter((p) => p.value > 0);
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
            <path d={d} fill={COLORS[i % COLORS.length]} stroke="#fff"><title>{`${p.label}: ${number(p.value)}`}</title></path>
            <rect x={210} y={i * 16 + 4} width={10} height={10} fill={COLORS[i % COLORS.length]} />
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
  return (
    <figure className={styles.chart} role="img" aria-label={spec.title} style={{ margin: 0 }}>
      <Text weight="semibold" size={300}>{spec.title}</Text>
      {spec.kind === "column" ? <Columns points={points} /> : spec.kind === "bar" ? <Bars points={points} /> : <Pie points={points} />}
    </figure>
  );
}
