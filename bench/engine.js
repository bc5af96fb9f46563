#!/usr/bin/env node
/**
 * `node bench/engine.js [--json] [--quick]`: the engine section of `npm run bench` (bench/engine.ts), run in a
 * process of its own so that its peak memory is the engine's alone.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run with node */
"use strict";
const { registerTypeScript } = require("./typescript");

registerTypeScript();
const { bench, benchTable } = require("./engine.ts");
const args = new Set(process.argv.slice(2));

bench(args.has("--quick"))
  .then((report) => console.log(args.has("--json") ? JSON.stringify(report, null, 2) : benchTable(report)))
  .catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
