/**
 * A sheet -> its tables, each with the title lines above it. Header rows are found by their labels; a repeated
 * header with no title between continues the table (a page break in Word); single-text rows without points that
 * lead to the next header, or that name a unit, split the sheet into books.
 */
import { GridView } from "../grid";
import { inlinePoints, parseNamedPoints, parsePointsCell } from "../points";
import { headerMeaning, type HeaderMeaning } from "../vocabulary/headers";
import { headerScore, isDimensionLabel, namesBookColumn, type ColumnRole, type HeaderCell } from "./labels";
import { filledCells, hasText, rowCells, singleText, type RowCell, flat } from "./rows";
import { groupName, isNote, unitList, unitName } from "./titles";

export interface TitleLine {
  text: string;
  cell: string;
}

export interface HeaderColumn {
  cell: RowCell;
  role: ColumnRole | null;
  meaning: HeaderMeaning | null;
  /** The cell of the header row the label was read from (a second header row for sub-columns). */
  row: number;
}

export interface TableBlock {
  headerRow: number;
  header: HeaderColumn[];
  dataRows: number[];
  /** Title lines above the table (after any notes that belong to the table before). */
  titles: TitleLine[];
}

/** Longest text a header label can be (labels and dimension headers are short; targets are long). */
const MAX_HEADER_TEXT = 32;
/** Longest label of a second header row under a merged one ("一级指标", "数据项1"). */
const MAX_SUB_LABEL = 16;

/** A cell holding a number or points ("10", "2分", "-0.5"). */
const NUMBER_CELL = /^\s*[-+]?\d+(?:\.\d+)?\s*分?\s*$/;

type Meanings = Map<string, { meaning: HeaderMeaning | null; dimension: boolean }>;

/** The row's filled cells with what their labels mean, or null when a long text rules out a header row (or, unless
 * `anyUnknown`, when too many of its labels are unknown). */
function headerCells(cells: RowCell[], meanings: Meanings, anyUnknown = false): HeaderCell[] | null {
  // Labels are short and a header row holds no number: most data rows stop here, before any label lookup.
  let count = 0;
  for (const c of cells) {
    if (c.text === "") continue;
    if (c.text.length > MAX_HEADER_TEXT || NUMBER_CELL.test(c.text)) return null;
    count++;
  }
  if (count < 2) return null;
  const filled = filledCells(cells);
  const header: HeaderCell[] = [];
  let unknown = 0;
  for (const c of filled) {
    let known = meanings.get(c.text);
    if (known === undefined) {
      known = { meaning: headerMeaning(c.text), dimension: isDimensionLabel(c.text) };
      meanings.set(c.text, known);
    }
    // Most of a header row's cells, and at least two, are labels (or matrix dimensions): past that, the row is data.
    if (known.meaning === null && !known.dimension && !anyUnknown && (++unknown * 2 > filled.length || unknown > filled.length - 2)) return null;
    header.push({ col: c.col, lastCol: c.lastCol, text: c.text, meaning: known.meaning, dimension: known.dimension });
  }
  return header;
}

function headerKey(cells: HeaderCell[]): string {
  return cells.filter((c) => c.meaning !== null && c.meaning.role !== "remark").map((c) => flat(c.text)).join("|");
}

/**
 * A second header row under the first: short labels only, each a known label or under a header cell that is
 * blank, merged over several columns, or itself a note (采集数据项 over 数据项1 / 数据项2). Its labels replace the
 * cells they sit under.
 */
function subHeader(header: HeaderColumn[], cells: RowCell[]): RowCell[] | null {
  // Cells merged down from the header row above belong to it.
  const filled = filledCells(cells).filter((c) => c.startsHere);
  if (filled.length === 0) return null;
  let unknown = 0;
  for (const cell of filled) {
    const text = flat(cell.text);
    if (text.length > MAX_SUB_LABEL || parsePointsCell(cell.text) !== null || parseNamedPoints(text) !== null) return null;
    const above = header.find((h) => h.cell.col <= cell.col && cell.col <= h.cell.lastCol);
    const known = headerMeaning(cell.text) !== null;
    const open = !above || above.cell.lastCol > above.cell.col || above.role === null || above.role === "remark";
    if (!known && !open) return null;
    if (!known) unknown++;
  }
  // One unknown text alone under a merged label is more likely the first row of the table.
  if (unknown > 0 && filled.length < 2) return null;
  return filled;
}

function mergeSubHeader(header: HeaderColumn[], sub: RowCell[], row: number): HeaderColumn[] {
  const covered = (h: HeaderColumn) => sub.some((s) => h.cell.col <= s.col && s.col <= h.cell.lastCol);
  const subColumns = sub.map((cell): HeaderColumn => {
    const meaning = headerMeaning(cell.text);
    return { cell, role: meaning?.role ?? null, meaning, row };
  });
  return [...header.filter((h) => !covered(h)), ...subColumns].sort((a, b) => a.cell.col - b.cell.col);
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

/** Splits a sheet into tables with their titles, in order, handing each to `take` as soon as the rows after it show
 * where it ends, so that it is read while its rows are fresh. A table is never changed once handed over. */
export function tableBlocks(view: GridView, take: (block: TableBlock) => void, fallbackHeader: number | null = null): void {
  let pending: TitleLine[] = [];
  let current: TableBlock | null = null;
  let currentKey = "";
  /** Single-text rows seen inside the current table whose role (title or data) is not yet known. */
  let candidates: number[] = [];
  /** Short texts seen in this sheet and what they mean as header labels. */
  const meanings: Meanings = new Map();
  /** Whether the current table has a second header row, skipped where the header repeats at a page break. */
  let hasSubHeader = false;
  let afterHeader = false;
  let afterRepeat = false;

  const candidateLines = () => candidates.flatMap((r) => linesOf(view, r, rowCells(view, r)));
  const flushCandidatesAsData = () => {
    current!.dataRows.push(...candidates);
    candidates = [];
  };

  for (let row = 0; row < view.rowCount; row++) {
    const cells = rowCells(view, row);
    if (!hasText(cells)) continue;
    if (current && afterHeader) {
      afterHeader = false;
      const sub = subHeader(current.header, cells);
      if (sub) {
        current.header = mergeSubHeader(current.header, sub, row);
        hasSubHeader = true;
        continue;
      }
    }
    if (afterRepeat) {
      afterRepeat = false;
      if (hasSubHeader && current && subHeader(current.header, cells)) continue;
    }
    const header = headerCells(cells, meanings, row === fallbackHeader);
    if (header && (row === fallbackHeader || headerScore(header) > 0)) {
      const key = headerKey(header);
      if (current && candidates.length === 0 && key === currentKey) {
        afterRepeat = true;
        continue;
      }
      let titles = pending;
      if (current) {
        // Notes right below a table belong to it; the rest are the next table's titles.
        while (candidates.length && isNote(view.text(candidates[0], singleText(rowCells(view, candidates[0]))!.col))) {
          current.dataRows.push(candidates.shift()!);
        }
        titles = candidateLines();
        candidates = [];
        take(current);
      }
      current = {
        headerRow: row,
        header: filledCells(cells).map((cell, i) => ({ cell, role: header[i].meaning?.role ?? null, meaning: header[i].meaning, row })),
        dataRows: [],
        titles,
      };
      currentKey = key;
      hasSubHeader = false;
      afterHeader = true;
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
        take(finished);
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
    take(current);
  }
}

/** Title lines of a sheet with no table: everything it holds. */
export function hasAnyText(view: GridView): boolean {
  for (let row = 0; row < view.rowCount; row++) if (filledCells(rowCells(view, row)).length) return true;
  return false;
}

/** Longest label of a header row taken only because the sheet has no better one. */
const MAX_FALLBACK_LABEL = 12;
/** What a label never holds: a number, or the punctuation of a sentence. */
const NOT_A_LABEL = /\d|[。，；;,、：:]/;

/** Rows looked at below a fallback header for points, the mark of a book. */
const POINTS_LOOKAHEAD = 60;

/** Whether a row below speaks of points the way a book does ("（5分）", "党建工作20分"). */
function pointsBelow(view: GridView, row: number): boolean {
  const end = Math.min(view.rowCount, row + 1 + POINTS_LOOKAHEAD);
  for (let next = row + 1; next < end; next++) {
    for (const cell of rowCells(view, next)) {
      if (cell.startsHere && cell.text.includes("分") && (parseNamedPoints(cell.text) !== null || inlinePoints(cell.text).length > 0)) return true;
    }
  }
  return false;
}

/**
 * The row that heads the table of a sheet with no header row, when one can: the first of two or more short labels,
 * none a number or a sentence, one of them known and naming what books are made of (考核项目 | 工作事项), with
 * two or more rows of text below it and points stated, in a points column it names or in the texts below (a list
 * of expenses under 项目 | 名称 | 金额 is no book). Its unknown labels take their roles from their columns.
 */
export function fallbackHeaderRow(view: GridView): number | null {
  const meanings: Meanings = new Map();
  const limit = Math.min(view.rowCount, GUESS_ROWS);
  for (let row = 0; row < limit; row++) {
    const cells = rowCells(view, row);
    const filled = filledCells(cells);
    if (filled.length < 2 || filled.some((c) => flat(c.text).length > MAX_FALLBACK_LABEL || NOT_A_LABEL.test(c.text))) continue;
    const header = headerCells(cells, meanings, true);
    if (!header || !namesBookColumn(header)) continue;
    let below = 0;
    for (let next = row + 1; next < view.rowCount && below < 2; next++) if (hasText(rowCells(view, next))) below++;
    if (below < 2) continue;
    const pointsColumn = header.some((c) => c.meaning?.role === "points" || c.meaning?.role === "categoryPoints");
    if (pointsColumn || pointsBelow(view, row)) return row;
  }
  return null;
}

export interface HeaderGuess {
  row: number;
  labels: string[];
  known: string[];
}

/** Rows looked at for the row that came closest to a header, when a sheet has none. */
const GUESS_ROWS = 60;

/** The row of the sheet's top that has the most known header labels, for saying why it was not taken. */
export function closestHeader(view: GridView): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  for (let row = 0; row < Math.min(view.rowCount, GUESS_ROWS); row++) {
    const filled = filledCells(rowCells(view, row));
    if (filled.length < 2 || filled.some((c) => c.text.length > MAX_HEADER_TEXT)) continue;
    const known = filled.filter((c) => headerMeaning(c.text) !== null).map((c) => flat(c.text));
    if (known.length > 0 && (!best || known.length > best.known.length)) best = { row, labels: filled.map((c) => flat(c.text)), known };
  }
  return best;
}
