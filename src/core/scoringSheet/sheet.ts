/**
 * A scoring plan as a SheetSpec: one row per plan row, input cells for what the assessor enters (with what each
 * accepts: a score from 0 to the row's points, a whole count, the veto from a list), and every computed cell a
 * formula - KH.* functions, or (portable) native Excel functions that give the same numbers where the add-in is
 * not installed. Cached values come from the decimal engine (evaluatePlan). 总分 and 等级 stay blank until
 * something is entered; the sheet prints one page wide with its header on every page and a place for the
 * assessor's signature under the grade.
 */
import { type Decimal, decimalString } from "../decimal";
import { columnLetters, type MergeArea } from "../grid";
import { render } from "../../locales";
import { DEFAULT_GRADE_SCALE, type GradeScale, sameGradeScale } from "../scoring";
import {
  formula, link, percentFormat, printable, rowHeights, textWidth, value,
  type InputRule, type InputValidation, type SheetSpec, type SpecCell, type SpecValue,
} from "../sheetSpec";
import {
  COMBINED_LABEL, FIRST_ROW, GRADE_LABEL, GROUP_LABEL, HEADER_ROW, NOT_RANKED, TOTAL_LABEL, VETO_KEY, WEIGHTED_LABEL,
  scoringColumns, scoringHeader, type ScoringColumns,
} from "./columns";
import { evaluatePlan, type PlanResult, type RowResult } from "./evaluate";
import { planGradeScale } from "./gradeScale";
import type { SheetInputs } from "./inputs";
import { ROW_KINDS, inputColumns, targetFormat, targetRepeatsName, type FormulaContext } from "./kinds";
import { PART_WEIGHT_SUFFIX, type PlanPart, type PlanRow, type ScoringPlan } from "./plan";
import { sharedBlockRows } from "./rows";

export {
  COMBINED_LABEL, FIRST_ROW, GRADE_LABEL, GROUP_LABEL, HEADER_ROW, KEY_HEADER, NOT_RANKED, TOTAL_LABEL, VETO_KEY, WEIGHTED_LABEL,
  scoringColumns, scoringHeader, type ScoringColumns,
} from "./columns";

export interface ScoringSheetOptions {
  /** Native Excel formulas instead of KH functions. */
  portable: boolean;
  /** The grade scale the user chose (else the books' own or the default on the sheet's maximum: gradeScale.ts). */
  grades?: GradeScale | null;
}

/** Key of a scoring sheet: its book's place and the unit scored (a table shared by several units gives one sheet
 * per unit). Kept in the key column of row 2. */
export function sheetKey(plan: ScoringPlan): string {
  return `${plan.book.sheet}!${plan.book.cell}|${plan.unit}`;
}

/** The name a unit's scoring sheet asks for. */
export const scoringSheetName = (plan: ScoringPlan): string => `评分-${plan.unit}`;

/** An empty cell (value() gives one frozen object for all of them). */
const BLANK: SpecCell = value(null);

const num = (d: Decimal | null | undefined): SpecValue => (d === null || d === undefined ? null : Number(decimalString(d)));

/** Points already written as numbers: an indicator's points recur on every unit's sheet. */
const POINTS = new WeakMap<Decimal, number>();

function pointsNumber(d: Decimal | null): number | null {
  if (d === null) return null;
  let n = POINTS.get(d);
  if (n === undefined) POINTS.set(d, (n = Number(decimalString(d))));
  return n;
}

/** The footer row of a part's score, on a sheet with a unit's own book and common tables. */
export const partScoreLabel = (part: PlanPart): string => `${part.label}得分`;

/** A grade scale in native functions: the lowest grade when vetoed, else the first threshold reached. */
function portableGrade(total: string, veto: string, scale: GradeScale): string {
  const { thresholds, labels } = scale;
  const lowest = `"${labels[labels.length - 1]}"`;
  const byScore = thresholds.reduceRight((rest, t, i) => `IF(${total}>=${decimalString(t)},"${labels[i]}",${rest})`, lowest);
  return `IF(OR(${veto}=TRUE,${veto}=1),${lowest},${byScore})`;
}

/** What every part of the writer shares: the plan, its columns, the variant, the engine's result and the entries. */
interface Layout {
  plan: ScoringPlan;
  inputs: SheetInputs;
  portable: boolean;
  /** The sheet's grade scale. */
  scale: GradeScale;
  cols: ScoringColumns;
  /** The engine's result (null when an entry stops it: the formulas show the error when the workbook computes). */
  result: PlanResult | null;
  rows: SpecCell[][];
  /** Whether the 目标要求 column is hidden: no row has a target text of its own (it would repeat 指标). */
  noTargets: boolean;
  /** What each input cell accepts, cell by cell (merged into ranges at the end). */
  rules: { row: number; col: number; rule: InputRule }[];
  /** The block row each plan row is a copy of (sharedBlockRows). */
  origins: (PlanRow | undefined)[];
  /** Column widths and hidden columns, known once the header rows are made. */
  widths: number[];
  hidden: number[];
  /** What a copied row's template depends on besides its block row: the variant, the groups, the columns. */
  variant: string;
  /** Heights of the rows written from templates, by sheet row (0-based). */
  heights: (number | null | undefined)[];
}

/** Labels of the rows the sheet adds around its footer. */
const WEIGHTS_LABEL = "各部分权重（可修改，合计为 100%）";
const WEIGHT_HEADER = "权重";
const SCORE_HEADER = "得分";
const VETO_LABEL = "一票否决（填 TRUE 或 1）";
const SIGNER_LABEL = "考核人（签字）：";
const DATE_LABEL = "日期：";
/** What the veto cell accepts. */
const VETO_VALUES = ["TRUE", "FALSE", "1", "0"];

const at = (c: number, r: number) => `${columnLetters(c)}${r}`;
const range = (c: number, a: number, b: number) => `${columnLetters(c)}${a}:${columnLetters(c)}${b}`;
/** The sheet row (1-based) of the plan's row `i`. */
const sheetRow = (i: number) => FIRST_ROW + i;
const empty = (cols: ScoringColumns): SpecCell[] => new Array<SpecCell>(cols.count).fill(BLANK);

/** The groups' weights on row 2, as an absolute range ("" without groups). */
function weightsRange({ plan, cols }: Layout): string {
  const n = plan.groups.length;
  return n > 0 ? `$${columnLetters(cols.groups[0])}$2:$${columnLetters(cols.groups[n - 1])}$2` : "";
}

/** Rows 1-3: the title; the unit, its sources, its group and the groups' weights; the header. */
function headRows(layout: Layout): void {
  const { plan, cols, rows } = layout;
  const title = empty(cols);
  title[0] = value(`${plan.unit} 评分表`, "title");
  rows.push(title);
  const meta = empty(cols);
  meta[0] = value("考核单位", "header");
  meta[1] = value(plan.unit);
  meta[layout.noTargets ? cols.name : cols.targetText] = value(`来源：${plan.parts.map((part) => `${part.book.sheet}!${part.book.cell}`).join("；")}`);
  if (plan.group !== null) {
    meta[cols.owner] = value(GROUP_LABEL, "header");
    meta[cols.target] = value(plan.group);
  }
  if (!plan.ranked) meta[cols.actual] = value(NOT_RANKED);
  meta[cols.key] = value(sheetKey(plan));
  if (plan.groups.length > 0) {
    meta[cols.deduction] = value(WEIGHT_HEADER, "header");
    plan.groups.forEach((g, i) => (meta[cols.groups[i]] = value(num(g.weight), "percent")));
  }
  rows.push(meta);
  rows.push(scoringHeader(plan.groups.map((g) => g.label)).map((h) => value(h, "header")));
}

/** A source cell's text ("负面清单!B3"), made once for a row copied onto every unit's sheet. */
const SOURCES = new WeakMap<NonNullable<PlanRow["source"]>, string>();

function sourceText(source: NonNullable<PlanRow["source"]>): string {
  let text = SOURCES.get(source);
  if (text === undefined) SOURCES.set(source, (text = `${source.sheet}!${source.cell}`));
  return text;
}

/** One row of the plan: what it shows, its input cells (what each accepts given to `rule`), and the cells its kind
 * computes (kinds.ts); `rowText(j)`: sheet row of the plan's row j as formulas write it. */
function planRowCells(layout: Layout, i: number, weights: string, rowText: (j: number) => string, rule: (col: number, rule: InputRule) => void): SpecCell[] {
  const { plan, cols, inputs, portable } = layout;
  const row = plan.rows[i];
  const own = rowText(i);
  const cells = empty(cols);
  const kind = ROW_KINDS[row.kind];
  const given = inputs.rows.get(row.key);
  cells[cols.number] = value(row.number || null);
  cells[cols.category] = value(row.category);
  cells[cols.name] = value(row.name, kind.total ? "total" : undefined);
  cells[cols.points] = kind.points ? value(kind.points(row)) : value(pointsNumber(row.points));
  cells[cols.targetText] = value(targetRepeatsName(row) ? null : row.targetText || null);
  cells[cols.owner] = value(row.owner || null);
  cells[cols.key] = value(row.key);
  if (row.source) cells[cols.source] = link(sourceText(row.source), row.source.sheet, row.source.cell);
  if (!kind.total) cells[cols.note] = value(given?.note ?? null, "input");
  if (kind.inputs.actual) cells[cols.actual] = value(given?.actual ?? null, "input", row.target?.unit === "%" ? targetFormat(row.target) : undefined);
  if (kind.inputs.deduction) cells[cols.deduction] = value(given?.deduction ?? null, "input");
  if (kind.inputs.groups) plan.groups.forEach((_, g) => (cells[cols.groups[g]] = value(given?.groups[g] ?? null, "input")));
  for (const column of inputColumns(row.kind)) {
    const accepts = inputRule(row, kind.inputs[column]!.entry);
    for (const col of column === "groups" ? cols.groups : [cols[column]]) rule(col, accepts);
  }
  const context: FormulaContext = {
    plan,
    row,
    index: i,
    result: layout.result?.rows[i],
    ref: (c) => `${columnLetters(cols[c])}${own}`,
    range: (c, from, to) => `${columnLetters(cols[c])}${rowText(from)}:${columnLetters(cols[c])}${rowText(to)}`,
    groups: plan.groups.length > 0 ? `${columnLetters(cols.groups[0])}${own}:${columnLetters(cols.groups[plan.groups.length - 1])}${own}` : "",
    weights,
  };
  for (const cell of kind.cells(context)) {
    const f = portable ? cell.portable : cell.kh;
    cells[cols[cell.column]] = f === null ? value(num(cell.cached), cell.style, cell.format) : formula(f, num(cell.cached), cell.style, cell.format);
  }
  return cells;
}

/** A sheet row written where a row template's formulas name one: its offset from the template's row between marks
 * (a row's formulas hold references, numbers and function names, never a book's text). */
const MARK = "\u0000";

/**
 * A row copied from a block (a common table's, the negative list's) as written on sheets of one variant: its cells
 * (shared, frozen) but for its formulas, kept as text between row offsets, its input rules and its height. Each unit's
 * sheet writes the row from it where it stands, when nothing is entered on it and the engine gives it the same values.
 */
interface RowTemplate {
  key: string;
  result: RowResult | undefined;
  cells: SpecCell[];
  /** Each formula cell: its column, the cell, and its formula as pieces of text between row offsets. */
  formulas: { col: number; cell: Extract<SpecCell, { kind: "formula" }>; pieces: string[]; offsets: number[] }[];
  rules: { col: number; rule: InputRule }[];
  /** The row's height (rowHeights), found when first asked. */
  height?: number | null;
}

/** Templates by the block row and the sheet's variant (Layout.variant). */
const TEMPLATES = new WeakMap<PlanRow, Map<string, RowTemplate>>();

const RESULT_FIELDS = ["target", "completion", "item", "score", "deduct", "subtotal"] as const;
const sameNumber = (a: Decimal | null, b: Decimal | null) => a === b || (a !== null && b !== null && a.eq(b));
const sameResult = (a: RowResult | undefined, b: RowResult | undefined) =>
  a === b || (a !== undefined && b !== undefined && RESULT_FIELDS.every((f) => sameNumber(a[f], b[f])));

function rowTemplate(layout: Layout, i: number, weights: string): RowTemplate {
  const rules: RowTemplate["rules"] = [];
  const cells = planRowCells(layout, i, weights, (j) => `${MARK}${j - i}${MARK}`, (col, rule) => rules.push({ col, rule }));
  const formulas: RowTemplate["formulas"] = [];
  cells.forEach((cell, col) => {
    if (cell.kind !== "formula") {
      Object.freeze(cell);
      return;
    }
    const split = cell.formula.split(MARK);
    formulas.push({ col, cell, pieces: split.filter((_, k) => k % 2 === 0), offsets: split.filter((_, k) => k % 2 === 1).map(Number) });
  });
  return { key: layout.plan.rows[i].key, result: layout.result?.rows[i], cells, formulas, rules };
}

/** The cells of a row copied from `origin` from its template, or null when the row is not as the template's. */
function fromTemplate(layout: Layout, i: number, weights: string, origin: PlanRow): SpecCell[] | null {
  const { plan, inputs, result } = layout;
  const row = plan.rows[i];
  if (inputs.rows.has(row.key)) return null;
  let byVariant = TEMPLATES.get(origin);
  if (!byVariant) TEMPLATES.set(origin, (byVariant = new Map()));
  let template = byVariant.get(layout.variant);
  if (!template) byVariant.set(layout.variant, (template = rowTemplate(layout, i, weights)));
  if (template.key !== row.key || !sameResult(template.result, result?.rows[i])) return null;
  const r = sheetRow(i);
  const cells = template.cells.slice();
  for (const { col, cell, pieces, offsets } of template.formulas) {
    let text = pieces[0];
    for (let k = 0; k < offsets.length; k++) text += `${r + offsets[k]}${pieces[k + 1]}`;
    cells[col] = formula(text, cell.cached, cell.style, cell.format);
  }
  for (const { col, rule } of template.rules) layout.rules.push({ row: r - 1, col, rule });
  if (template.height === undefined) template.height = rowHeights({ rows: [cells], merges: [], widths: layout.widths, hiddenColumns: layout.hidden })[0];
  layout.heights[layout.rows.length] = template.height;
  return cells;
}

/** One row of the plan (from its block's template when it is a copy). */
function planRow(layout: Layout, i: number, weights: string): SpecCell[] {
  const origin = layout.origins[i];
  const copied = origin && fromTemplate(layout, i, weights, origin);
  if (copied) return copied;
  const r = sheetRow(i);
  return planRowCells(layout, i, weights, (j) => String(sheetRow(j)), (col, rule) => layout.rules.push({ row: r - 1, col, rule }));
}

/** What an input cell of a row accepts: a score from 0 to the row's points (a bonus claim: to its cap), a
 * deduction of at most the points (written either way: -2 or 2), a whole count of penalised events; a number
 * where the meaning sets no limit (an actual figure, a deduction taken off the total). */
function inputRule(row: PlanRow, entry: "score" | "deduction" | "count" | null): InputRule {
  const points = row.points === null ? null : Math.abs(pointsNumber(row.points)!);
  if (entry === "count") return { kind: "whole", min: 0, max: null };
  if (entry === "score") return { kind: "decimal", min: 0, max: points };
  if (entry === "deduction" && points !== null) return { kind: "decimal", min: -points, max: points };
  return { kind: "decimal", min: null, max: null };
}

function sameRule(a: InputRule, b: InputRule): boolean {
  if (a.kind === "list") return b.kind === "list" && a.values.join("\u0000") === b.values.join("\u0000");
  return b.kind !== "list" && a.kind === b.kind && a.min === b.min && a.max === b.max;
}

/** The rules as validations: cells of one column with the same rule on consecutive rows become one range. */
function validations(rules: Layout["rules"]): InputValidation[] {
  const sorted = [...rules].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: InputValidation[] = [];
  const title = render({ key: "input.title", params: {} }, "zh");
  for (const { row, col, rule } of sorted) {
    const last = out[out.length - 1];
    if (last && last.area.left === col && last.area.bottom === row - 1 && sameRule(last.rule, rule)) {
      last.area.bottom = row;
      continue;
    }
    const area: MergeArea = { top: row, left: col, bottom: row, right: col };
    const shown = (n: number | null) => (n === null ? null : String(n));
    const params = rule.kind === "list"
      ? { kind: rule.kind, min: null, max: null, values: rule.values }
      : { kind: rule.kind, min: shown(rule.min), max: shown(rule.max), values: [] };
    out.push({ area, rule, title, message: render({ key: "input.rule", params }, "zh") });
  }
  return out;
}

/** A footer row labelled in the 指标 column; returns its cells and its sheet row. */
function footer(layout: Layout, label: string): [SpecCell[], number] {
  const cells = empty(layout.cols);
  cells[layout.cols.name] = value(label, "total");
  layout.rows.push(cells);
  return [cells, layout.rows.length];
}

/** Each part's score and weight, and the parts' weighted score (折算得分); returns that score's cell, or null for a
 * sheet of one part. */
function partRows(layout: Layout): string | null {
  const { plan, cols, inputs, portable, result } = layout;
  if (plan.parts.length <= 1) return null;
  // The weights under a header of their own.
  const head = empty(cols);
  head[cols.name] = value(WEIGHTS_LABEL, "header");
  head[cols.actual] = value(WEIGHT_HEADER, "header");
  head[cols.subtotal] = value(SCORE_HEADER, "header");
  layout.rows.push(head);
  const first = layout.rows.length + 1;
  plan.parts.forEach((part, k) => {
    const [cells, r] = footer(layout, partScoreLabel(part));
    cells[cols.category] = value(part.book.unit);
    cells[cols.key] = value(part.key);
    cells[cols.actual] = value(inputs.rows.get(part.key)?.actual ?? num(part.weight), "input", percentFormat(part.weight.toNumber()));
    layout.rules.push({ row: r - 1, col: cols.actual, rule: { kind: "decimal", min: 0, max: null } });
    const a = sheetRow(part.first), b = sheetRow(part.end - 1);
    cells[cols.subtotal] = formula(`MAX(0,SUM(${range(cols.score, a, b)})-SUM(${range(cols.deduct, a, b)}))`, num(result?.parts[k]?.score), "total");
  });
  const last = layout.rows.length;
  const S = range(cols.subtotal, first, last), W = range(cols.actual, first, last);
  const [combined, r] = footer(layout, COMBINED_LABEL);
  combined[cols.subtotal] = formula(
    portable ? `IF(ABS(SUM(${W})-1)<=1E-9,SUMPRODUCT(${S},${W}),IF(ABS(SUM(${W})-100)<=1E-7,SUMPRODUCT(${S},${W})/100,NA()))` : `KH.WEIGHTED(${S},${W})`,
    num(result?.combined),
    "total",
  );
  return at(cols.subtotal, r);
}

/** The footer: parts and their weights, bonus, deductions, weighted groups, veto, total, grade. */
function footRows(layout: Layout, weights: string): void {
  const { plan, cols, inputs, portable: p, result, scale } = layout;
  const firstRow = FIRST_ROW;
  const lastRow = sheetRow(plan.rows.length - 1);
  const combinedRef = partRows(layout);
  const bonusCells = plan.rows.flatMap((row, i) => (row.kind === "bonus-subtotal" ? [at(cols.subtotal, sheetRow(i))] : []));
  const [bonusRow, bonusAt] = footer(layout, "加分合计");
  bonusRow[cols.subtotal] = bonusCells.length > 0 ? formula(`SUM(${bonusCells.join(",")})`, num(result?.bonus), "total") : value(0, "total");
  const bonusRef = at(cols.subtotal, bonusAt);
  // With several parts the parts' deductions are inside their scores; only the negative list's are left.
  const penaltiesFrom = combinedRef === null ? firstRow : sheetRow(plan.parts[plan.parts.length - 1].end);
  const N = penaltiesFrom <= lastRow ? range(cols.deduct, penaltiesFrom, lastRow) : null;
  const [dedRow] = footer(layout, "扣减合计");
  dedRow[cols.subtotal] = N ? formula(`SUM(${N})`, num(result?.penalties), "total") : value(0, "total");
  if (plan.groups.length > 0) {
    const [w, r] = footer(layout, WEIGHTED_LABEL);
    plan.groups.forEach((_, g) => (w[cols.groups[g]] = formula(`SUM(${range(cols.groups[g], firstRow, lastRow)})`, num(result?.groupTotals[g]), "total")));
    const gr = `${at(cols.groups[0], r)}:${at(cols.groups[plan.groups.length - 1], r)}`;
    w[cols.subtotal] = formula(p ? `SUMPRODUCT(${gr},${weights})` : `KH.WEIGHTED(${gr},${weights})`, num(result?.weighted), "total");
  }
  const [vetoRow, vetoAt] = footer(layout, VETO_LABEL);
  vetoRow[layout.noTargets ? cols.note : cols.targetText] = value(plan.veto);
  vetoRow[cols.actual] = value(inputs.veto ?? null, "input");
  vetoRow[cols.key] = value(VETO_KEY);
  layout.rules.push({ row: vetoAt - 1, col: cols.actual, rule: { kind: "list", values: VETO_VALUES } });
  const vetoRef = at(cols.actual, vetoAt);
  // 总分 and 等级 stay blank until a number, a deduction, a group's score or the veto is entered.
  const lastInput = plan.groups.length > 0 ? cols.groups[plan.groups.length - 1] : cols.deduction;
  const anything = `COUNTA(${columnLetters(cols.actual)}${firstRow}:${columnLetters(lastInput)}${lastRow})+COUNTA(${vetoRef})`;
  const entered = anythingEntered(inputs);
  const [totalRow, totalAt] = footer(layout, TOTAL_LABEL);
  const S = combinedRef ?? range(cols.score, firstRow, lastRow);
  const total = p
    ? `ROUND(MAX(0,${combinedRef ?? `SUM(${S})`}+${bonusRef}${N ? `-SUM(${N})` : ""}),10)`
    : `KH.TOTAL(${S},${bonusRef}${N ? `,${N}` : ""})`;
  totalRow[cols.subtotal] = formula(`IF(${anything}=0,"",${total})`, entered ? num(result?.total) : "", "total");
  const totalRef = at(cols.subtotal, totalAt);
  const [gradeRow] = footer(layout, GRADE_LABEL);
  // KH.GRADE's own thresholds are the default scale's; another scale is passed as an array of thresholds.
  const thresholds = sameGradeScale(scale, DEFAULT_GRADE_SCALE) ? "" : `{${scale.thresholds.map(decimalString).join(",")}}`;
  const grade = p ? portableGrade(totalRef, vetoRef, scale) : `KH.GRADE(${totalRef},${thresholds},,${vetoRef})`;
  gradeRow[cols.subtotal] = formula(`IF(${totalRef}="","",${grade})`, entered ? (result ? result.grade : undefined) : "", "total");
  // The assessor signs and dates the printed sheet under the grade.
  layout.rows.push(empty(cols));
  const sign = empty(cols);
  sign[cols.name] = value(SIGNER_LABEL, "total");
  sign[cols.actual] = value(DATE_LABEL, "total");
  layout.rows.push(sign);
}

/** Whether anything that 总分 counts was entered: a number, a deduction or a group's score on a row of the plan
 * (not a part's weight, not a note), or the veto. */
function anythingEntered(inputs: SheetInputs): boolean {
  const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
  if (filled(inputs.veto)) return true;
  return [...inputs.rows].some(([key, row]) => !key.endsWith(PART_WEIGHT_SUFFIX) && [row.actual, row.deduction, ...row.groups].some(filled));
}

/** Column widths: each column's own, and at least as wide as the labels of the header rows (考核单位 whole; the rows
 * after them change nothing). */
function widths(cols: ScoringColumns, rows: SpecCell[][]): number[] {
  const widths = Array.from({ length: cols.count }, () => 10);
  widths[cols.number] = 6;
  widths[cols.category] = 16;
  widths[cols.name] = 30;
  widths[cols.targetText] = 40;
  widths[cols.note] = 16;
  widths[cols.source] = 18;
  for (const row of rows.slice(1, HEADER_ROW)) {
    row.forEach((cell, c) => {
      if (cell.kind === "value" && cell.style === "header" && typeof cell.value === "string") widths[c] = Math.max(widths[c], textWidth(cell.value) + 2);
    });
  }
  widths[cols.key] = 4;
  return widths;
}

/** Builds the sheet; `inputs` are values already entered (kept on regeneration), by row key. */
export function scoringSheet(plan: ScoringPlan, options: ScoringSheetOptions, inputs: SheetInputs): SheetSpec {
  let result: PlanResult | null;
  const scale = planGradeScale(plan, options.grades ?? null);
  try {
    result = evaluatePlan(plan, inputs, scale);
  } catch {
    result = null; // an entry the engine rejects: the formulas show the error when the workbook computes
  }
  const cols = scoringColumns(plan.groups.length);
  const noTargets = plan.rows.every((row) => targetRepeatsName(row) || row.targetText.trim() === "");
  const layout: Layout = {
    plan, inputs, portable: options.portable, scale, cols, result, rows: [], noTargets, rules: [],
    origins: sharedBlockRows(plan), widths: [], hidden: noTargets ? [cols.targetText, cols.key] : [cols.key], variant: "", heights: [],
  };
  headRows(layout);
  layout.widths = widths(cols, layout.rows);
  layout.variant = `${options.portable}|${plan.groups.length}|${layout.widths.join(",")}|${layout.hidden.join(",")}`;
  const weights = weightsRange(layout);
  for (let i = 0; i < plan.rows.length; i++) layout.rows.push(planRow(layout, i, weights));
  footRows(layout, weights);
  return printable(
    {
      name: scoringSheetName(plan),
      rows: layout.rows,
      merges: [],
      widths: layout.widths,
      frozenRows: HEADER_ROW,
      hiddenColumns: layout.hidden,
      protect: true,
      charts: [],
      validations: validations(layout.rules),
    },
    HEADER_ROW,
    layout.heights,
  );
}
