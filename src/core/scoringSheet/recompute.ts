/**
 * A unit's total as the engine computes it from what was entered on its scoring sheet, never as the sheet shows it:
 * a total typed over its formula, a stored result changed by hand or a workbook filled and never recalculated all
 * show another number than the entries give. The ranking ranks by the recomputed total and `check` names a total
 * cell that differs (total-mismatch). A sheet with nothing entered is named, not given a total of 0.
 */
import type { Book } from "../book";
import { type Decimal, dec, decimalString } from "../decimal";
import { a1, type CellGrid } from "../grid";
import type { GradeScale } from "../scoring";
import { bySeverity, finding, type Finding } from "../rules/finding";
import { gridCells, type ScoringSheetCheck } from "./entered";
import { evaluatePlan } from "./evaluate";
import { planGradeScale } from "./gradeScale";
import { scoringPlans } from "./index";
import type { RowInputs, SheetInputs } from "./inputs";
import type { ScoringPlan } from "./plan";
import { HEADER_ROW, TOTAL_LABEL, VETO_KEY } from "./columns";
import { enteredCount, readScoringTotal, scoringSheetHeader, type ScoringSheetCells } from "./read";
import { sheetKey } from "./sheet";

/** scored: the entries give a total; unentered: nothing was entered; uncomputable: an entry the engine cannot read
 * (text where a number belongs, named by entered-value) or no book of the workbook for the sheet. */
export type TotalStatus = "scored" | "unentered" | "uncomputable";

export interface RecomputedTotal {
  sheet: string;
  unit: string;
  group: string | null;
  /** False for a table that is not a unit's (不参与排名). */
  ranked: boolean;
  status: TotalStatus;
  /** The engine's total and grade for the entries (also for a sheet with nothing entered); null when uncomputable. */
  total: Decimal | null;
  grade: string | null;
  /** What the total cell shows (its last computed or typed value), null when it holds no number. */
  shown: number | null;
  /** The total cell (A1), null when the sheet has none. */
  cell: string | null;
}

const plansOf = new WeakMap<readonly Book[], Map<string, ScoringPlan>>();

/** The scoring plans of a workbook's books by sheet key, to find each scoring sheet's plan (made once per list of
 * books: a check that re-checks one scoring sheet after an entry finds them again). */
export function plansByKey(books: readonly Book[]): Map<string, ScoringPlan> {
  let plans = plansOf.get(books);
  if (!plans) {
    plans = new Map(scoringPlans([...books]).map((plan) => [sheetKey(plan), plan]));
    plansOf.set(books, plans);
  }
  return plans;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The entries that score, as their cells show them (a formula typed there by its result; a note alone is no
 * entry), and the sheet's key; null when the worksheet is not a scoring sheet. */
function shownEntries(cells: ScoringSheetCells): { sheetKey: string; inputs: SheetInputs } | null {
  const header = scoringSheetHeader(cells);
  if (!header) return null;
  const keyCol = header.at.get("key")!;
  const shown = (row: number, col: number | undefined) => (col === undefined ? null : cells.value(row, col));
  const inputs: SheetInputs = { rows: new Map(), veto: null };
  for (let r = HEADER_ROW + 1; r <= cells.rowCount; r++) {
    const key = cells.value(r, keyCol);
    if (typeof key !== "string" || key === "") continue;
    if (key === VETO_KEY) {
      inputs.veto = shown(r, header.at.get("actual"));
      continue;
    }
    const row: RowInputs = {
      actual: shown(r, header.at.get("actual")),
      deduction: shown(r, header.at.get("deduction")),
      groups: header.groups.map((c) => shown(r, c)),
      note: null,
    };
    if ([row.actual, row.deduction, ...row.groups].some((v) => !blank(v))) inputs.rows.set(key, row);
  }
  return { sheetKey: String(cells.value(2, keyCol) ?? ""), inputs };
}

/** The 总分 cell (A1) found by its label, whatever it shows (blank until something is entered). */
function totalCell(cells: ScoringSheetCells): string | null {
  const header = scoringSheetHeader(cells);
  const name = header?.at.get("name");
  const subtotal = header?.at.get("subtotal");
  if (name === undefined || subtotal === undefined) return null;
  for (let r = HEADER_ROW + 1; r <= cells.rowCount; r++) if (cells.value(r, name) === TOTAL_LABEL) return a1(r - 1, subtotal - 1);
  return null;
}

/** The sheet's plan: by the sheet key on row 2, else the one plan of the unit the sheet names. */
function planOf(plans: Map<string, ScoringPlan>, key: string, unit: string): ScoringPlan | null {
  const byKey = plans.get(key);
  if (byKey) return byKey;
  const ofUnit = [...plans.values()].filter((plan) => plan.unit === unit);
  return ofUnit.length === 1 ? ofUnit[0] : null;
}

/** A scoring sheet's total recomputed from its entries (the values its input cells show, a formula typed there by
 * its result); null when the worksheet is not a scoring sheet. */
export function recomputedTotal(cells: ScoringSheetCells, plans: Map<string, ScoringPlan>, grades: GradeScale | null = null): RecomputedTotal | null {
  const shownTotal = readScoringTotal(cells);
  const read = shownEntries(cells);
  if (!shownTotal || !read) return null;
  const { unit, group, ranked, total: shown, sheet } = shownTotal;
  const cell = shownTotal.cell ?? totalCell(cells);
  const plan = planOf(plans, read.sheetKey, unit);
  const entries = read.inputs;
  const status: TotalStatus = enteredCount(entries) === 0 ? "unentered" : "scored";
  const base = { sheet, unit, group: plan?.group ?? group, ranked: plan?.ranked ?? ranked, shown, cell };
  if (!plan) return { ...base, status: status === "unentered" ? status : "uncomputable", total: null, grade: null };
  try {
    const result = evaluatePlan(plan, entries, planGradeScale(plan, grades));
    return { ...base, status, total: result.total, grade: result.grade };
  } catch {
    return { ...base, status: "uncomputable", total: null, grade: null };
  }
}

/** Floating point of a portable sheet (rounded to 10 decimals) against the engine's decimals. */
const TOLERANCE = dec("1e-6");

/** total-mismatch: the total cell shows another number than the entries give. */
export function totalMismatch(total: RecomputedTotal): Finding[] {
  if (total.total === null || total.shown === null || total.cell === null) return [];
  const shown = dec(total.shown);
  if (shown.minus(total.total).abs().lte(TOLERANCE)) return [];
  return [finding(
    { rule: "total-mismatch", severity: "error", sheet: total.sheet, cell: total.cell, unit: total.unit, category: null, stated: shown, computed: total.total },
    "total-mismatch", { shown: decimalString(shown), computed: decimalString(total.total) },
  )];
}

/** The checks of a workbook's scoring sheets with total-mismatch added: each sheet's total cell against the total
 * its entries give (errors first, as the sheet's other findings). */
export function withTotalChecks(scoring: ScoringSheetCheck[], books: Book[], grids: CellGrid[]): ScoringSheetCheck[] {
  if (scoring.length === 0) return scoring;
  const plans = plansByKey(books);
  const bySheet = new Map(grids.map((grid) => [grid.sheet, grid]));
  return scoring.map((check) => {
    const grid = bySheet.get(check.sheet);
    const total = grid ? recomputedTotal(gridCells(grid), plans) : null;
    const mismatch = total ? totalMismatch(total) : [];
    return mismatch.length === 0 ? check : { ...check, findings: [...mismatch, ...check.findings].sort(bySeverity) };
  });
}
