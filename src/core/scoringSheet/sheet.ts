/**
 * A scoring plan as a SheetSpec: one row per plan row, input cells for what the assessor enters, and every
 * computed cell a formula - KH.* functions, or (portable) native Excel functions that give the same numbers where
 * the add-in is not installed. Cached values come from the decimal engine (evaluatePlan).
 */
import { type Decimal, decimalString } from "../decimal";
import { columnLetters } from "../grid";
import { formula, link, value, type CellStyle, type SheetSpec, type SpecCell, type SpecValue } from "../sheetSpec";
import { evaluatePlan, type PlanResult, type ScoringPlan, type SheetInputs } from "./plan";

/** Header of the hidden key column: marks a sheet as a scoring sheet and keys its rows to source indicators. */
export const KEY_HEADER = "KH-KEY";
export const VETO_KEY = "#一票否决";
export const TOTAL_LABEL = "总分";
export const GRADE_LABEL = "等级";
export const WEIGHTED_LABEL = "加权得分";
/** The parts' weighted score, on a sheet with a unit's own book and common tables. */
export const COMBINED_LABEL = "折算得分";
/** Row 2: the label before the unit's group, and the mark of a sheet left out of the ranking. */
export const GROUP_LABEL = "分组";
export const NOT_RANKED = "不参与排名";
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;

export interface ScoringSheetOptions {
  /** Native Excel formulas instead of KH functions. */
  portable: boolean;
}

/** Key of a scoring sheet: its book's place and the unit scored (a table shared by several units gives one sheet
 * per unit). Kept in the key column of row 2. */
export function sheetKey(plan: ScoringPlan): string {
  return `${plan.book.sheet}!${plan.book.cell}|${plan.unit}`;
}

/** Column indexes (0-based) of a scoring sheet with `groups` assessor groups. */
export function scoringColumns(groups: number) {
  const g = 9;
  const after = g + groups;
  return {
    number: 0, category: 1, name: 2, points: 3, targetText: 4, owner: 5, target: 6, actual: 7, deduction: 8,
    groups: Array.from({ length: groups }, (_, i) => g + i),
    note: after, completion: after + 1, item: after + 2, score: after + 3, deduct: after + 4, subtotal: after + 5,
    source: after + 6, key: after + 7, count: after + 8,
  };
}
export type ScoringColumns = ReturnType<typeof scoringColumns>;

export function scoringHeader(groupLabels: string[]): string[] {
  return [
    "序号", "类别", "指标", "分值", "目标要求", "责任单位", "目标值", "实际完成", "扣分",
    ...groupLabels.map((l) => `${l}评分`), "备注", "完成率", "分项得分", "得分", "扣减", "小计", "来源", KEY_HEADER,
  ];
}

const num = (d: Decimal | null | undefined): SpecValue => (d === null || d === undefined ? null : Number(decimalString(d)));

/** Builds the sheet; `inputs` are values already entered (kept on regeneration), by row key. */
export function scoringSheet(plan: ScoringPlan, options: ScoringSheetOptions, inputs: SheetInputs): SheetSpec {
  const p = options.portable;
  const cols = scoringColumns(plan.groups.length);
  const L = (c: number) => columnLetters(c);
  const at = (c: number, r: number) => `${L(c)}${r}`;
  const range = (c: number, a: number, b: number) => `${L(c)}${a}:${L(c)}${b}`;
  let result: PlanResult | null;
  try {
    result = evaluatePlan(plan, inputs);
  } catch {
    result = null; // an entry the engine rejects: the formulas show the error when the workbook computes
  }
  const rows: SpecCell[][] = [];
  const empty = (): SpecCell[] => Array.from({ length: cols.count }, () => value(null));
  const title = empty();
  title[0] = value(`${plan.unit} 评分表`, "title");
  rows.push(title);
  const meta = empty();
  meta[0] = value("考核单位", "header");
  meta[1] = value(plan.unit);
  meta[4] = value(`来源：${plan.parts.map((part) => `${part.book.sheet}!${part.book.cell}`).join("；")}`);
  if (plan.group !== null) {
    meta[cols.owner] = value(GROUP_LABEL, "header");
    meta[cols.target] = value(plan.group);
  }
  if (!plan.ranked) meta[cols.actual] = value(NOT_RANKED);
  meta[cols.key] = value(sheetKey(plan));
  if (plan.groups.length > 0) {
    meta[cols.deduction] = value("权重", "header");
    plan.groups.forEach((g, i) => (meta[cols.groups[i]] = value(num(g.weight), "percent")));
  }
  rows.push(meta);
  rows.push(scoringHeader(plan.groups.map((g) => g.label)).map((h) => value(h, "header")));

  const firstRow = FIRST_ROW;
  const lastRow = FIRST_ROW + plan.rows.length - 1;
  const sheetRow = (i: number) => FIRST_ROW + i;
  const weightsRange = plan.groups.length > 0 ? `$${L(cols.groups[0])}$2:$${L(cols.groups[plan.groups.length - 1])}$2` : "";

  plan.rows.forEach((row, i) => {
    const r = sheetRow(i);
    const cells = empty();
    const res = result?.rows[i];
    const given = inputs.rows.get(row.key);
    const ref = (c: number) => at(c, r);
    const H = ref(cols.actual), I = ref(cols.deduction), D = ref(cols.points), G = ref(cols.target);
    const input = (c: number, v: SpecValue | undefined) => (cells[c] = value(v ?? null, "input"));
    cells[cols.number] = value(row.number || null);
    cells[cols.category] = value(row.category);
    cells[cols.name] = value(row.name, row.kind === "subtotal" || row.kind === "bonus-subtotal" || row.kind === "section" ? "total" : undefined);
    cells[cols.points] = value(num(row.points));
    cells[cols.targetText] = value(row.targetText || null);
    cells[cols.owner] = value(row.owner || null);
    cells[cols.key] = value(row.key);
    if (row.source) cells[cols.source] = link(`${row.source.sheet}!${row.source.cell}`, row.source.sheet, row.source.cell);
    const isItem = !["subtotal", "bonus-subtotal", "section"].includes(row.kind);
    if (isItem) input(cols.note, given?.note);
    const score = (kh: string, portable: string, cached: Decimal | null | undefined, c = cols.score, style?: CellStyle) =>
      (cells[c] = formula(p ? portable : kh, num(cached), style));
    switch (row.kind) {
      case "ratio": {
        input(cols.actual, given?.actual);
        cells[cols.target] = p ? value(num(row.target!.value)) : formula(`KH.TARGET(${ref(cols.targetText)})`, num(row.target!.value));
        const lower = row.target!.direction === "lower";
        if (!lower) {
          score(`IF(${H}="","",KH.COMPLETION(${G},${H}))`, `IF(${H}="","",${H}/${G})`, res?.completion, cols.completion, "percent");
        }
        score(
          lower ? `IF(${H}="","",KH.SCORE(${D},${G},${H},,"lower"))` : `IF(${H}="","",KH.SCORE(${D},${G},${H}))`,
          lower ? `IF(${H}="","",IF(${H}<=${G},${D},IF(${G}<=0,0,${D}*${G}/${H})))` : `IF(${H}="","",${D}*MAX(0,MIN(1,${H}/${G})))`,
          res?.score,
        );
        break;
      }
      case "quarter-ratio":
        input(cols.actual, given?.actual);
        cells[cols.target] = value(num(row.target!.value));
        score(`IF(${H}="","",KH.COMPLETION(${G},${H}))`, `IF(${H}="","",${H}/${G})`, res?.completion, cols.completion, "percent");
        score(`IF(${H}="","",KH.SCORE(${D},${G},${H}))`, `IF(${H}="","",${D}*MAX(0,MIN(1,${H}/${G})))`, res?.item, cols.item);
        break;
      case "manual":
      case "quarter":
      case "segment": {
        input(cols.deduction, given?.deduction);
        const part = row.kind !== "manual";
        score(`IF(${I}="","",KH.DEDUCT(${D},${I}))`, `IF(${I}="","",MAX(0,${D}-ABS(${I})))`, part ? res?.item : res?.score, part ? cols.item : cols.score);
        break;
      }
      case "reference":
        input(cols.actual, given?.actual);
        score(`IF(${H}="","",KH.SCORE(${D},${D},${H}))`, `IF(${H}="","",MIN(${D},MAX(0,${H})))`, res?.score);
        break;
      case "weighted": {
        plan.groups.forEach((_, g) => input(cols.groups[g], given?.groups[g]));
        const gr = `${ref(cols.groups[0])}:${ref(cols.groups[plan.groups.length - 1])}`;
        const n = plan.groups.length;
        score(`IF(COUNT(${gr})<${n},"",KH.WEIGHTED(${gr},${weightsRange}))`, `IF(COUNT(${gr})<${n},"",SUMPRODUCT(${gr},${weightsRange}))`, res?.score);
        break;
      }
      case "quarter-main": {
        // Members: the text's other pointed parts (segment) first, then the quarters, each run contiguous.
        const others = row.members.filter((m) => plan.rows[m].kind === "segment");
        const quarters = row.members.filter((m) => plan.rows[m].kind !== "segment");
        const q = range(cols.item, sheetRow(quarters[0]), sheetRow(quarters[quarters.length - 1]));
        if (others.length === 0) {
          score(`IF(COUNT(${q})=0,"",KH.QUARTERAVG(${q}))`, `IF(COUNT(${q})=0,"",AVERAGE(${q}))`, res?.score);
        } else {
          const all = range(cols.item, sheetRow(row.members[0]), sheetRow(row.members[row.members.length - 1]));
          const o = range(cols.item, sheetRow(others[0]), sheetRow(others[others.length - 1]));
          score(
            `IF(COUNT(${all})=0,"",SUM(${o})+IF(COUNT(${q})=0,0,KH.QUARTERAVG(${q})))`,
            `IF(COUNT(${all})=0,"",SUM(${o})+IF(COUNT(${q})=0,0,AVERAGE(${q})))`,
            res?.score,
          );
        }
        break;
      }
      case "deduction-only":
        input(cols.deduction, given?.deduction);
        score(`IF(${I}="","",ABS(${I}))`, `IF(${I}="","",ABS(${I}))`, res?.deduct, cols.deduct);
        break;
      case "bonus":
        input(cols.actual, given?.actual);
        if (row.points === null) score(`IF(${H}="","",${H})`, `IF(${H}="","",${H})`, res?.item, cols.item);
        else score(`IF(${H}="","",KH.BONUS(${H},${D}))`, `IF(${H}="","",MIN(${H},${D}))`, res?.item, cols.item);
        break;
      case "penalty":
        input(cols.actual, given?.actual);
        score(`IF(${H}="","",ABS(${D})*${H})`, `IF(${H}="","",ABS(${D})*${H})`, res?.deduct, cols.deduct);
        break;
      case "penalty-tier": {
        input(cols.deduction, given?.deduction);
        const tiers = row.tiers.map(decimalString);
        const nested = tiers.reduceRight((acc, t) => `IF(ABS(${I})>=${t},${t},${acc})`, "0");
        score(`IF(${I}="","",KH.TIER(ABS(${I}),{${tiers.join(",")}},{${tiers.join(",")}}))`, `IF(${I}="","",${nested})`, res?.deduct, cols.deduct);
        cells[cols.points] = value(`-${tiers.join("/-")}`);
        break;
      }
      case "subtotal": {
        const a = sheetRow(row.members[0] ?? i), b = sheetRow(row.members[row.members.length - 1] ?? i);
        const f = `SUM(${range(cols.score, a, b)})-SUM(${range(cols.deduct, a, b)})`;
        score(f, f, res?.subtotal, cols.subtotal, "total");
        break;
      }
      case "bonus-subtotal": {
        const a = sheetRow(row.members[0]), b = sheetRow(row.members[row.members.length - 1]);
        const capArg = row.cap === null ? "" : `,${decimalString(row.cap)}`;
        score(
          `KH.BONUS(${range(cols.actual, a, b)},${range(cols.points, a, b)}${capArg})`,
          row.cap === null ? `SUM(${range(cols.item, a, b)})` : `MIN(${decimalString(row.cap)},SUM(${range(cols.item, a, b)}))`,
          res?.subtotal, cols.subtotal, "total",
        );
        break;
      }
      default:
        break;
    }
    rows.push(cells);
  });

  // Footer: parts and their weights, bonus, deductions, weighted groups, veto, total, grade.
  const footer = (label: string): SpecCell[] => {
    const cells = empty();
    cells[cols.name] = value(label, "total");
    rows.push(cells);
    return cells;
  };
  const rowNo = () => rows.length; // 1-based number of the last pushed row
  let combinedRef: string | null = null;
  if (plan.parts.length > 1) {
    const first = rowNo() + 1;
    plan.parts.forEach((part, k) => {
      const cells = footer(`${part.label}得分`);
      cells[cols.targetText] = value(`${part.book.unit}（“实际完成”列为权重，可修改，各部分合计为1）`);
      cells[cols.key] = value(part.key);
      cells[cols.actual] = value(inputs.rows.get(part.key)?.actual ?? num(part.weight), "input");
      const a = sheetRow(part.first), b = sheetRow(part.end - 1);
      const f = `MAX(0,SUM(${range(cols.score, a, b)})-SUM(${range(cols.deduct, a, b)}))`;
      cells[cols.subtotal] = formula(f, num(result?.parts[k]?.score), "total");
    });
    const last = rowNo();
    const S = range(cols.subtotal, first, last), W = range(cols.actual, first, last);
    const combined = footer(COMBINED_LABEL);
    combined[cols.subtotal] = formula(
      p ? `IF(ABS(SUM(${W})-1)<=1E-9,SUMPRODUCT(${S},${W}),IF(ABS(SUM(${W})-100)<=1E-7,SUMPRODUCT(${S},${W})/100,NA()))` : `KH.WEIGHTED(${S},${W})`,
      num(result?.combined),
      "total",
    );
    combinedRef = at(cols.subtotal, rowNo());
  }
  const bonusCells = plan.rows.map((row, i) => (row.kind === "bonus-subtotal" ? at(cols.subtotal, sheetRow(i)) : null)).filter((x): x is string => x !== null);
  const bonusRow = footer("加分合计");
  bonusRow[cols.subtotal] = bonusCells.length > 0 ? formula(`SUM(${bonusCells.join(",")})`, num(result?.bonus), "total") : value(0, "total");
  const bonusRef = at(cols.subtotal, rowNo());
  // With several parts the parts' deductions are inside their scores; only the negative list's are left.
  const penaltiesFrom = combinedRef === null ? firstRow : sheetRow(plan.parts[plan.parts.length - 1].end);
  const N = penaltiesFrom <= lastRow ? range(cols.deduct, penaltiesFrom, lastRow) : null;
  const dedRow = footer("扣减合计");
  dedRow[cols.subtotal] = N ? formula(`SUM(${N})`, num(result?.penalties), "total") : value(0, "total");
  if (plan.groups.length > 0) {
    const w = footer(WEIGHTED_LABEL);
    const r = rowNo() ;
    plan.groups.forEach((_, g) => (w[cols.groups[g]] = formula(`SUM(${range(cols.groups[g], firstRow, lastRow)})`, num(result?.groupTotals[g]), "total")));
    const gr = `${at(cols.groups[0], r)}:${at(cols.groups[plan.groups.length - 1], r)}`;
    w[cols.subtotal] = formula(p ? `SUMPRODUCT(${gr},${weightsRange})` : `KH.WEIGHTED(${gr},${weightsRange})`, num(result?.weighted), "total");
  }
  const vetoRow = footer("一票否决（填 TRUE 或 1）");
  vetoRow[cols.targetText] = value(plan.veto);
  vetoRow[cols.actual] = value(inputs.veto ?? null, "input");
  vetoRow[cols.key] = value(VETO_KEY);
  const vetoRef = at(cols.actual, rowNo());
  const totalRow = footer(TOTAL_LABEL);
  const S = combinedRef ?? range(cols.score, firstRow, lastRow);
  totalRow[cols.subtotal] = formula(
    p
      ? `ROUND(MAX(0,${combinedRef ?? `SUM(${S})`}+${bonusRef}${N ? `-SUM(${N})` : ""}),10)`
      : `KH.TOTAL(${S},${bonusRef}${N ? `,${N}` : ""})`,
    num(result?.total),
    "total",
  );
  const totalRef = at(cols.subtotal, rowNo());
  const gradeRow = footer(GRADE_LABEL);
  gradeRow[cols.subtotal] = formula(
    p
      ? `IF(OR(${vetoRef}=TRUE,${vetoRef}=1),"不合格",IF(${totalRef}>=90,"优秀",IF(${totalRef}>=80,"良好",IF(${totalRef}>=60,"合格","不合格"))))`
      : `KH.GRADE(${totalRef},,,${vetoRef})`,
    result ? result.grade : undefined,
    "total",
  );

  const widths = Array.from({ length: cols.count }, () => 10);
  widths[cols.number] = 6;
  widths[cols.category] = 16;
  widths[cols.name] = 30;
  widths[cols.targetText] = 40;
  widths[cols.note] = 16;
  widths[cols.source] = 18;
  widths[cols.key] = 4;
  return { name: `评分-${plan.unit}`, rows, merges: [], widths, frozenRows: HEADER_ROW, hiddenColumns: [cols.key], protect: true, charts: [] };
}
