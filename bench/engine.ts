/**
 * The engine section of `npm run bench` (bench/engine.js runs it in its own process): how fast the engine is, measured on the bundled county book (seeds/001): ExcelJS's
 * load time of the file next to the time Kaohe needs to find every book and check it; the same on synthetic
 * workbooks of 10x and 100x the rows (the seed's sheets repeated down each sheet, written to a temporary .xlsx and
 * loaded back like any other file; with --quick, kept in memory and not loaded through ExcelJS); the peak memory; how
 * many KH.SCORE and KH.TOTAL evaluations a second the function library does; and how long the seed's scoring sheets
 * take to build and to check.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { a1Range, type CellGrid } from "../src/core/grid";
import { readBooks } from "../src/core/layout";
import { checkBooks } from "../src/core/rules";
import { scoringSheets } from "../src/core/scoringSheet";
import { checkScoringSheets } from "../src/core/scoringSheet/entered";
import { specGrid, type SheetSpec } from "../src/core/sheetSpec";
import { SCORE, TOTAL } from "../src/functions/library";
import { loadWorkbook, worksheetToGrid } from "../src/cli/xlsxRead";

const SEED_NAME = "001_c9fa6fd301574412.xlsx";

/** seeds/001, found in the first folder above this one that holds seeds/. */
export function seedPath(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "seeds", SEED_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`seeds/${SEED_NAME} not found above ${__dirname}`);
  }
}

/** A full garbage collection: what earlier steps left behind (ExcelJS's workbooks) is not charged to the next. */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

/** Median milliseconds of `runs` calls, after warm-up calls that let the JIT settle and a full collection. */
export async function median(runs: number, work: () => unknown, warmups = 3): Promise<number> {
  for (let i = 0; i < warmups; i++) await work();
  collectGarbage();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The grids repeated `times` times down each sheet (merges moved with their rows). */
export function scaleGrids(grids: CellGrid[], times: number): CellGrid[] {
  return grids.map((grid) => {
    const height = grid.values.length;
    const values: CellGrid["values"] = [];
    const merges: CellGrid["merges"] = [];
    for (let copy = 0; copy < times; copy++) {
      values.push(...grid.values);
      for (const m of grid.merges) merges.push({ ...m, top: m.top + copy * height, bottom: m.bottom + copy * height });
    }
    return { sheet: grid.sheet, values, merges };
  });
}

/** Writes grids as an .xlsx file (values and merges). */
export async function writeGrids(grids: CellGrid[], file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    grid.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== "") sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const m of grid.merges) sheet.mergeCells(a1Range(m));
  }
  await workbook.xlsx.writeFile(file);
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const megabytes = (bytes: number) => round(bytes / 2 ** 20);

export interface ScaleFigures {
  times: number;
  rows: number;
  /** Where the scaled workbook came from: "seed" (the file itself), "temporary .xlsx" (written, then loaded) or
   * "in memory" (--quick: the grids repeated, no ExcelJS load, so no ratio). */
  source: "seed" | "temporary .xlsx" | "in memory";
  excelJsLoadMs: number | null;
  gridMs: number | null;
  parseMs: number;
  checkMs: number;
  /** (parse + check) / ExcelJS load; target below 0.25. */
  engineToLoadRatio: number | null;
  heapMb: number;
}

export interface BenchReport {
  file: string;
  rows: number;
  books: number;
  excelJsLoadMs: number | null;
  gridMs: number | null;
  parseMs: number;
  checkMs: number;
  /** (parse + check) / ExcelJS load at 1x; target below 0.25. */
  engineToLoadRatio: number | null;
  scale: ScaleFigures[];
  /** parse+check time at 100x over 10x: 10 means linear; target below 12. */
  growth100over10: number;
  /** Peak resident set of the whole run (process.resourceUsage().maxRSS). */
  peakRssMb: number;
  scoreEvaluationsPerSecond: number;
  totalEvaluationsPerSecond: number;
  /** The seed's scoring sheets: how many, the time to build them (plans, formulas, the engine's results) and to
   * check what is entered on them. */
  scoring: { sheets: number; generateMs: number; entryCheckMs: number };
  quick: boolean;
}

/** Warm-up calls before timing: enough at 1x for the JIT to optimise the engine (a 1x call takes milliseconds). */
function warmupsAt(times: number, quick: boolean): number {
  // At 1x the reader's code takes about a hundred calls to be optimised (measured: 47, 28, 18 … 7 ms a call).
  if (times === 1) return quick ? 5 : 100;
  return times === 10 ? 3 : 1;
}

/** The grids of a file and the median time to turn its loaded workbook into grids; the workbook is then dropped. */
async function gridsOf(file: string, runs: number): Promise<{ grids: CellGrid[]; gridMs: number }> {
  const workbook = await loadWorkbook(file);
  let grids: CellGrid[] = [];
  const gridMs = await median(runs, () => (grids = workbook.worksheets.map(worksheetToGrid)), 1);
  return { grids, gridMs };
}

async function measureScale(file: string, times: number, rows: number, quick: boolean): Promise<ScaleFigures> {
  const runs = times === 100 ? (quick ? 1 : 3) : quick ? 3 : 9;
  const warmups = warmupsAt(times, quick);
  const excelJsLoadMs = await median(runs, () => loadWorkbook(file), times === 100 ? 0 : warmups);
  const { grids, gridMs } = await gridsOf(file, runs);
  let reading = readBooks(grids);
  const parseMs = await median(runs * 2, () => (reading = readBooks(grids)), warmups);
  const checkMs = await median(runs * 2, () => checkBooks(reading.books), warmups);
  return {
    times,
    rows,
    source: times === 1 ? "seed" : "temporary .xlsx",
    excelJsLoadMs: round(excelJsLoadMs),
    gridMs: round(gridMs),
    parseMs: round(parseMs),
    checkMs: round(checkMs),
    engineToLoadRatio: round((parseMs + checkMs) / excelJsLoadMs, 3),
    heapMb: megabytes(process.memoryUsage().heapUsed),
  };
}

/** parse + check of grids kept in memory (--quick at 10x and 100x). */
async function measureInMemory(grids: CellGrid[], times: number, rows: number): Promise<ScaleFigures> {
  const runs = times === 100 ? 1 : 3;
  const warmups = times === 100 ? 1 : 2;
  let reading = readBooks(grids);
  const parseMs = await median(runs, () => (reading = readBooks(grids)), warmups);
  const checkMs = await median(runs, () => checkBooks(reading.books), warmups);
  const heapMb = megabytes(process.memoryUsage().heapUsed);
  return { times, rows, source: "in memory", excelJsLoadMs: null, gridMs: null, parseMs: round(parseMs), checkMs: round(checkMs), engineToLoadRatio: null, heapMb };
}

function evaluationsPerSecond(count: number, evaluate: (i: number) => number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(count, 5_000); i++) sink += evaluate(i);
  const start = performance.now();
  for (let i = 0; i < count; i++) sink += evaluate(i);
  const seconds = (performance.now() - start) / 1000;
  if (!Number.isFinite(sink)) throw new Error("a function returned a non-number");
  return Math.round(count / seconds);
}

export async function bench(quick: boolean): Promise<BenchReport> {
  const seed = seedPath();
  const seedGrids = (await loadWorkbook(seed)).worksheets.map(worksheetToGrid);
  const rows = seedGrids.reduce((n, g) => n + g.values.length, 0);
  const books = readBooks(seedGrids).books.length;

  const scale: ScaleFigures[] = [await measureScale(seed, 1, rows, quick)];
  const dir = quick ? "" : fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-"));
  try {
    for (const times of [10, 100]) {
      if (quick) {
        scale.push(await measureInMemory(scaleGrids(seedGrids, times), times, rows * times));
        continue;
      }
      const file = path.join(dir, `${times}x.xlsx`);
      await writeGrids(scaleGrids(seedGrids, times), file);
      scale.push(await measureScale(file, times, rows * times, quick));
      fs.rmSync(file, { force: true });
    }
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }

  const seedBooks = readBooks(seedGrids).books;
  let specs: SheetSpec[] = [];
  const generateMs = await median(quick ? 3 : 9, () => (specs = scoringSheets(seedBooks, { portable: false })), quick ? 1 : 3);
  const scoringGrids = specs.map((spec) => specGrid(spec));
  const entryCheckMs = await median(quick ? 3 : 9, () => checkScoringSheets(seedBooks, scoringGrids), quick ? 1 : 3);

  const evaluations = quick ? 50_000 : 300_000;
  const scores = [[10], [20], [30.5], [25]];
  const one = scale[0];
  const engine = (s: ScaleFigures) => s.parseMs + s.checkMs;
  return {
    file: path.relative(process.cwd(), seed),
    rows,
    books,
    excelJsLoadMs: one.excelJsLoadMs,
    gridMs: one.gridMs,
    parseMs: one.parseMs,
    checkMs: one.checkMs,
    engineToLoadRatio: one.engineToLoadRatio,
    scale,
    growth100over10: round(engine(scale[2]) / engine(scale[1]), 2),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    scoreEvaluationsPerSecond: evaluationsPerSecond(evaluations, (i) => SCORE(10, 30, i % 40)),
    totalEvaluationsPerSecond: evaluationsPerSecond(evaluations, (i) => TOTAL(scores, [[i % 3]], [[-0.5]])),
    scoring: { sheets: specs.length, generateMs: round(generateMs), entryCheckMs: round(entryCheckMs) },
    quick,
  };
}

export function benchTable(report: BenchReport): string {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  return [
    `引擎 / engine: ${report.file} (${report.rows} 行 rows, ${report.books} 本责任书 books)${report.quick ? " [quick]" : ""}`,
    "  规模 scale   行 rows   来源 source          ExcelJS ms   grid ms   识别 parse ms   检查 check ms   ratio (<0.25)   堆 heap MB",
    ...report.scale.map(
      (s) =>
        `  ${`${s.times}x`.padEnd(10)} ${pad(s.rows, 8)}   ${s.source.padEnd(17)} ${pad(s.excelJsLoadMs ?? "-", 11)} ${pad(s.gridMs ?? "-", 9)} ${pad(s.parseMs, 15)} ${pad(s.checkMs, 15)} ${pad(s.engineToLoadRatio ?? "-", 15)} ${pad(s.heapMb, 12)}`,
    ),
    `  增长 growth 100x / 10x (识别+检查 parse+check) = ${report.growth100over10} (10 = linear, target < 12)`,
    `  峰值内存 peak RSS (maxRSS) = ${report.peakRssMb} MB`,
    `  KH.SCORE 每秒 / evaluations per second: ${report.scoreEvaluationsPerSecond.toLocaleString("en-US")}`,
    `  KH.TOTAL 每秒 / evaluations per second: ${report.totalEvaluationsPerSecond.toLocaleString("en-US")}`,
    `  评分表 scoring sheets: ${report.scoring.sheets} 张, 生成 build ${report.scoring.generateMs} ms, 填报检查 entry check ${report.scoring.entryCheckMs} ms`,
  ].join("\n");
}
