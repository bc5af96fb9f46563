/**
 * A sheet -> its tables, each with the title lines above it. Header rows are found by their labels; a repeated
 * header with no title between continues the table (a page break in Word); single-text rows without points that
 * lead to the next header, or that name a unit, split the sheet into books.
 */
import { GridView } from "../grid";
import { inlinePoints, parseNamedPoints } from "../points";
import { isDimensionLabel, isHeaderRow, labelRole, type ColumnRole, type HeaderCell } from "./labels";
import { filledCells, rowCells, singleText, type RowCell, flat } from "./rows";
import { groupName, isNote, unitList, unitName } from "./titles";

export interface TitleLine {
  text: string;
  cell: string;
}

export interface TableBlock {
  headerRow: number;
  header: { cell: RowCell; role: ColumnRole | null }[];
  dataRows: number[];
  /** Title lines above the table (after any notes that belong to the table before). */
  titles: TitleLine[];
}

/** Longest text a header label can be (labels and dimension headers are short; targets are long). */
const MAX_HEADER_TEXT = 24;

/** The row's cells with their label roles, or null when a long text, or a text that is neither a label nor a
 * dimension header, rules out a header row (isHeaderRow would refuse it: most data rows stop at their first cell). */
function headerCells(cells: RowCell[], roles: Map<string, ColumnRole | null | false>): HeaderCell[] | null {
  const filled = filledCells(cells);
  if (filled.length < 2 || filled.some((c) => c.text.length > MAX_HEADER_TEXT)) return null;
  const header: HeaderCell[] = [];
  for (const c of filled) {
    let role = roles.get(c.text);
    if (role === undefined) {
      const label = labelRole(c.text);
      role = label === null && !isDimensionLabel(c.text) ? false : label;
      roles.set(c.text, role);
    }
    if (role === false) return null;
    header.push({ col: c.col, lastCol: c.lastCol, text: c.text, role });
  }
  return header;
}

function headerKey(cells: HeaderCell[]): string {
  return cells.map((c) => flat(c.text)).join("|");
}

function titleCandidate(cell: RowCell): boolean {
  // Points are always written with 分: a text without it is a candidate without running the parsers.
  return !cell.text.includes("分") || (parseNamedPoints(cell.text) === null && inlinePoints(cell.text).length === 0);
}

/** A run of single-text rows inside a table that starts another unit's book (no header repeated). */
function namesAnotherBook(lines: string[]): boolean {
  return lines.some((line) => !isNote(line) && (unitName(line) !== null || groupName(line) !== null || unitList(line).length > 0));
}

function linesOf(view: GridView, row: number, cells: RowCell[]): TitleLine[] {
  return filledCells(cells).flatMap((cell) =>
    cell.text.split("\n").map((t) => t.trim()).filter(Boolean).map((text) => ({ text, cell: view.address(row, cell.col) })),
  );
}

/** Splits a sheet into tables with their titles, in order. */
export function tableBlocks(view: GridView): TableBlock[] {
  const blocks: TableBlock[] = [];
  let pending: TitleLine[] = [];
  let current: TableBlock | null = null;
  let currentKey = "";
  /** Single-text rows seen inside the current table whose role (title or data) is not yet known. */
  let candidates: number[] = [];
  /** Short texts seen in this sheet: their label role, or false when neither a label nor a dimension header. */
  const roles = new Map<string, ColumnRole | null | false>();

  const candidateLines = () => candidates.flatMap((r) => linesOf(view, r, rowCells(view, r)));
  const flushCandidatesAsData = () => {
    current!.dataRows.push(...candidates);
    candidates = [];
  };

  for (let row = 0; row < view.rowCount; row++) {
    const cells = rowCells(view, row);
    if (!cells.some((c) => c.text !== "")) continue;
    const header = headerCells(cells, roles);
    if (header && isHeaderRow(header)) {
      const key = headerKey(header);
      if (current && candidates.length === 0 && key === currentKey) continue;
      let titles = pending;
      if (current) {
        // Notes right below a table belong to it; the rest are the next table's titles.
        while (candidates.length && isNote(view.text(candidates[0], singleText(rowCells(view, candidates[0]))!.col))) {
          current.dataRows.push(candidates.shift()!);
        }
        titles = candidateLines();
        candidates = [];
        blocks.push(current);
      }
      current = { headerRow: row, header: filledCells(cells).map((cell) => ({ cell, role: labelRole(cell.text) })), dataRows: [], titles };
      currentKey = key;
      pending = [];
      continue;
    }
    if (!current) {
      pending.push(...linesOf(view, row, cells));
      continue;
    }
    const single = singleText(cells);
    if (single && titleCandidate(single)) {
      candidates.push(row);
      continue;
    }
    if (candidates.length) {
      const lines = candidateLines();
      if (namesAnotherBook(lines.map((l) => l.text))) {
        const finished: TableBlock = current;
        blocks.push(finished);
        current = { headerRow: finished.headerRow, header: finished.header, dataRows: [], titles: lines };
        candidates = [];
      } else {
        flushCandidatesAsData();
      }
    }
    current.dataRows.push(row);
  }
  if (current) {
    flushCandidatesAsData();
    blocks.push(current);
  }
  return blocks;
}

/** Title lines of a sheet with no table: everything it holds. */
export function hasAnyText(view: GridView): boolean {
  for (let row = 0; row < view.rowCount; row++) if (filledCells(rowCells(view, row)).length) return true;
  return false;
}
