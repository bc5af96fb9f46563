/**
 * The corpus books laid out the ways real sheets of the same books differ, read to the same hand-worked
 * arithmetic: pasted one column to the right or under a document title, a note below, the points typed as numbers,
 * full-width digits, spaced and broken header labels, text ending in a line break, the header repeated and a page
 * number or a blank row in the middle (a printed or PDF copy), merges undone and their value filled in, and the
 * points written in other brackets, the total row written 共计, blank columns between (a Word table pasted with
 * split cells), under the label on their left or not; and each header label in turn replaced by one the vocabulary does not know
 * (栏目), whose column's role is then read from what it holds and where it stands. The reader has to understand
 * the table, not the words it was first seen with.
 */
import { join } from "path";
import type { CellGrid, CellValue, MergeArea } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { readXlsx } from "../../src/cli/xlsxRead";
import { CASES, CORPUS, categoriesFound, categoriesStated, expectedOf, LAYOUTS, mismatchesMissed, sumErrorsUnexpected } from "./corpusExpected";

type Variant = (grid: CellGrid) => CellGrid;

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const NAMED_POINTS = /[（(](\d+(?:\.\d+)?)分[）)]/g;

function cells(grid: CellGrid, change: (value: CellValue, row: number) => CellValue): CellGrid {
  return { ...grid, values: grid.values.map((values, row) => values.map((value) => change(value, row))) };
}

function moved(merge: MergeArea, rows: number, cols: number): MergeArea {
  return { top: merge.top + rows, bottom: merge.bottom + rows, left: merge.left + cols, right: merge.right + cols };
}

/** The header: the first row of three or more cells. */
function headerRow(grid: CellGrid): number {
  return Math.max(0, grid.values.findIndex((row) => row.filter((v) => v !== null && v !== "").length >= 3));
}

/** A row put into the middle of the table's body; a merge across that place is cut in two, as a page break cuts it. */
function insertMidBody(grid: CellGrid, row: (grid: CellGrid) => CellValue[]): CellGrid {
  const at = Math.floor((headerRow(grid) + grid.values.length) / 2);
  const merges = grid.merges.flatMap((m) => {
    if (m.bottom < at) return [m];
    if (m.top >= at) return [moved(m, 1, 0)];
    return [{ ...m, bottom: at - 1 }, { ...m, top: at + 1, bottom: m.bottom + 1 }].filter((part) => part.bottom > part.top || part.right > part.left);
  });
  return { ...grid, values: [...grid.values.slice(0, at), row(grid), ...grid.values.slice(at)], merges };
}

/** Merged cells undone and each filled with the merge's value, for merges within one first-column group. */
function unmergeAndFill(grid: CellGrid): CellGrid {
  const values = grid.values.map((row) => [...row]);
  const startsGroup = (row: number) => values[row]?.[0] !== null && values[row]?.[0] !== "";
  const kept: MergeArea[] = [];
  for (const m of grid.merges) {
    const crossesGroup = m.left > 0 && Array.from({ length: m.bottom - m.top }, (_, i) => m.top + 1 + i).some(startsGroup);
    if (m.bottom === m.top || crossesGroup) {
      kept.push(m);
      continue;
    }
    const value = values[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) values[r][c] = value;
  }
  return { ...grid, values, merges: kept };
}

/** A blank column put in at a column (a Word table pasted with split cells), the header label on its left merged
 * over it or not. */
function blankColumn(grid: CellGrid, at: number, labelOver: boolean): CellGrid {
  const values = grid.values.map((row) => {
    const cells = [...row];
    while (cells.length < at) cells.push(null);
    cells.splice(at, 0, null);
    return cells;
  });
  const merges = grid.merges.map((m) => ({ ...m, left: m.left >= at ? m.left + 1 : m.left, right: m.right >= at ? m.right + 1 : m.right }));
  const h = headerRow(grid);
  const covered = merges.some((m) => m.top <= h && h <= m.bottom && m.left <= at && at <= m.right);
  if (labelOver && !covered) merges.push({ top: h, bottom: h, left: at - 1, right: at });
  return { ...grid, values, merges };
}

const VARIANTS: Record<string, Variant> = {
  "pasted at B1": (g) => ({ ...g, values: g.values.map((row) => [null, ...row]), merges: g.merges.map((m) => moved(m, 0, 1)) }),
  "under a document title": (g) => ({ ...g, values: [["附件3"], ["某某县2025年度部门目标责任制考核细则"], [null], ...g.values], merges: g.merges.map((m) => moved(m, 3, 0)) }),
  "a note below": (g) => ({ ...g, values: [...g.values, [null], ["注：1.本细则由县考核办负责解释；2.加分项目另行计算。"]] }),
  "points typed as numbers": (g) => cells(g, (v) => (typeof v === "string" && NUMBER_TEXT.test(v) ? Number(v) : v)),
  "full-width digits": (g) => cells(g, (v) => (typeof v === "string" && NUMBER_TEXT.test(v) ? v.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : v)),
  "spaced labels": (g) => cells(g, (v, r) => (r <= headerRow(g) && typeof v === "string" && /^[\u4e00-\u9fa5]{2,4}$/.test(v) ? v.split("").join(" ") : v)),
  "header labels broken over lines": (g) => cells(g, (v, r) => (r === headerRow(g) && typeof v === "string" && v.length >= 4 ? `${v.slice(0, 2)}\n${v.slice(2)}` : v)),
  "text ending in a line break": (g) => cells(g, (v) => (typeof v === "string" ? ` ${v}\n` : v)),
  "header repeated mid-table": (g) => insertMidBody(g, (grid) => [...grid.values[headerRow(grid)]]),
  "page number mid-table": (g) => insertMidBody(g, () => ["— 3 —"]),
  "page count mid-table": (g) => insertMidBody(g, () => [null, "第 2 页  共 5 页"]),
  "blank row mid-table": (g) => insertMidBody(g, () => [null]),
  "merges filled in": unmergeAndFill,
  "points in 【】": (g) => cells(g, (v) => (typeof v === "string" ? v.replace(NAMED_POINTS, "【$1分】") : v)),
  "points in [ ]": (g) => cells(g, (v) => (typeof v === "string" ? v.replace(NAMED_POINTS, "[$1 分]") : v)),
  "a blank column after every column": (g) => {
    let grid = g;
    for (let col = Math.max(...g.values.map((row) => row.length)); col >= 1; col--) grid = blankColumn(grid, col, false);
    return grid;
  },
  "a blank column after column A, its label merged over it": (g) => blankColumn(g, 1, true),
  "a blank column after column B, its label merged over it": (g) => blankColumn(g, 2, true),
  "a blank column after column C, its label merged over it": (g) => blankColumn(g, 3, true),
  "合计 written 共计": (g) => cells(g, (v) => (typeof v === "string" && /^合\s*计$/.test(v) ? "共计" : v)),
};

/** Labels whose column cannot be told by what it holds. */
const NEEDED: Record<string, string[]> = {
  // A table dumped from program code, its levels named by 层级 alone and half its header field names already
  // (examineType, autoExamine …): its 序号 restarts in every level, its 分值 repeats the parent's points on each
  // rule row, its 考核内容 stands beside 注释标题, a copy of it on some rows. It needs the labels it has.
  "03_zhejiang_zongzhi_kaohe": ["*"],
  // Weights (50, 25, 25) look like points: only the label says the children are scored on 100.
  "26_quarantine_dog_fund_perf_eval": ["权重"],
  // A category's subtotal beside the items' points looks like more points.
  "43_county_disclosure_matrix_subtotal_column": ["合计得分"],
};

const originals = new Map<string, CellGrid[]>();
beforeAll(async () => {
  for (const name of CASES) for (const layout of LAYOUTS) originals.set(`${name}.${layout}`, await readXlsx(join(CORPUS, `${name}.${layout}.xlsx`)));
});

describe.each(Object.keys(VARIANTS))("%s", (variant) => {
  test("changes books of the corpus", () => {
    const changed = [...originals.values()].filter((grids) => JSON.stringify(grids.map(VARIANTS[variant])) !== JSON.stringify(grids));
    expect(changed.length).toBeGreaterThanOrEqual(4);
  });

  test.each(CASES)("%s reads to the same arithmetic", (name) => {
    const expected = expectedOf(name);
    for (const layout of LAYOUTS) {
      const { books } = readBooks(originals.get(`${name}.${layout}`)!.map(VARIANTS[variant]));
      const findings = checkBooks(books);
      expect({ layout, categories: categoriesFound(books, expected) }).toEqual({ layout, categories: categoriesStated(expected) });
      expect({ layout, missed: mismatchesMissed(findings, expected) }).toEqual({ layout, missed: [] });
      expect({ layout, unexpected: sumErrorsUnexpected(findings, expected) }).toEqual({ layout, unexpected: [] });
    }
  });
});

/** Each header label of the table, in turn, unknown: every cell of its column that repeats it is renamed. */
function unknownLabels(grids: CellGrid[]): { label: string; grids: CellGrid[] }[] {
  const [grid, ...rest] = grids;
  const header = grid.values[headerRow(grid)];
  return header.flatMap((label, col) => {
    if (typeof label !== "string" || label.trim() === "") return [];
    const values = grid.values.map((row) => row.map((v, c) => (c === col && v === label ? "栏目" : v)));
    return [{ label: label.replace(/\s/g, ""), grids: [{ ...grid, values }, ...rest] }];
  });
}

describe("a header label the vocabulary does not know", () => {
  test.each(CASES.filter((name) => !NEEDED[name]?.includes("*")))("%s reads to the same arithmetic with any one label unknown", (name) => {
    const expected = expectedOf(name);
    let tried = 0;
    for (const layout of LAYOUTS) {
      for (const { label, grids } of unknownLabels(originals.get(`${name}.${layout}`)!)) {
        if (NEEDED[name]?.includes(label)) continue;
        tried++;
        const { books } = readBooks(grids);
        const findings = checkBooks(books);
        expect({ layout, label, categories: categoriesFound(books, expected) }).toEqual({ layout, label, categories: categoriesStated(expected) });
        expect({ layout, label, missed: mismatchesMissed(findings, expected) }).toEqual({ layout, label, missed: [] });
        expect({ layout, label, unexpected: sumErrorsUnexpected(findings, expected) }).toEqual({ layout, label, unexpected: [] });
      }
    }
    expect(tried).toBeGreaterThanOrEqual(4);
  });
});
