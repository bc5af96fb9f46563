/**
 * The command line as a user starts it, timed as whole processes: `kaohe check` on seed 001 through the bin script
 * (scripts/kaohe.js, one node process) and through `npm run --silent kaohe --`, run in turn so that both see the same
 * machine; and, outside --quick, the first run on a fresh copy of the committed tree (no dist/: it compiles first).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SEED = "seeds/001_c9fa6fd301574412.xlsx";

export interface CommandStartFigures {
  runs: number;
  /** Median wall seconds of `node scripts/kaohe.js check` (what the `kaohe` bin runs) and of `npm run kaohe`. */
  binSeconds: number;
  npmSeconds: number;
  /** Seconds of the first `kaohe check` on a fresh copy of HEAD (compiling included), or null with --quick. */
  firstRunSeconds: number | null;
  /** Seconds the bin's median should stay under. */
  target: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function seconds(command: string, args: string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: "ignore" });
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

export function commandStart(quick: boolean): CommandStartFigures {
  const runs = quick ? 3 : 9;
  const bin = [process.execPath, ["scripts/kaohe.js", "check", SEED]] as const;
  const npm = ["npm", ["run", "--silent", "kaohe", "--", "check", SEED]] as const;
  seconds(bin[0], [...bin[1]], ROOT); // compiles when sources changed: not timed
  const binTimes: number[] = [];
  const npmTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    binTimes.push(seconds(bin[0], [...bin[1]], ROOT));
    npmTimes.push(seconds(npm[0], [...npm[1]], ROOT));
  }
  const round = (s: number) => Number(s.toFixed(3));
  return { runs, binSeconds: round(median(binTimes)), npmSeconds: round(median(npmTimes)), firstRunSeconds: quick ? null : round(firstRun()), target: 0.4 };
}

export function commandStartLines(f: CommandStartFigures): string[] {
  const first = f.firstRunSeconds === null ? "not measured (--quick)" : `${f.firstRunSeconds} s (target < 20 s)`;
  return [
    `命令行 / command line: kaohe check ${SEED} as a whole process, median of ${f.runs} runs in turn`,
    `  kaohe (node scripts/kaohe.js, one process) ${f.binSeconds} s (target < ${f.target} s); npm run --silent kaohe -- ${f.npmSeconds} s`,
    `  first run on a fresh copy of HEAD (compiles first): ${first}`,
  ];
}
