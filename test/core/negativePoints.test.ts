/**
 * negative-points: "-5分" on an ordinary indicator takes 5 points off the book's total without a word; on a
 * penalty row, a deduction section or a negative list it is the penalty and says nothing.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/app/check";
import { categoriesOf } from "../../src/core/book";
import { findingMessage } from "../../src/core/rules";
import { exceljsWorkbook } from "../../src/excel/exceljsAdapter";

async function checked(rows: ExcelJS.CellValue[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("考核").addRows(rows);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await workbook.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return checkWorkbook(exceljsWorkbook(reread));
}

test("-5分 on an ordinary indicator: an error naming its points cell, though the total still adds up to 100", async () => {
  const check = await checked([
    ["1.县财政局"],
    ["类别", "考核内容", "分值"],
    ["业务工作", "预算执行进度达到序时进度", "-5分"],
    ["业务工作", "税收收入完成年度目标", 50],
    ["党的建设", "落实全面从严治党主体责任", 55],
    ["合计", null, 100],
  ]);
  const found = check.findings.filter((f) => f.rule === "negative-points");
  expect(found).toEqual([expect.objectContaining({ severity: "error", sheet: "考核", cell: "C3", unit: "县财政局" })]);
  expect(findingMessage(found[0], "zh")).toBe("“预算执行进度达到序时进度”分值为-5分：负分只用于扣分项和负面清单，请核对是否写错");
  expect(check.findings.filter((f) => f.rule !== "negative-points")).toEqual([]);
});

test("a penalty section's negative points are penalties: no finding", async () => {
  const check = await checked([
    ["1.县财政局"],
    ["类别", "考核内容", "分值"],
    ["业务工作", "税收收入完成年度目标", 50],
    ["党的建设", "落实全面从严治党主体责任", 50],
    ["合计", null, 100],
    ["扣分项目", "发生安全生产责任事故", -5],
  ]);
  // The row is read, with its -5, in a section that takes points away.
  const negative = check.books.flatMap(categoriesOf).flatMap((c) => c.indicators.filter((i) => i.points?.isNegative()).map((i) => [c.kind, i.points!.toNumber()]));
  expect(negative).toEqual([["penalty", -5]]);
  expect(check.findings.filter((f) => f.rule === "negative-points")).toEqual([]);
});

test.each(["seeds", "test/corpus"].flatMap((dir) =>
  fs.readdirSync(path.join(__dirname, "../..", dir)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(dir, f)),
))("%s: every negative point is a penalty", async (file) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(__dirname, "../..", file));
  const check = await checkWorkbook(exceljsWorkbook(workbook));
  expect(check.findings.filter((f) => f.rule === "negative-points")).toEqual([]);
});
