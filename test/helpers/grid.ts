import type { CellGrid, CellValue, MergeArea } from "../../src/core/grid";
import { parseA1Range } from "../../src/core/grid";

/** A grid from rows of values and A1 merge ranges ("A2:A4"). */
export function grid(rows: CellValue[][], merges: string[] = [], sheet = "Sheet1"): CellGrid {
  const areas: MergeArea[] = merges.map(parseA1Range);
  return { sheet, values: rows, merges: areas };
}
