/**
 * V8's code cache for the command line (Node 20 has no module.enableCompileCache): every CommonJS module loaded from
 * this package (dist/lib and node_modules) is compiled with the bytecode a previous run left for it under
 * dist/.bytecode/ (dist/lib/cli/main.js's in dist/.bytecode/lib/cli/main.js, a dependency's under
 * node_modules/), instead of from its source alone. A module compiled anew has its bytecode written when the process
 * exits, with every function that ran by then (so lazily compiled functions are cached too). One file per module: a
 * command reads the bytecode of the modules it loads and no other.
 *
 * Each file starts with a hash of the module's source and is used only for that exact source; V8 itself refuses
 * bytecode of another V8 version or other flags (then the module is compiled as usual and its file renewed). Files
 * are written to a temporary name and renamed, so concurrent commands never read half of one; a cache that cannot be
 * read or written is no error, only slower. ES modules and anything outside the package are compiled by Node as
 * usual.
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
const CACHE_DIR = path.join(root, "dist", ".bytecode");

/** The folders whose modules are cached, as Node names their files (a linked node_modules by its real path), each
 * with the name of its part of the cache; not scripts/, which run before this. */
function cachedFolders() {
  const folders = [{ folder: path.join(root, "dist", "lib") + path.sep, part: "lib" }];
  try {
    folders.push({ folder: fs.realpathSync(path.join(root, "node_modules")) + path.sep, part: "node_modules" });
  } catch {
    // no node_modules (an installed package's dependencies lie beside it, not cached)
  }
  return folders;
}

/** The bytecode in `file` when it was made from the source with this hash (the file's first line). */
function readBytecode(file, hash) {
  try {
    const bytes = fs.readFileSync(file);
    const end = bytes.indexOf(10);
    return end > 0 && bytes.toString("latin1", 0, end) === hash ? bytes.subarray(end + 1) : undefined;
  } catch {
    return undefined;
  }
}

function writeBytecode(file, hash, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${hash}\n`, "latin1"), data]));
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

/** Compiles the package's modules with the cache in `dir` from here on (not on a Node 20 before 20.12, whose vm
 * cannot give a script the usual dynamic import()). */
function useCodeCache(dir = CACHE_DIR) {
  if (process.env.KAOHE_CODE_CACHE === "0" || !vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
  const folders = cachedFolders();
  /** Modules compiled without usable bytecode: their files are written when the process exits. */
  const fresh = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename, format, ...rest) {
    const place = format === "module" ? undefined : folders.find(({ folder }) => filename.startsWith(folder));
    // An ES module (require(esm), .mjs or "type": "module") and everything outside the package: Node's own way.
    if (!place) return compile.call(this, content, filename, format, ...rest);
    const file = path.join(dir, place.part, filename.slice(place.folder.length));
    const hash = crypto.createHash("sha1").update(content).digest("hex");
    const cachedData = readBytecode(file, hash);
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch {
      // A syntax error, or ES module syntax in a .js file of no declared type: Node's own way tells which.
      return compile.call(this, content, filename, format, ...rest);
    }
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ file, hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.on("exit", () => {
    for (const { file, hash, script } of fresh) {
      let data;
      try {
        data = script.createCachedData();
      } catch {
        continue;
      }
      writeBytecode(file, hash, data);
    }
  });
}

module.exports = { useCodeCache };
