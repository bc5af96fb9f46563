/**
 * CellGrid[] -> Book[]: every book on every sheet, with no knowledge of where the grids came from.
 */
import type { Book, BookKind, Category, Note } from "../book";
import { Decimal } from "../decimal";
import { GridView, type CellGrid } from "../grid";
import { parseNamedPoints } from "../points";
import { flat } from "./rows";
import { isDimensionLabel } from "./labels";
import { readMatrix, type MatrixColumns } from "./matrix";
import { scoringTerms } from "./preamble";
import { hasAnyText, tableBlocks, type TableBlock, type TitleLine } from "./sheet";
import { readTable, tableColumns } from "./table";
import { HEADER_ROW, KEY_HEADER } from "../scoringSheet/sheet";
import { groupName, isNote, labelledUnit, unitList, unitName } from "./titles";
import { numberingOf, stripNumbering } from "./numbering";

export interface SheetReading {
  sheet: string;
  books: number;
  /** Why a sheet gave no book (empty, or no header row); null when it gave books. */
  message: string | null;
}

export interface Reading {
  books: Book[];
  sheets: SheetReading[];
}

const HUNDRED = new Decimal(100);
const EMPTY = "工作表为空 / the sheet is empty";
const HEADER_ONLY = "只有表头，没有指标行 / a header row but no indicator rows";
const SCORING_SHEET = "Kaohe 生成的评分表，不是责任书 / a scoring sheet made by Kaohe, not a book";
const NO_HEADER =
  "未找到表头行（如“类别”“考核指标”“分值”），不像目标责任书 / no header row (类别, 考核指标, 分值…): not a responsibility book";

interface TitleFacts {
  unit: string | null;
  units: string[];
  group: string | null;
  title: string | null;
}

function titleFacts(lines: string[]): TitleFacts {
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
  const titleLines = lines.filter((l) => !isNote(l) && unitList(l).length === 0 && unitName(l) === null && labelledUnit(l) === null);
  let group: string | null = null;
  const before = unitIndex >= 0 ? lines.slice(0, unitIndex) : [];
  for (let i = before.length - 1; i >= 0 && group === null; i--) {
    if (!isNote(before[i]) && unitList(before[i]).length === 0) group = groupName(before[i]) ?? flat(before[i]);
  }
  const last = titleLines[titleLines.length - 1];
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
    bonusCap: terms.bonusCap,
    weights: terms.weights,
    veto: terms.veto,
    categories: [],
    notes: [],
  };
}

function notesOf(lines: TitleLine[]): Note[] {
  return lines.filter((l) => isNote(l.text)).map((l) => ({ text: l.text, cell: l.cell }));
}

/** A scoring sheet generated from a book: its header row carries the hidden key column. */
function isScoringSheet(grid: CellGrid): boolean {
  return grid.values[HEADER_ROW - 1]?.includes(KEY_HEADER) ?? false;
}

/** Books of one sheet. */
export function readSheet(grid: CellGrid): { books: Book[]; reading: SheetReading } {
  if (isScoringSheet(grid)) return { books: [], reading: { sheet: grid.sheet, books: 0, message: SCORING_SHEET } };
  const view = new GridView(grid);
  const books: Book[] = [];
  let group: string | null = null;
  let headerOnly = false;
  for (const block of tableBlocks(view)) {
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
      continue;
    }
    const columns = tableColumns(block.header);
    if (!columns) continue;
    const book = emptyBook(view, block, facts, lines, kind);
    const reading = readTable({ view, columns, penaltyList: kind === "penalty-list" }, block.dataRows);
    book.categories = reading.categories.filter((c: Category) => c.name !== "" || c.indicators.length > 0);
    book.notes = [...notesOf(block.titles), ...reading.notes];
    if (book.categories.length === 0) {
      headerOnly = true;
      continue;
    }
    books.push(book);
  }
  const message = books.length ? null : !hasAnyText(view) ? EMPTY : headerOnly ? HEADER_ONLY : NO_HEADER;
  return { books, reading: { sheet: grid.sheet, books: books.length, message } };
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
  return { books, sheets };
}
