/**
 * Reading a generated scoring sheet back, whatever holds it (ExcelJS in the CLI, Office.js or the in-memory
 * workbook in the task pane): the values entered on it, by row key (to keep them when the sheet is generated
 * again), each with its type (a formula, text, a number, a date, an error value, TRUE/FALSE), and the unit's total
 * and grade (for the ranking). A sink only says how to get at a cell.
 */
import { a1 } from "../grid";
import { GRADE_LABEL, GROUP_LABEL, HEADER_ROW, NOT_RANKED, TOTAL_LABEL, VETO_KEY, sheetColumns, type SheetColumns } from "./columns";
import {
  emptyInputs, enteredCell, inputValueOf, isEntered, type EnteredCell, type EntryType, type InputValue, type RowEntries, type RowInputs, type SheetInputs,
} from "./inputs";
import { PART_WEIGHT_SUFFIX } from "./plan";

/** A worksheet as the reader sees it; rows and columns are 1-based, as on the sheet. */
export interface ScoringSheetCells {
  name: string;
  /** Last row that may hold a value. */
  rowCount: number;
  /** The value shown (for a formula, its last computed result). */
  value(row: number, col: number): InputValue;
  /** What was entered: the value, or "=…" for a formula the assessor typed. */
  entered(row: number, col: number): InputValue;
  /** What was entered, with its type as the host reports it (null: an empty cell). */
  typed(row: number, col: number): EnteredCell | null;
}

/** The columns of a scoring sheet (1-based), or null when the worksheet is not one. */
export function scoringSheetHeader(cells: ScoringSheetCells, width = 64): SheetColumns | null {
  const header: [number, string][] = [];
  for (let col = 1; col <= width; col++) {
    const v = cells.value(HEADER_ROW, col);
    if (typeof v === "string") header.push([col, v]);
  }
  return sheetColumns(header);
}

/** A keyed row of a scoring sheet as read back: where it was, what it showed and what was entered on it. */
export interface ReadRow {
  key: string;
  /** Its sheet row (1-based). */
  row: number;
  category: string | null;
  name: string | null;
  targetText: string | null;
  entries: RowEntries;
}

/** A scoring sheet as read back, to carry what was entered on it to the sheet generated again. */
export interface ReadScoringSheet {
  name: string;
  /** The key in the key column of row 2 (sheetKey). */
  sheetKey: string;
  /** The unit it scores (B2). */
  unit: string;
  /** The header of each assessor group's column. */
  groups: string[];
  /** Every keyed row but the veto's, in sheet order. */
  rows: ReadRow[];
  /** The veto row and its entry (null when the sheet has none). */
  veto: { row: number; entry: EnteredCell | null } | null;
}

const textOf = (v: InputValue): string | null => (v === null ? null : String(v).trim() || null);

/** The unit a scoring sheet scores: the cell next to 考核单位 (B2), else the unit in its sheet key. */
export function scoringSheetUnit(cells: ScoringSheetCells, header: SheetColumns | null = scoringSheetHeader(cells)): string {
  const shown = cells.value(2, 2);
  if (shown !== null && String(shown).trim() !== "") return String(shown).trim();
  const key = header ? cells.value(2, header.at.get("key")!) : null;
  if (typeof key === "string" && key.includes("|")) return key.slice(key.lastIndexOf("|") + 1);
  return cells.name;
}

/** A scoring sheet's keyed rows with their typed entries (null when the worksheet is not a scoring sheet). */
export function readScoringSheet(cells: ScoringSheetCells): ReadScoringSheet | null {
  const header = scoringSheetHeader(cells);
  if (!header) return null;
  const at = (id: "key" | "actual" | "deduction" | "note" | "category" | "name" | "targetText") => header.at.get(id);
  const keyCol = at("key")!;
  const typed = (r: number, c: number | undefined) => (c === undefined ? null : cells.typed(r, c));
  const shown = (r: number, c: number | undefined) => (c === undefined ? null : textOf(cells.value(r, c)));
  const sheet: ReadScoringSheet = {
    name: cells.name,
    sheetKey: String(cells.value(2, keyCol) ?? ""),
    unit: scoringSheetUnit(cells, header),
    groups: header.groups.map((c) => String(cells.value(HEADER_ROW, c) ?? "")),
    rows: [],
    veto: null,
  };
  for (let r = HEADER_ROW + 1; r <= cells.rowCount; r++) {
    const key = cells.value(r, keyCol);
    if (typeof key !== "string" || key === "") continue;
    if (key === VETO_KEY) {
      sheet.veto = { row: r, entry: typed(r, at("actual")) };
      continue;
    }
    sheet.rows.push({
      key,
      row: r,
      category: shown(r, at("category")),
      name: shown(r, at("name")),
      targetText: shown(r, at("targetText")),
      entries: {
        actual: typed(r, at("actual")),
        deduction: typed(r, at("deduction")),
        groups: header.groups.map((c) => typed(r, c)),
        note: typed(r, at("note")),
      },
    });
  }
  return sheet;
}

/** The entries of a row, as the engine and the sheet writer take them (a formula as "=…"). */
export const rowInputsOf = (e: RowEntries): RowInputs => ({
  actual: inputValueOf(e.actual),
  deduction: inputValueOf(e.deduction),
  groups: e.groups.map(inputValueOf),
  note: inputValueOf(e.note),
});

/** Whether anything was entered on a row. */
export const hasEntries = (e: RowEntries): boolean => [e.actual, e.deduction, e.note, ...e.groups].some(isEntered);

/** The values entered on a scoring sheet, by row key, and the sheet's key (null when it is not a scoring sheet). */
export function readScoringInputs(cells: ScoringSheetCells): { sheetKey: string; inputs: SheetInputs } | null {
  const sheet = readScoringSheet(cells);
  if (!sheet) return null;
  const inputs = emptyInputs();
  inputs.veto = inputValueOf(sheet.veto?.entry ?? null);
  for (const row of sheet.rows) if (hasEntries(row.entries)) inputs.rows.set(row.key, rowInputsOf(row.entries));
  return { sheetKey: sheet.sheetKey, inputs };
}

/** How many rows (and vetoes) hold something the assessor entered: the parts' weights count only where they were
 * changed from the equal shares the sheet is written with. */
export function enteredCount(inputs: SheetInputs): number {
  const weights = [...inputs.rows.keys()].filter((key) => key.endsWith(PART_WEIGHT_SUFFIX));
  const share = weights.length > 0 ? 1 / weights.length : 0;
  const changed = weights.filter((key) => {
    const v = inputs.rows.get(key)!.actual;
    return !(typeof v === "number" && Math.abs(v - share) < 1e-12);
  });
  const vetoed = inputs.veto === null || inputs.veto === "" ? 0 : 1;
  return inputs.rows.size - weights.length + changed.length + vetoed;
}

/** A unit's result as its scoring sheet shows it (the values last computed, or those written when generated). */
export interface ScoringTotal {
  sheet: string;
  unit: string;
  /** The unit's group (row 2, after 分组), null when the sheet names none. */
  group: string | null;
  /** False for a table that is not a unit's (marked 不参与排名 on row 2). */
  ranked: boolean;
  total: number | null;
  grade: string | null;
  /** The total's cell (A1). */
  cell: string | null;
}

/** The total and grade of a scoring sheet (null when it is not one). */
export function readScoringTotal(cells: ScoringSheetCells): ScoringTotal | null {
  const header = scoringSheetHeader(cells);
  if (!header) return null;
  const nameCol = header.at.get("name")!;
  const subtotalCol = header.at.get("subtotal")!;
  let total: number | null = null;
  let grade: string | null = null;
  let cell: string | null = null;
  for (let r = HEADER_ROW + 1; r <= cells.rowCount; r++) {
    const label = cells.value(r, nameCol);
    const v = cells.value(r, subtotalCol);
    if (label === TOTAL_LABEL && typeof v === "number") {
      total = v;
      cell = a1(r - 1, subtotalCol - 1);
    }
    if (label === GRADE_LABEL && typeof v === "string") grade = v;
  }
  const unit = String(cells.value(2, 2) ?? cells.name);
  let group: string | null = null;
  let ranked = true;
  for (let col = 3; col <= header.at.get("key")!; col++) {
    const v = cells.value(2, col);
    if (v === GROUP_LABEL) group = String(cells.value(2, col + 1) ?? "") || null;
    if (v === NOT_RANKED) ranked = false;
  }
  return { sheet: cells.name, unit, group, ranked, total, grade, cell };
}

/**
 * A sheet's cells from row-major arrays of values (and optionally the formulas, "=…" where a cell holds one) whose
 * first element is the sheet's cell at `origin` (0-based; A1 by default): Office.js used ranges and in-memory sheets.
 */
export function arrayCells(
  name: string,
  values: InputValue[][],
  formulas: unknown[][] | null = null,
  origin: { row: number; col: number } = { row: 0, col: 0 },
  types: (EntryType | null | undefined)[][] | null = null,
): ScoringSheetCells {
  const at = <T>(grid: T[][], row: number, col: number): T | undefined => grid[row - 1 - origin.row]?.[col - 1 - origin.col];
  const value = (row: number, col: number): InputValue => {
    const v = at(values, row, col);
    return v === undefined || v === "" ? null : v;
  };
  return {
    name,
    rowCount: origin.row + values.length,
    value,
    entered(row, col) {
      const f = formulas ? at(formulas, row, col) : undefined;
      return typeof f === "string" && f.startsWith("=") ? f : value(row, col);
    },
    typed(row, col) {
      return enteredCell(formulas ? at(formulas, row, col) : undefined, value(row, col), (types ? at(types, row, col) : undefined) ?? undefined);
    },
  };
}
