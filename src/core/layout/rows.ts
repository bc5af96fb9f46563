/**
 * A grid's rows as the distinct cells a reader sees: each merge once, at its left column, with its text and
 * whether the row starts it or continues it from above.
 */
import { GridView } from "../grid";
import { compact } from "../points";

export interface RowCell {
  col: number;
  /** Last column of the cell's horizontal extent (the merge's right edge). */
  lastCol: number;
  text: string;
  /** True when the cell's value sits in this row (not continued from a vertical merge above). */
  startsHere: boolean;
}

/** Rows already read, per grid view: the sheet splitter and the table reader visit the same rows. */
const cache = new WeakMap<GridView, RowCell[][]>();

/** Distinct cells of a row, left to right, including empty ones. */
export function rowCells(view: GridView, row: number): RowCell[] {
  let rows = cache.get(view);
  if (!rows) cache.set(view, (rows = []));
  return (rows[row] ??= readRow(view, row));
}

function readRow(view: GridView, row: number): RowCell[] {
  const cells: RowCell[] = [];
  for (let col = 0; col < view.colCount; col++) {
    const merge = view.mergeAt(row, col);
    if (merge && merge.left !== col) continue;
    cells.push({
      col,
      lastCol: merge ? merge.right : col,
      text: view.text(row, col).trim(),
      startsHere: !merge || merge.top === row,
    });
  }
  return cells;
}

/** Cells with text. */
export function filledCells(cells: RowCell[]): RowCell[] {
  return cells.filter((c) => c.text !== "");
}

/** A row whose only text is one cell that starts in it: a candidate title, note or section line. */
export function singleText(cells: RowCell[]): RowCell | null {
  const filled = filledCells(cells);
  return filled.length === 1 && filled[0].startsHere ? filled[0] : null;
}

const WHITE_SPACE = /[\s\u3000\u00a0]/;

/** compact(text), without running the replacement over a text that holds no white space (most cells). */
export function flat(text: string): string {
  return WHITE_SPACE.test(text) ? compact(text) : text;
}
