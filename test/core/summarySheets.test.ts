import path from "node:path";
import type { Book } from "../../src/core/book";
import { readBooks } from "../../src/core/layout";
import { shownValue, type SheetSpec, type SpecCell } from "../../src/core/sheetSpec";
import { SUMMARY_SHEETS, summarySheets, type SheetBuilder } from "../../src/core/summary/summarySheets";
import { readXlsx } from "../../src/cli/xlsxRead";

const seed = (name: string) => path.join(__dirname, "../../seeds", name);

/** What a reader sees in a cell. */
const shown = shownValue;

/** The row whose column `col` shows `text`. */
function rowWith(spec: SheetSpec, col: number, text: string): SpecCell[] {
  const row = spec.rows.find((r) => shown(r[col]) === text);
  if (!row) throw new Error(`no row with ${text} in ${spec.name}`);
  return row;
}

const headerIndex = (spec: SheetSpec, label: string) => spec.rows[1].findIndex((c) => shown(c) === label);

describe("summary sheets of seed 001 (a county's whole book)", () => {
  let books: Book[];
  let sheets: SheetSpec[];
  beforeAll(async () => {
    books = readBooks(await readXlsx(seed("001_c9fa6fd301574412.xlsx"))).books;
    sheets = summarySheets([{ file: null, books }], { language: "zh", links: true });
  });

  test("three sheets: 汇总, 问题清单, 责任单位", () => {
    expect(sheets.map((s) => s.name)).toEqual(["汇总", "问题清单", "责任单位"]);
  });

  test("汇总 lists every book with stated and computed totals; 店镇 shows 100 vs 135 and one error", () => {
    const summary = sheets[0];
    expect(summary.rows.length).toBe(2 + books.length + 1);
    const row = rowWith(summary, headerIndex(summary, "考核单位"), "店镇");
    expect(shown(row[headerIndex(summary, "基础分")])).toBe(100);
    expect(shown(row[headerIndex(summary, "计算合计")])).toBe(135);
    const r = summary.rows.indexOf(row) + 1;
    expect(row[headerIndex(summary, "差额")]).toMatchObject({ kind: "formula", formula: `F${r}-E${r}`, cached: 35 });
    expect(shown(row[headerIndex(summary, "错误")])).toBe(1);
    expect(row[headerIndex(summary, "位置")]).toEqual({ kind: "link", text: "镇（办、中心）!A47", sheet: "镇（办、中心）", cell: "A47" });
    // No file column when the summary lives in the source workbook.
    expect(headerIndex(summary, "文件")).toBe(-1);
    const total = summary.rows[summary.rows.length - 1];
    expect(shown(total[0])).toBe("合计");
    expect(total[headerIndex(summary, "错误")]).toMatchObject({ kind: "formula", formula: `SUM(I3:I${2 + books.length})` });
    expect(summary.frozenRows).toBe(2);
    // Charts a clerk reads: the three books with findings, errors and warnings stacked (most first), over a table
    // right of the summary (M:O), and the points of each category over all books (Q:S), largest first.
    const [findings, categories] = summary.charts;
    expect(findings).toMatchObject({ kind: "bar", title: "有问题的责任书（错误、警告数）", stacked: true, categories: "M3:M5", values: "N3:N5" });
    expect(findings.moreSeries).toEqual([expect.objectContaining({ name: "警告", values: "O3:O5" })]);
    expect(summary.rows.slice(2, 5).map((r) => [12, 13, 14].map((c) => shown(r[c])))).toEqual([
      ["2020年度市考核县指标任务分解", 2, 3], ["省市驻佳单位共性考核指标", 1, 5], ["店镇", 1, 0],
    ]);
    expect(categories).toMatchObject({ kind: "bar", title: "各考核内容分值合计（全部责任书）", categories: expect.stringMatching(/^Q3:Q\d+$/) });
    const points = summary.rows.slice(2).map((r) => shown(r[18])).filter((p) => p !== null);
    expect(points).toEqual([...points].sort((a, b) => Number(b) - Number(a)));
  });

  test("问题清单: errors first, severity in Chinese, stated vs computed, a link back to the cell", () => {
    const issues = sheets[1];
    const severity = headerIndex(issues, "严重程度");
    const body = issues.rows.slice(2);
    const severities = body.map((r) => shown(r[severity]));
    expect(severities[0]).toBe("错误");
    expect(severities.lastIndexOf("错误")).toBeLessThan(severities.indexOf("警告"));
    const ecology = rowWith(issues, headerIndex(issues, "类别"), "生态文明");
    expect(shown(ecology[headerIndex(issues, "标明分值")])).toBe(20);
    expect(shown(ecology[headerIndex(issues, "计算分值")])).toBe(19);
    expect(shown(ecology[headerIndex(issues, "规则")])).toBe("类别合计");
    expect(ecology[headerIndex(issues, "位置")]).toMatchObject({ kind: "link", sheet: "市考核县指标任务分解", cell: "A36" });
    expect(String(shown(ecology[headerIndex(issues, "说明")]))).toContain("标明20分");
  });

  test("责任单位: each owner's indicators with a subtotal; subtotals add up to the decomposition's 100 points", () => {
    const owners = sheets[2];
    const first = rowWith(owners, 2, "生产总值增长7%");
    expect(shown(first[0])).toBe("县发展改革和科技局");
    expect(shown(first[3])).toBe(2);
    expect(first[4]).toMatchObject({ kind: "link", cell: "B5" });
    const subtotal = rowWith(owners, 0, "县发展改革和科技局 小计");
    expect(subtotal[3]).toMatchObject({ kind: "formula" });
    // One indicator is shared by three offices: the total counts it once.
    const total = rowWith(owners, 0, "合计（共同负责的指标计一次）");
    // 生态文明 states 20 but lists 19, 县域特色指标 states 10 but lists 7: the indicators add up to 96.
    expect(shown(total[3])).toBe(96);
    expect(owners.charts.map((c) => c.kind)).toEqual(["bar", "pie"]);
    // The side table of owners feeds the bar chart: every owner once.
    const ownerNames = owners.rows.slice(2).map((r) => shown(r[6])).filter((v) => typeof v === "string");
    expect(new Set(ownerNames).size).toBe(ownerNames.length);
    expect(ownerNames).toContain("县发展改革和科技局");
  });

  test("text from the books stays a value: no cell of the summary is a formula unless the summary made it", () => {
    for (const sheet of sheets) {
      for (const row of sheet.rows) {
        for (const cell of row) if (cell.kind === "formula") expect(cell.formula).toMatch(/^(SUM\(|[A-Z]+\d+[-+]|D\d+)/);
      }
    }
  });
});

describe("several files into one new workbook", () => {
  test("places are text with the file name, and a file column appears", async () => {
    const a = readBooks(await readXlsx(seed("003_f2120415240e7d22.xlsx"))).books;
    const b = readBooks(await readXlsx(seed("004_ec5181be93802e64.xlsx"))).books;
    const [summary, issues, ...rest] = summarySheets(
      [{ file: "003.xlsx", books: a }, { file: "004.xlsx", books: b }], { language: "zh", links: false });
    expect(rest).toEqual([]); // no decomposition table: no 责任单位 sheet
    expect(headerIndex(summary, "文件")).toBe(1);
    expect(summary.rows.slice(2, -1).map((r) => shown(r[1]))).toEqual([...a.map(() => "003.xlsx"), ...b.map(() => "004.xlsx")]);
    for (const row of issues.rows.slice(2)) expect(row[row.length - 1].kind).toBe("value");
  });

  test("English headers when asked, and extra builders join the list", async () => {
    const books = readBooks(await readXlsx(seed("003_f2120415240e7d22.xlsx"))).books;
    const extra: SheetBuilder = () => ({ name: "排名", rows: [], merges: [], widths: [], frozenRows: 0, protect: false, charts: [] });
    const specs = summarySheets([{ file: null, books }], { language: "en", links: true }, [...SUMMARY_SHEETS, extra]);
    expect(specs.map((s) => s.name)).toEqual(["Summary", "Issues", "排名"]);
    expect(specs[0].rows[1].map(shown).slice(0, 6)).toEqual(["No.", "Sheet", "Unit", "Kind", "Base", "Computed"]);
  });
});
