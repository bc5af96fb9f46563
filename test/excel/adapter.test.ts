import path from "node:path";
import { a1Range, type CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { formula, link, value, type SheetSpec } from "../../src/core/sheetSpec";
import { parseAreas } from "../../src/excel/addresses";
import { addSpecSheets, officeWorkbook, readGrids, selectCell } from "../../src/excel/officeAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { mockExcel } from "./officeMock";

const seed001 = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");

describe("reading every sheet through Office.js", () => {
  test("values from the used range (not from A1), merges in grid coordinates, empty sheets: two syncs in all", async () => {
    const excel = mockExcel([
      { sheet: "县直部门", origin: { row: 1, col: 1 }, values: [["类别", "考核内容", "分值"], ["党建", "=不是公式", 5], [null, "第二行", true]], merges: [{ top: 2, left: 1, bottom: 3, right: 1 }] },
      { sheet: "空表", values: [], merges: [] },
    ]);
    const progress: string[] = [];
    const grids = await readGrids(excel.context, (p) => progress.push(`${p.done}/${p.total}`));
    expect(excel.syncs()).toBe(2);
    expect(grids).toEqual([
      { sheet: "县直部门", origin: { row: 1, col: 1 }, values: [["类别", "考核内容", "分值"], ["党建", "=不是公式", 5], [null, "第二行", true]], merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
      { sheet: "空表", values: [], merges: [] },
    ]);
    expect(progress).toEqual(["0/0", "0/2", "2/2"]);
    // Explicit load lists: only what the grid needs.
    expect(excel.loads.map((l) => `${l.on}: ${String(l.what)}`)).toEqual([
      "worksheets: items/name,items/visibility",
      "县直部门 used range: values,rowIndex,columnIndex",
      "县直部门 merged areas: address",
      "空表 used range: values,rowIndex,columnIndex",
      "空表 merged areas: address",
    ]);
    expect(excel.existingCalls.filter((c) => c.method === "getUsedRangeOrNullObject").map((c) => c.args)).toEqual([[true], [true]]);
  });

  test("seed 001's eight sheets read in two syncs, and the known inconsistencies are found in what was read", async () => {
    const grids = await readXlsx(seed001);
    const excel = mockExcel(grids);
    const read = await readGrids(excel.context);
    expect(excel.syncs()).toBe(2);
    expect(read.map((g) => g.sheet)).toEqual(grids.map((g) => g.sheet));
    const findings = checkBooks(readBooks(read).books);
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: "category-sum", sheet: "市考核县指标任务分解", cell: "A36", category: "生态文明" }),
      expect.objectContaining({ rule: "unit-total", unit: "店镇", cell: "A47" }),
    ]));
    expect(findings.length).toBe(checkBooks(readBooks(grids).books).length);
  });

  test("multi-area addresses with quoted sheet names", () => {
    expect(parseAreas("'镇（办、中心）'!A2:A4, '镇（办、中心）'!B7:C7,Sheet1!$D$1").map((m) => a1Range(m))).toEqual(["A2:A4", "B7:C7", "D1:D1"]);
    expect(parseAreas("'it''s, odd'!A1:B2")).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });
});

describe("selecting a finding's cell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const excel = mockExcel([{ sheet: "市考核县指标任务分解", values: [["a"]], merges: [] }]);
    await selectCell(excel.context, "市考核县指标任务分解", "A36");
    expect(excel.syncs()).toBe(1);
    expect(excel.existingCalls.map((c) => `${c.method} ${c.args.join(",")}`)).toEqual(["activate ", "getRange A36", "select A36"]);
  });
});

describe("adding summary sheets", () => {
  const spec: SheetSpec = {
    name: "汇总",
    rows: [
      [value("汇总", "title")],
      [value("考核单位", "header"), value("分值", "header"), value("位置", "header")],
      [value("=SUM(A1:A3)"), value(20), link("市考核县指标任务分解!A36", "市考核县指标任务分解", "A36")],
      [value("-0.5 扣分"), formula("SUM(B3:B3)", 20, "total"), value(null)],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    widths: [20, 8, 24],
    frozenRows: 2,
    protect: false,
    charts: [{ kind: "bar", title: "各单位", categories: "A3:A3", values: "B3:B3" }],
  };

  test("a taken name gets a free one; one sync for the names and one per sheet; existing sheets untouched", async () => {
    const excel = mockExcel([{ sheet: "汇总", values: [["旧"]], merges: [] }, { sheet: "汇总 (2)", values: [], merges: [] }]);
    const names = await addSpecSheets(excel.context, [spec, { ...spec, name: "问题清单", charts: [] }]);
    expect(names).toEqual(["汇总 (3)", "问题清单"]);
    expect(excel.syncs()).toBe(3);
    expect(excel.existingCalls).toEqual([]);
    expect(excel.added.map((s) => s.name)).toEqual(names);
    expect(excel.added[0].activated).toBe(1);
  });

  test("book text is written as text values, formulas only where the spec has them, links, merges, frozen header, charts", async () => {
    const excel = mockExcel([]);
    await addSpecSheets(excel.context, [spec]);
    const sheet = excel.added[0];
    const body = sheet.ranges.find((r) => r.values)!;
    expect(body.address).toBe("A1:C4");
    expect(body.values).toEqual([
      ["汇总", "", ""],
      ["考核单位", "分值", "位置"],
      ["=SUM(A1:A3)", 20, "市考核县指标任务分解!A36"],
      ["-0.5 扣分", "", ""],
    ]);
    // Text cells are formatted as text before the values arrive, so "=SUM(A1:A3)" stays text.
    expect(body.numberFormat![2][0]).toBe("@");
    expect(body.numberFormat![3][0]).toBe("@");
    expect(body.numberFormat![2][1]).toBe("General");
    const formulas = sheet.ranges.filter((r) => r.formulas);
    expect(formulas.map((r) => [r.address, r.formulas])).toEqual([["B4", [["=SUM(B3:B3)"]]]]);
    const linked = sheet.ranges.find((r) => r.hyperlink)!;
    expect(linked.address).toBe("C3");
    expect(linked.hyperlink).toEqual({ documentReference: "'市考核县指标任务分解'!A36", textToDisplay: "市考核县指标任务分解!A36" });
    expect(sheet.ranges.filter((r) => r.merged).map((r) => r.address)).toEqual(["A1:C1"]);
    expect(sheet.ranges.find((r) => r.address === "A2:C2")!.format.font.bold).toBe(true);
    expect(sheet.ranges.find((r) => r.address === "A:A")!.format.columnWidth).toBeGreaterThan(sheet.ranges.find((r) => r.address === "B:B")!.format.columnWidth as number);
    expect(sheet.frozenRows).toBe(2);
    expect([...sheet.charts]).toEqual([expect.objectContaining({ type: "BarClustered", source: "B3:B3", xAxis: "A3:A3", title: { text: "各单位" } })]);
    expect(sheet.protected).toBeUndefined();
  });

  test("charts as the .xlsx writer draws them: stacked series with names and fills, point fills, bars from the top, placed right of the table", async () => {
    const excel = mockExcel([]);
    await addSpecSheets(excel.context, [{
      ...spec,
      charts: [
        { kind: "bar", title: "问题数", categories: "A3:A4", values: "B3:B4", name: "错误", color: "C00000", stacked: true, moreSeries: [{ name: "警告", values: "C3:C4", color: "ED7D31" }] },
        { kind: "pie", title: "分值", categories: "A3:A4", values: "B3:B4", pointColors: ["70AD47", "4472C4"] },
      ],
    }]);
    const [stacked, pie] = excel.added[0].charts;
    expect(stacked).toMatchObject({ type: "BarStacked", source: "B3:B4", title: { text: "问题数" }, legend: { visible: true }, axes: { categoryAxis: { reversePlotOrder: true } }, dataLabels: { showValue: true } });
    expect(stacked.series).toEqual([
      expect.objectContaining({ name: "错误", values: "B3:B4", xAxis: "A3:A4", fill: "#C00000" }),
      expect.objectContaining({ name: "警告", values: "C3:C4", xAxis: "A3:A4", fill: "#ED7D31" }),
    ]);
    // Right of the 3 columns, one blank between; the second chart under the first.
    expect(stacked.position![0]).toBe("E2");
    expect(Number(pie.position![0].slice(1))).toBeGreaterThan(Number(stacked.position![1].slice(1)));
    expect(pie).toMatchObject({ type: "Pie", legend: { visible: true }, dataLabels: { showPercentage: true } });
    expect(pie.series[0].pointFills).toEqual({ 0: "#70AD47", 1: "#4472C4" });
  });
});

describe("the adapter object the task pane uses", () => {
  test("each operation runs in its own batch; change events reach the listener until it unsubscribes", async () => {
    const grids: CellGrid[] = [{ sheet: "Sheet1", values: [["x"]], merges: [] }];
    const excel = mockExcel(grids);
    let runs = 0;
    const adapter = officeWorkbook(async (batch) => {
      runs++;
      return batch(excel.context);
    });
    expect((await adapter.readSheets()).map((g) => g.sheet)).toEqual(["Sheet1"]);
    let changes = 0;
    const stop = await adapter.onChange(() => changes++);
    expect(excel.handlers.map((h) => h.event)).toEqual(["onChanged", "onAdded", "onDeleted"]);
    await excel.handlers[0].handler();
    expect(changes).toBe(1);
    await stop();
    expect(excel.handlers).toEqual([]);
    expect(runs).toBe(2);
  });
});
