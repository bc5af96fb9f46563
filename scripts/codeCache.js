/**
 * V8's code cache for the command line (Node 20 has no module.enableCompileCache): every CommonJS module loaded from
 * this package (dist/lib and node_modules) is compiled with the bytecode a previous run left in one file,
 * dist/.code-cache, instead of from its source alone. A run that compiled something anew writes the file again when
 * it exits, with the bytecode of every function that ran (so lazily compiled functions are cached too).
 *
 * Each entry is kept with a hash of the module's source and used only for that exact source; V8 itself refuses
 * bytecode of another V8 version or other flags (then the module is compiled as usual and the entry renewed). The
 * file is written to a temporary name and renamed, so concurrent commands never read half of it; a cache that
 * cannot be read or written is no error, only slower.
 *
 * KAOHE_CODE_CACHE=0 turns it off.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run before anything is compiled */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const root = path.resolve(__dirname, "..");
const CACHE_FILE = path.join(root, "dist", ".code-cache");
/** Folders whose modules are cached: this package's compiled sources and its dependencies, as Node names them (a
 * linked node_modules by its real path); not scripts/, which run before this. */
function cachedFolders() {
  const folders = [path.join(root, "dist", "lib")];
  try {
    folders.push(fs.realpathSync(path.join(root, "node_modules")));
  } catch {
    // no node_modules (an installed package's dependencies lie beside it, not cached)
  }
  return folders.map((folder) => folder + path.sep);
}
const MAGIC = "kaohe-code-cache 1\n";

/** filename -> { hash, data } from the file: a header line, the JSON index [[name, hash, length]...], the bytes. */
function readCache(file) {
  const entries = new Map();
  try {
    const blob = fs.readFileSync(file);
    if (blob.toString("latin1", 0, MAGIC.length) !== MAGIC) return entries;
    const indexLength = blob.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4 + indexLength;
    const index = JSON.parse(blob.toString("utf8", MAGIC.length + 4, offset));
    for (const [name, hash, length] of index) {
      entries.set(name, { hash, data: blob.subarray(offset, offset + length) });
      offset += length;
    }
  } catch {
    // no cache yet, or a damaged one: everything is compiled from source and the file written anew
  }
  return entries;
}

/** Writes the entries of the modules that still exist. */
function writeCache(file, entries) {
  const index = [];
  const parts = [];
  for (const [name, { hash, data }] of entries) {
    if (!fs.existsSync(name)) continue;
    index.push([name, hash, data.length]);
    parts.push(data);
  }
  const json = Buffer.from(JSON.stringify(index));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(MAGIC, "latin1"), length, json, ...parts]));
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** The require function a module gets, as Node makes it (module.require keeps parents and children right). */
function requireFor(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/** Compiles the package's modules with the cache in `file` from here on (not on a Node 20 before 20.12, whose vm
 * cannot give a script the usual dynamic import()). */
function useCodeCache(file = CACHE_FILE) {
  if (process.env.KAOHE_CODE_CACHE === "0" || !vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
  const folders = cachedFolders();
  const entries = readCache(file);
  /** Scripts compiled without usable bytecode: cached when the process exits. */
  const fresh = new Map();
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!folders.some((folder) => filename.startsWith(folder))) return compile.call(this, content, filename);
    const hash = crypto.createHash("sha1").update(content).digest("base64");
    const entry = entries.get(filename);
    const cachedData = entry && entry.hash === hash ? entry.data : undefined;
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData === undefined || script.cachedDataRejected) fresh.set(filename, { hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.on("exit", () => {
    if (fresh.size === 0) return;
    try {
      for (const [filename, { hash, script }] of fresh) entries.set(filename, { hash, data: script.createCachedData() });
    } catch {
      return;
    }
    writeCache(file, entries);
  });
}

module.exports = { useCodeCache };
