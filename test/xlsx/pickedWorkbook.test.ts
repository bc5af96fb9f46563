/**
 * A workbook picked in the task pane for the ranking is read without ExcelJS (src/excel/xlsxFileAdapter.ts); what
 * the ranking reads from it - every cell's value and what was entered (formulas typed in) on every sheet, and which
 * sheets are scoring sheets - must be what the ExcelJS adapter read, on scoring sheets the command line wrote and
 * then filled in.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { openXlsx, worksheetCells } from "../../src/excel/exceljsAdapter";
import { xlsxFileWorkbook, xlsxSheetCells } from "../../src/excel/xlsxFileAdapter";
import { readXlsxSheets } from "../../src/xlsx/xlsxWorkbook";
import { kaohe, SEEDS } from "../cli/run";

let dir: string;
let filled: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-picked-"));
  const scored = path.join(dir, "评分.xlsx");
  const result = kaohe("score-sheet", path.join(SEEDS, "004_ec5181be93802e64.xlsx"), "-o", scored);
  expect(result.code).toBe(0);
  // What an assessor does to the file: numbers, a formula typed in (never calculated), text where a number belongs.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(scored);
  const sheet = book.worksheets.find((w) => w.name.startsWith("评分"))!;
  sheet.getCell("F6").value = 3;
  sheet.getCell("F7").value = { formula: "1+2" } as ExcelJS.CellFormulaValue;
  sheet.getCell("F8").value = "十二";
  filled = path.join(dir, "已填.xlsx");
  await book.xlsx.writeFile(filled);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("every cell's value and entry on every sheet reads as through ExcelJS", async () => {
  const bytes = readFileSync(filled);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = readXlsxSheets(bytes);
  expect(sheets.map((s) => s.grid.sheet)).toEqual(book.worksheets.map((w) => w.name));
  const differences: string[] = [];
  let formulas = 0;
  book.worksheets.forEach((worksheet, i) => {
    const want = worksheetCells(worksheet);
    const got = xlsxSheetCells(sheets[i]);
    for (let row = 1; row <= want.rowCount; row++) {
      for (let col = 1; col <= 40; col++) {
        const [a, b] = [want.value(row, col), got.value(row, col)];
        const [ea, eb] = [want.entered(row, col), got.entered(row, col)];
        if (typeof ea === "string" && ea.startsWith("=")) formulas++;
        if (a !== b || ea !== eb) differences.push(`${worksheet.name} R${row}C${col}: ${JSON.stringify([a, ea])} vs ${JSON.stringify([b, eb])}`);
      }
    }
  });
  expect(differences.slice(0, 10)).toEqual([]);
  expect(formulas).toBeGreaterThan(10);
});

test("the same scoring sheets are found, with the entries made on them", async () => {
  const bytes = readFileSync(filled);
  const viaExcelJs = await (await openXlsx(new Uint8Array(bytes).buffer)).readScoringSheets();
  const picked = await xlsxFileWorkbook(bytes).readScoringSheets();
  expect(picked.map((s) => s.name)).toEqual(viaExcelJs.map((s) => s.name));
  expect(picked.length).toBeGreaterThan(0);
  const first = picked.find((s) => s.name.startsWith("评分"))!;
  expect([first.entered(6, 6), first.entered(7, 6), first.value(7, 6), first.entered(8, 6)]).toEqual([3, "=1+2", 0, "十二"]);
});

test("a picked workbook is read-only", async () => {
  const adapter = xlsxFileWorkbook(readFileSync(filled));
  await expect(adapter.addSheets([])).rejects.toThrow(/此工作簿只读/);
});
