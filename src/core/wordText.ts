/**
 * Word tables exported as text (docs/LAYOUT.md "Reading the text") into document items, and document items
 * into worksheet layouts ("Laying out a sheet", "Sheets"). Everything here runs in linear time.
 */
import type { MergeArea } from "./grid";
import { labelRole } from "./layout/labels";

export interface TitleItem {
  kind: "title";
  text: string;
}

export interface TableItem {
  kind: "table";
  /** Rows of cells; a cell's paragraphs are joined with "\n"; "" is a blank cell. */
  rows: string[][];
  /** Cells in the widest row. */
  width: number;
  /**
   * Where the cells are when the source says so (a .docx's gridSpan and vMerge): the table's cells by grid column,
   * "" where empty or covered, and its merged areas relative to the table's first row. Laid out as given, without
   * the guesses the text form needs.
   */
  grid?: { values: string[][]; merges: MergeArea[] };
}

export type WordItem = TitleItem | TableItem;

const CELL_LINE = /^[ \u3000]*\t/;
const SPACES_BEFORE_TAB = /^[ \u3000]+\t/;
const BLANK_LINE = /^\s*$/;
const BOOKMARK = /\[bookmark: [^\]]*\]/g;

/** A table being read: finished rows, the row being read and the paragraphs of its last cell. */
class OpenTable {
  readonly rows: string[][] = [];
  /** Cells of the widest finished row. */
  width = 0;
  private row: string[] = [];
  private paragraphs: string[] = [];
  private hasCell = false;

  get cellsInRow(): number {
    return this.row.length + (this.hasCell ? 1 : 0);
  }

  startRow(): void {
    this.endRow();
  }

  startCell(text: string): void {
    this.endCell();
    this.hasCell = true;
    this.paragraphs.push(text);
  }

  addParagraph(text: string): void {
    this.paragraphs.push(text);
  }

  close(): TableItem {
    this.endRow();
    return { kind: "table", rows: joinSplitRows(this.rows, this.width), width: this.width };
  }

  private endCell(): void {
    if (!this.hasCell) return;
    const kept = this.paragraphs.map((p) => p.trim()).filter((p) => p !== "");
    this.row.push(kept.join("\n"));
    this.paragraphs = [];
    this.hasCell = false;
  }

  private endRow(): void {
    this.endCell();
    if (this.row.length === 0) return;
    this.rows.push(this.row);
    this.width = Math.max(this.width, this.row.length);
    this.row = [];
  }
}

/**
 * A cell that ends with an empty paragraph looks like the end of its row, so the row's remaining cells arrive as
 * a row of their own. A short row that starts with a blank cell (a continuation, which never spans columns) is
 * joined with the next row when together they hold exactly `width` cells.
 */
function joinSplitRows(rows: string[][], width: number): string[][] {
  const joined: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const next = rows[i + 1];
    if (row.length < width && row[0] === "" && next !== undefined && row.length + next.length === width) {
      joined.push([...row, ...next]);
      i++;
    } else {
      joined.push(row);
    }
  }
  return joined;
}

/** Reads Word-table text into title lines and tables, in document order. */
export function parseWordText(text: string): WordItem[] {
  const items: WordItem[] = [];
  let table: OpenTable | null = null;
  /** Blank lines since the last non-blank line. */
  let blanks = 0;

  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\r/g, "").replace(BOOKMARK, "");
    if (CELL_LINE.test(line)) {
      const cellText = line.slice(line.indexOf("\t") + 1);
      if (table === null) {
        table = new OpenTable();
        table.startRow();
      } else if (startsRow(table, blanks, SPACES_BEFORE_TAB.test(line))) {
        table.startRow();
      }
      table.startCell(cellText);
    } else if (BLANK_LINE.test(line)) {
      blanks++;
      continue;
    } else if (table !== null && blanks <= 1) {
      table.addParagraph(line);
    } else {
      if (table !== null) {
        items.push(table.close());
        table = null;
      }
      items.push({ kind: "title", text: line.trim() });
    }
    blanks = 0;
  }
  if (table !== null) items.push(table.close());
  return items;
}

function startsRow(table: OpenTable, blanks: number, spacesBeforeTab: boolean): boolean {
  if (blanks === 1) return true;
  if (blanks >= 2) return table.width === 0 || table.cellsInRow >= table.width;
  return spacesBeforeTab;
}

// ---------------------------------------------------------------------------------------------------------
// Laying out a sheet

export interface SheetLayout {
  /** Worksheet name: at most 31 characters, none of []:*?/\, unique within its workbook. */
  name: string;
  /** Row-major cell text; "" is an empty cell. */
  values: string[][];
  /** Merged areas, 0-based and inclusive. */
  merges: MergeArea[];
  /** Where each table is: 0-based inclusive rows; its first row is its header row. */
  tables: TablePlacement[];
}

export interface TablePlacement {
  top: number;
  bottom: number;
  width: number;
}

/** The cells of one sheet row: where each cell starts and how many columns it spans. */
interface PlacedCell {
  text: string;
  left: number;
  right: number;
}

/**
 * A short row spans its first cell over the missing columns; in a table whose last column is a points column
 * (分值), a short row has instead lost its trailing cells (the points), so its cells stay in their columns.
 */
function placeRow(row: string[], width: number, endsWithPoints: boolean): PlacedCell[] {
  const firstRight = endsWithPoints ? 0 : width - row.length;
  return row.map((text, index) =>
    index === 0 ? { text, left: 0, right: firstRight } : { text, left: firstRight + index, right: firstRight + index },
  );
}

/** Lays out titles and tables one sheet row each, from row 1, and returns the sheet's cells. */
export function layoutItems(items: WordItem[]): Omit<SheetLayout, "name"> {
  const values: string[][] = [];
  const areas: MergeArea[] = [];
  const tables: TablePlacement[] = [];

  for (const item of items) {
    if (item.kind === "title") {
      values.push([item.text]);
      continue;
    }
    if (item.grid) {
      const top = values.length;
      tables.push({ top, bottom: top + item.grid.values.length - 1, width: item.width });
      for (const row of item.grid.values) values.push(Array.from({ length: item.width }, (_, c) => row[c] ?? ""));
      for (const m of item.grid.merges) areas.push({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right });
      continue;
    }
    tables.push({ top: values.length, bottom: values.length + item.rows.length - 1, width: item.width });
    const header = item.rows[0] ?? [];
    const endsWithPoints = header.length === item.width && labelRole(header[header.length - 1]) === "points";
    /** For each column, the area holding it in the table's previous row (with its text). */
    let above: ({ area: MergeArea; text: string } | undefined)[] = [];
    item.rows.forEach((row, rowIndex) => {
      const top = values.length;
      const rowValues = new Array<string>(item.width).fill("");
      const current: typeof above = new Array(item.width);
      const isFirstRow = rowIndex === 0;
      for (const cell of placeRow(row, item.width, endsWithPoints)) {
        const inLastColumn = cell.right === item.width - 1;
        const holder = above[cell.left];
        if (
          cell.text === "" &&
          !isFirstRow &&
          !inLastColumn &&
          holder !== undefined &&
          holder.text !== "" &&
          holder.area.left === cell.left &&
          holder.area.right === cell.right
        ) {
          holder.area.bottom = top;
          for (let c = cell.left; c <= cell.right; c++) current[c] = holder;
          continue;
        }
        rowValues[cell.left] = cell.text;
        const placed = { area: { top, left: cell.left, bottom: top, right: cell.right }, text: cell.text };
        areas.push(placed.area);
        for (let c = cell.left; c <= cell.right; c++) current[c] = placed;
      }
      values.push(rowValues);
      above = current;
    });
  }
  const merges = areas.filter((a) => a.bottom > a.top || a.right > a.left);
  return { values, merges, tables };
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

export const SPLIT_MODES = ["none", "parts", "units"] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

const ARABIC_NUMBERING = /^\d+\s*[.．、]/;
const GROUP_HEADING = /^[（(][一二三四五六七八九十]+[）)]/;
const NOTE = /^注/;
const PART_WORDS = /指标|考核|清单|责任书|分解/;

/** A title line that opens a part of the document (a new sheet with `--split parts`). */
export function isPartTitle(text: string): boolean {
  return (
    !ARABIC_NUMBERING.test(text) && !GROUP_HEADING.test(text) && !NOTE.test(text) && PART_WORDS.test(text)
  );
}

const LEADING_NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[）)])\s*/;
const YEAR = /\d{4}\s*年度?/g;
const TRAILING_WORDS = /(?:目标责任考核指标|考核指标|指标)$/;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/** A sheet name from a title line: numbering, year and a trailing 考核指标 removed, Excel's rules applied. */
export function sheetNameFromTitle(title: string): string {
  const name = title
    .replace(LEADING_NUMBERING, "")
    .replace(YEAR, "")
    .replace(FORBIDDEN_IN_SHEET_NAME, "")
    .trim()
    .replace(TRAILING_WORDS, "")
    .trim();
  return name.slice(0, MAX_SHEET_NAME);
}

/** Makes each name unique in order: the second "县直部门" becomes "县直部门 (2)". Excel compares names
 * case-insensitively. */
export function uniqueSheetNames(names: string[], fallback = "Sheet"): string[] {
  const used = new Set<string>();
  return names.map((wanted) => {
    const base = wanted === "" ? fallback : wanted;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

interface Part {
  items: WordItem[];
  /** The title line the sheet is named after, if any. */
  nameTitle: string | null;
}

/** Parts open at part titles; part titles before the part's first table all belong to it, the last names it. */
function splitParts(items: WordItem[]): Part[] {
  const parts: Part[] = [];
  let current: Part = { items: [], nameTitle: null };
  let opener: string | null = null;
  let hasTable = false;
  for (const item of items) {
    if (item.kind === "table") {
      hasTable = true;
    } else if (isPartTitle(item.text)) {
      if (hasTable && item.text !== opener) {
        parts.push(current);
        current = { items: [], nameTitle: null };
        opener = item.text;
        hasTable = false;
      }
      if (!hasTable) {
        current.nameTitle = item.text;
        opener ??= item.text;
      }
    }
    current.items.push(item);
  }
  parts.push(current);
  return parts;
}

/** One part per table, with the title lines since the previous table; notes (注…) right after a table stay with
 * it, and title lines after the last table too. The last title line names the part. */
function splitUnits(items: WordItem[]): Part[] {
  const parts: Part[] = [];
  let pending: TitleItem[] = [];
  let last: Part | null = null;
  for (const item of items) {
    if (item.kind === "table") {
      const nameTitle = pending.length > 0 ? pending[pending.length - 1].text : null;
      last = { items: [...pending, item], nameTitle };
      parts.push(last);
      pending = [];
    } else if (last !== null && pending.length === 0 && NOTE.test(item.text)) {
      last.items.push(item);
    } else {
      pending.push(item);
    }
  }
  if (last === null) return [{ items: pending, nameTitle: null }];
  last.items.push(...pending);
  return parts;
}

/** The last line of a table's one-cell first row: the title Word kept inside the table ("附件2\n安康市…（台账）"). */
function tableTitleRow(items: WordItem[]): string | null {
  const table = items.find((i): i is TableItem => i.kind === "table");
  if (!table || table.width < 2 || table.rows[0].length !== 1) return null;
  const lines = table.rows[0][0].split("\n");
  return lines[lines.length - 1] || null;
}

/** Splits the document into sheets and lays each out. `fallbackName` names a sheet that has no title. */
export function layoutSheets(items: WordItem[], split: SplitMode, fallbackName = "Sheet1"): SheetLayout[] {
  const split_ = split === "units" ? splitUnits(items) : splitParts(items);
  const parts = split === "none" ? [{ items, nameTitle: split_[0].nameTitle }] : split_;
  const names = uniqueSheetNames(
    parts.map((p) => {
      const title = p.nameTitle ?? tableTitleRow(p.items);
      return title === null ? "" : sheetNameFromTitle(title);
    }),
    sheetNameFromTitle(fallbackName) || "Sheet1",
  );
  return parts.map((part, index) => ({ name: names[index], ...layoutItems(part.items) }));
}

/** Text to sheet layouts in one call. */
export function wordTextToSheets(text: string, split: SplitMode, fallbackName?: string): SheetLayout[] {
  return layoutSheets(parseWordText(text), split, fallbackName);
}
