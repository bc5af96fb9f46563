/**
 * The score-sheet section of `npm run bench`: how long the scoring sheets and the summary sheets of a big workbook
 * take, at 25k, 50k and 100k rows (--quick: 5k and 10k). The workbook is the bundled county book (seeds/001) with
 * its sheets repeated down each sheet until it holds that many rows, except its negative list (负面清单), kept once:
 * the negative list's penalties go on every unit's sheet, so repeating it would make the output grow with the
 * square of the rows. Figures: reading the books, building the scoring sheets (plans, formulas, the engine's own
 * results), writing them into an ExcelJS workbook and saving it as .xlsx, checking what is entered on them, and the
 * summary sheets with the ranking of every unit. bench/scoringSheets.js runs it in a process of its own (its heap
 * is large at 100k rows).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import type { CellGrid } from "../src/core/grid";
import { readBooks } from "../src/core/layout";
import { scoringSheets } from "../src/core/scoringSheet";
import { checkScoringSheets, gridCells } from "../src/core/scoringSheet/entered";
import { plansByKey, recomputedTotal } from "../src/core/scoringSheet/recompute";
import { rankedUnitOf, rankingSheet } from "../src/core/summary/ranking";
import { specGrid } from "../src/core/sheetSpec";
import { summarySheets } from "../src/core/summary/summarySheets";
import { writeSpecs } from "../src/excel/exceljsWrite";
import { loadWorkbook, worksheetToGrid } from "../src/cli/xlsxRead";
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
  readMs: number;
  buildMs: number;
  writeMs: number;
  saveMs: number;
  entryCheckMs: number;
  summaryMs: number;
  /** read + build + write + save: what score-sheet spends after loading the file. */
  scoreSheetMs: number;
  heapMb: number;
}

const round = (n: number) => Math.round(n);

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

async function measure(seed: CellGrid[], rows: number): Promise<ScoreSheetFigures> {
  const grids = workbookOfRows(seed, rows);
  const [reading, readMs] = timed(() => readBooks(grids));
  const books = reading.books;
  const [specs, buildMs] = timed(() => scoringSheets(books, { portable: false }));
  let start = performance.now();
  const workbook = new ExcelJS.Workbook();
  await writeSpecs(workbook, specs);
  const writeMs = performance.now() - start;
  start = performance.now();
  await workbook.xlsx.writeBuffer();
  const saveMs = performance.now() - start;
  const scoringGrids = specs.map((spec) => specGrid(spec));
  const [, entryCheckMs] = timed(() => checkScoringSheets(books, scoringGrids));
  const [, summaryMs] = timed(() => {
    summarySheets([{ file: null, books }], { language: "zh", links: true });
    const plans = plansByKey(books);
    const totals = scoringGrids.map((grid) => recomputedTotal(gridCells(grid), plans)!);
    return rankingSheet(totals.flatMap((total) => rankedUnitOf(total, 0, null) ?? []));
  });
  return {
    rows: grids.reduce((n, g) => n + g.values.length, 0),
    books: books.length,
    sheets: specs.length,
    sheetRows: specs.reduce((n, s) => n + s.rows.length, 0),
    readMs: round(readMs),
    buildMs: round(buildMs),
    writeMs: round(writeMs),
    saveMs: round(saveMs),
    entryCheckMs: round(entryCheckMs),
    summaryMs: round(summaryMs),
    scoreSheetMs: round(readMs + buildMs + writeMs + saveMs),
    heapMb: round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

/** Score-sheet figures at each size, one run each (a warm-up run on the seed first). */
export async function scoreSheetBench(quick: boolean): Promise<ScoreSheetFigures[]> {
  const seed = (await loadWorkbook(seedPath())).worksheets.map(worksheetToGrid);
  await measure(seed, 0);
  const figures: ScoreSheetFigures[] = [];
  for (const rows of quick ? [5_000, 10_000] : [25_000, 50_000, 100_000]) figures.push(await measure(seed, rows));
  return figures;
}

export function scoreSheetTable(figures: ScoreSheetFigures[]): string[] {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  return [
    "评分表 / score-sheet: seeds/001 repeated (negative list once); target 100k rows under 10 s",
    "  rows     books   sheets   sheet rows   read ms   build ms   write ms   save ms   score-sheet ms   entry check ms   summary ms   heap MB",
    ...figures.map(
      (f) =>
        `  ${pad(f.rows, 7)} ${pad(f.books, 7)} ${pad(f.sheets, 8)} ${pad(f.sheetRows, 12)} ${pad(f.readMs, 9)} ${pad(f.buildMs, 10)} ${pad(f.writeMs, 10)} ${pad(f.saveMs, 9)} ${pad(f.scoreSheetMs, 16)} ${pad(f.entryCheckMs, 16)} ${pad(f.summaryMs, 12)} ${pad(f.heapMb, 9)}`,
    ),
  ];
}

/** The section run in a process of its own (bench/scoringSheets.js), as `npm run bench` calls it. */
export function scoreSheetSection(quick: boolean): ScoreSheetFigures[] {
  const result = spawnSync(process.execPath, ["--max-old-space-size=8192", path.join(__dirname, "scoringSheets.js"), "--json", ...(quick ? ["--quick"] : [])], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`bench/scoringSheets.js failed (exit ${result.status})`);
  return JSON.parse(result.stdout) as ScoreSheetFigures[];
}
