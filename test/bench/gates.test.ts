/**
 * The bench in quick mode, as CI runs it. The deterministic figures are gates: context.sync() calls (at most two per
 * sheet to validate 1, 10 and 50 sheets, the same whatever the rows) and gzip bundle sizes (functions under 60 KB,
 * task pane under 350 KB, built into a temporary folder). Timing ratios are printed, not asserted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bench, benchTable } from "../../bench/engine";
import { addinSyncs } from "./addinSyncs";
import { BUNDLE_TARGETS_KB, bundleSizes } from "./bundleSizes";

describe("bench gates (quick mode)", () => {
  test("validating 1, 10 and 50 sheets takes at most two syncs per sheet, whatever the rows; summary sheets one sync each plus one", async () => {
    const figures = await addinSyncs([1, 10, 50], [1, 10]);
    expect(figures.map((f) => f.sheets)).toEqual([1, 10, 50, 1, 10, 50]);
    for (const f of figures) {
      expect(f.books).toBeGreaterThan(0);
      expect(f.validateSyncs).toBeLessThanOrEqual(2 * f.sheets);
      expect(f.summarySyncs).toBeLessThanOrEqual(f.summarySheets + 1);
    }
    // Ten times the rows: the same sync counts.
    const at = (sheets: number, times: number) => figures.find((f) => f.sheets === sheets && f.times === times);
    for (const sheets of [1, 10, 50]) {
      expect(at(sheets, 10)?.validateSyncs).toBe(at(sheets, 1)?.validateSyncs);
      expect(at(sheets, 10)?.summarySyncs).toBe(at(sheets, 1)?.summarySyncs);
    }
  });

  test("gzip sizes after a production build: functions under 60 KB, task pane under 350 KB", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-gates-"));
    try {
      const bundles = bundleSizes(out);
      console.log(bundles.map((b) => `${b.bundle}.js: ${b.rawKb} KB, gzip ${b.gzipKb} KB; largest sources ${b.largest.map((l) => `${l.name} ${l.kb} KB`).join(", ")}`).join("\n"));
      expect(bundles.map((b) => b.bundle)).toEqual(["functions", "taskpane"]);
      for (const b of bundles) expect(b.gzipKb).toBeLessThan(BUNDLE_TARGETS_KB[b.bundle]);
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
