/**
 * The read section of `npm run bench`: how fast an .xlsx becomes grids, side by side at 1x, 10x and 100x the rows
 * of seeds/001 (the seed's sheets repeated down each sheet and written to a temporary .xlsx, as bench/engine.ts
 * does): Kaohe's reader (src/xlsx) against ExcelJS's load, SheetJS (@e965/xlsx, dense, with its grids) and two
 * floors: a bare inflate of the entries the reader needs (the sheets and shared strings, nothing parsed), and the
 * floor the target is set against, that inflate plus a regex scan - the entries decoded and scanned with simple
 * global regexes for each cell's reference, type and value, the shared strings' texts and the merge ranges, all
 * kept in arrays: the least any reader of values and merges must do. The reader and the floors are measured with
 * the same inflate, each of the two the reader is given: Node's zlib (as the command line reads) and fflate (as the
 * task pane reads), round by round in turn so that their ratios come from the same moments of the machine; then
 * `kaohe check --json` on the 1x, 10x and 100x workbooks as whole processes, their wall and CPU time and peak memory
 * (targets at 100x: under 2.5 s and 300 MB; the reader within 3x of inflate + scan). */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readSheetJsWorkbook, sheetJsWorkbookToGrids } from "../src/xlsx/sheetjsGrid";
import { readXlsxGrids } from "../src/xlsx/xlsxWorkbook";
import { inflateEntries, PORTABLE_INFLATER, textOf, type Inflater } from "../src/xlsx/zipParts";
import { NATIVE_INFLATER } from "../src/cli/xlsxRead";
import type * as Engine from "./engine";

// "./engine" would resolve to bench/engine.js (the script that runs the engine bench), not to engine.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collectGarbage, median, scaleGrids, writeGrids } = require("./engine.ts") as typeof Engine;

const ROOT = path.resolve(__dirname, "..");
const SEED = path.join(ROOT, "seeds", "001_c9fa6fd301574412.xlsx");

export interface ReadScale {
  times: number;
  rows: number;
  fileKb: number;
  /** Median milliseconds with Node's zlib (the command line's inflate): the bare inflate, the inflate + regex scan
   * (the floor of the target) and the reader. */
  inflateMs: number;
  scanMs: number;
  readMs: number;
  /** The same with fflate (the task pane's inflate). */
  fflateInflateMs: number;
  fflateScanMs: number;
  fflateReadMs: number;
  sheetJsMs: number;
  excelJsMs: number;
  /** readMs / inflateMs, zlib for both. */
  readToInflate: number;
  /** readMs / scanMs, zlib for both (target < 3). */
  readToScan: number;
  /** fflateReadMs / fflateInflateMs, fflate for both. */
  fflateReadToInflate: number;
  /** fflateReadMs / fflateScanMs, fflate for both (target < 3). */
  fflateReadToScan: number;
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

/** Median milliseconds of each of `works`, run in turn round after round, to a tenth: after one full collection
 * (what earlier sections left is not charged here) and `warmups` rounds that let the JIT settle. No collection is
 * forced between rounds (after one, the first work to allocate much pays for a young generation grown again, several
 * times its own time at 10x); each round starts one work further on, so that each follows each of the others as
 * often and none is always the one to collect what another left. */
function pairedMedians(runs: number, warmups: number, works: (() => unknown)[]): number[] {
  collectGarbage();
  for (let round = 0; round < warmups; round++) for (const work of works) work();
  const times: number[][] = works.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < works.length; k++) {
      const i = (run + k) % works.length;
      const start = performance.now();
      works[i]();
      times[i].push(performance.now() - start);
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return Math.round(t[Math.floor(t.length / 2)] * 10) / 10;
  });
}

const isReadEntry = (name: string) => name.startsWith("xl/worksheets/") && name.endsWith(".xml") || name === "xl/sharedStrings.xml";

/** A cell with its reference, type and value (`<v>` or an inline string's `<t>`), a formula before it skipped. */
const CELL = /<c r="([A-Z]+[0-9]+)"(?: s="[0-9]+")?(?: t="([a-zA-Z]+)")?[^>]*?(?:\/>|>(?:<f[^>]*\/>|<f[^>]*>[^<]*<\/f>)?(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)?<\/c>)/g;
/** A shared string: its one `<t>`, or everything between `<si>` and `</si>` (rich text). */
const SHARED_STRING = /<si>(?:<t[^>]*>([^<]*)<\/t>|([\s\S]*?))<\/si>/g;
const MERGE = /<mergeCell ref="([^"]+)"/g;

/** What the regex scan found, kept so that the work is not optimised away. */
interface Scanned {
  refs: string[];
  types: (string | undefined)[];
  values: (string | undefined)[];
  strings: string[];
  merges: string[];
}

/** The floor the reader's target is set against: the entries the reader needs inflated with the same inflate,
 * decoded, and scanned with global regexes for the cells, shared strings and merges. */
export function inflateAndScan(bytes: Uint8Array, inflater: Inflater): Scanned {
  const found: Scanned = { refs: [], types: [], values: [], strings: [], merges: [] };
  inflateEntries(bytes, isReadEntry, inflater, (name, data) => {
    const xml = textOf(data);
    if (name === "xl/sharedStrings.xml") {
      for (let m = first(SHARED_STRING, xml); m; m = SHARED_STRING.exec(xml)) found.strings.push(m[1] ?? m[2]);
      return;
    }
    for (let m = first(CELL, xml); m; m = CELL.exec(xml)) {
      found.refs.push(m[1]);
      found.types.push(m[2]);
      found.values.push(m[3] ?? m[4]);
    }
    for (let m = first(MERGE, xml); m; m = MERGE.exec(xml)) found.merges.push(m[1]);
  });
  return found;
}

/** The first match of a global regex in `text` (an exec loop: faster than matchAll's iterator). */
function first(regex: RegExp, text: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  return regex.exec(text);
}

/** Median ms of the bare inflate, inflate + scan and the reader, with zlib then fflate, measured in turn. */
export function readerAndFloors(bytes: Uint8Array, runs: number, warmups: number): { inflateMs: number; scanMs: number; readMs: number; fflateInflateMs: number; fflateScanMs: number; fflateReadMs: number } {
  const [inflateMs, readMs, scanMs, fflateInflateMs, fflateReadMs, fflateScanMs] = pairedMedians(runs, warmups, [NATIVE_INFLATER, PORTABLE_INFLATER].flatMap((inflater) => [
    () => inflateEntries(bytes, isReadEntry, inflater),
    () => readXlsxGrids(bytes, inflater),
    () => inflateAndScan(bytes, inflater),
  ]));
  return { inflateMs, scanMs, readMs, fflateInflateMs, fflateScanMs, fflateReadMs };
}

async function measure(file: string, times: number, rows: number, quick: boolean): Promise<ReadScale> {
  const bytes = fs.readFileSync(file);
  // Rounds: a multiple of the six works, so that each round's start moves through all of them.
  const runs = quick ? 1 : times === 100 ? 6 : times === 10 ? 12 : 18;
  // Warm-up rounds: the reader's code is optimised only after some tens of small workbooks (or a few large ones).
  const warmups = quick ? 1 : times === 100 ? 2 : times === 10 ? 10 : 40;
  const { inflateMs, scanMs, readMs, fflateInflateMs, fflateScanMs, fflateReadMs } = readerAndFloors(bytes, runs, warmups);
  const sheetJsMs = await medianMs(runs, () => sheetJsWorkbookToGrids(readSheetJsWorkbook(bytes)));
  // ExcelJS at 100x takes seconds a run: one run, no warm-up beyond the one median() makes.
  const excelJsMs = await medianMs(times === 100 || quick ? 1 : 3, () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    times, rows, fileKb: Math.round(bytes.length / 1024), inflateMs, scanMs, readMs, fflateInflateMs, fflateScanMs, fflateReadMs, sheetJsMs, excelJsMs,
    readToInflate: ratio(readMs, inflateMs), readToScan: ratio(readMs, scanMs),
    fflateReadToInflate: ratio(fflateReadMs, fflateInflateMs), fflateReadToScan: ratio(fflateReadMs, fflateScanMs),
    readToExcelJs: ratio(readMs, excelJsMs),
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
  const lines = ["读取 / reading .xlsx: Kaohe's reader (src/xlsx) vs ExcelJS load vs SheetJS vs the floors (median ms)"];
  lines.push("  floors: inflate = a bare inflate of the sheets and shared strings; +scan = that inflate, decoded and scanned with");
  lines.push("  regexes for each cell's reference, type and value, the shared strings and the merges (the floor of the target)");
  lines.push("  each with Node's zlib (the command line's inflate) and again with fflate (the task pane's), measured in turn");
  lines.push("  scale       rows   file KB | zlib: inflate  +scan  reader  /inflate  /scan | fflate: inflate  +scan  reader  /inflate  /scan |  SheetJS  ExcelJS  reader/ExcelJS");
  for (const s of report.scale) {
    const zlib = `${pad(s.inflateMs, 13)} ${pad(s.scanMs, 6)} ${pad(s.readMs, 7)} ${pad(s.readToInflate, 9)} ${pad(s.readToScan, 6)}`;
    const fflate = `${pad(s.fflateInflateMs, 15)} ${pad(s.fflateScanMs, 6)} ${pad(s.fflateReadMs, 7)} ${pad(s.fflateReadToInflate, 9)} ${pad(s.fflateReadToScan, 6)}`;
    lines.push(`  ${`${s.times}x`.padEnd(6)} ${pad(s.rows, 8)} ${pad(s.fileKb, 9)} | ${zlib} | ${fflate} | ${pad(s.sheetJsMs, 8)} ${pad(s.excelJsMs, 8)} ${pad(s.readToExcelJs, 15)}`);
  }
  lines.push("  kaohe check --json (whole process, one run): scale, wall s, CPU s (user + system), peak RSS MB");
  for (const c of report.checks) {
    lines.push(`  ${`${c.times}x`.padEnd(6)} ${pad(c.seconds, 8)} ${pad(c.cpuSeconds ?? "-", 8)} ${pad(c.peakRssMb ?? "-", 8)}   exit ${c.exitCode}`);
  }
  lines.push("  targets: 100x under 2.5 s and 300 MB; the reader within 3x of inflate + scan with the same inflate (/scan < 3; /inflate, against the bare inflate, shown beside it)", "");
  return lines;
}
