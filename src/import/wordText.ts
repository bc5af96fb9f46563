/**
 * Word tables exported as text (docs/LAYOUT.md "Reading the text") into document items: title lines and tables,
 * in document order, in linear time. sheetLayout.ts lays items out on a sheet; wordSheets.ts splits a document
 * into sheets.
 */
import type { MergeArea } from "../core/grid";

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
