#!/usr/bin/env node
/**
 * `node bench/scoringSheets.js [--json] [--quick] [--rows 25000,50000]`: the score-sheet section of `npm run bench` (bench/scoringSheets.ts),
 * in a process of its own so that its heap is its own.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run with node */
"use strict";
const { registerTypeScript } = require("./typescript");

registerTypeScript();
const { BENCH_ROWS, scoreSheetBench, scoreSheetTable } = require("./scoringSheets.ts");
const args = new Set(process.argv.slice(2));
const rowsAt = process.argv.indexOf("--rows");
const sizes = rowsAt > 0 ? process.argv[rowsAt + 1].split(",").map(Number) : args.has("--quick") ? BENCH_ROWS.quick : BENCH_ROWS.full;

scoreSheetBench(sizes)
  .then((figures) => console.log(args.has("--json") ? JSON.stringify(figures) : scoreSheetTable(figures).join("\n")))
  .catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
