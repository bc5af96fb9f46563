/**
 * The command line's code cache (scripts/codeCache.js): a module is compiled with the bytecode an earlier run cached
 * only while its source is the one cached, even when an edit keeps its length and its date; the cache is written
 * when something was compiled anew and left as it is when everything came from it; kaohe check prints the same with
 * and without it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { kaohe, ROOT, SEEDS, tempDir } from "./run";

/** A module where the cache applies (under dist/lib), removed afterwards. */
const MODULE_DIR = path.join(ROOT, "dist", "lib", `.code-cache-test-${process.pid}`);
const MODULE = path.join(MODULE_DIR, "word.js");

/** Loads the module through the cache in `cacheFile`; what it returns. */
function word(cacheFile: string): string {
  const script = `require(${JSON.stringify(path.join(ROOT, "scripts", "codeCache.js"))}).useCodeCache(process.argv[1]);` +
    `process.stdout.write(require(process.argv[2]).word());`;
  const result = spawnSync(process.execPath, ["-e", script, cacheFile, MODULE], { encoding: "utf8", env: { ...process.env, KAOHE_CODE_CACHE: "" } });
  expect(result.stderr).toBe("");
  return result.stdout;
}

afterAll(() => rmSync(MODULE_DIR, { recursive: true, force: true }));

test("bytecode is used only for the source it was made from; the cache is written only when something was compiled anew", () => {
  const cacheFile = path.join(tempDir(), "code-cache");
  mkdirSync(MODULE_DIR, { recursive: true });
  writeFileSync(MODULE, 'exports.word = () => "alpha";\n');
  const written = statSync(MODULE).mtime;

  expect(word(cacheFile)).toBe("alpha");
  const first = readFileSync(cacheFile);
  expect(first.length).toBeGreaterThan(0);
  const firstTime = statSync(cacheFile).mtimeMs;

  expect(word(cacheFile)).toBe("alpha");
  expect(statSync(cacheFile).mtimeMs).toBe(firstTime);

  // The same length and the same date: only the source itself tells the edit.
  writeFileSync(MODULE, 'exports.word = () => "gamma";\n');
  utimesSync(MODULE, written, written);
  expect(word(cacheFile)).toBe("gamma");
  expect(readFileSync(cacheFile).equals(first)).toBe(false);
  expect(word(cacheFile)).toBe("gamma");
});

test("a damaged cache file is no error", () => {
  const cacheFile = path.join(tempDir(), "code-cache");
  mkdirSync(MODULE_DIR, { recursive: true });
  writeFileSync(MODULE, 'exports.word = () => "delta";\n');
  writeFileSync(cacheFile, "kaohe-code-cache 1\n\xff\xff\xff\x7f not what was written");
  expect(word(cacheFile)).toBe("delta");
  expect(word(cacheFile)).toBe("delta");
});

test("kaohe check prints the same with the code cache as without it", () => {
  const seed = path.join(SEEDS, "001_c9fa6fd301574412.xlsx");
  const plain = spawnSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), "check", seed, "--json"], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, KAOHE_CODE_CACHE: "0" },
  });
  const first = kaohe("check", seed, "--json");
  const second = kaohe("check", seed, "--json");
  expect(plain.stdout.length).toBeGreaterThan(0);
  for (const cached of [first, second]) expect({ code: cached.code, stdout: cached.stdout, stderr: cached.stderr }).toEqual({ code: plain.status, stdout: plain.stdout, stderr: plain.stderr });
});
