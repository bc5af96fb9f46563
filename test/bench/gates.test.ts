/**
 * The bench in quick mode, as CI runs it. The deterministic figures are gates: context.sync() calls and what each
 * brings back (two syncs while a read carries up to 4 MB, then one more per 4 MB, every answer under 4 MB, against
 * office-addin-mock with Excel on the web's 5 MB limit) and gzip bundle sizes (functions.js under 60 KB, taskpane.js
 * under 170 KB, every script of the shared runtime page under 220 KB; built into a temporary folder). Timing ratios
 * are printed, not asserted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addinPayloads, addinSyncs, syncsAllowed } from "./addinSyncs";
import { bundleSizes, PAGE_TARGET_KB, pageGzipKb } from "./bundleSizes";

// bench/engine.js (the runner of that section) would shadow bench/engine.ts for an import without extension.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bench, benchTable } = require("../../bench/engine.ts") as typeof import("../../bench/engine");

describe("bench gates (quick mode)", () => {
  test("validating 1, 10 and 50 sheets: two syncs while the read carries up to 4 MB, then one more per 4 MB; summary sheets one sync each plus one", async () => {
    const figures = await addinSyncs([1, 10, 50], [1, 10]);
    console.log(figures.map((f) => `${f.sheets} sheets at ${f.times}x: read ${f.readMb} MB in ${f.validateSyncs} syncs (at most ${f.maxSyncMb} MB in one)`).join("\n"));
    expect(figures.map((f) => f.sheets)).toEqual([1, 10, 50, 1, 10, 50]);
    for (const f of figures) {
      expect(f.books).toBeGreaterThan(0);
      expect(f.validateSyncs).toBeLessThanOrEqual(syncsAllowed(f.readMb));
      expect(f.maxSyncMb).toBeLessThan(f.readMb <= 4 ? 5 : 4);
      expect(f.summarySyncs).toBeLessThanOrEqual(f.summarySheets + 1);
    }
    // Under 4 MB, ten times the rows take the same two syncs.
    for (const f of figures.filter((f) => f.readMb <= 4)) expect(f.validateSyncs).toBe(2);
  });

  test("seed 001 at 1x, 10x and 100x its rows: every sync of the read under 4 MB, 2 syncs up to 4 MB, then one per 4 MB; the grids read are the workbook's", async () => {
    const figures = await addinPayloads([1, 10, 100]);
    console.log(figures.map((f) => `${f.times}x (${f.rows} rows, ${f.readMb} MB): ${f.syncs} syncs, ${f.refused} refused for size; MB per sync ${f.perSyncMb.join(" ")}`).join("\n"));
    expect(figures.map((f) => [f.times, f.same])).toEqual([[1, true], [10, true], [100, true]]);
    const [one, ten, hundred] = figures;
    expect([one.syncs, ten.syncs]).toEqual([2, 2]);
    expect(hundred.readMb).toBeGreaterThan(16);
    expect(hundred.syncs).toBeLessThanOrEqual(syncsAllowed(hundred.readMb));
    // Excel on the web refuses the whole read once; every answer it gives stays under 4 MB.
    expect(hundred.refused).toBe(1);
    for (const f of figures) for (const size of f.perSyncMb) expect(size).toBeLessThan(4);
  }, 120_000);

  test("gzip sizes after a production build: functions.js under 60 KB, taskpane.js under 170 KB, the page's scripts together under 220 KB, decimal.js once, zod in none", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-gates-"));
    try {
      const bundles = bundleSizes(out);
      console.log(bundles.map((b) => `${b.bundle}.js: ${b.rawKb} KB, gzip ${b.gzipKb} KB; largest sources ${b.largest.map((l) => `${l.name} ${l.kb} KB`).join(", ")}`).join("\n"));
      console.log(`taskpane.html's scripts: gzip ${pageGzipKb(bundles)} KB`);
      expect(bundles.map((b) => b.bundle)).toEqual(["runtime", "shared", "functions", "taskpane"]);
      for (const b of bundles) if (b.targetGzipKb !== null) expect(b.gzipKb).toBeLessThan(b.targetGzipKb);
      expect(pageGzipKb(bundles)).toBeLessThan(PAGE_TARGET_KB);
      // decimal.js once, in the chunk both bundles load; zod in none (its schemas are never built in the page).
      const holding = (name: string) => bundles.filter((b) => b.modules.includes(name)).map((b) => b.bundle);
      expect(holding("decimal.js")).toEqual(["shared"]);
      expect(holding("zod")).toEqual([]);
      const page = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
      expect([...page.matchAll(/<script[^>]*\ssrc="?([^">\s]+)/g)].map((m) => m[1])).toEqual(["office-js/office.js", "runtime.js", "shared.js", "functions.js", "taskpane.js"]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);

  test("engine timings are reported (not asserted: the machine is shared)", async () => {
    const report = await bench(true);
    console.log(benchTable(report));
    expect(report.scale.map((s) => s.rows)).toEqual([report.rows, report.rows * 10, report.rows * 100]);
    expect(report.books).toBeGreaterThan(0);
  }, 120_000);
});
