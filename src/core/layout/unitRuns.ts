/**
 * A table that scores several units, each on its own block of rows, with a column naming the assessed unit
 * (部门 | 考核指标 | 分值: 县委办's rows, then 县政府办's rows on the same points): one book per unit, so that
 * each unit's points add up to its own total rather than to the sum of every unit's.
 */
import type { GridView } from "../grid";
import { cellAt, flat, rowCells } from "./rows";
import type { TableBlock } from "./sheet";

export interface UnitRun {
  unit: string;
  /** The cell naming the unit. */
  cell: string;
  rows: number[];
}

/** Rows a unit's block has on average, at least: a column that changes on nearly every row lists something else. */
const MIN_ROWS_PER_UNIT = 2;

/** The table's rows by the unit its unit column names; null when it has no such column or names fewer than two
 * units, or when a name comes back after another (a column of measures, 万元 / % / 个, not of units). */
export function unitRuns(view: GridView, block: TableBlock): UnitRun[] | null {
  const col = block.header.find((h) => h.role === "unit")?.cell.col;
  if (col === undefined) return null;
  const runs: UnitRun[] = [];
  const leading: number[] = [];
  for (const row of block.dataRows) {
    const cell = cellAt(rowCells(view, row), col);
    const name = cell && cell.col === col && cell.startsHere ? flat(cell.text) : "";
    if (name !== "" && name !== runs[runs.length - 1]?.unit) runs.push({ unit: name, cell: view.address(row, col), rows: [] });
    (runs.length ? runs[runs.length - 1].rows : leading).push(row);
  }
  const names = new Set(runs.map((r) => r.unit));
  if (runs.length < 2 || names.size !== runs.length || block.dataRows.length < runs.length * MIN_ROWS_PER_UNIT) return null;
  runs[0].rows.unshift(...leading);
  return runs;
}
