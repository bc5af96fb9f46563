/**
 * The score-sheet section of `npm run bench`: how long score-sheet and summary take on a big workbook, along the
 * command line's own path, at 25k, 50k, 100k and 200k rows (--quick: 5k and 10k; --rows 25000,50000 for others).
 * The workbook is the bundled county book (seeds/001) with its sheets repeated down each sheet until it holds that
 * many rows, except its negative list (负面清单), kept once: the negative list's penalties go on every unit's sheet,
 * so repeating it would make the output grow with the square of the rows. It is written as an .xlsx file, then:
 * reading it (the fast reader), building the scoring sheets, writing them as package parts spliced into the file's
 * package; then summary on the scored copy. bench/scoringSheets.js runs it in a
 * process of its own (its heap is large at 100k rows).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as XLSX from "@e965/xlsx";
import { addScoringSheets } from "../src/app/scoringSheets";
import { addSummary } from "../src/app/summary";
import { NATIVE_COMPRESSION, openForAdding } from "../src/cli/addingWorkbook";
import { InputError } from "../src/cli/inputError";
import { readWorkbookFile, readWorkbookPackage } from "../src/cli/xlsxRead";
import type { CellGrid } from "../src/core/grid";
import { readBooks } from "../src/core/layout";
import { madeSheet, type SheetSource } from "../src/core/sheetSpec";
import { xlsxAddingWorkbook } from "../src/excel/xlsxFileAdapter";
import { spliceSheets } from "../src/xlsx/splice";
import { newSheets } from "../src/xlsx/write/newSheets";
import type * as Engine from "./engine";

// "./engine" would resolve to bench/engine.js (the script that runs the engine bench), not to engine.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scaleGrids, seedPath } = require("./engine.ts") as typeof Engine;

/** The seed's grids repeated down each sheet until they hold about `rows` rows; negative-list sheets once. */
export function workbookOfRows(seed: CellGrid[], rows: number): CellGrid[] {
  const penaltySheets = new Set(readBooks(seed).books.filter((b) => b.kind === "penalty-list").map((b) => b.sheet));
  const once = seed.filter((g) => penaltySheets.has(g.sheet)).reduce((n, g) => n + g.values.length, 0);
  const perCopy = seed.filter((g) => !penaltySheets.has(g.sheet)).reduce((n, g) => n + g.values.length, 0);
  const times = Math.max(1, Math.round((rows - once) / perCopy));
  const scaled = new Map(scaleGrids(seed.filter((g) => !penaltySheets.has(g.sheet)), times).map((g) => [g.sheet, g] as const));
  return seed.map((grid) => scaled.get(grid.sheet) ?? grid);
}

export interface ScoreSheetFigures {
  /** Rows of the workbook read. */
  rows: number;
  books: number;
  sheets: number;
  /** Rows of the scoring sheets written. */
  sheetRows: number;
  /** The workbook file and the scored copy, in MB. */
  fileMb: number;
  outputMb: number;
  /** Reading the file (fast reader: grids and package). */
  readMs: number;
  /** Finding the books, planning each unit's scoring sheet and carrying entries over (each sheet is made as it is
   * written). */
  planMs: number;
  /** Each scoring sheet made (the engine's results, the formulas) and written as package parts spliced into the
   * original package. */
  writeMs: number;
  /** read + plan + write: score-sheet from the file to the bytes of its output. */
  scoreSheetMs: number;
  /** summary on the scored copy: reading it, checking, ranking, writing and splicing the summary sheets. */
  /** null when the reader refused the scored copy for one of its limits (`refused` says which). */
  summaryMs: number | null;
  refused?: string;
  /** Peak resident memory of the process so far. */
  peakMb: number;
}

const round = (n: number) => Math.round(n);

/** The grids as an .xlsx file (SheetJS: linear in the cells and merges, unlike ExcelJS's merge check). */
function xlsxFileOf(grids: CellGrid[], file: string): number {
  const workbook = XLSX.utils.book_new();
  for (const grid of grids) {
    const sheet = XLSX.utils.aoa_to_sheet(grid.values);
    sheet["!merges"] = grid.merges.map((m) => ({ s: { r: m.top, c: m.left }, e: { r: m.bottom, c: m.right } }));
    XLSX.utils.book_append_sheet(workbook, sheet, grid.sheet);
  }
  const bytes = XLSX.write(workbook, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
  writeFileSync(file, bytes);
  return bytes.length;
}

/** The workbook of about `rows` rows written to `file` (its grids let go once written). */
function bookFile(seed: CellGrid[], rows: number, file: string): { fileBytes: number; rowCount: number } {
  const grids = workbookOfRows(seed, rows);
  return { fileBytes: xlsxFileOf(grids, file), rowCount: grids.reduce((n, g) => n + g.values.length, 0) };
}

/** score-sheet on `file` along the command line's path, its output written beside it; what it took. */
async function scoreSheet(file: string, scored: string) {
  let start = performance.now();
  const book = await readWorkbookPackage(file);
  const readMs = performance.now() - start;
  const { adapter, added } = xlsxAddingWorkbook(book.sheets, book.info.sheetNames);
  start = performance.now();
  const done = await addScoringSheets(adapter, { portable: false });
  const planMs = performance.now() - start;
  start = performance.now();
  let sheetRows = 0;
  const counted = added.specs.splice(0).map((source): SheetSource => ({
    name: source.name,
    make: () => {
      const spec = madeSheet(source);
      sheetRows += spec.rows.length;
      return spec;
    },
  }));
  const spliced = (await spliceSheets(book.bytes, newSheets(counted, added.names), added.replacing, NATIVE_COMPRESSION)).bytes;
  const writeMs = performance.now() - start;
  writeFileSync(scored, spliced);
  return {
    books: book.sheets.length,
    sheets: done.names.length,
    sheetRows,
    outputMb: Math.round(spliced.length / 2 ** 20),
    readMs, planMs, writeMs,
  };
}

async function measure(seed: CellGrid[], rows: number, dir: string): Promise<ScoreSheetFigures> {
  const file = path.join(dir, `rows-${rows}.xlsx`);
  const { fileBytes, rowCount } = bookFile(seed, rows, file);
  const scored = path.join(dir, `rows-${rows}-评分.xlsx`);
  // In a function of its own, so that what score-sheet held is let go before summary runs (two commands).
  const s = await scoreSheet(file, scored);
  const start = performance.now();
  let summaryMs: number | null = null;
  let refused: string | undefined;
  try {
    const target = await openForAdding(scored, "zh");
    await addSummary(target.adapter, [{ file: null, adapter: target.adapter }], { language: "zh", links: true, ranking: true });
    await target.save(path.join(dir, `rows-${rows}-汇总.xlsx`), { force: true, language: "zh" });
    summaryMs = performance.now() - start;
  } catch (error) {
    // The command would stop here with exit 2 and this line.
    if (!(error instanceof InputError)) throw error;
    refused = error.text("en");
  }
  return {
    rows: rowCount,
    books: s.books,
    sheets: s.sheets,
    sheetRows: s.sheetRows,
    fileMb: Math.round(fileBytes / 2 ** 20),
    outputMb: s.outputMb,
    readMs: round(s.readMs),
    planMs: round(s.planMs),
    writeMs: round(s.writeMs),
    scoreSheetMs: round(s.readMs + s.planMs + s.writeMs),
    summaryMs: summaryMs === null ? null : round(summaryMs),
    ...(refused ? { refused } : {}),
    peakMb: round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The sizes measured: 25k to 200k rows (--quick: 5k and 10k). */
export const BENCH_ROWS = { full: [25_000, 50_000, 100_000, 200_000], quick: [5_000, 10_000] };

/** Score-sheet figures at each size, one run each (a warm-up run on the seed first). */
export async function scoreSheetBench(sizes: number[]): Promise<ScoreSheetFigures[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "kaohe-bench-"));
  try {
    const seed = await readWorkbookFile(seedPath());
    await measure(seed, 0, dir);
    const figures: ScoreSheetFigures[] = [];
    for (const rows of sizes) {
      figures.push(await measure(seed, rows, dir));
      // Each size as it is done: the biggest take minutes.
      process.stderr.write(`${scoreSheetTable(figures.slice(-1)).slice(-1)[0]}\n`);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function scoreSheetTable(figures: ScoreSheetFigures[]): string[] {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  return [
    "评分表 / score-sheet and summary, the command line's own path: seeds/001 repeated (negative list once); target 100k rows under 10 s",
    "     rows   books   sheets   sheet rows   in MB  out MB   read ms    plan ms   write ms   score-sheet ms   summary ms   peak MB",
    ...figures.map(
      (f) =>
        `  ${pad(f.rows, 7)} ${pad(f.books, 7)} ${pad(f.sheets, 8)} ${pad(f.sheetRows, 12)} ${pad(f.fileMb, 7)} ${pad(f.outputMb, 7)} ${pad(f.readMs, 9)} ${pad(f.planMs, 10)} ${pad(f.writeMs, 10)} ${pad(f.scoreSheetMs, 16)} ${pad(f.summaryMs ?? "refused", 12)} ${pad(f.peakMb, 9)}`,
    ),
    ...figures.filter((f) => f.refused).map((f) => `  summary at ${f.rows} rows refused, as the command would (exit 2): ${f.refused}`),
  ];
}

/** The section run in a process of its own (bench/scoringSheets.js), as `npm run bench` calls it. */
export function scoreSheetSection(quick: boolean): ScoreSheetFigures[] {
  const result = spawnSync(process.execPath, ["--max-old-space-size=16384", path.join(__dirname, "scoringSheets.js"), "--json", ...(quick ? ["--quick"] : [])], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`bench/scoringSheets.js failed (exit ${result.status})`);
  return JSON.parse(result.stdout) as ScoreSheetFigures[];
}
