/**
 * A scoring sheet on paper, as LibreOffice prints it: the sheet of seed 001's 店镇, written by the ExcelJS writer
 * and rendered to PDF by `soffice --convert-to pdf`, prints on landscape A4, every column on each page (one page
 * wide), the header rows repeated at the top of every page, page numbers in the footer, and no wrapped text cut off
 * (every shown cell's text is in the PDF whole; without the row heights, LibreOffice prints one line of each). The pages are rasterised
 * (pdftoppm) to test/e2e/output/print-*.png for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { readBooks } from "../../src/core/layout";
import { emptyInputs, scoringPlans, scoringSheet } from "../../src/core/scoringSheet";
import type { SheetSpec } from "../../src/core/sheetSpec";
import { readXlsx } from "../../src/cli/xlsxRead";
import { summarySpecs } from "../../src/app/summary";
import { openXlsx } from "../../src/excel/exceljsAdapter";
import { writeSpecs } from "../../src/excel/exceljsWrite";
import { SEEDS, tempDir } from "../cli/run";

const OUTPUT = path.join(__dirname, "../e2e/output");
const dir = tempDir();

function soffice(args: string[]): void {
  const profile = path.join(dir, "lo-profile");
  const run = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args], { encoding: "utf8", timeout: 180_000 });
  if (run.status !== 0) throw new Error(`soffice failed (${String(run.status ?? run.error)}): ${run.stderr}`);
}

function tool(command: string, args: string[]): string {
  const run = spawnSync(command, args, { encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  return run.stdout;
}

/** The 店镇 scoring sheet of seed 001 (native formulas, so that LibreOffice computes them). */
async function townSheet(): Promise<SheetSpec> {
  const seed = path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("001") && f.endsWith(".xlsx") && !f.includes(".units."))!);
  const plan = scoringPlans(readBooks(await readXlsx(seed)).books).find((p) => p.unit === "店镇")!;
  return scoringSheet(plan, { portable: true }, emptyInputs());
}

/** The texts of a sheet's shown cells that the PDF does not hold whole: a row too short for its wrapped text prints
 * only the lines that fit (LibreOffice draws nothing of the rest). Compared without white space, in drawing order. */
function cutTexts(spec: SheetSpec, pdf: string): string[] {
  const squeeze = (t: string) => t.replace(/\s+/g, "");
  const printedText = squeeze(tool("pdftotext", ["-raw", pdf, "-"]));
  const hidden = new Set(spec.hiddenColumns ?? []);
  const texts = spec.rows.flatMap((row) =>
    row.flatMap((cell, c) => {
      if (hidden.has(c)) return [];
      const text = cell.kind === "link" ? cell.text : cell.kind === "value" && typeof cell.value === "string" ? cell.value : "";
      return text.trim() === "" ? [] : [text];
    }),
  );
  return [...new Set(texts)].filter((t) => !printedText.includes(squeeze(t)));
}

async function printed(spec: SheetSpec, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await writeSpecs(workbook, [spec]);
  const file = path.join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(file);
  soffice(["--convert-to", "pdf", "--outdir", dir, file]);
  return path.join(dir, `${name}.pdf`);
}

describe("the 店镇 scoring sheet printed by LibreOffice", () => {
  let spec: SheetSpec;
  let pdf: string;
  let pages: string[];
  let info: string;

  beforeAll(async () => {
    spec = await townSheet();
    pdf = await printed(spec, "dianzhen");
    info = tool("pdfinfo", [pdf]);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    pages = Array.from({ length: count }, (_, i) => tool("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"]));
    mkdirSync(OUTPUT, { recursive: true });
    tool("pdftoppm", ["-png", "-r", "70", pdf, path.join(dir, "page")]);
    for (const png of readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f))) copyFileSync(path.join(dir, png), path.join(OUTPUT, `print-${png}`));
    copyFileSync(pdf, path.join(OUTPUT, "print-dianzhen.pdf"));
  }, 240_000);

  test("on landscape A4 pages", () => {
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.map(Number);
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
  });

  test("one page wide: every page shows the first and the last printed column, under the repeated header", () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // About 100 rows of wrapped text: a handful of pages, not four times as many for the columns.
    expect(pages.length).toBeLessThanOrEqual(8);
    pages.forEach((text) => {
      expect(text).toContain("店镇 评分表");
      expect(text).toMatch(/序号\s+类别\s+指标\s+分值\s+目标要求/);
      expect(text).toMatch(/小计\s+来源/);
    });
  });

  test("page numbers in the footer, and the signature block after the grade on the last page", () => {
    pages.forEach((text, i) => expect(text).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`));
    const last = pages[pages.length - 1];
    expect(last).toContain("总分");
    expect(last.indexOf("考核人（签字）：")).toBeGreaterThan(last.indexOf("等级"));
    expect(last).toContain("日期：");
  });

  test("no wrapped text is cut off (the same sheet without its row heights is)", async () => {
    expect(cutTexts(spec, pdf)).toEqual([]);
    const unsized = await printed({ ...spec, rowHeights: undefined }, "unsized");
    expect(cutTexts(spec, unsized).length).toBeGreaterThan(10);
  }, 120_000);
});

describe("seed 001's summary sheets printed by LibreOffice", () => {
  test.each([
    ["汇总", "序号", "位置"],
    ["问题清单", "序号", "位置"],
  ])("%s: landscape, every page with the title, the header's first and last label, a page number", async (name, first, last) => {
    const seed = path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("001") && f.endsWith(".xlsx") && !f.includes(".units."))!);
    const bytes = readFileSync(seed);
    const adapter = await openXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const specs = await summarySpecs([{ adapter, file: null }], { language: "zh", links: false, ranking: false });
    const spec = specs.find((s) => s.name === name)!;
    expect(spec.print).toEqual({ landscape: true, titleRows: 2 });
    const pdf = await printed(spec, `summary-${specs.indexOf(spec)}`);
    const info = tool("pdfinfo", [pdf]);
    expect(/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map((n) => Math.round(Number(n)))).toEqual([842, 595]);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    for (let page = 1; page <= count; page++) {
      const text = tool("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"]);
      expect(text).toMatch(new RegExp(`${first}\\s+.*${last}`));
      expect(text).toContain(`第 ${page} 页，共 ${count} 页`);
    }
    expect(cutTexts(spec, pdf)).toEqual([]);
    tool("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, path.join(OUTPUT, `print-${specs.indexOf(spec) === 0 ? "summary" : "findings"}`)]);
  }, 180_000);
});
