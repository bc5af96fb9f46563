/**
 * `bench [--json] [--quick]`: how fast the engine is, measured on the bundled county book (seeds/001): ExcelJS's
 * load time of the file next to the time Kaohe needs to find every book and check it, the same on a workbook of
 * 10x and 100x the rows, and how many KH.SCORE evaluations a second the function library does.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import type { CellGrid } from "../../core/grid";
import { readBooks } from "../../core/layout";
import { checkBooks } from "../../core/rules";
import { SCORE } from "../../functions/library";
import { type Command, EXIT_OK, validate } from "../command";
import { loadWorkbook, worksheetToGrid } from "../xlsxRead";

const SEED = path.resolve(__dirname, "../../../../seeds/001_c9fa6fd301574412.xlsx");

/** Median milliseconds of `runs` calls, after warm-up calls that let the JIT settle. */
async function median(runs: number, work: () => unknown, warmups = 3): Promise<number> {
  for (let i = 0; i < warmups; i++) await work();
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

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

export interface BenchReport {
  file: string;
  rows: number;
  excelJsLoadMs: number;
  gridMs: number;
  parseMs: number;
  checkMs: number;
  /** (parse + check) / ExcelJS load. */
  engineToLoadRatio: number;
  scale: { times: number; rows: number; parseAndCheckMs: number; heapMb: number }[];
  /** parse+check time at 100x over 10x: 10 means linear. */
  growth100over10: number;
  scoreEvaluationsPerSecond: number;
}

export async function bench(quick: boolean): Promise<BenchReport> {
  const runs = quick ? 3 : 9;
  const excelJsLoadMs = await median(runs, () => loadWorkbook(SEED));
  const workbook = await loadWorkbook(SEED);
  let grids: CellGrid[] = [];
  const gridMs = await median(runs, () => (grids = workbook.worksheets.map(worksheetToGrid)));
  const rows = grids.reduce((n, g) => n + g.values.length, 0);
  let reading = readBooks(grids);
  const parseMs = await median(runs * 2, () => (reading = readBooks(grids)));
  const checkMs = await median(runs * 2, () => checkBooks(reading.books));

  const scale = [];
  for (const times of [1, 10, 100]) {
    const big = scaleGrids(grids, times);
    const parseAndCheckMs = await median(times === 100 ? (quick ? 1 : 3) : runs, () => checkBooks(readBooks(big).books), times === 100 ? 1 : 3);
    scale.push({ times, rows: rows * times, parseAndCheckMs: round(parseAndCheckMs), heapMb: round(process.memoryUsage().heapUsed / 2 ** 20) });
  }

  const evaluations = quick ? 50_000 : 300_000;
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < evaluations; i++) sink += SCORE(10, 30, i % 40);
  const seconds = (performance.now() - start) / 1000;
  if (!Number.isFinite(sink)) throw new Error("SCORE returned a non-number");

  return {
    file: path.relative(process.cwd(), SEED),
    rows,
    excelJsLoadMs: round(excelJsLoadMs),
    gridMs: round(gridMs),
    parseMs: round(parseMs),
    checkMs: round(checkMs),
    engineToLoadRatio: round((parseMs + checkMs) / excelJsLoadMs, 3),
    scale,
    growth100over10: round(scale[2].parseAndCheckMs / scale[1].parseAndCheckMs, 2),
    scoreEvaluationsPerSecond: Math.round(evaluations / seconds),
  };
}

function table(report: BenchReport): string {
  const lines = [
    `基准 / benchmark: ${report.file} (${report.rows} 行 rows)`,
    "",
    `  ExcelJS 读取 / load              ${report.excelJsLoadMs} ms`,
    `  转为 CellGrid / grids             ${report.gridMs} ms`,
    `  识别责任书 / readBooks            ${report.parseMs} ms`,
    `  检查 / checkBooks                 ${report.checkMs} ms`,
    `  (识别+检查) / 读取 = ratio         ${report.engineToLoadRatio}`,
    "",
    "  规模 / scale     行 rows   识别+检查 ms   堆 heap MB",
    ...report.scale.map((s) => `  ${`${s.times}x`.padEnd(14)} ${String(s.rows).padStart(8)}   ${String(s.parseAndCheckMs).padStart(12)}   ${String(s.heapMb).padStart(9)}`),
    `  100x / 10x = ${report.growth100over10} (10 = linear)`,
    "",
    `  KH.SCORE 每秒 / evaluations per second: ${report.scoreEvaluationsPerSecond.toLocaleString("en-US")}`,
  ];
  return lines.join("\n");
}

const benchArgs = z.object({ json: z.boolean().default(false), quick: z.boolean().default(false) });

export const benchCommand: Command = {
  usage: "bench [--json] [--quick]",
  summary: "性能基准 / how fast the engine is on the county book, at 1x, 10x and 100x",
  options: { json: { type: "boolean" }, quick: { type: "boolean" } },
  async run(values) {
    const args = validate(benchArgs, values);
    const report = await bench(args.quick);
    console.log(args.json ? JSON.stringify(report, null, 2) : table(report));
    return EXIT_OK;
  },
};
