/**
 * The preview's stand-in for Excel's calculation. In Excel a scoring sheet's formulas (KH.* functions, or native
 * ones with 通用公式) compute themselves; the in-memory workbook has no formula engine. After an entry on a scoring
 * sheet it rebuilds that sheet with the decimal engine - the same books (read from the workbook's other sheets), the
 * same formula variant, the values now entered - and takes from it the new cached values of the sheet's formula
 * cells. Formulas, entered values and every other sheet stay as they are.
 *
 * An entry the engine rejects (text in a number cell, a formula typed into an input cell) stays shown as entered; the
 * formula cells that refer to it, directly or through other formulas, show #VALUE!, as Excel shows an error where a
 * formula meets text it cannot compute with. The rest of the sheet is computed without that entry.
 */
import { parseA1, type CellValue } from "../core/grid";
import { readBooks } from "../core/layout";
import {
  FIRST_ROW,
  arrayCells,
  blankRowInputs,
  emptyInputs,
  evaluatePlan,
  inputColumns,
  readScoringInputs,
  scoringColumns,
  scoringPlans,
  scoringSheet,
  sheetKey,
  type InputColumn,
  type InputValue,
  type RowInputs,
  type ScoringPlan,
  type SheetInputs,
} from "../core/scoringSheet";
import type { SheetSpec } from "../core/sheetSpec";
import { formulaGrid, isScoringMemorySheet, type MemorySheet } from "./memorySheet";

/** What Excel shows in a formula cell that meets text where it needs a number. */
export const VALUE_ERROR = "#VALUE!";

/** The scoring plans of the books on a workbook's sheets other than its scoring sheets (the sources, summaries). */
export function memoryScoringPlans(sheets: MemorySheet[]): ScoringPlan[] {
  const grids = sheets.filter((s) => !isScoringMemorySheet(s)).map((s) => ({ sheet: s.name, values: s.values, merges: s.merges }));
  return scoringPlans(readBooks(grids).books);
}

/**
 * - calculated: the formula cells hold the values for what is entered now;
 * - not-scoring: the sheet is no scoring sheet, nothing to do;
 * - stale: no book of the workbook matches the sheet any more (a book was changed or removed since it was generated),
 *   or its rows no longer line up with the book's: its values are left as they are until it is generated again.
 */
export type Recalculation = "calculated" | "not-scoring" | "stale";

type Field = { key: string; set: (inputs: RowInputs, value: InputValue) => void };

/** The input cells (0-based "row:col") that hold a number for the engine, with the entry each one fills: the input
 * columns of each row's kind, and the weight of each part of a sheet with several. */
function numericInputs(spec: SheetSpec, plan: ScoringPlan): Map<string, Field> {
  const cols = scoringColumns(plan.groups.length);
  const fields = new Map<string, Field>();
  const add = (r: number, column: InputColumn, key: string) => {
    if (column === "groups") cols.groups.forEach((c, g) => fields.set(`${r}:${c}`, { key, set: (i, v) => (i.groups[g] = v) }));
    else fields.set(`${r}:${cols[column]}`, { key, set: (i, v) => (i[column] = v) });
  };
  plan.rows.forEach((row, i) => {
    for (const column of inputColumns(row.kind)) add(FIRST_ROW - 1 + i, column, row.key);
  });
  const parts = new Set(plan.parts.map((part) => part.key));
  spec.rows.forEach((row, r) => {
    const key = row[cols.key];
    if (key?.kind === "value" && typeof key.value === "string" && parts.has(key.value)) add(r, "actual", key.value);
  });
  return fields;
}

/** Whether the engine computes with `value` entered in that cell alone (its own rule, not a copy of it). */
function engineTakes(plan: ScoringPlan, field: Field, value: InputValue): boolean {
  const row = blankRowInputs(plan.groups.length);
  field.set(row, value);
  try {
    evaluatePlan(plan, { rows: new Map([[field.key, row]]), veto: null });
    return true;
  } catch {
    return false;
  }
}

/** Cells a formula refers to, as 0-based "row:col" keys (ranges expanded; text in quotes left out). */
export function formulaReferences(formula: string): string[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const refs: string[] = [];
  const cell = (letters: string, digits: string) => parseA1(`${letters}${digits}`);
  for (const m of bare.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9(.])/g)) {
    const from = cell(m[1], m[2]);
    const to = m[3] ? cell(m[3], m[4]) : from;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
      for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) refs.push(`${r}:${c}`);
    }
  }
  return refs;
}

/** Formula cells of the spec (0-based "row:col") that depend, directly or through other formulas, on `bad` cells. */
function erroneous(spec: SheetSpec, bad: Set<string>): Set<string> {
  const formulas = new Map<string, string[]>();
  spec.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell.kind === "formula") formulas.set(`${r}:${c}`, formulaReferences(cell.formula));
  }));
  const errors = new Set(bad);
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, refs] of formulas) {
      if (!errors.has(key) && refs.some((ref) => errors.has(ref))) {
        errors.add(key);
        changed = true;
      }
    }
  }
  for (const key of bad) errors.delete(key);
  return errors;
}

/** Whether the sheet still holds the spec's rows (same row keys) and a formula wherever the spec computes one. */
function linesUp(sheet: MemorySheet, spec: SheetSpec, plan: ScoringPlan): boolean {
  const cols = scoringColumns(plan.groups.length);
  return spec.rows.every((row, r) => {
    const key = row[cols.key];
    if (key?.kind === "value" && key.value !== null && sheet.values[r]?.[cols.key] !== key.value) return false;
    return row.every((cell, c) => cell.kind !== "formula" || cell.style === "input" || sheet.formulas.has(`${r}:${c}`));
  });
}

/**
 * Recalculates one scoring sheet of an in-memory workbook in place: its formula cells' cached values become what
 * the engine computes for the values entered on it. `plans` are the workbook's scoring plans
 * (memoryScoringPlans).
 */
export function recalculateScoringSheet(sheet: MemorySheet, plans: ScoringPlan[]): Recalculation {
  const cells = arrayCells(sheet.name, sheet.values, formulaGrid(sheet));
  const read = readScoringInputs(cells);
  if (!read) return "not-scoring";
  const plan = plans.find((p) => sheetKey(p) === read.sheetKey);
  if (!plan) return "stale";
  const portable = ![...sheet.formulas.values()].some((f) => f.includes("KH."));
  const layout = scoringSheet(plan, { portable }, emptyInputs());
  if (!linesUp(sheet, layout, plan)) return "stale";

  // Entries the engine rejects are left out of the computation; what depends on them shows #VALUE!.
  const rejected = new Set<string>();
  let inputs: SheetInputs = read.inputs;
  for (const [at, field] of numericInputs(layout, plan)) {
    const [r, c] = at.split(":").map(Number);
    const entered = cells.entered(r + 1, c + 1);
    if (entered !== null && !engineTakes(plan, field, entered)) rejected.add(at);
  }
  if (rejected.size > 0) {
    const clean = sheet.values.map((row) => [...row]);
    const formulas = formulaGrid(sheet);
    for (const at of rejected) {
      const [r, c] = at.split(":").map(Number);
      clean[r][c] = null;
      if (formulas[r]) formulas[r][c] = null;
    }
    inputs = readScoringInputs(arrayCells(sheet.name, clean, formulas))!.inputs;
  }
  const spec = scoringSheet(plan, { portable }, inputs);
  const errors = erroneous(spec, rejected);
  spec.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell.kind !== "formula" || cell.style === "input") return;
    const shown: CellValue = errors.has(`${r}:${c}`) ? VALUE_ERROR : cell.cached ?? null;
    while (sheet.values.length <= r) sheet.values.push([]);
    const values = sheet.values[r];
    while (values.length <= c) values.push(null);
    values[c] = shown;
  }));
  return "calculated";
}
