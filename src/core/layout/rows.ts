/**
 * A grid's rows as the distinct cells a reader sees: each merge once, at its left column, with its text and
 * whether the row starts it or continues it from above.
 */
import { cellText, GridView } from "../grid";
import { compact } from "../points";
import { byText } from "../memo";

export interface RowCell {
  col: number;
  /** Last column of the cell's horizontal extent (the merge's right edge). */
  lastCol: number;
  text: string;
  /** True when the cell's value sits in this row (not continued from a vertical merge above). */
  startsHere: boolean;
}

/** Distinct cells of a row, left to right, including empty ones. */
export function rowCells(view: GridView, row: number): RowCell[] {
  // The sheet splitter, the column reader and the table reader visit the same rows of one view after another:
  // its rows are kept until another view is read, or until the reader says it is done with them. (A WeakMap keyed
  // by view costs more in garbage collection than reading the rows again.)
  if (view !== lastView) {
    lastView = view;
    lastRows = [];
    keptFrom = 0;
  }
  return (lastRows[row] ??= readRow(view, row));
}
let lastView: GridView | null = null;
let lastRows: (RowCell[] | undefined)[] = [];
/** Rows before this one have been let go. */
let keptFrom = 0;

/**
 * Lets the kept rows of a view up to `row` go: the reader has read the tables above. A row asked for again is read
 * again; only memory changes (rows let go while their table is read die young, instead of outliving a sheet of
 * tens of thousands of rows in the collector's older space).
 */
export function releaseRows(view: GridView, row: number) {
  if (view !== lastView) return;
  for (; keptFrom <= row && keptFrom < lastRows.length; keptFrom++) lastRows[keptFrom] = undefined;
}

function readRow(view: GridView, row: number): RowCell[] {
  const cells: RowCell[] = [];
  for (let col = 0; col < view.colCount; col++) {
    const merge = view.mergeAt(row, col);
    if (merge && merge.left !== col) continue;
    const value = merge ? view.value(merge.top, merge.left) : view.ownValue(row, col);
    cells.push({
      col,
      lastCol: merge ? merge.right : col,
      text: typeof value === "string" ? value.trim() : cellText(value),
      startsHere: !merge || merge.top === row,
    });
  }
  return cells;
}

/** The cell of a row that covers a column (a merge covers the columns to its right edge). */
export function cellAt(cells: RowCell[], col: number | null): RowCell | undefined {
  if (col === null) return undefined;
  for (const cell of cells) if (cell.col <= col && col <= cell.lastCol) return cell;
  return undefined;
}

/** The cell that starts at a column on its row with a text of its own: not spanned from the left, not continued from
 * above, not empty. */
export function ownCell(cells: RowCell[], col: number | null): RowCell | undefined {
  const cell = cellAt(cells, col);
  return cell !== undefined && cell.col === col && cell.startsHere && cell.text !== "" ? cell : undefined;
}

/** Cells with text. */
export function filledCells(cells: RowCell[]): RowCell[] {
  return cells.filter((c) => c.text !== "");
}

/** A row whose only text is one cell that starts in it: a candidate title, note or section line. */
export function singleText(cells: RowCell[]): RowCell | null {
  let only: RowCell | null = null;
  for (const cell of cells) {
    if (cell.text === "") continue;
    if (only) return null;
    only = cell;
  }
  return only?.startsHere ? only : null;
}

const WHITE_SPACE = /[\s\u3000\u00a0]/;

/** compact(text), without running the replacement over a text that holds no white space (most cells); a text read
 * again (names and targets are compacted by several readers, and repeat from book to book) is looked up. */
export const flat: (text: string) => string = byText((text) => (WHITE_SPACE.test(text) ? compact(text) : text));

/** Whether any cell of the row has text. */
export function hasText(cells: RowCell[]): boolean {
  for (const cell of cells) if (cell.text !== "") return true;
  return false;
}
