#!/usr/bin/env node
/**
 * The `kaohe` command (package.json bin; also `npm run --silent kaohe -- <command> [args]`). When anything under
 * src/ or a tsconfig*.json is newer than the last build's stamp it compiles what changed first (scripts/libBuild.js:
 * a progress line on stderr in a terminal, stdout untouched); then it runs dist/lib/cli/main.js in this same process.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run before anything is compiled */
"use strict";
const { ENTRY, isUpToDate, transpileLibrary } = require("./libBuild");

if (!isUpToDate()) transpileLibrary();
const { main } = require(ENTRY);
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
