#!/usr/bin/env node
/**
 * `npm run kaohe -- <command> [args]`: compiles the library (tsc -p tsconfig.lib.json) when anything under src/
 * or a tsconfig*.json is newer than the last successful build, then runs dist/lib/cli/main.js. Build output goes
 * to stderr only, so `--json` output on stdout stays clean. Concurrent runs share one build through a lock.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run before anything is compiled */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const stamp = path.join(root, "dist", "lib", ".build-stamp");
const lock = path.join(root, "dist", ".build-lock");
const entry = path.join(root, "dist", "lib", "cli", "main.js");
const STALE_LOCK_MS = 5 * 60 * 1000;

function newestSourceTime() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  visit(path.join(root, "src"));
  for (const name of fs.readdirSync(root)) {
    if (/^tsconfig.*\.json$/.test(name)) newest = Math.max(newest, fs.statSync(path.join(root, name)).mtimeMs);
  }
  return newest;
}

function isUpToDate() {
  try {
    return fs.existsSync(entry) && fs.statSync(stamp).mtimeMs >= newestSourceTime();
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // the other build just finished
      }
      sleep(100);
    }
  }
}

function build() {
  acquireLock();
  try {
    if (isUpToDate()) return;
    const started = Date.now();
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.lib.json")], {
      cwd: root,
      encoding: "utf8",
    });
    if (result.status !== 0) {
      process.stderr.write(`kaohe: the build failed (tsc -p tsconfig.lib.json):\n${result.stdout}${result.stderr}`);
      process.exit(2);
    }
    fs.writeFileSync(stamp, new Date(started).toISOString() + "\n");
    fs.utimesSync(stamp, new Date(started), new Date(started));
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (!isUpToDate()) build();
const child = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: "inherit" });
if (child.error) throw child.error;
if (child.signal) process.kill(process.pid, child.signal);
process.exit(child.status ?? 1);
