import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeSpecs } from "../../src/excel/exceljsWrite";
import { formula, link, value, type SheetSpec } from "../../src/core/sheetSpec";

function spec(name: string): SheetSpec {
  return {
    name,
    rows: [
      [value("单位", "header"), value("得分", "header"), value("跳转", "header")],
      [value("=HYPERLINK(\"x\")"), value(null, "input"), link("螅镇!A3", "镇（办、中心）", "A3")],
      [value("合计", "total"), formula("SUM(B2:B2)", 0, "total"), value(null)],
    ],
    merges: [],
    widths: [20, 10, 12],
    frozenRows: 1,
    protect: true,
    charts: [],
  };
}

test("generated sheets are added under free names, text stays text, inputs stay editable", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("汇总").getCell("A1").value = "用户自己的内容";
  const names = await writeSpecs(workbook, [spec("汇总"), spec("汇总")]);
  expect(names).toEqual(["汇总 (2)", "汇总 (3)"]);

  const file = join(mkdtempSync(join(tmpdir(), "kaohe-spec-")), "out.xlsx");
  await workbook.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  expect(back.getWorksheet("汇总")!.getCell("A1").value).toBe("用户自己的内容");
  const sheet = back.getWorksheet("汇总 (2)")!;
  expect(sheet.getCell("A2").value).toBe("=HYPERLINK(\"x\")");
  expect(sheet.getCell("A2").formula).toBeUndefined();
  expect(sheet.getCell("B3").formula).toBe("SUM(B2:B2)");
  expect(sheet.getCell("C2").value).toEqual({ text: "螅镇!A3", hyperlink: "#'镇（办、中心）'!A3" });
  expect(sheet.getCell("B2").protection?.locked).toBe(false);
  expect(sheet.getCell("A2").protection?.locked).not.toBe(false);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
});

test("generated text that Excel would take for a formula (= + - @) is written as text, in every style; other text keeps General", async () => {
  const texts = ["=SUM(A1:A2)", "+86 电话", "-不是数字", "@张三", "普通文字"];
  const sheet: SheetSpec = {
    name: "文字",
    rows: [texts.map((t) => value(t)), texts.map((t) => value(t, "input")), texts.map((t) => value(t, "table"))],
    merges: [],
    widths: [12, 12, 12, 12, 12],
    frozenRows: 0,
    protect: false,
    charts: [],
  };
  const workbook = new ExcelJS.Workbook();
  await writeSpecs(workbook, [sheet]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await workbook.xlsx.writeBuffer());
  const ws = back.getWorksheet("文字")!;
  for (let r = 1; r <= 3; r++) {
    expect(texts.map((_, c) => ws.getRow(r).getCell(c + 1).numFmt ?? "General")).toEqual(["@", "@", "@", "@", "General"]);
    expect(texts.map((_, c) => ws.getRow(r).getCell(c + 1).value)).toEqual(texts);
    expect(texts.map((_, c) => ws.getRow(r).getCell(c + 1).type)).toEqual(texts.map(() => ExcelJS.ValueType.String));
  }
});
