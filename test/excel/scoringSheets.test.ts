import path from "node:path";
import { a1, type CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { readScoringInputs, scoringColumns, scoringSheets } from "../../src/core/scoringSheet";
import { sheetFromSpec } from "../../src/excel/memoryAdapter";
import { addSpecSheets, officeWorkbook, readScoringSheets } from "../../src/excel/officeAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { mockExcel } from "./officeMock";

let source: CellGrid[];
let scoring: CellGrid;
let cols: ReturnType<typeof scoringColumns>;
/** Two rows of the scoring sheet whose 扣分 is an input (0-based). */
let row: number;
let row2: number;
beforeAll(async () => {
  source = await readXlsx(path.join(__dirname, "../../seeds/000_8b393e4c879ff91f.xlsx"));
  const [spec] = scoringSheets(readBooks(source).books, { portable: false });
  const sheet = sheetFromSpec(spec.name, spec);
  cols = scoringColumns(0);
  row = spec.rows.findIndex((r) => r[cols.deduction]?.style === "input");
  row2 = spec.rows.findIndex((r, i) => i > row && r[cols.deduction]?.style === "input");
  const values = sheet.values.map((r) => [...r]);
  values[row][cols.deduction] = 1.5;
  values[row][cols.note] = "已复核";
  scoring = { sheet: spec.name, values, merges: [] };
});

const formulaCell = () => `${scoring.sheet}!${a1(row2, cols.deduction)}`;

describe("scoring sheets through Office.js", () => {
  test("the key column of a new sheet is hidden", async () => {
    const excel = mockExcel([]);
    const [spec] = scoringSheets(readBooks(source).books, { portable: false });
    await addSpecSheets(excel.context, [spec]);
    const hidden = excel.added[0].ranges.filter((r) => (r as unknown as { columnHidden?: boolean }).columnHidden);
    const key = a1(0, cols.key).replace(/\d+/, "");
    expect(hidden.map((r) => r.address)).toEqual([`${key}:${key}`]);
  });

  test("reads the entered values and typed formulas of the scoring sheets only, in three syncs", async () => {
    const excel = mockExcel([...source, scoring], { [formulaCell()]: "=0.5+0.5" });
    const sheets = await readScoringSheets(excel.context);
    expect(excel.syncs()).toBe(3);
    expect(sheets.map((s) => s.name)).toEqual([scoring.sheet]);
    // Only the scoring sheet's used range is loaded (with its formulas), not the source sheets'.
    expect(excel.loads.filter((l) => l.on.endsWith("used range")).map((l) => l.on)).toEqual([`${scoring.sheet} used range`]);
    const { inputs } = readScoringInputs(sheets[0])!;
    const values = [...inputs.rows.values()];
    expect(values.map((v) => v.deduction)).toEqual([1.5, "=0.5+0.5"]);
    expect(values[0].note).toBe("已复核");
  });

  test("regenerating deletes only the scoring sheet it generated and puts the entered values back", async () => {
    const excel = mockExcel([...source, scoring], { [formulaCell()]: "=0.5+0.5" });
    const adapter = officeWorkbook((batch) => batch(excel.context));
    const done = await addScoringSheets(adapter, { portable: false }, readBooks(source).books);
    expect(done.replaced).toBe(1);
    expect(excel.existingCalls.filter((c) => c.method === "delete").map((c) => c.sheet)).toEqual([scoring.sheet]);
    // Nothing but reads touched the source sheets.
    expect(excel.existingCalls.filter((c) => c.sheet !== scoring.sheet && c.method !== "getRange")).toEqual([]);
    expect(excel.added.map((s) => s.name)).toEqual([scoring.sheet]);
    const body = excel.added[0].ranges.find((r) => r.values)!;
    expect(body.values![row][cols.deduction]).toBe(1.5);
    expect(body.values![row][cols.note]).toBe("已复核");
    // A formula typed into an input cell stays a formula.
    expect(excel.added[0].ranges.find((r) => r.address === a1(row2, cols.deduction) && r.formulas)?.formulas).toEqual([["=0.5+0.5"]]);
  });

  test("a sheet that cannot be made leaves the old scoring sheet and its entries where they were: nothing is deleted or added", async () => {
    const excel = mockExcel([...source, scoring]);
    const [spec] = scoringSheets(readBooks(source).books, { portable: false });
    const broken = { name: "评分-另一个", make: () => { throw new Error("无法生成"); } };
    await expect(addSpecSheets(excel.context, [spec, broken], [scoring.sheet])).rejects.toThrow("无法生成");
    expect(excel.existingCalls.filter((c) => c.method === "delete")).toEqual([]);
    expect(excel.added).toEqual([]);
  });

  test("a sheet that is not a generated scoring sheet is never replaced: nothing is written", async () => {
    const excel = mockExcel([...source, scoring]);
    const [spec] = scoringSheets(readBooks(source).books, { portable: false });
    await expect(addSpecSheets(excel.context, [spec], [source[0].sheet])).rejects.toThrow(/不是 Kaohe 生成的评分表/);
    expect(excel.added).toEqual([]);
    expect(excel.existingCalls.filter((c) => c.method === "delete")).toEqual([]);
  });
});
