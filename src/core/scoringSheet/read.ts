/**
 * Reading a generated scoring sheet back, whatever holds it (ExcelJS in the CLI, Office.js or the in-memory
 * workbook in the task pane): the values entered on it, by row key (to keep them when the sheet is generated
 * again), and the unit's total and grade (for the ranking). A sink only says how to get at a cell.
 */
import { a1 } from "../grid";
import type { SheetSpec, SpecCell } from "../sheetSpec";
import { GRADE_LABEL, GROUP_LABEL, HEADER_ROW, NOT_RANKED, TOTAL_LABEL, VETO_KEY, sheetColumns, type SheetColumns } from "./columns";
import { emptyInputs, type InputValue, type RowInputs, type SheetInputs } from "./inputs";
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

/** The values entered on a scoring sheet, by row key, and the sheet's key (null when it is not a scoring sheet). */
export function readScoringInputs(cells: ScoringSheetCells): { sheetKey: string; inputs: SheetInputs } | null {
  const header = scoringSheetHeader(cells);
  if (!header) return null;
  const col = (id: "key" | "actual" | "deduction" | "note") => header.at.get(id)!;
  const sheetKey = String(cells.value(2, col("key")) ?? "");
  const inputs = emptyInputs();
  for (let r = HEADER_ROW + 1; r <= cells.rowCount; r++) {
    const key = cells.value(r, col("key"));
    if (typeof key !== "string" || key === "") continue;
    if (key === VETO_KEY) {
      inputs.veto = cells.entered(r, col("actual"));
      continue;
    }
    const values: RowInputs = {
      actual: cells.entered(r, col("actual")),
      deduction: cells.entered(r, col("deduction")),
      groups: header.groups.map((c) => cells.entered(r, c)),
      note: cells.entered(r, col("note")),
    };
    if ([values.actual, values.deduction, values.note, ...values.groups].some((v) => v !== null && v !== "")) inputs.rows.set(key, values);
  }
  return { sheetKey, inputs };
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
  };
}

/** A generated sheet whose input cells holding "=…" (formulas the assessor typed, kept on regeneration) become
 * formula cells again, for a sink to write as formulas. */
export function enteredFormulas(spec: SheetSpec): SheetSpec {
  const rows = spec.rows.map((row) =>
    row.map((cell): SpecCell =>
      cell.kind === "value" && cell.style === "input" && typeof cell.value === "string" && cell.value.startsWith("=")
        ? { kind: "formula", formula: cell.value.slice(1), style: "input" }
        : cell,
    ),
  );
  return { ...spec, rows };
}
