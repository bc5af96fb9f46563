import type { CellGrid } from "../../src/core/grid";
import { readGrids } from "../../src/excel/officeAdapter";
import { nextBlocks, payloadBytes } from "../../src/excel/readBlocks";
import { mockExcel } from "./officeMock";

describe("reading a big workbook through Excel on the web in blocks", () => {
  test("a sheet whose first rows are short and whose later rows are long: read whole, no answer over 5 MB", async () => {
    const long = "考核内容".repeat(250); // 1,000 characters, 3,000 bytes as UTF-8
    const values = [
      ...Array.from({ length: 60 }, (_, i) => [`类别${i}`, i]),
      ...Array.from({ length: 2500 }, (_, i) => [long, i]),
    ];
    const grid: CellGrid = { sheet: "县直部门", origin: { row: 2, col: 1 }, values, merges: [{ top: 3, left: 1, bottom: 5, right: 1 }] };
    const excel = mockExcel([grid, { sheet: "空表", values: [], merges: [] }]);
    const progress: string[] = [];
    const read = await readGrids(excel.context, (p) => progress.push(`${p.done}/${p.total}`));
    expect(read).toEqual([
      { ...grid, merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] },
      { sheet: "空表", values: [], merges: [] },
    ]);
    expect(excel.refusedSyncs()).toBeGreaterThanOrEqual(2); // the whole read, then a block planned on the short rows
    expect(Math.max(...excel.payloads())).toBeLessThanOrEqual(5 * 2 ** 20);
    expect(progress.at(-1)).toBe("2/2");
  });

  test("blocks fill the budget at each sheet's own weight, a sheet not read yet gives its first rows only", () => {
    const extents = [
      { rows: 1000, columns: 2, bytesRead: 100 * 2 * 50, cellsRead: 100 * 2 },
      { rows: 500, columns: 4, bytesRead: 0, cellsRead: 0 },
    ];
    expect(nextBlocks(extents, [100, 0], 1_000_000)).toEqual([
      { sheet: 0, from: 100, to: 1000 },
      { sheet: 1, from: 0, to: 50 },
    ]);
    // Too heavy for the budget: still one row, so that the read advances.
    expect(nextBlocks(extents, [100, 0], 10)).toEqual([{ sheet: 0, from: 100, to: 101 }]);
    expect(nextBlocks(extents, [1000, 500], 1_000_000)).toEqual([]);
  });

  test("payload weight is the values as UTF-8 JSON", () => {
    const values = [["分值", 10, true, null, 'a"b']];
    expect(payloadBytes(values)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(values)));
    expect(payloadBytes(values)).toBeLessThan(Buffer.byteLength(JSON.stringify(values)) + 8);
  });
});
