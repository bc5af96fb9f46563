/**
 * One check of a workbook: read every sheet through the adapter, find the books, run the rules, and check what was
 * entered on the scoring sheets among the sheets read (no further read).
 */
import type { Book } from "../core/book";
import { decimalString } from "../core/decimal";
import { readBooks } from "../core/layout";
import { checkBooks, summarizeBook, type Finding } from "../core/rules";
import { checkScoringSheets } from "../core/scoringSheet/entered";
import type { CellGrid } from "../core/grid";
import type { ReadProgress, WorkbookAdapter } from "../excel/adapter";

export interface BookRow {
  sheet: string;
  unit: string;
  cell: string;
  kind: Book["kind"];
  stated: string;
  computed: string;
  indicators: number;
}

export interface CheckResult {
  sheets: number;
  books: Book[];
  rows: BookRow[];
  /** The books' findings, then those about the values entered on each scoring sheet. */
  findings: Finding[];
  /** The sheets read, for the pasted-from-Word cleaner. */
  grids: CellGrid[];
}

export async function checkWorkbook(adapter: WorkbookAdapter, onProgress?: (p: ReadProgress) => void): Promise<CheckResult> {
  const grids = await adapter.readSheets(onProgress);
  const { books } = readBooks(grids);
  const rows = books.map((book) => {
    const s = summarizeBook(book);
    return { sheet: s.sheet, unit: s.unit, cell: s.cell, kind: book.kind, stated: decimalString(s.stated), computed: decimalString(s.computed), indicators: s.indicators };
  });
  const entered = checkScoringSheets(books, grids).flatMap((s) => s.findings);
  return { sheets: grids.length, books, rows, findings: [...checkBooks(books), ...entered], grids };
}
