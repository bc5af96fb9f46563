#!/usr/bin/env node
/**
 * `node bench/scoringSheets.js [--json] [--quick]`: the score-sheet section of `npm run bench` (bench/scoringSheets.ts),
 * in a process of its own so that its heap is its own.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run with node */
"use strict";
const { registerTypeScript } = require("./typescript");

registerTypeScript();
const { scoreSheetBench, scoreSheetTable } = require("./scoringSheets.ts");
const args = new Set(process.argv.slice(2));

scoreSheetBench(args.has("--quick"))
  .then((figures) => console.log(args.has("--json") ? JSON.stringify(figures) : scoreSheetTable(figures).join("\n")))
  .catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
