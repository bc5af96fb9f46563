/**
 * Check a workbook: read every sheet through the adapter, find the books, run the rules on each, and check what was
 * entered on the workbook's scoring sheets among the sheets read (no further read). The command line, the task
 * pane and the preview all check through here.
 */
import type { Book } from "../core/book";
import { decimalString } from "../core/decimal";
import type { CellGrid } from "../core/grid";
import { readBooks, type Reading } from "../core/layout";
import { checkBook, summarizeBook, type Finding } from "../core/rules";
import { checkScoringSheets, type ScoringSheetCheck } from "../core/scoringSheet/entered";
import { withTotalChecks } from "../core/scoringSheet/recompute";
import type { ReadProgress, WorkbookAdapter } from "../excel/adapter";

/** A book as the task pane's table and `check --json` list it, decimals as strings. */
export interface BookRow {
  sheet: string;
  unit: string;
  cell: string;
  kind: Book["kind"];
  stated: string;
  computed: string;
  indicators: number;
}

export interface WorkbookCheck {
  /** The sheets read. */
  grids: CellGrid[];
  /** The books found and why each sheet without one has none. */
  reading: Reading;
  books: Book[];
  rows: BookRow[];
  /** Findings of each book, in book order. */
  perBook: Finding[][];
  /** The workbook's scoring sheets, with the findings about what was entered on each. */
  scoring: ScoringSheetCheck[];
  /** The books' findings, then those about the values entered on each scoring sheet. */
  findings: Finding[];
}

export function bookRow(book: Book): BookRow {
  const s = summarizeBook(book);
  return { sheet: s.sheet, unit: s.unit, cell: s.cell, kind: book.kind, stated: decimalString(s.stated), computed: decimalString(s.computed), indicators: s.indicators };
}

/** The check of sheets already read. */
export function checkGrids(grids: CellGrid[]): WorkbookCheck {
  const reading = readBooks(grids);
  const { books } = reading;
  const perBook = books.map(checkBook);
  const scoring = withTotalChecks(checkScoringSheets(books, grids), books, grids);
  const findings = [...perBook.flat(), ...scoring.flatMap((s) => s.findings)];
  return { grids, reading, books, rows: books.map(bookRow), perBook, scoring, findings };
}

/** Reads every sheet of the workbook and checks it. */
export async function checkWorkbook(adapter: Pick<WorkbookAdapter, "readSheets">, onProgress?: (p: ReadProgress) => void): Promise<WorkbookCheck> {
  return checkGrids(await adapter.readSheets(onProgress));
}

/** Whether a check found an error, in a book or on a scoring sheet. */
export function hasErrors(check: WorkbookCheck): boolean {
  return check.findings.some((f) => f.severity === "error");
}
