/**
 * The command line's code cache (scripts/codeCache.js): a module is compiled with the bytecode an earlier run cached
 * only while its source is the one cached, even when an edit keeps its length and its date; a module's bytecode is
 * written when it was compiled anew and left as it is when it came from the cache; a damaged file is no error;
 * kaohe check and import-text (which loads ExcelJS, and through it an ES module) print the same with and without it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, SEEDS, tempDir } from "./run";

/** A module where the cache applies (under dist/lib), removed afterwards, and where its bytecode is kept in a cache. */
const MODULE_DIR = path.join(ROOT, "dist", "lib", `.code-cache-test-${process.pid}`);
const MODULE = path.join(MODULE_DIR, "word.js");
const bytecodeOf = (cacheDir: string) => path.join(cacheDir, "lib", path.basename(MODULE_DIR), "word.js");

/** Loads the module through the cache in `cacheDir`; what it returns. */
function word(cacheDir: string): string {
  const script = `require(${JSON.stringify(path.join(ROOT, "scripts", "codeCache.js"))}).useCodeCache(process.argv[1]);` +
    `process.stdout.write(require(process.argv[2]).word());`;
  const result = spawnSync(process.execPath, ["-e", script, cacheDir, MODULE], { encoding: "utf8", env: { ...process.env, KAOHE_CODE_CACHE: "" } });
  expect(result.stderr).toBe("");
  return result.stdout;
}

afterAll(() => rmSync(MODULE_DIR, { recursive: true, force: true }));

test("bytecode is used only for the source it was made from; the cache is written only when something was compiled anew", () => {
  const cacheDir = tempDir();
  mkdirSync(MODULE_DIR, { recursive: true });
  writeFileSync(MODULE, 'exports.word = () => "alpha";\n');
  const written = statSync(MODULE).mtime;

  expect(word(cacheDir)).toBe("alpha");
  const first = readFileSync(bytecodeOf(cacheDir));
  expect(first.length).toBeGreaterThan(41);
  const firstTime = statSync(bytecodeOf(cacheDir)).mtimeMs;

  expect(word(cacheDir)).toBe("alpha");
  expect(statSync(bytecodeOf(cacheDir)).mtimeMs).toBe(firstTime);

  // The same length and the same date: only the source itself tells the edit.
  writeFileSync(MODULE, 'exports.word = () => "gamma";\n');
  utimesSync(MODULE, written, written);
  expect(word(cacheDir)).toBe("gamma");
  expect(readFileSync(bytecodeOf(cacheDir)).equals(first)).toBe(false);
  expect(word(cacheDir)).toBe("gamma");
});

test("a damaged cache file is no error", () => {
  const cacheDir = tempDir();
  mkdirSync(MODULE_DIR, { recursive: true });
  writeFileSync(MODULE, 'exports.word = () => "delta";\n');
  expect(word(cacheDir)).toBe("delta");
  const [hash] = readFileSync(bytecodeOf(cacheDir), "latin1").split("\n");
  writeFileSync(bytecodeOf(cacheDir), `${hash}\n\xff\xff\xff\x7f not what was written`);
  expect(word(cacheDir)).toBe("delta");
  expect(word(cacheDir)).toBe("delta");
});

test.each([
  ["check", (_dir: string) => ["check", path.join(SEEDS, "001_c9fa6fd301574412.xlsx"), "--json"]],
  ["import-text", (dir: string) => ["import-text", path.join(SEEDS, "002_a8fb72a87ad0642d.txt"), "-o", path.join(dir, "002.xlsx")]],
])("kaohe %s prints the same with the code cache as without it", (_command, args) => {
  const plainDir = tempDir();
  const plain = spawnSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), ...args(plainDir)], {
    cwd: plainDir, encoding: "utf8", env: { ...process.env, KAOHE_CODE_CACHE: "0" },
  });
  expect(plain.status).not.toBe(70);
  expect(plain.stdout.length).toBeGreaterThan(0);
  for (let run = 0; run < 2; run++) {
    const dir = tempDir();
    const cached = spawnSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), ...args(dir)], { cwd: dir, encoding: "utf8" });
    expect({ code: cached.status, stdout: cached.stdout.replace(dir, "<dir>"), stderr: cached.stderr }).toEqual({
      code: plain.status,
      stdout: plain.stdout.replace(plainDir, "<dir>"),
      stderr: plain.stderr,
    });
  }
});
