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

  test("merged areas too many for one answer are read sheet by sheet, values in blocks under a smaller limit", async () => {
    const sheet = (name: string): CellGrid => ({
      sheet: name,
      values: Array.from({ length: 6000 }, (_, r) => [`指标${r}`, r]),
      merges: Array.from({ length: 3000 }, (_, i) => ({ top: 2 * i, left: 0, bottom: 2 * i + 1, right: 0 })),
    });
    const grids = [sheet("县直部门"), sheet("镇（办、中心）")];
    const limit = 160_000; // each sheet's merged areas fit, both together do not
    const excel = mockExcel(grids, {}, limit);
    const read = await readGrids(excel.context);
    expect(read.map((g) => [g.sheet, g.values.length, g.merges.length])).toEqual([["县直部门", 6000, 3000], ["镇（办、中心）", 6000, 3000]]);
    expect(read.map((g) => ({ sheet: g.sheet, values: g.values, merges: g.merges }))).toEqual(grids);
    expect(Math.max(...excel.payloads())).toBeLessThanOrEqual(limit);
    // Refused: the whole read, then all the merged areas at once; each sheet's merged areas then came on their own.
    expect(excel.loads.filter((l) => l.on.endsWith("merged areas")).length).toBe(6);
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
