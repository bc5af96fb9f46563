/**
 * What a scoring sheet's input cells accept, as the written .xlsx says it (read back with ExcelJS): a score from 0 to
 * the row's points, a deduction of at most the points, a whole count of penalties, the veto from a list, each with
 * a highlight of anything out of range; 总分 and 等级 blank until something is entered (LibreOffice computes them);
 * targets shown as percentages and with their unit; the parts' weights under a header of their own; the label
 * column wide enough for 考核单位; the target column dropped where it only repeats the indicator.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/cli/xlsxRead";
import { readBooks } from "../../src/core/layout";
import { emptyInputs, scoringColumns, scoringPlans, scoringSheet } from "../../src/core/scoringSheet";
import { writeSpecs } from "../../src/excel/exceljsWrite";
import { kaohe, SEEDS, tempDir } from "../cli/run";
import { rawValues, recalculate } from "./libreOffice";

const seed = (prefix: string) => path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".xlsx") && !f.includes(".units."))!);
const dir = tempDir();

/** Seed 001's scoring sheets (KH formulas, or native ones), written by the ExcelJS writer and read back. */
async function written(portable: boolean, units?: string[]): Promise<ExcelJS.Workbook> {
  const plans = scoringPlans(readBooks(await readXlsx(seed("001"))).books).filter((p) => !units || units.includes(p.unit));
  const workbook = new ExcelJS.Workbook();
  await writeSpecs(workbook, plans.map((plan) => scoringSheet(plan, { portable }, emptyInputs())));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await workbook.xlsx.writeBuffer());
  return back;
}

/** Whether Excel's data validation of a cell (as the file states it) lets `value` in. */
function accepts(cell: ExcelJS.Cell, value: number | string | boolean): boolean {
  const v = cell.dataValidation;
  if (!v) return true;
  if (v.type === "list") return String(v.formulae[0]).replace(/^"|"$/g, "").split(",").includes(String(value).toUpperCase());
  if (typeof value !== "number") return false;
  if (v.type === "whole" && !Number.isInteger(value)) return false;
  const [a, b] = v.formulae.map(Number);
  switch (v.operator) {
    case "between":
      return value >= a && value <= b;
    case "greaterThanOrEqual":
      return value >= a;
    case "lessThanOrEqual":
      return value <= a;
    default:
      throw new Error(`operator ${String(v.operator)}`);
  }
}

/** The row (1-based) whose 指标 cell holds `name`. */
function rowOf(sheet: ExcelJS.Worksheet, name: string): number {
  const cols = scoringColumns(0);
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(cols.name + 1).value === name) return r;
  throw new Error(`${name} not on ${sheet.name}`);
}

/** The conditional formats that tint a cell, by their formulas (ExcelJS keeps them on the worksheet, untyped). */
function highlights(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): string[] {
  const formats = (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  const inside = (ref: string) => {
    const [from, to = from] = ref.split(":").map((a) => sheet.getCell(a));
    return Number(from.row) <= Number(cell.row) && Number(cell.row) <= Number(to.row) && from.col <= cell.col && cell.col <= to.col;
  };
  return formats
    .filter((cf) => cf.ref.split(" ").some(inside))
    .flatMap((cf) => cf.rules.flatMap((rule) => ("formulae" in rule ? (rule.formulae as string[]) : [])));
}

describe("seed 001's scoring sheets, as written", () => {
  let workbook: ExcelJS.Workbook;
  const cols = scoringColumns(0);
  beforeAll(async () => {
    workbook = await written(false);
  });

  test("99 typed into a 2-point row is outside the validation and tinted; 2 and 0 are in", () => {
    const sheet = workbook.getWorksheet("评分-2020年度市考核县指标任务分解")!;
    const r = Array.from({ length: sheet.rowCount }, (_, i) => i + 1).find((row) => sheet.getRow(row).getCell(cols.points + 1).value === 2 && sheet.getRow(row).getCell(cols.deduction + 1).dataValidation)!;
    const cell = sheet.getRow(r).getCell(cols.deduction + 1);
    expect(cell.dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [-2, 2], showErrorMessage: true, errorStyle: "stop", error: "请填数字，-2 到 2" });
    expect(accepts(cell, 99)).toBe(false);
    expect(accepts(cell, 2)).toBe(true);
    expect(accepts(cell, 0)).toBe(true);
    expect(highlights(sheet, cell).some((f) => f.includes(">2") && f.includes("ISNUMBER"))).toBe(true);
  });

  test("99 typed into that 2-point row anyway (pasted, or in a program without validation) is flagged by check on the cell", async () => {
    const scored = path.join(dir, "001-scored.xlsx");
    expect(kaohe("score-sheet", seed("001"), "-o", scored).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(scored);
    const name = "评分-2020年度市考核县指标任务分解";
    const sheet = book.getWorksheet(name)!;
    const r = Array.from({ length: sheet.rowCount }, (_, i) => i + 1).find((row) => sheet.getRow(row).getCell(cols.points + 1).value === 2 && sheet.getRow(row).getCell(cols.deduction + 1).dataValidation)!;
    const cell = sheet.getRow(r).getCell(cols.deduction + 1);
    cell.value = 99;
    const entered = path.join(dir, "001-entered.xlsx");
    await book.xlsx.writeFile(entered);
    const result = kaohe("check", entered, "--json");
    const json = JSON.parse(result.stdout) as { files: { scoringSheets: { sheet: string; findings: { rule: string; cell: string; stated: string | null; computed: string | null }[] }[] }[] };
    const findings = json.files[0].scoringSheets.find((s) => s.sheet === name)!.findings;
    expect(findings.map((f) => [f.rule, f.cell, f.stated, f.computed])).toEqual([["score-range", cell.address, "2", "99"]]);
  });

  test("a score from another book (见专项责任书) from 0 to its points; a penalty count whole; the veto from a list", () => {
    const sheet = workbook.getWorksheet("评分-店镇")!;
    const reference = sheet.getRow(rowOf(sheet, "综治维稳扫黑除恶")).getCell(cols.actual + 1);
    expect(reference.dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 5] });
    expect([99, 5.5, -1, 5, 2.5].map((v) => accepts(reference, v))).toEqual([false, false, false, true, true]);
    expect(accepts(reference, "优")).toBe(false);

    const penalty = sheet.getRow(rowOf(sheet, "未完成隐性债务化解任务的")).getCell(cols.actual + 1);
    expect(penalty.dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect([1.5, -1, 0, 3].map((v) => accepts(penalty, v))).toEqual([false, false, true, true]);
    expect(highlights(sheet, penalty).some((f) => f.includes("INT("))).toBe(true);

    const veto = sheet.getRow(rowOf(sheet, "一票否决（填 TRUE 或 1）")).getCell(cols.actual + 1);
    expect(veto.dataValidation).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE,1,0"'] });
    expect([true, 1, "是"].map((v) => accepts(veto, v))).toEqual([true, true, false]);
    expect(highlights(sheet, veto)).toHaveLength(1);
  });

  test("percent targets show as percentages, other targets with their unit", () => {
    const sheet = workbook.getWorksheet("评分-2020年度市考核县指标任务分解")!;
    const targets = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1).getCell(cols.target + 1)).filter((c) => c.numFmt);
    const shown = targets.map((c) => [(c.value as ExcelJS.CellFormulaValue).result, c.numFmt]);
    expect(shown).toContainEqual([0.07, "0%"]);
    expect(shown).toContainEqual([0.117, "0.0%"]);
    expect(shown).toContainEqual([expect.any(Number), 'General"万元"']);
    // The actual figure of a percent target is typed as a percentage too.
    const seven = targets.find((c) => (c.value as ExcelJS.CellFormulaValue).result === 0.07)!;
    expect(sheet.getRow(Number(seven.row)).getCell(cols.actual + 1).numFmt).toBe("0%");
  });

  test("the parts' weights under their own header, shown as percentages; 考核单位 not cut", () => {
    const sheet = workbook.getWorksheet("评分-店镇")!;
    const own = rowOf(sheet, "个性指标得分");
    const header = sheet.getRow(own - 1);
    expect(header.getCell(cols.actual + 1).value).toBe("权重");
    expect(header.getCell(cols.actual + 1).font.bold).toBe(true);
    expect(header.getCell(cols.subtotal + 1).value).toBe("得分");
    const weight = sheet.getRow(own).getCell(cols.actual + 1);
    expect([weight.value, weight.numFmt, weight.protection?.locked]).toEqual([0.5, "0%", false]);
    expect(sheet.getRow(own).getCell(cols.category + 1).value).toBe("店镇");
    expect(sheet.getCell("A2").value).toBe("考核单位");
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });

  test("the target column: empty where it repeats the indicator, hidden on a sheet where it always does", () => {
    const town = workbook.getWorksheet("评分-店镇")!;
    expect(town.getColumn(cols.targetText + 1).hidden).toBe(false);
    const common = town.getRow(rowOf(town, "落实党管武装基本制度，完成民兵组织、轮训备勤、兵源征集、国防动员、专武干部队伍建设、国防教育等任务。"));
    expect(common.getCell(cols.targetText + 1).value).toBeNull();
    expect(town.getRow(rowOf(town, "农业农村工作")).getCell(cols.targetText + 1).value).toMatch(/^粮食播种面积/);

    const office = workbook.getWorksheet("评分-县纪委监委")!;
    expect(office.getColumn(cols.targetText + 1).hidden).toBe(true);
    // What that column held on row 2 moves where it shows.
    expect(String(office.getRow(2).getCell(cols.name + 1).value)).toMatch(/^来源：/);
  });

  test("the print setup: landscape A4, one page wide, rows 1-3 on every page, page numbers", () => {
    const sheet = workbook.getWorksheet("评分-店镇")!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:3" });
    expect(sheet.headerFooter.oddFooter).toContain("&P");
    expect(sheet.getRow(rowOf(sheet, "农业农村工作")).height).toBeGreaterThan(45);
  });
});

test("总分 and 等级 stay blank until something is entered, then LibreOffice computes them", async () => {
  const workbook = await written(true, ["店镇"]);
  const sheet = workbook.worksheets[0];
  const cols = scoringColumns(0);
  const total = sheet.getRow(rowOf(sheet, "总分")).getCell(cols.subtotal + 1);
  const grade = sheet.getRow(rowOf(sheet, "等级")).getCell(cols.subtotal + 1);
  expect((total.value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(COUNTA\(H4:I\d+\)\+COUNTA\(H\d+\)=0,"",/);
  const empty = path.join(dir, "empty.xlsx");
  await workbook.xlsx.writeFile(empty);
  sheet.getRow(rowOf(sheet, "综治维稳扫黑除恶")).getCell(cols.actual + 1).value = 4;
  const filled = path.join(dir, "filled.xlsx");
  await workbook.xlsx.writeFile(filled);
  const out = recalculate([empty, filled], dir);
  const [before] = await rawValues(path.join(out, "empty.xlsx"));
  const [after] = await rawValues(path.join(out, "filled.xlsx"));
  expect([before.get(total.address) || null, before.get(grade.address) || null]).toEqual([null, null]);
  // 4 of the own book's 100 points at half weight, nothing taken off: 2.
  expect(after.get(total.address)).toBe(2);
  expect(after.get(grade.address)).toEqual(expect.any(String));
}, 180_000);
