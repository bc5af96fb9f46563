#!/usr/bin/env node
/**
 * The compiled library in dist/lib and its build stamp (dist/lib/.build-stamp, dated when the build started): the
 * library is up to date when the stamp is newer than everything under src/ and every tsconfig*.json.
 *
 * Two ways to build it, both writing the stamp:
 *   - `node scripts/libBuild.js` (npm run build:lib, npm run build): tsc -p tsconfig.lib.json, type-checked, with
 *     declarations and source maps; type errors fail it (exit 2);
 *   - `transpileLibrary()` (scripts/kaohe.js, when the stamp is stale): the files of tsconfig.lib.json and every
 *     source they import, each one whose output is older than its source compiled alone with TypeScript's
 *     transpileModule (tsconfig.json has isolatedModules, so this emits what tsc emits; no type check - that is
 *     `npm run typecheck`'s job). In a terminal it shows a progress line on stderr.
 * Concurrent builds share one lock; every output file is written to a temporary name and renamed, so a command
 * running meanwhile never reads half a file.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run before anything is compiled */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const src = path.join(root, "src");
const out = path.join(root, "dist", "lib");
const stamp = path.join(out, ".build-stamp");
const lock = path.join(root, "dist", ".build-lock");
const libConfig = path.join(root, "tsconfig.lib.json");
/** The command line's compiled entry. */
const ENTRY = path.join(out, "cli", "main.js");
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
  visit(src);
  return Math.max(newest, configTime());
}

function isUpToDate() {
  try {
    return fs.existsSync(ENTRY) && fs.statSync(stamp).mtimeMs >= newestSourceTime();
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `build` under the build lock (a directory: mkdir is atomic); a lock older than 5 minutes is taken over. */
function withLock(build) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
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
  try {
    return build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function writeStamp(started) {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(stamp, new Date(started).toISOString() + "\n");
  fs.utimesSync(stamp, new Date(started), new Date(started));
}

/** Writes `data` to `file` through a temporary file in the same folder. */
function writeAtomically(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

/** tsconfig.lib.json as TypeScript reads it: its root files and compiler options. */
function libProject(ts) {
  const parsed = ts.getParsedCommandLineOfConfigFile(libConfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`cannot read ${libConfig}`);
  return parsed;
}

/** The source file a relative import names: x.ts, x.tsx, x/index.ts, or a .json as it is. */
function resolveImport(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  if (specifier.endsWith(".json")) return fs.existsSync(base) ? base : null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The project's root files and every source under src/ they import, directly or not. */
function librarySources(ts, rootFiles) {
  const seen = new Set();
  const queue = rootFiles.map((f) => path.resolve(f)).filter((f) => f.startsWith(src + path.sep));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith(".json")) continue;
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = resolveImport(file, fileName);
      if (target && target.startsWith(src + path.sep) && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen].sort();
}

/** Where a source's output goes: src/cli/main.ts -> dist/lib/cli/main.js; a .json keeps its name. */
function outputOf(file) {
  const relative = path.relative(src, file);
  return path.join(out, relative.endsWith(".json") ? relative : relative.replace(/\.tsx?$/, ".js"));
}

/** The newest tsconfig*.json: a change there compiles everything again. */
function configTime() {
  return Math.max(...fs.readdirSync(root).filter((n) => /^tsconfig.*\.json$/.test(n)).map((n) => fs.statSync(path.join(root, n)).mtimeMs));
}

function isStale(file, since) {
  try {
    return fs.statSync(outputOf(file)).mtimeMs < Math.max(since, fs.statSync(file).mtimeMs);
  } catch {
    return true;
  }
}

/** A progress line on stderr when it is a terminal (rewritten in place), nothing otherwise: stdout and piped stderr stay
 * as the command leaves them. KAOHE_PROGRESS=1 shows it on a pipe too. */
function progressLine() {
  const shown = process.stderr.isTTY || process.env.KAOHE_PROGRESS === "1";
  const inPlace = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let last = 0;
  return {
    update(done, total) {
      if (!shown || !inPlace || (Date.now() - last < 100 && done < total)) return;
      last = Date.now();
      process.stderr.write(`\rkaohe: 正在编译命令行 / compiling the command line: ${done}/${total} files`);
    },
    start(total, firstRun) {
      if (!shown) return;
      const why = firstRun ? "首次运行 / first run" : "源文件有改动 / sources changed";
      process.stderr.write(`kaohe: ${why}, 编译 ${total} 个文件 / compiling ${total} files…\n`);
    },
    finish(total) {
      if (!shown) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${inPlace ? "\r" : ""}kaohe: 编译完成 / compiled ${total} files in ${seconds} s${" ".repeat(20)}\n`);
    },
  };
}

/**
 * Brings dist/lib up to date for the command line without a type check (see the top of this file). Returns the
 * number of files compiled.
 */
function transpileLibrary() {
  return withLock(() => {
    if (isUpToDate()) return 0;
    const started = Date.now();
    const firstRun = !fs.existsSync(ENTRY);
    const ts = require("typescript");
    const project = libProject(ts);
    const options = { ...project.options, declaration: false, declarationMap: false, sourceMap: false, incremental: false };
    const since = configTime();
    const stale = librarySources(ts, project.fileNames).filter((file) => isStale(file, since));
    const progress = progressLine();
    if (stale.length > 0) progress.start(stale.length, firstRun);
    const errors = [];
    stale.forEach((file, index) => {
      if (file.endsWith(".json")) {
        writeAtomically(outputOf(file), fs.readFileSync(file));
      } else {
        const source = fs.readFileSync(file, "utf8");
        const { outputText, diagnostics } = ts.transpileModule(source, { compilerOptions: options, fileName: file, reportDiagnostics: true });
        // A file that does not parse keeps no output, so that the next run compiles it again.
        if (diagnostics && diagnostics.length > 0) errors.push(...diagnostics);
        else writeAtomically(outputOf(file), outputText);
      }
      progress.update(index + 1, stale.length);
    });
    if (stale.length > 0) progress.finish(stale.length);
    if (errors.length > 0) {
      const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
      process.stderr.write(`kaohe: 编译失败 / the build failed:\n${ts.formatDiagnostics(errors, host)}`);
      process.exit(2);
    }
    writeStamp(started);
    return stale.length;
  });
}

/** npm run build:lib: tsc over tsconfig.lib.json (type-checked, declarations, source maps), then the stamp. */
function compileLibrary() {
  return withLock(() => {
    const started = Date.now();
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const { spawnSync } = require("node:child_process");
    const result = spawnSync(process.execPath, [tsc, "-p", libConfig], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) return false;
    writeStamp(started);
    return true;
  });
}

module.exports = { ENTRY, isUpToDate, transpileLibrary, compileLibrary };

if (require.main === module) process.exit(compileLibrary() ? 0 : 2);
