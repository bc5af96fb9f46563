#!/usr/bin/env node
/**
 * The `kaohe` command (package.json bin; also `npm run --silent kaohe -- <command> [args]`). When anything under
 * src/ or a tsconfig*.json is newer than the last build's stamp it compiles what changed first (scripts/libBuild.js:
 * a progress line on stderr in a terminal, stdout untouched); then it runs dist/lib/cli/main.js in this same process,
 * its modules compiled with the bytecode earlier runs cached (scripts/codeCache.js).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run before anything is compiled */
"use strict";
const { ENTRY, isUpToDate, transpileLibrary } = require("./libBuild");
const { useCodeCache } = require("./codeCache");

if (!isUpToDate()) transpileLibrary();
useCodeCache();
const { main } = require(ENTRY);
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
