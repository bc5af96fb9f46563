/**
 * CellGrid: the one input shape of the engine. Excel (Office.js) and .xlsx files (ExcelJS) are both turned
 * into this before anything else happens; nothing in core knows where a grid came from.
 */

/** A cell's value as the engine sees it: text, a number, a boolean, or empty. Errors arrive as text ("#REF!"). */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive, in grid coordinates (relative to the grid's origin). */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellGrid {
  /** Worksheet name. */
  sheet: string;
  /** Row-major values; rows may differ in length; missing cells are empty. */
  values: CellValue[][];
  /** Merged areas; a merge's value is the value of its top-left cell. */
  merges: MergeArea[];
  /** Sheet coordinates of values[0][0] (a used range need not start at A1). Defaults to A1. */
  origin?: { row: number; col: number };
  /** A sheet the workbook hides ("hidden": Unhide lists it; "veryHidden": only code shows it); absent when visible. */
  hidden?: SheetHiding;
}

export type SheetHiding = "hidden" | "veryHidden";

/** The sheets of a workbook that it hides, by name. */
export function hiddenSheets(grids: CellGrid[]): Map<string, SheetHiding> {
  return new Map(grids.flatMap((g) => (g.hidden ? [[g.sheet, g.hidden] as const] : [])));
}

/** Letters of the columns asked so far: addresses are made for every cell a reader names. */
const LETTERS: string[] = [];

/** Column letters for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(col: number): string {
  return LETTERS[col] ??= lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based sheet row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based sheet row and column of an A1 address ("$B$7" works too). */
export function parseA1(address: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`Not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** A1 address of a 0-based A1 range "A1:C3". */
export function a1Range(area: MergeArea, origin = { row: 0, col: 0 }): string {
  return `${a1(area.top + origin.row, area.left + origin.col)}:${a1(area.bottom + origin.row, area.right + origin.col)}`;
}

/** Parses "A1:C3" (sheet coordinates) into a 0-based area in sheet coordinates. */
export function parseA1Range(range: string): MergeArea {
  const [from, to = from] = range.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Most cells a sheet may have for its merge index to be one typed array (16 MB at most). */
const DENSE_MERGE_INDEX = 4_000_000;

/**
 * Read access to a grid with merges resolved: every cell of a merge reads the top-left value, and knows
 * whether it is the master or a continuation. Built once per grid in linear time.
 */
export class GridView {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly origin: { row: number; col: number };
  private readonly values: CellValue[][];
  /** 1 + index into merges for each covered cell, at row * colCount + col (0: not merged). A typed array for
   * sheets of ordinary size, a map of the covered cells only for a sheet whose extent is huge. */
  private readonly mergeIndex: Int32Array | Map<number, number>;
  private readonly merges: MergeArea[];

  constructor(grid: CellGrid) {
    this.sheet = grid.sheet;
    this.values = grid.values;
    this.origin = grid.origin ?? { row: 0, col: 0 };
    this.rowCount = grid.values.length;
    let cols = 0;
    for (let r = 0; r < grid.values.length; r++) cols = Math.max(cols, grid.values[r].length);
    for (let i = 0; i < grid.merges.length; i++) cols = Math.max(cols, grid.merges[i].right + 1);
    this.colCount = cols;
    this.merges = grid.merges.filter((m) => m.bottom >= m.top && m.right >= m.left);
    const cells = this.rowCount * this.colCount;
    const index = cells <= DENSE_MERGE_INDEX ? new Int32Array(cells) : new Map<number, number>();
    for (let i = 0; i < this.merges.length; i++) {
      const m = this.merges[i];
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const key = r * this.colCount + c;
          if (index instanceof Int32Array) {
            if (index[key] === 0) index[key] = i + 1;
          } else if (!index.has(key)) index.set(key, i + 1);
        }
      }
    }
    this.mergeIndex = index;
  }

  /** The merge covering a cell, if any. */
  mergeAt(row: number, col: number): MergeArea | undefined {
    if (row < 0 || col < 0 || row >= this.rowCount || col >= this.colCount) return undefined;
    const key = row * this.colCount + col;
    const index = this.mergeIndex instanceof Int32Array ? this.mergeIndex[key] : (this.mergeIndex.get(key) ?? 0);
    return index === 0 ? undefined : this.merges[index - 1];
  }

  /** The raw value of a cell, or of its merge's top-left cell. */
  value(row: number, col: number): CellValue {
    const merge = this.mergeAt(row, col);
    return merge ? this.ownValue(merge.top, merge.left) : this.ownValue(row, col);
  }

  /** The value stored in a cell itself, whatever merge covers it. */
  ownValue(row: number, col: number): CellValue {
    const v = this.values[row]?.[col];
    return v === undefined ? null : v;
  }

  /** The value as text ("" for empty); numbers keep their shortest decimal form. */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /** True when the cell holds its own value (not covered by a merge, or the merge's top-left cell). */
  isMaster(row: number, col: number): boolean {
    const merge = this.mergeAt(row, col);
    return !merge || (merge.top === row && merge.left === col);
  }

  /** The top-left cell of the merge covering a cell (the cell itself when not merged). */
  masterOf(row: number, col: number): { row: number; col: number } {
    const merge = this.mergeAt(row, col);
    return merge ? { row: merge.top, col: merge.left } : { row, col };
  }

  /** A1 address in sheet coordinates of a grid cell. */
  address(row: number, col: number): string {
    return a1(row + this.origin.row, col + this.origin.col);
  }
}

/** Text of a cell value: "" for empty, numbers without exponent noise, booleans as TRUE/FALSE. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}
