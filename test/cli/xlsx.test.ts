import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { a1Range } from "../../src/core/grid";
import type { SheetLayout } from "../../src/import/sheetLayout";
import { readXlsx } from "../../src/cli/xlsxRead";
import { SHEET_FONT, writeXlsx } from "../../src/cli/xlsxWrite";
import { tempDir } from "./run";

const layout: SheetLayout = {
  name: "负面清单",
  values: [
    ["负面清单考核指标"],
    ["考核内容", "责任单位", "扣分\n分值"],
    ["生态文明", "县委办", "-1.5"],
    ["安全生产", "", "0.5"],
    ["=SUM(A1:A3)", "+86 电话", "@张三"],
    ["-不是数字", "007", "1.50"],
  ],
  merges: [{ top: 2, left: 1, bottom: 3, right: 1 }],
  tables: [{ top: 1, bottom: 5, width: 3 }],
};

describe("writing and reading .xlsx", () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(tempDir(), "out.xlsx");
    await writeXlsx(file, [layout, { ...layout, name: "第二" }], { force: false });
  });

  test("values, numbers and merges come back as written; merged non-master cells are empty", async () => {
    const [grid, second] = await readXlsx(file);
    expect(grid.sheet).toBe("负面清单");
    expect(second.sheet).toBe("第二");
    expect(grid.values).toEqual([
      ["负面清单考核指标", null, null],
      ["考核内容", "责任单位", "扣分\n分值"],
      ["生态文明", "县委办", -1.5],
      ["安全生产", null, 0.5],
      ["=SUM(A1:A3)", "+86 电话", "@张三"],
      ["-不是数字", "007", "1.50"],
    ]);
    expect(grid.merges.map((m) => a1Range(m))).toEqual(["B3:B4"]);
  });

  test("text that looks like a formula stays text; header rows are bold, cells wrap, the font is CJK", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("负面清单");
    if (!sheet) throw new Error("sheet missing");
    const formulaLike = sheet.getCell("A5");
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.value).toBe("=SUM(A1:A3)");
    expect(sheet.getCell("A2").font.bold).toBe(true);
    expect(sheet.getCell("A3").font.bold ?? false).toBe(false);
    expect(sheet.getCell("A3").font.name).toBe(SHEET_FONT);
    expect(sheet.getCell("C2").alignment.wrapText).toBe(true);
    expect(workbook.creator).toBe("Kaohe");
  });

  test("number columns are narrower than text columns", async () => {
    const wide: SheetLayout = {
      name: "宽窄",
      values: [
        ["类别", "考核内容", "分值"],
        ["党建", "认真贯彻落实《党委（党组）落实全面从严治党主体责任规定》，坚决维护习近平总书记党中央的核心", "20"],
      ],
      merges: [],
      tables: [{ top: 0, bottom: 1, width: 3 }],
    };
    const out = path.join(tempDir(), "widths.xlsx");
    await writeXlsx(out, [wide], { force: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    const width = (col: number): number => sheet.getColumn(col).width ?? 0;
    expect(width(3)).toBeLessThan(10);
    expect(width(2)).toBeGreaterThanOrEqual(40);
  });

  test("an existing file is not overwritten without force, and is with it", async () => {
    const before = readFileSync(file);
    await expect(writeXlsx(file, [{ ...layout, name: "另一个" }], { force: false })).rejects.toThrow(/文件已存在（加 --force 替换）/);
    expect(readFileSync(file).equals(before)).toBe(true);
    await writeXlsx(file, [{ ...layout, name: "另一个" }], { force: true });
    expect((await readXlsx(file)).map((g) => g.sheet)).toEqual(["另一个"]);
  });

  test("the same sheets give the same bytes", async () => {
    const dir = tempDir();
    await writeXlsx(path.join(dir, "a.xlsx"), [layout], { force: false });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await writeXlsx(path.join(dir, "b.xlsx"), [layout], { force: false });
    expect(readFileSync(path.join(dir, "a.xlsx")).equals(readFileSync(path.join(dir, "b.xlsx")))).toBe(true);
  });
});

describe("reading cell values", () => {
  test("rich text, formulas, errors, dates and hyperlinks read as the engine expects", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("值");
    sheet.getCell("A1").value = { richText: [{ text: "经济" }, { text: "发展", font: { bold: true } }] };
    sheet.getCell("B1").value = { formula: "1+1", result: 2 };
    sheet.getCell("C1").value = { formula: "1+1" };
    sheet.getCell("D1").value = { error: "#REF!" };
    sheet.getCell("E1").value = new Date(Date.UTC(2020, 11, 31));
    sheet.getCell("F1").value = { text: "链接", hyperlink: "https://example.com" };
    sheet.getCell("B3").value = true;
    sheet.mergeCells("A2:A3");
    sheet.getCell("A2").value = "合并";
    const file = path.join(tempDir(), "values.xlsx");
    await workbook.xlsx.writeFile(file);

    const [grid] = await readXlsx(file);
    expect(grid.values).toEqual([
      ["经济发展", 2, null, "#REF!", "2020-12-31", "链接"],
      ["合并", null, null, null, null, null],
      [null, true, null, null, null, null],
    ]);
    expect(grid.merges.map((m) => a1Range(m))).toEqual(["A2:A3"]);
  });

  test("the seed workbooks are committed and load quickly", async () => {
    const seed = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");
    expect(existsSync(seed)).toBe(true);
    const started = Date.now();
    const grids = await readXlsx(seed);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(grids.map((g) => g.sheet)).toContain("负面清单");
  });
});
