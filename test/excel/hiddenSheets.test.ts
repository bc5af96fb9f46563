import { readGrids } from "../../src/excel/officeAdapter";
import { mockExcel } from "./officeMock";

test("Excel's hidden and very hidden sheets are read, marked, in the same two syncs", async () => {
  const book = [["类别", "考核内容", "分值"], ["党建", "落实主体责任", 100]];
  const excel = mockExcel([
    { sheet: "县财政局", values: book, merges: [] },
    { sheet: "县民政局", values: book, merges: [], hidden: "hidden" },
    { sheet: "县审计局", values: book, merges: [], hidden: "veryHidden" },
  ]);
  const grids = await readGrids(excel.context);
  expect(excel.syncs()).toBe(2);
  expect(grids.map((g) => [g.sheet, g.hidden, g.values.length])).toEqual([["县财政局", undefined, 2], ["县民政局", "hidden", 2], ["县审计局", "veryHidden", 2]]);
});
