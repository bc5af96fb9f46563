/**
 * The read section of `npm run bench`: how fast an .xlsx becomes grids, side by side at 1x, 10x and 100x the rows
 * of seeds/001 (the seed's sheets repeated down each sheet and written to a temporary .xlsx, as bench/engine.ts
 * does): Kaohe's reader (src/xlsx) against ExcelJS's load, SheetJS (@e965/xlsx, dense, with its grids) and the
 * floor, a bare inflate of the entries the reader needs (the sheets and shared strings, nothing parsed). The reader
 * and the floor are measured with the same inflate, each of the two the reader is given: Node's zlib (as the command
 * line reads) and fflate (as the task pane reads); then `kaohe check --json` on the 1x, 10x and 100x workbooks as
 * whole processes, their wall and CPU time and peak memory (targets at 100x: under 2.5 s and 300 MB; the reader
 * within 3x of the floor). */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readSheetJsWorkbook, sheetJsWorkbookToGrids } from "../src/xlsx/sheetjsGrid";
import { readXlsxGrids } from "../src/xlsx/xlsxWorkbook";
import { inflateEntries, PORTABLE_INFLATER, type Inflater } from "../src/xlsx/zipParts";
import { NATIVE_INFLATER } from "../src/cli/xlsxRead";
import type * as Engine from "./engine";

// "./engine" would resolve to bench/engine.js (the script that runs the engine bench), not to engine.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { median, scaleGrids, writeGrids } = require("./engine.ts") as typeof Engine;

const ROOT = path.resolve(__dirname, "..");
const SEED = path.join(ROOT, "seeds", "001_c9fa6fd301574412.xlsx");

export interface ReadScale {
  times: number;
  rows: number;
  fileKb: number;
  /** Median milliseconds: the floor and the reader with Node's zlib (the command line's inflate). */
  inflateMs: number;
  readMs: number;
  /** The same with fflate (the task pane's inflate). */
  fflateInflateMs: number;
  fflateReadMs: number;
  sheetJsMs: number;
  excelJsMs: number;
  /** readMs / inflateMs, zlib for both (target < 3). */
  readToInflate: number;
  /** fflateReadMs / fflateInflateMs, fflate for both. */
  fflateReadToInflate: number;
  /** readMs / excelJsMs. */
  readToExcelJs: number;
}

/** `kaohe check --json` on a workbook, as a process of its own: wall and CPU (user + system) seconds, peak RSS. */
export interface CheckProcess {
  times: number;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  exitCode: number | null;
}

export interface ReadReport {
  scale: ReadScale[];
  /** `kaohe check --json` on the 1x, 10x and 100x workbooks. */
  checks: CheckProcess[];
  /** The 100x one of `checks` (targets: under 2.5 s and 300 MB). */
  check100x: CheckProcess;
}

/** Median milliseconds over `runs` runs after one warm-up, to a tenth. */
async function medianMs(runs: number, work: () => unknown): Promise<number> {
  return Math.round((await median(runs, work, 1)) * 10) / 10;
}

const isReadEntry = (name: string) => name.startsWith("xl/worksheets/") && name.endsWith(".xml") || name === "xl/sharedStrings.xml";

async function measure(file: string, times: number, rows: number, quick: boolean): Promise<ReadScale> {
  const bytes = fs.readFileSync(file);
  const runs = quick ? 1 : times === 100 ? 3 : times === 10 ? 5 : 9;
  const floor = (inflater: Inflater) => medianMs(runs, () => inflateEntries(bytes, isReadEntry, inflater));
  const reader = (inflater: Inflater) => medianMs(runs, () => readXlsxGrids(bytes, inflater));
  const inflateMs = await floor(NATIVE_INFLATER);
  const readMs = await reader(NATIVE_INFLATER);
  const fflateInflateMs = await floor(PORTABLE_INFLATER);
  const fflateReadMs = await reader(PORTABLE_INFLATER);
  const sheetJsMs = await medianMs(runs, () => sheetJsWorkbookToGrids(readSheetJsWorkbook(bytes)));
  // ExcelJS at 100x takes seconds a run: one run, no warm-up beyond the one median() makes.
  const excelJsMs = await medianMs(times === 100 || quick ? 1 : 3, () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    times, rows, fileKb: Math.round(bytes.length / 1024), inflateMs, readMs, fflateInflateMs, fflateReadMs, sheetJsMs, excelJsMs,
    readToInflate: ratio(readMs, inflateMs), fflateReadToInflate: ratio(fflateReadMs, fflateInflateMs), readToExcelJs: ratio(readMs, excelJsMs),
  };
}

/** `kaohe check --json <file>` under /usr/bin/time -v: wall time, CPU time and peak RSS (null where time(1) is
 * missing). */
function checkProcess(file: string, times: number): CheckProcess {
  const kaohe = [path.join(ROOT, "scripts", "kaohe.js"), "check", file, "--json"];
  const timed = fs.existsSync("/usr/bin/time");
  spawnSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), "--help"], { cwd: ROOT, stdio: "ignore" });
  const start = performance.now();
  const result = timed
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...kaohe], { cwd: ROOT, encoding: "utf8", maxBuffer: 2 ** 28 })
    : spawnSync(process.execPath, kaohe, { cwd: ROOT, encoding: "utf8", maxBuffer: 2 ** 28 });
  const seconds = Math.round((performance.now() - start) / 10) / 100;
  const figure = (label: string) => {
    const found = timed ? new RegExp(`${label}: ([\\d.]+)`).exec(result.stderr) : null;
    return found ? Number(found[1]) : null;
  };
  const rss = figure("Maximum resident set size \\(kbytes\\)");
  const user = figure("User time \\(seconds\\)");
  const system = figure("System time \\(seconds\\)");
  const cpuSeconds = user === null || system === null ? null : Math.round((user + system) * 100) / 100;
  return { times, seconds, cpuSeconds, peakRssMb: rss === null ? null : Math.round(rss / 1024), exitCode: result.status };
}

export async function readPath(quick: boolean): Promise<ReadReport> {
  const seedGrids = readXlsxGrids(fs.readFileSync(SEED));
  const rows = seedGrids.reduce((n, g) => n + g.values.length, 0);
  const scale: ReadScale[] = [await measure(SEED, 1, rows, quick)];
  const checks: CheckProcess[] = [checkProcess(SEED, 1)];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-read-"));
  try {
    for (const times of [10, 100]) {
      const file = path.join(dir, `${times}x.xlsx`);
      await writeGrids(scaleGrids(seedGrids, times), file);
      scale.push(await measure(file, times, rows * times, quick));
      checks.push(checkProcess(file, times));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { scale, checks, check100x: checks[checks.length - 1] };
}

/** The read section as lines of `npm run bench`'s table. */
export function readPathLines(report: ReadReport): string[] {
  const pad = (value: unknown, width: number) => String(value).padStart(width);
  const lines = ["读取 / reading .xlsx: Kaohe's reader (src/xlsx) vs ExcelJS load vs SheetJS vs a bare inflate of the sheets and strings (median ms)"];
  lines.push("  inflate and reader with Node's zlib (the command line's), and both again with fflate (the task pane's)");
  lines.push("  scale       rows   file KB   zlib inflate   reader   reader/inflate   fflate inflate   reader   reader/inflate   SheetJS   ExcelJS   reader/ExcelJS");
  for (const s of report.scale) {
    lines.push(`  ${`${s.times}x`.padEnd(6)} ${pad(s.rows, 8)} ${pad(s.fileKb, 9)} ${pad(s.inflateMs, 14)} ${pad(s.readMs, 8)} ${pad(s.readToInflate, 16)} ${pad(s.fflateInflateMs, 16)} ${pad(s.fflateReadMs, 8)} ${pad(s.fflateReadToInflate, 16)} ${pad(s.sheetJsMs, 9)} ${pad(s.excelJsMs, 9)} ${pad(s.readToExcelJs, 16)}`);
  }
  lines.push("  kaohe check --json (whole process, one run): scale, wall s, CPU s (user + system), peak RSS MB");
  for (const c of report.checks) {
    lines.push(`  ${`${c.times}x`.padEnd(6)} ${pad(c.seconds, 8)} ${pad(c.cpuSeconds ?? "-", 8)} ${pad(c.peakRssMb ?? "-", 8)}   exit ${c.exitCode}`);
  }
  lines.push("  targets: 100x under 2.5 s and 300 MB; the reader within 3x of the same inflate", "");
  return lines;
}
