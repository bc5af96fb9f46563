/**
 * How many context.sync() calls the add-in makes: the real officeAdapter functions run against an office-addin-mock
 * workbook (test/excel/officeMock.ts) of 1, 10 and 50 sheets, each sheet a sheet of seeds/001 at 1x and 10x its rows,
 * to validate the workbook (read every sheet, find the books, check them) and to write the summary sheets; and what
 * each sync of the read carries when seed 001 holds 1x, 10x and 100x its rows, under Excel on the web's 5 MB limit.
 * Dev-only: office-addin-mock is a dev dependency.
 */
import path from "node:path";
import type { CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { summarySheets } from "../../src/core/summary/summarySheets";
import { readXlsx } from "../../src/cli/xlsxRead";
import { addSpecSheets, readGrids } from "../../src/excel/officeAdapter";
import { mockExcel } from "../excel/officeMock";

// bench/engine.js (the runner of that section) would shadow bench/engine.ts for an import without extension.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scaleGrids } = require("../../bench/engine.ts") as typeof import("../../bench/engine");

const MB = 2 ** 20;
const mb = (bytes: number) => Number((bytes / MB).toFixed(2));
/** What a workbook's values and merges weigh as UTF-8 JSON. */
const jsonMb = (grids: CellGrid[]) => mb(Buffer.byteLength(JSON.stringify(grids.map((g) => [g.values, g.merges]))));

/** The most syncs a read of `readMb` may take: 2 up to 4 MB; above, the sheet list, the refused whole read, the
 * sizes and merged areas, the first rows of every sheet, then one per 4 MB. */
export function syncsAllowed(readMb: number): number {
  return readMb <= 4 ? 2 : 4 + Math.ceil(readMb / 4);
}

export const SEED_001 = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");

export interface PayloadFigures {
  /** Rows of the seed's sheets repeated. */
  times: number;
  rows: number;
  /** The values and merges read, as UTF-8 JSON: what the two-sync read would carry in its second sync. */
  readMb: number;
  /** context.sync() calls to read every sheet, and how many of them Excel refused for their size. */
  syncs: number;
  refused: number;
  /** MB each sync brought back, in order (0 for a refused one). */
  perSyncMb: number[];
  /** Whether the grids read equal the workbook's. */
  same: boolean;
}

export interface SyncFigures {
  sheets: number;
  /** Rows of the seed's sheets repeated: 1 or 10. */
  times: number;
  rows: number;
  books: number;
  findings: number;
  /** context.sync() calls to read and check every sheet. */
  validateSyncs: number;
  /** The values and merges read, as UTF-8 JSON, and the most any one sync of the read brought back. */
  readMb: number;
  maxSyncMb: number;
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
      const readPayloads = excel.payloads();
      const specs = summarySheets([{ file: null, books }], { language: "zh", links: true });
      await addSpecSheets(excel.context, specs);
      figures.push({
        sheets,
        times,
        rows: grids.reduce((n, g) => n + g.values.length, 0),
        books: books.length,
        findings: findings.length,
        validateSyncs,
        readMb: jsonMb(grids),
        maxSyncMb: mb(Math.max(...readPayloads)),
        summarySheets: specs.length,
        summarySyncs: excel.syncs() - validateSyncs,
      });
    }
  }
  return figures;
}

/** Seed 001's eight sheets at each scale, read through the adapter under Excel on the web's payload limit. */
export async function addinPayloads(scales: number[] = [1, 10, 100]): Promise<PayloadFigures[]> {
  const seed = await readXlsx(SEED_001);
  const figures: PayloadFigures[] = [];
  for (const times of scales) {
    const grids = scaleGrids(seed, times);
    const excel = mockExcel(grids);
    const read = await readGrids(excel.context);
    const same = JSON.stringify(read.map((g) => [g.sheet, g.values, g.merges])) === JSON.stringify(grids.map((g) => [g.sheet, g.values, g.merges]));
    figures.push({
      times,
      rows: grids.reduce((n, g) => n + g.values.length, 0),
      readMb: jsonMb(grids),
      syncs: excel.syncs(),
      refused: excel.refusedSyncs(),
      perSyncMb: excel.payloads().map(mb),
      same,
    });
  }
  return figures;
}
