/**
 * The cells a sheet holds into a CellGrid, the shape worksheetGrid.ts gives from ExcelJS: values from A1 to the last
 * cell with a value, cells covered by a merge (not its top-left cell) empty, every merge kept. Linear in the cells
 * and merges that exist, whatever their addresses: a sheet whose grid would pass XLSX_LIMITS.gridArea is refused
 * with the cell that makes it so, and merges reaching far beyond the values (a merge over a whole sheet) are clipped
 * to them. No Node or DOM imports.
 */
import { a1, type CellGrid, type CellValue, type MergeArea } from "../core/grid";
import type { SheetCells } from "./sheetXml";
import { message } from "../locales";
import { XLSX_LIMITS, XlsxLimitError } from "./xlsxLimits";

/** For each cell (by index in `cells`), whether a merge covers it without being its top-left cell. */
function coveredCells(cells: SheetCells, merges: readonly MergeArea[]): Uint8Array {
  const covered = new Uint8Array(cells.rows.length);
  if (merges.length === 0) return covered;
  let inOrder = true;
  for (let i = 1; i < cells.rows.length && inOrder; i++) inOrder = cells.rows[i] >= cells.rows[i - 1];
  // The cells by row: as the file lists them (the usual case), or sorted.
  const order = inOrder ? null : Array.from(cells.rows.keys()).sort((a, b) => cells.rows[a] - cells.rows[b]);
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let next = 0;
  const active: MergeArea[] = [];
  let activeRow = -1;
  for (let k = 0; k < cells.rows.length; k++) {
    const i = order ? order[k] : k;
    const row = cells.rows[i];
    if (row !== activeRow) {
      let kept = 0;
      for (const m of active) if (m.bottom >= row) active[kept++] = m;
      active.length = kept;
      while (next < byTop.length && byTop[next].top <= row) {
        if (byTop[next].bottom >= row) active.push(byTop[next]);
        next++;
      }
      activeRow = row;
    }
    const col = cells.cols[i];
    for (const m of active) {
      if (col >= m.left && col <= m.right && (row !== m.top || col !== m.left)) {
        covered[i] = 1;
        break;
      }
    }
  }
  return covered;
}

/** Merges as the sheet states them, or clipped to the values when the merges alone would make the grid too large. */
function boundedMerges(merges: readonly MergeArea[], rowCount: number, colCount: number): MergeArea[] {
  let bottom = rowCount - 1;
  let right = colCount - 1;
  for (const m of merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if ((bottom + 1) * (right + 1) <= XLSX_LIMITS.gridArea) return [...merges];
  return merges
    .filter((m) => m.top < rowCount && m.left < colCount)
    .map((m) => ({ ...m, bottom: Math.min(m.bottom, rowCount - 1), right: Math.min(m.right, colCount - 1) }));
}

export function sparseGrid(sheet: string, cells: SheetCells): CellGrid {
  const covered = coveredCells(cells, cells.merges);
  let rowCount = 0;
  let colCount = 0;
  let farthest = -1;
  for (let i = 0; i < cells.rows.length; i++) {
    if (covered[i]) continue;
    rowCount = Math.max(rowCount, cells.rows[i] + 1);
    if (cells.cols[i] + 1 > colCount) {
      colCount = cells.cols[i] + 1;
      farthest = i;
    }
  }
  if (rowCount * colCount > XLSX_LIMITS.gridArea) {
    const last = a1(rowCount - 1, colCount - 1);
    const at = farthest >= 0 ? a1(cells.rows[farthest], cells.cols[farthest]) : null;
    const params = { sheet, range: `A1:${last}`, at, cells: rowCount * colCount, limit: XLSX_LIMITS.gridArea };
    throw new XlsxLimitError("gridArea", message("xlsx.grid-area", params));
  }
  const values: CellValue[][] = [];
  // Each row a new array filled here: the engine learns that these arrays live on and makes them where long-lived
  // objects go (a copy of one blank row is made among the short-lived and copied again by each collection).
  for (let r = 0; r < rowCount; r++) {
    const row = new Array<CellValue>(colCount);
    for (let k = 0; k < colCount; k++) row[k] = null;
    values.push(row);
  }
  for (let i = 0; i < cells.rows.length; i++) if (!covered[i]) values[cells.rows[i]][cells.cols[i]] = cells.values[i];
  return { sheet, values, merges: boundedMerges(cells.merges, rowCount, colCount) };
}
