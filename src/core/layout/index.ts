/**
 * CellGrid[] -> Book[]: every book on every sheet, with no knowledge of where the grids came from.
 */
import { categoriesOf, type Book, type BookKind, type Category, type Note } from "../book";
import { bookTotal } from "../totals";
import { Decimal, decimalString } from "../decimal";
import { GridView, type CellGrid } from "../grid";
import { parseNamedPoints } from "../points";
import { flat, releaseRows } from "./rows";
import { isDimensionLabel } from "./labels";
import { readMatrix, type MatrixColumns } from "./matrix";
import { scoringTerms } from "./preamble";
import { closestHeader, fallbackHeaderRow, hasAnyText, tableBlocks, type TableBlock, type TitleLine } from "./sheet";
import { readTable } from "./table";
import { tableColumns } from "./columns";
import { unitRuns } from "./unitRuns";
import { isScoringSheetValues } from "../scoringSheet/columns";
import { isUnmatchedSheetValues } from "../scoringSheet/unmatchedHeader";
import { LOCALES } from "../../locales";
import { groupName, isBaseLine, isNote, labelledUnit, unitList, unitName } from "./titles";
import { numberingOf, stripNumbering } from "./numbering";
import { isBonusName } from "./kinds";
import { TITLE_WORDS } from "../vocabulary/words";
import { byText } from "../memo";
import type { Message } from "../../locales";

export interface SheetReading {
  sheet: string;
  books: number;
  /** Why a sheet gave no book (empty, or no header row), as a message src/locales renders; null when it gave books. */
  reason: Message | null;
}

export interface Reading {
  books: Book[];
  sheets: SheetReading[];
}

const HUNDRED = new Decimal(100);
const EMPTY: Message = { key: "sheet.empty", params: {} };
const HEADER_ONLY: Message = { key: "sheet.header-only", params: {} };
const SUMMARY_SHEET: Message = { key: "sheet.summary", params: {} };
const SCORING_SHEET: Message = { key: "sheet.scoring", params: {} };
const NO_HEADER: Message = { key: "sheet.no-header", params: {} };

interface TitleFacts {
  unit: string | null;
  units: string[];
  group: string | null;
  title: string | null;
}

/** The title lines' facts; the lines of one form repeat above book after book, and are read once. */
const knownTitleFacts = byText(readTitleFacts);

function titleFacts(lines: string[]): TitleFacts {
  const known = knownTitleFacts(lines.join("\n"));
  return { ...known, units: [...known.units] };
}

function readTitleFacts(joined: string): TitleFacts {
  const lines = joined === "" ? [] : joined.split("\n");
  let unit: string | null = null;
  let unitIndex = -1;
  const units: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const listed = unitList(lines[i]);
    if (listed.length) {
      units.push(...listed);
      continue;
    }
    const name = unitName(lines[i]);
    if (name !== null) {
      unit = name;
      unitIndex = i;
    }
  }
  // "二、县财政局" right above its table, with no unit line of its own: the section names the unit.
  const heading = lines.length - 1;
  if (unit === null && units.length === 0 && heading >= 0 && numberingOf(lines[heading]) === "section") {
    const named = unitName(stripNumbering(lines[heading]));
    if (named !== null) {
      unit = named;
      unitIndex = heading;
    }
  }
  const titleLines = lines.filter((l) => !isNote(l) && !isBaseLine(l) && unitList(l).length === 0 && unitName(l) === null && labelledUnit(l) === null);
  let group: string | null = null;
  const before = unitIndex >= 0 ? lines.slice(0, unitIndex) : [];
  for (let i = before.length - 1; i >= 0 && group === null; i--) {
    if (!isNote(before[i]) && unitList(before[i]).length === 0) group = groupName(before[i]) ?? flat(before[i]);
  }
  // The document's title names what it is (…考评表, …责任书); a line such as "（ 年度）" is a blank in the form.
  const named = (l: string) => TITLE_WORDS.test(l) && flat(l).replace(/[（()）\s]/g, "").length >= 5;
  const last = [...titleLines].reverse().find(named) ?? titleLines[titleLines.length - 1];
  return { unit, units, group, title: last ? flat(stripNumbering(last)) : null };
}

function bookKind(block: TableBlock, lines: string[], facts: TitleFacts, matrix: boolean): BookKind {
  const { unit, units } = facts;
  if (matrix) return "matrix";
  const text = lines.join("");
  if (/负面清单/.test(text) || block.header.some((h) => h.role === "points" && /扣/.test(h.cell.text))) return "penalty-list";
  if (block.header.some((h) => h.role === "owner")) return "decomposition";
  // A table under a section heading that names no unit applies to every unit of that section.
  const sectionTitle = unit === null && lines.length > 0 && numberingOf(lines[lines.length - 1]) === "section";
  if (/共性/.test(text) || units.length > 0 || sectionTitle) return "common";
  return "unit";
}

function matrixColumns(view: GridView, block: TableBlock): MatrixColumns | null {
  const unit = block.header.find((h) => h.role === "unit");
  const dimensions = block.header
    .filter((h) => h.role === null && isDimensionLabel(h.cell.text))
    .map((h) => ({
      col: h.cell.col,
      name: parseNamedPoints(h.cell.text)!.name,
      points: parseNamedPoints(h.cell.text),
      cell: view.address(block.headerRow, h.cell.col),
    }));
  if (!unit || dimensions.length < 2) return null;
  return { unit: unit.cell.col, number: block.header.find((h) => h.role === "number")?.cell.col ?? null, dimensions };
}

function emptyBook(view: GridView, block: TableBlock, facts: TitleFacts, lines: string[], kind: BookKind): Book {
  const terms = scoringTerms(lines);
  return {
    kind,
    unit: facts.unit ?? facts.title ?? view.sheet,
    units: facts.units,
    group: facts.group,
    titles: lines,
    sheet: view.sheet,
    cell: view.address(block.headerRow, block.header[0]?.cell.col ?? 0),
    base: terms.base ?? HUNDRED,
    baseStated: terms.base !== null,
    baseAssumed: terms.base === null,
    bonusCap: terms.bonusCap,
    weights: terms.weights,
    veto: terms.veto,
    categories: [],
    notes: [],
    totals: [],
    columns: [],
  };
}

/**
 * The base a book's total is held to when no line above the table states one: a note inside the table
 * ("本考核表设应得分为100分"), or the total row that covers the scored categories (合计 100 before the bonus section).
 */
function settleBase(book: Book) {
  if (book.baseStated) return;
  const terms = book.notes.length ? scoringTerms(book.notes.map((n) => n.text)) : null;
  if (terms && terms.base !== null) {
    book.base = terms.base;
    book.baseStated = true;
    book.baseAssumed = false;
    book.bonusCap ??= terms.bonusCap;
    return;
  }
  if (book.totals.length === 0) return;
  const bonus = new Set(book.categories.filter((c) => isBonusName(c.name)).map((c) => c.name));
  const whole = book.totals.filter((t) => t.category === null);
  const total = whole.find((t) => t.covers.length > 0 && t.covers.every((name) => !bonus.has(name))) ?? whole[whole.length - 1];
  if (total) {
    book.base = total.stated;
    book.baseStated = true;
    book.baseAssumed = false;
  }
}

function notesOf(lines: TitleLine[]): Note[] {
  return lines.filter((l) => isNote(l.text)).map((l) => ({ text: l.text, cell: l.cell }));
}

/** Header rows of the summary sheets Kaohe writes (汇总, 问题清单, 责任单位), with and without their 文件 column. */
const SUMMARY_HEADERS: string[] = (["zh", "en"] as const).flatMap((language) => {
  const t = LOCALES[language].summary;
  const file = t.summaryHeader[1];
  return [t.summaryHeader, t.findingsHeader, t.ownersHeader].flatMap((h) => [h.join("|"), h.filter((l) => l !== file).join("|")]);
});

/** A summary sheet Kaohe wrote: a title row, then one of its header rows (the 责任单位 sheet has more tables beside). */
function isSummarySheet(grid: CellGrid): boolean {
  const header = (grid.values[1] ?? []).filter((v) => v !== null && v !== "").map(String).join("|");
  return SUMMARY_HEADERS.some((h) => header === h || header.startsWith(`${h}|`));
}

/** Why a sheet with text gave no book: the row that came closest to a header and what it lacked. */
function noHeader(view: GridView): Message {
  const guess = closestHeader(view);
  if (!guess) return NO_HEADER;
  return { key: "sheet.closest-header", params: { row: guess.row + 1, labels: guess.labels.slice(0, 8), known: guess.known } };
}

/** Books of one sheet. */
export function readSheet(grid: CellGrid): { books: Book[]; reading: SheetReading } {
  if (isScoringSheetValues(grid.values) || isUnmatchedSheetValues(grid.values)) return { books: [], reading: { sheet: grid.sheet, books: 0, reason: SCORING_SHEET } };
  if (isSummarySheet(grid)) return { books: [], reading: { sheet: grid.sheet, books: 0, reason: SUMMARY_SHEET } };
  const view = new GridView(grid);
  const books: Book[] = [];
  let group: string | null = null;
  let headerOnly = false;
  const readBlock = (block: TableBlock) => {
    const lines = block.titles.map((t) => t.text);
    const facts = titleFacts(lines);
    if (facts.group !== null) group = facts.group;
    else if (facts.unit !== null) facts.group = group;
    const matrix = matrixColumns(view, block);
    const kind = bookKind(block, lines, facts, matrix !== null);
    if (matrix) {
      for (const row of readMatrix(view, matrix, block.dataRows)) {
        const book = emptyBook(view, block, { ...facts, unit: row.unit }, lines, kind);
        book.cell = row.cell;
        book.categories = row.categories;
        books.push(book);
      }
      return;
    }
    const columns = tableColumns(block.header, view, block.dataRows);
    if (!columns) return;
    const runs = unitRuns(view, block);
    for (const run of runs ?? [null]) {
      const book = emptyBook(view, block, run ? { ...facts, unit: run.unit } : facts, lines, kind);
      if (run) book.cell = run.cell;
      const reading = readTable({ view, columns, penaltyList: kind === "penalty-list" }, run ? run.rows : block.dataRows);
      book.categories = reading.categories.filter((c: Category) => c.name !== "" || c.indicators.length > 0 || c.categories.length > 0);
      book.notes = [...notesOf(block.titles), ...reading.notes];
      book.totals = reading.totals;
      book.columns = columns.described;
      settleBase(book);
      settlePenaltyCatalogue(book);
      if (book.categories.length === 0) {
        headerOnly = true;
        continue;
      }
      books.push(book);
    }
  };
  const readAndRelease = (block: TableBlock) => {
    readBlock(block);
    // The table's rows are read: let them go (tables come in row order).
    releaseRows(view, block.dataRows[block.dataRows.length - 1] ?? block.headerRow);
  };
  tableBlocks(view, readAndRelease);
  if (books.length === 0 && !headerOnly) {
    // No row's labels were known enough to head a table: the first row of short labels that names one book
    // column may, its other labels read from their columns.
    const fallback = fallbackHeaderRow(view);
    if (fallback !== null) tableBlocks(view, readAndRelease, fallback);
  }
  const reason = books.length ? null : !hasAnyText(view) ? EMPTY : headerOnly ? HEADER_ONLY : noHeader(view);
  return { books, reading: { sheet: grid.sheet, books: books.length, reason } };
}

/** A base no book states is confirmed when the workbook's other books total it: a county's 75 books of 100. */
function confirmBases(books: Book[]) {
  const assumed = books.filter((b) => b.baseAssumed);
  const bases = new Set(assumed.map((b) => decimalString(b.base)));
  for (const base of bases) {
    let count = 0;
    for (const book of books) {
      if (book.kind !== "penalty-list" && decimalString(bookTotal(book)) === base && ++count >= 2) break;
    }
    if (count >= 2) for (const book of assumed) if (decimalString(book.base) === base) book.baseAssumed = false;
  }
}

/** A table whose every pointed row takes points away (信用赋分 -5, -10) is a list of penalties, not a book of
 * points to add up. */
function settlePenaltyCatalogue(book: Book) {
  if (book.kind === "penalty-list") return;
  let pointed = 0;
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      if (indicator.points === null) continue;
      if (!indicator.points.isNegative()) return;
      pointed++;
    }
  }
  if (pointed < 2) return;
  book.kind = "penalty-list";
  for (const category of categoriesOf(book)) {
    category.kind = "penalty";
    for (const indicator of category.indicators) indicator.kind = "penalty";
  }
}

/** Every book of every sheet, in order, and what each sheet gave. */
export function readBooks(grids: CellGrid[]): Reading {
  const books: Book[] = [];
  const sheets: SheetReading[] = [];
  for (const grid of grids) {
    const result = readSheet(grid);
    books.push(...result.books);
    sheets.push(result.reading);
  }
  confirmBases(books);
  return { books, sheets };
}
