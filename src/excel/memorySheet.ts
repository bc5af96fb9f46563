/**
 * A sheet of the in-memory workbook (the preview, component tests): values, formulas, merges, links, styles and
 * charts, as plain data.
 */
import type { CellValue, MergeArea, SheetHiding } from "../core/grid";
import { isScoringSheetValues } from "../core/scoringSheet";
import type { ChartSpec, InputValidation, PrintSetup } from "../core/sheetSpec";

/** A number as a cell's number format shows it (`formats`: a percentage, a unit after the number; else General),
 * for views of the in-memory workbook. */
export { formattedNumber } from "../core/sheetSpec";

export interface MemorySheet {
  name: string;
  values: CellValue[][];
  merges: MergeArea[];
  /** Link targets by "row:col" (0-based). */
  links: Map<string, { sheet: string; cell: string }>;
  /** Formulas ("=…") by "row:col"; `values` holds their last computed values. */
  formulas: Map<string, string>;
  /** Styles of generated sheets by "row:col" ("input": a cell the assessor fills). */
  styles: Map<string, string>;
  charts: ChartSpec[];
  /** Columns (0-based) not shown (a scoring sheet's key column). */
  hiddenColumns: number[];
  /** Column widths in characters, where the sheet states them (generated sheets); empty: fitted to the text. */
  widths: number[];
  /** Added by the task pane (a summary sheet), not loaded from the file. */
  generated: boolean;
  /** Number formats of generated sheets by "row:col" (a percent target: "0%"). */
  formats?: Map<string, string>;
  /** Row heights in points where the sheet states them (null: the default). */
  rowHeights?: (number | null)[];
  /** How the sheet prints, where it says. */
  print?: PrintSetup;
  /** What its input cells accept. */
  validations?: InputValidation[];
  /** A sheet the workbook hides (read and checked all the same). */
  hidden?: SheetHiding;
}

/** A scoring sheet Kaohe generated: its header row carries the key column. */
export function isScoringMemorySheet(sheet: MemorySheet): boolean {
  return isScoringSheetValues(sheet.values);
}

/** A sheet's formulas ("=…") as a row-major array beside its values (null where a cell holds none). */
export function formulaGrid(sheet: MemorySheet): (string | null)[][] {
  const grid: (string | null)[][] = sheet.values.map((row) => row.map(() => null));
  for (const [key, f] of sheet.formulas) {
    const [r, c] = key.split(":").map(Number);
    while (grid.length <= r) grid.push([]);
    while (grid[r].length <= c) grid[r].push(null);
    grid[r][c] = f;
  }
  return grid;
}

