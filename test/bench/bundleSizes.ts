/**
 * The add-in's bundles after a production build (webpack --mode production --env out=<dir>): raw and gzip sizes of
 * the scripts the shared runtime page (taskpane.html) loads - runtime.js, shared.js (what the functions and the task
 * pane both use), functions.js, taskpane.js - and what dominates each (source size of the modules webpack put in the
 * bundle, grouped by npm package or by folder of src/, from webpack's --json stats). Dev-only: runs webpack.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.resolve(__dirname, "../..");
/**
 * gzip gates in KB (1 KB = 1024 bytes); the page's scripts without one are measured and reported. What taskpane.js
 * holds is React, Fluent UI (with tabster) and the reader the pane checks with; the pane's own styles are plain CSS
 * (src/taskpane/styles.ts, no CSS-in-JS compiler), and the summary, scoring-sheet and ranking builders come in chunks
 * of their own when their button is pressed.
 */
export const BUNDLE_TARGETS_KB = { runtime: null, shared: null, functions: 60, taskpane: 170 } as const;
export type BundleName = keyof typeof BUNDLE_TARGETS_KB;
/** The whole page, every script above: what Excel downloads to open the pane and run the functions. */
export const PAGE_TARGET_KB = 220;

export interface BundleFigures {
  bundle: BundleName;
  rawKb: number;
  gzipKb: number;
  targetGzipKb: number | null;
  /** Largest contributors before minification: package or src folder, KB of source. */
  largest: { name: string; kb: number }[];
  /** Every package or src folder with a module in the bundle. */
  modules: string[];
}

interface StatsModule {
  name?: string;
  size?: number;
  chunks?: (string | number)[];
  modules?: StatsModule[];
}

interface Stats {
  chunks?: { id: string | number; names?: string[] }[];
  modules?: StatsModule[];
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/** "node_modules/@fluentui/react-menu/lib/..." -> "@fluentui/react-menu"; "./src/core/layout/rows.ts" -> "src/core/layout". */
export function owner(moduleName: string): string {
  const name = moduleName.replace(/^.*!/, "").replace(/ \+ \d+ modules$/, "");
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
  if (inPackage) return inPackage[1];
  const inSrc = /\.\/(src\/(?:[^/]+\/)*)[^/]+$/.exec(name);
  return inSrc ? inSrc[1].replace(/\/$/, "") : name;
}

/** Builds the add-in into `outDir` (a new temporary folder when not given) and measures its bundles. */
export function bundleSizes(outDir?: string): BundleFigures[] {
  const out = outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-bundle-"));
  const statsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-stats-")), "stats.json");
  try {
    const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const result = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", `out=${out}`, "--json", statsFile], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    });
    if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
    const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as Stats;
    return (Object.keys(BUNDLE_TARGETS_KB) as BundleName[]).map((bundle) => {
      const bytes = fs.readFileSync(path.join(out, `${bundle}.js`));
      const chunkIds = new Set((stats.chunks ?? []).filter((c) => c.names?.includes(bundle)).map((c) => c.id));
      const byOwner = new Map<string, number>();
      const add = (m: StatsModule) => {
        if (m.modules && m.modules.length > 0) m.modules.forEach(add);
        else if (m.name) byOwner.set(owner(m.name), (byOwner.get(owner(m.name)) ?? 0) + (m.size ?? 0));
      };
      for (const m of stats.modules ?? []) if (m.chunks?.some((id) => chunkIds.has(id))) add(m);
      const largest = [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, size]) => ({ name, kb: kb(size) }));
      return { bundle, rawKb: kb(bytes.length), gzipKb: kb(zlib.gzipSync(bytes, { level: 9 }).length), targetGzipKb: BUNDLE_TARGETS_KB[bundle], largest, modules: [...byOwner.keys()].sort() };
    });
  } finally {
    fs.rmSync(path.dirname(statsFile), { recursive: true, force: true });
    if (!outDir) fs.rmSync(out, { recursive: true, force: true });
  }
}

/** gzip KB of the whole shared runtime page's scripts. */
export function pageGzipKb(bundles: BundleFigures[]): number {
  return kb(bundles.reduce((n, b) => n + b.gzipKb * 1024, 0));
}
