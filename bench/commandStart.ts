/**
 * The command line as a user starts it, timed as whole processes: `kaohe check` on seed 001 through the bin script
 * (scripts/kaohe.js, one node process), the same without its code cache (KAOHE_CODE_CACHE=0, every module compiled
 * from source) and through `npm run --silent kaohe --`, run in turn so that all see the same machine; the modules
 * that run loads; and, outside --quick, the first run on a fresh copy of the committed tree (no dist/: it compiles
 * first).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SEED = "seeds/001_c9fa6fd301574412.xlsx";

export interface CommandStartFigures {
  runs: number;
  /** Median wall seconds of `node scripts/kaohe.js check` (what the `kaohe` bin runs), of the same without the code
   * cache, and of `npm run kaohe`. */
  binSeconds: number;
  noCacheSeconds: number;
  npmSeconds: number;
  /** Modules the check loads: its own (dist/lib) and its dependencies' (node_modules, by package). */
  ownModules: number;
  dependencies: Record<string, number>;
  /** Seconds of the first `kaohe check` on a fresh copy of HEAD (compiling included), or null with --quick. */
  firstRunSeconds: number | null;
  /** Seconds the bin's median should stay under. */
  target: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function seconds(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: "ignore", env });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The first run on a copy of the committed tree (git archive HEAD), node_modules linked. */
function firstRun(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-fresh-"));
  try {
    const archive = execFileSync("git", ["archive", "HEAD"], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return seconds(process.execPath, ["scripts/kaohe.js", "check", SEED], dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The modules `kaohe check` on the seed has loaded when it exits. */
function loadedModules(): Pick<CommandStartFigures, "ownModules" | "dependencies"> {
  const report = "process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(Object.keys(require.cache))));";
  const result = spawnSync(process.execPath, ["-e", `${report} process.argv.splice(1, 0, 'kaohe'); require('./scripts/kaohe.js');`, "check", SEED], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const files = JSON.parse(result.stderr.trim().split("\n").pop() ?? "[]") as string[];
  const dependencies: Record<string, number> = {};
  for (const file of files) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    if (name) dependencies[name] = (dependencies[name] ?? 0) + 1;
  }
  return { ownModules: files.filter((f) => f.includes(`${path.sep}dist${path.sep}lib${path.sep}`)).length, dependencies };
}

export function commandStart(quick: boolean): CommandStartFigures {
  const runs = quick ? 3 : 9;
  const bin = [process.execPath, ["scripts/kaohe.js", "check", SEED]] as const;
  const npm = ["npm", ["run", "--silent", "kaohe", "--", "check", SEED]] as const;
  seconds(bin[0], [...bin[1]], ROOT); // compiles when sources changed: not timed
  const noCache = { ...process.env, KAOHE_CODE_CACHE: "0" };
  const binTimes: number[] = [];
  const noCacheTimes: number[] = [];
  const npmTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    binTimes.push(seconds(bin[0], [...bin[1]], ROOT));
    noCacheTimes.push(seconds(bin[0], [...bin[1]], ROOT, noCache));
    npmTimes.push(seconds(npm[0], [...npm[1]], ROOT));
  }
  const round = (s: number) => Number(s.toFixed(3));
  return {
    runs,
    binSeconds: round(median(binTimes)),
    noCacheSeconds: round(median(noCacheTimes)),
    npmSeconds: round(median(npmTimes)),
    ...loadedModules(),
    firstRunSeconds: quick ? null : round(firstRun()),
    target: 0.4,
  };
}

export function commandStartLines(f: CommandStartFigures): string[] {
  const first = f.firstRunSeconds === null ? "not measured (--quick)" : `${f.firstRunSeconds} s (target < 20 s)`;
  return [
    `命令行 / command line: kaohe check ${SEED} as a whole process, median of ${f.runs} runs in turn`,
    `  kaohe (node scripts/kaohe.js, one process) ${f.binSeconds} s (target < ${f.target} s); without its code cache ${f.noCacheSeconds} s; npm run --silent kaohe -- ${f.npmSeconds} s`,
    `  modules loaded: ${f.ownModules} of Kaohe's, ${Object.entries(f.dependencies).map(([name, n]) => `${name} ${n}`).join(", ")}`,
    `  first run on a fresh copy of HEAD (compiles first): ${first}`,
  ];
}
