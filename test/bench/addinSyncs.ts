/**
 * How many context.sync() calls the add-in makes: the real officeAdapter functions run against an office-addin-mock
 * workbook (test/excel/officeMock.ts) of 1, 10 and 50 sheets, each sheet a sheet of seeds/001 at 1x and 10x its rows,
 * to validate the workbook (read every sheet, find the books, check them) and to write the summary sheets.
 * Dev-only: office-addin-mock is a dev dependency.
 */
import path from "node:path";
import type { CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { summarySheets } from "../../src/core/summary/summarySheets";
import { readXlsx } from "../../src/cli/xlsxRead";
import { scaleGrids } from "../../bench/engine";
import { addSpecSheets, readGrids } from "../../src/excel/officeAdapter";
import { mockExcel } from "../excel/officeMock";

export const SEED_001 = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");

export interface SyncFigures {
  sheets: number;
  /** Rows of the seed's sheets repeated: 1 or 10. */
  times: number;
  rows: number;
  books: number;
  findings: number;
  /** context.sync() calls to read and check every sheet. */
  validateSyncs: number;
  summarySheets: number;
  /** context.sync() calls to add the summary sheets. */
  summarySyncs: number;
}

/** `count` sheets cycling through the seed's sheets, with unique names. */
function workbookOf(seed: CellGrid[], count: number): CellGrid[] {
  return Array.from({ length: count }, (_, i) => {
    const grid = seed[i % seed.length];
    return { ...grid, sheet: i < seed.length ? grid.sheet : `${grid.sheet.slice(0, 24)} (${i + 1})` };
  });
}

export async function addinSyncs(sheetCounts: number[] = [1, 10, 50], scales: number[] = [1, 10]): Promise<SyncFigures[]> {
  const seed = await readXlsx(SEED_001);
  const figures: SyncFigures[] = [];
  for (const times of scales) {
    const scaled = scaleGrids(seed, times);
    for (const sheets of sheetCounts) {
      const grids = workbookOf(scaled, sheets);
      const excel = mockExcel(grids);
      const read = await readGrids(excel.context);
      const books = readBooks(read).books;
      const findings = checkBooks(books);
      const validateSyncs = excel.syncs();
      const specs = summarySheets([{ file: null, books }], { language: "zh", links: true });
      await addSpecSheets(excel.context, specs);
      figures.push({
        sheets,
        times,
        rows: grids.reduce((n, g) => n + g.values.length, 0),
        books: books.length,
        findings: findings.length,
        validateSyncs,
        summarySheets: specs.length,
        summarySyncs: excel.syncs() - validateSyncs,
      });
    }
  }
  return figures;
}
