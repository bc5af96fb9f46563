/**
 * The ranking takes no total on trust: each unit's total is recomputed from what was entered on its scoring sheet
 * (real .xlsx files, written by ExcelJS, which never recalculates), a total cell that says otherwise is a finding,
 * the same unit sent in several workbooks is ranked once, and a unit with nothing entered is named, not ranked at 0.
 */
import ExcelJS from "exceljs";
import { checkGrids, checkWorkbook } from "../../src/app/check";
import { CheckCache } from "../../src/app/checkCache";
import { rankUnits, type Ranking } from "../../src/app/ranking";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { HEADER_ROW, KEY_HEADER, TOTAL_LABEL } from "../../src/core/scoringSheet";
import { exceljsWorkbook } from "../../src/excel/exceljsAdapter";

/** Two departments' books on one sheet, 100 points each: 业务工作 10 + 10, 党的建设 80. */
async function bookFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("县直部门");
  const book = [
    ["类别", "考核内容", "分值"],
    ["业务工作", "按时完成年度预算编制", 10],
    ["业务工作", "按时报送统计报表", 10],
    ["党的建设", "落实全面从严治党主体责任", 80],
    ["合计", null, 100],
  ];
  sheet.addRows([["2024年度县直部门目标责任考核指标"], ["1.县财政局"], ...book, ["2.县审计局"], ...book]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The workbook with its scoring sheets generated (KH formulas), as a file. */
async function scoredFile(): Promise<Buffer> {
  const workbook = await load(await bookFile());
  await addScoringSheets(exceljsWorkbook(workbook), { portable: false });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A scoring sheet's column by header and a row by the text in its 指标 column. */
function place(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(HEADER_ROW).values as unknown[];
  const col = (text: string) => header.indexOf(text);
  const row = (name: string) => {
    let found = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(col("指标")).value === name) found = n;
    });
    return found;
  };
  return { col, row, total: () => sheet.getRow(row(TOTAL_LABEL)).getCell(col("小计")) };
}

/** Deductions typed on 县财政局's sheet as a person would, without recalculating: 10-2, 10-0, 80-10 = 88. */
function fill(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet("评分-县财政局")!;
  const { col, row } = place(sheet);
  sheet.getRow(row("按时完成年度预算编制")).getCell(col("扣分")).value = 2;
  sheet.getRow(row("按时报送统计报表")).getCell(col("扣分")).value = 0;
  sheet.getRow(row("落实全面从严治党主体责任")).getCell(col("扣分")).value = 10;
  return sheet;
}

async function filledFile(forge?: (total: ExcelJS.Cell) => void): Promise<Buffer> {
  const workbook = await load(await scoredFile());
  const sheet = fill(workbook);
  if (forge) forge(place(sheet).total());
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function ranking(...files: [string, Buffer][]): Promise<Ranking> {
  const workbooks = [];
  for (const [file, bytes] of files) workbooks.push({ adapter: exceljsWorkbook(await load(bytes)), file: files.length > 1 ? file : null });
  return rankUnits(workbooks);
}

/** The ranking sheet's rows under its header, by the header's labels. */
function rows(result: Ranking): Record<string, unknown>[] {
  const cells = result.spec!.rows.map((row) => row.map((c) => (c.kind === "value" ? c.value : c.kind === "link" ? c.text : null)));
  const header = cells[1] as string[];
  return cells.slice(2).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

test("the books read as two 100-point departments, each with a scoring sheet", async () => {
  const workbook = await load(await scoredFile());
  const check = await checkWorkbook(exceljsWorkbook(workbook));
  expect(check.books.map((b) => [b.unit, b.base.toString()])).toEqual([["县财政局", "100"], ["县审计局", "100"]]);
  expect(workbook.worksheets.filter((w) => (w.getRow(HEADER_ROW).values as unknown[]).includes(KEY_HEADER)).map((w) => w.name)).toEqual(["评分-县财政局", "评分-县审计局"]);
});

describe("totals recomputed from the entries, never taken from the total cell", () => {
  test("a workbook filled and never recalculated: the total cell still shows what it was written with, the unit ranks by its 88", async () => {
    const bytes = await filledFile();
    const shown = place((await load(bytes)).getWorksheet("评分-县财政局")!).total();
    expect((shown.value as ExcelJS.CellFormulaValue).result ?? null).not.toBe(88);
    const result = await ranking(["a.xlsx", bytes]);
    expect(rows(result)).toEqual([
      expect.objectContaining({ 名次: 1, 考核单位: "县财政局", 总分: 88, 等级: "良好" }),
      expect.objectContaining({ 名次: "未录入", 考核单位: "县审计局", 总分: null, 等级: null }),
    ]);
  });

  test.each([
    ["its stored result overwritten with 100", (total: ExcelJS.Cell) => (total.value = { formula: (total.value as ExcelJS.CellFormulaValue).formula, result: 100 })],
    ["its formula replaced by the value 100", (total: ExcelJS.Cell) => (total.value = 100)],
  ])("a total cell with %s: total-mismatch in check, and the unit ranks by its entries", async (_, forge) => {
    const bytes = await filledFile(forge);
    const workbook = await load(bytes);
    const cell = place(workbook.getWorksheet("评分-县财政局")!).total().address;
    const check = await checkWorkbook(exceljsWorkbook(workbook));
    const sheet = check.scoring.find((s) => s.sheet === "评分-县财政局")!;
    expect(sheet.findings[0]).toMatchObject({ rule: "total-mismatch", severity: "error", cell, unit: "县财政局" });
    expect([sheet.findings[0].stated?.toString(), sheet.findings[0].computed?.toString()]).toEqual(["100", "88"]);

    const result = await ranking(["a.xlsx", bytes]);
    const [first] = rows(result);
    expect(first).toMatchObject({ 名次: 1, 考核单位: "县财政局", 总分: 88, 等级: "良好" });
    expect(first.说明).toContain("总分显示为100，按填写的得分重新计算为88");
    expect(first.问题数).toBeGreaterThanOrEqual(1);
    expect(result.findings.map((f) => f.rule)).toEqual(["total-mismatch"]);
  });

  test("checking again after a change to the scoring sheet alone (the task pane's cache) finds the same total-mismatch", async () => {
    const cache = new CheckCache();
    cache.check(await exceljsWorkbook(await load(await scoredFile())).readSheets());
    const grids = await exceljsWorkbook(await load(await filledFile((total) => (total.value = 100)))).readSheets();
    const again = cache.check(grids);
    expect(again.findings.filter((f) => f.rule === "total-mismatch").map((f) => f.unit)).toEqual(["县财政局"]);
    expect(JSON.stringify(again.scoring)).toBe(JSON.stringify(checkGrids(grids).scoring));
  });

  test("a generated sheet as written, nothing changed: no total-mismatch", async () => {
    const check = await checkWorkbook(exceljsWorkbook(await load(await scoredFile())));
    expect(check.findings.filter((f) => f.rule === "total-mismatch")).toEqual([]);
  });
});

describe("each unit ranked once", () => {
  test("the same unit sent in three workbooks: one rank, a duplicate-unit finding for each other copy", async () => {
    const bytes = await filledFile();
    const result = await ranking(["a.xlsx", bytes], ["b.xlsx", bytes], ["c.xlsx", bytes]);
    const listed = rows(result);
    expect(listed.filter((r) => r.考核单位 === "县财政局")).toHaveLength(1);
    expect(listed[0]).toMatchObject({ 名次: 1, 考核单位: "县财政局", 总分: 88, 来源: "a.xlsx · 评分-县财政局" });
    expect(listed[0].说明).toContain("在b.xlsx · 评分-县财政局中又有一份评分表（总分同为88）");
    const duplicates = result.findings.filter((f) => f.rule === "duplicate-unit");
    expect(duplicates.map((f) => [f.severity, f.unit])).toEqual([["warning", "县财政局"], ["warning", "县财政局"]]);
    // The blank forms of 县审计局 in the three workbooks are one line, without a rank.
    expect(listed.filter((r) => r.考核单位 === "县审计局")).toEqual([expect.objectContaining({ 名次: "未录入" })]);
    expect(result).toMatchObject({ units: 2, ranked: 1, unentered: ["县审计局"] });
  });

  test("copies that disagree: an error, and the first workbook's copy is ranked", async () => {
    const other = await load(await filledFile());
    const sheet = other.getWorksheet("评分-县财政局")!;
    const { col, row } = place(sheet);
    sheet.getRow(row("落实全面从严治党主体责任")).getCell(col("扣分")).value = 0;
    const result = await ranking(["a.xlsx", await filledFile()], ["b.xlsx", Buffer.from(await other.xlsx.writeBuffer())]);
    expect(rows(result)[0]).toMatchObject({ 考核单位: "县财政局", 总分: 88 });
    expect(result.findings.filter((f) => f.rule === "duplicate-unit").map((f) => [f.severity, f.computed?.toString()])).toEqual([["error", "98"]]);
  });
});

describe("a unit with nothing entered is named, not ranked", () => {
  test("nothing entered anywhere: every unit 未录入, nobody ranked 1 with 0 and 不合格, no chart", async () => {
    const result = await ranking(["a.xlsx", await scoredFile()]);
    expect(rows(result)).toEqual([
      expect.objectContaining({ 名次: "未录入", 考核单位: "县财政局", 总分: null, 等级: null }),
      expect.objectContaining({ 名次: "未录入", 考核单位: "县审计局", 总分: null, 等级: null }),
    ]);
    expect(result).toMatchObject({ units: 2, ranked: 0, unentered: ["县财政局", "县审计局"] });
    expect(result.spec!.charts).toEqual([]);
    // Each row links to its sheet's 总分 cell, though the cell shows nothing yet.
    const workbook = await load(await scoredFile());
    const totals = ["评分-县财政局", "评分-县审计局"].map((name) => place(workbook.getWorksheet(name)!).total().address);
    expect(result.spec!.rows.slice(2).map((row) => row[row.length - 1])).toEqual(
      ["评分-县财政局", "评分-县审计局"].map((sheet, i) => expect.objectContaining({ kind: "link", sheet, cell: totals[i] })),
    );
  });

  test("a note alone is no entry", async () => {
    const workbook = await load(await scoredFile());
    const sheet = workbook.getWorksheet("评分-县审计局")!;
    const { col, row } = place(sheet);
    sheet.getRow(row("按时报送统计报表")).getCell(col("备注")).value = "材料待补";
    const result = await ranking(["a.xlsx", Buffer.from(await workbook.xlsx.writeBuffer())]);
    expect(result.unentered).toEqual(["县财政局", "县审计局"]);
  });
});

describe("entries the engine cannot read: listed as 无法计算, not ranked", () => {
  test("text where a number belongs", async () => {
    const entry = "十二";
    const workbook = await load(await filledFile());
    const sheet = workbook.getWorksheet("评分-县财政局")!;
    const { col, row } = place(sheet);
    sheet.getRow(row("按时报送统计报表")).getCell(col("扣分")).value = entry;
    const result = await ranking(["a.xlsx", Buffer.from(await workbook.xlsx.writeBuffer())]);
    expect(rows(result)).toEqual([
      expect.objectContaining({ 名次: "无法计算", 考核单位: "县财政局", 总分: null, 等级: null }),
      expect.objectContaining({ 名次: "未录入", 考核单位: "县审计局" }),
    ]);
    expect(result).toMatchObject({ ranked: 0, uncomputable: ["县财政局"], unentered: ["县审计局"] });
  });

  test("a formula typed with its result: ranked by the result", async () => {
    const workbook = await load(await filledFile());
    const sheet = workbook.getWorksheet("评分-县财政局")!;
    const { col, row } = place(sheet);
    sheet.getRow(row("按时报送统计报表")).getCell(col("扣分")).value = { formula: "1+1", result: 2 };
    const result = await ranking(["a.xlsx", Buffer.from(await workbook.xlsx.writeBuffer())]);
    expect(rows(result)[0]).toMatchObject({ 名次: 1, 考核单位: "县财政局", 总分: 86 });
  });
});
