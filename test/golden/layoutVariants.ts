/**
 * The ways real sheets of one book differ, as changes to a read grid: pasted one column to the right or under a
 * document title, a note below, the points typed as numbers, full-width digits, spaced and broken header labels,
 * text ending in a line break, the header repeated and a page number or a blank row in the middle (a printed or
 * PDF copy), merges undone and their value filled in, the points written in other brackets, the total row written
 * 共计, blank columns between (a Word table pasted with split cells), under the label on their left or not.
 */
import type { CellGrid, CellValue, MergeArea } from "../../src/core/grid";

export type Variant = (grid: CellGrid) => CellGrid;

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const NAMED_POINTS = /[（(](\d+(?:\.\d+)?)分[）)]/g;

function cells(grid: CellGrid, change: (value: CellValue, row: number) => CellValue): CellGrid {
  return { ...grid, values: grid.values.map((values, row) => values.map((value) => change(value, row))) };
}

function moved(merge: MergeArea, rows: number, cols: number): MergeArea {
  return { top: merge.top + rows, bottom: merge.bottom + rows, left: merge.left + cols, right: merge.right + cols };
}

/** The header: the first row of three or more cells. */
export function headerRow(grid: CellGrid): number {
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

export const VARIANTS: Record<string, Variant> = {
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
