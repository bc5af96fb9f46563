#!/usr/bin/env node
/**
 * `npm run bench [-- --json] [-- --quick] [-- --no-build]`: every performance figure in one table (or one JSON
 * object with --json):
 *   engine    - bench/engine.ts (run by bench/engine.js) in its own process: parse + check over ExcelJS's load,
 *               1x/10x/100x, growth, peak memory, KH.SCORE / KH.TOTAL evaluations per second, the seed's scoring
 *               sheets built and their entries checked;
 *   add-in    - context.sync() calls to validate 1, 10 and 50 sheets and to write the summary sheets, running the real
 *               src/excel/officeAdapter.ts against office-addin-mock (test/bench/addinSyncs.ts, dev-only); the MB each
 *               sync of the read brings back for seed 001 at 1x/10x/100x under Excel on the web's 5 MB limit;
 *   command   - bench/commandStart.ts: kaohe check on seed 001 as a whole process, through the bin and through npm,
 *               and the first run on a fresh copy of HEAD (not with --quick);
 *   bundles   - gzip sizes of the scripts taskpane.html loads (runtime.js, shared.js, functions.js, taskpane.js)
 *               after a production build into a temporary folder, and what dominates each
 *               (test/bench/bundleSizes.ts; skipped with --no-build);
 *   score-sheet - bench/scoringSheets.ts in its own process: scoring sheets and summaries at 25k/50k/100k/200k rows.
 *   read      - bench/readPath.ts: .xlsx to grids with Kaohe's reader vs ExcelJS vs SheetJS vs two floors (a bare
 *               inflate, and that inflate with a regex scan of the cells, strings and merges) at 1x/10x/100x, and
 *               kaohe check at 1x/10x/100x as processes (time, peak RSS).
 * The TypeScript modules are compiled on the fly with TypeScript's transpileModule (bench/typescript.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run with node */
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { registerTypeScript } = require("../bench/typescript");

const root = path.resolve(__dirname, "..");
const args = new Set(process.argv.slice(2));
const json = args.has("--json");
const quick = args.has("--quick");
const build = !args.has("--no-build");

function engine() {
  const result = spawnSync(process.execPath, [path.join(root, "bench", "engine.js"), "--json", ...(quick ? ["--quick"] : [])], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error(`bench/engine.js failed (exit ${result.status})`);
  return JSON.parse(result.stdout);
}

function pad(value, width) {
  return String(value).padStart(width);
}

function table(report) {
  const lines = [];
  const e = report.engine;
  lines.push(`基准 / benchmark${quick ? " (quick)" : ""}: node ${process.version}, ${require("node:os").cpus().length} CPUs`, "");
  const where = e.scale[1].source === "in memory" ? "kept in memory (no ExcelJS load)" : "written to a temporary .xlsx and loaded";
  lines.push(`引擎 / engine: ${e.file} (${e.rows} rows, ${e.books} books); 10x and 100x: the seed's sheets repeated, ${where}`);
  lines.push("  scale       rows   ExcelJS load ms   parse ms   check ms   (parse+check)/load   heap MB");
  for (const s of e.scale) {
    lines.push(`  ${`${s.times}x`.padEnd(6)} ${pad(s.rows, 8)} ${pad(s.excelJsLoadMs ?? "-", 17)} ${pad(s.parseMs, 10)} ${pad(s.checkMs, 10)} ${pad(s.engineToLoadRatio ?? "-", 20)} ${pad(s.heapMb, 9)}`);
  }
  lines.push(`  ratio at 1x: ${e.engineToLoadRatio} (target < 0.25); growth 100x/10x: ${e.growth100over10} (target < 12, 10 = linear); peak RSS ${e.peakRssMb} MB`, "");
  lines.push(...require("../bench/readPath.ts").readPathLines(report.read));
  lines.push("加载项 / add-in: context.sync() calls (office-addin-mock)");
  lines.push("  sheets   rows x   rows     books   validate syncs   per sheet   summary sheets   summary syncs");
  for (const a of report.addin) {
    lines.push(`  ${pad(a.sheets, 6)} ${pad(`${a.times}x`, 8)} ${pad(a.rows, 8)} ${pad(a.books, 7)} ${pad(a.validateSyncs, 16)} ${pad((a.validateSyncs / a.sheets).toFixed(2), 11)} ${pad(a.summarySheets, 16)} ${pad(a.summarySyncs, 15)}`);
  }
  lines.push("  read of seed 001 in Excel on the web (5 MB limit): MB each sync brings back");
  for (const p of report.addinPayloads) lines.push(`  ${pad(`${p.times}x`, 6)} ${pad(p.rows, 8)} rows, ${pad(p.readMb, 6)} MB: ${pad(p.syncs, 2)} syncs (${p.refused} refused for size): ${p.perSyncMb.join(" ")}`);
  lines.push("", ...require("../bench/commandStart.ts").commandStartLines(report.command));
  lines.push("", "函数 / functions");
  lines.push(`  KH.SCORE ${e.scoreEvaluationsPerSecond.toLocaleString("en-US")} /s; KH.TOTAL ${e.totalEvaluationsPerSecond.toLocaleString("en-US")} /s`);
  lines.push(`  scoring sheets of the seed: ${e.scoring.sheets}, built in ${e.scoring.generateMs} ms, entries checked in ${e.scoring.entryCheckMs} ms`);
  if (report.bundles) {
    for (const b of report.bundles) {
      const largest = b.largest.map((l) => `${l.name} ${l.kb} KB`).join(", ");
      const target = b.targetGzipKb === null ? "" : ` (gate < ${b.targetGzipKb} KB)`;
      lines.push(`  ${`${b.bundle}.js`.padEnd(13)} ${pad(b.rawKb, 7)} KB, gzip ${pad(b.gzipKb, 6)} KB${target}; largest sources: ${largest}`);
    }
  } else {
    lines.push("  bundles: not built (--no-build)");
  }
  lines.push("", ...require("../bench/scoringSheets.ts").scoreSheetTable(report.scoreSheet));
  return lines.join("\n");
}

async function main() {
  const report = { engine: engine() };
  registerTypeScript();
  report.read = await require("../bench/readPath.ts").readPath(quick);
  report.addin = await require("../test/bench/addinSyncs.ts").addinSyncs();
  report.addinPayloads = await require("../test/bench/addinSyncs.ts").addinPayloads();
  report.command = require("../bench/commandStart.ts").commandStart(quick);
  report.bundles = build ? require("../test/bench/bundleSizes.ts").bundleSizes() : null;
  report.scoreSheet = require("../bench/scoringSheets.ts").scoreSheetSection(quick);
  console.log(json ? JSON.stringify(report, null, 2) : table(report));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
