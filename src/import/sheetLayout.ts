/**
 * Document items laid out on a worksheet (docs/LAYOUT.md "Laying out a sheet"): titles and tables one sheet row
 * each, the merged cells of a table kept, in linear time.
 */
import type { MergeArea } from "../core/grid";
import { labelRole } from "../core/layout/labels";
import type { WordItem } from "./wordText";

export interface SheetLayout {
  /** Worksheet name: at most 31 characters, none of []:*?/\, unique within its workbook. */
  name: string;
  /** Row-major cell text; "" is an empty cell. */
  values: string[][];
  /** Merged areas, 0-based and inclusive. */
  merges: MergeArea[];
  /** Where each table is: 0-based inclusive rows; its first row is its header row. */
  tables: TablePlacement[];
}

export interface TablePlacement {
  top: number;
  bottom: number;
  width: number;
}

/** The cells of one sheet row: where each cell starts and how many columns it spans. */
interface PlacedCell {
  text: string;
  left: number;
  right: number;
}

/**
 * A short row spans its first cell over the missing columns; in a table whose last column is a points column
 * (分值), a short row has instead lost its trailing cells (the points), so its cells stay in their columns.
 */
function placeRow(row: string[], width: number, endsWithPoints: boolean): PlacedCell[] {
  const firstRight = endsWithPoints ? 0 : width - row.length;
  return row.map((text, index) =>
    index === 0 ? { text, left: 0, right: firstRight } : { text, left: firstRight + index, right: firstRight + index },
  );
}

/** Lays out titles and tables one sheet row each, from row 1, and returns the sheet's cells. */
export function layoutItems(items: WordItem[]): Omit<SheetLayout, "name"> {
  const values: string[][] = [];
  const areas: MergeArea[] = [];
  const tables: TablePlacement[] = [];

  for (const item of items) {
    if (item.kind === "title") {
      values.push([item.text]);
      continue;
    }
    if (item.grid) {
      const top = values.length;
      tables.push({ top, bottom: top + item.grid.values.length - 1, width: item.width });
      for (const row of item.grid.values) values.push(Array.from({ length: item.width }, (_, c) => row[c] ?? ""));
      for (const m of item.grid.merges) areas.push({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right });
      continue;
    }
    tables.push({ top: values.length, bottom: values.length + item.rows.length - 1, width: item.width });
    const header = item.rows[0] ?? [];
    const endsWithPoints = header.length === item.width && labelRole(header[header.length - 1]) === "points";
    /** For each column, the area holding it in the table's previous row (with its text). */
    let above: ({ area: MergeArea; text: string } | undefined)[] = [];
    item.rows.forEach((row, rowIndex) => {
      const top = values.length;
      const rowValues = new Array<string>(item.width).fill("");
      const current: typeof above = new Array(item.width);
      const isFirstRow = rowIndex === 0;
      for (const cell of placeRow(row, item.width, endsWithPoints)) {
        const inLastColumn = cell.right === item.width - 1;
        const holder = above[cell.left];
        if (
          cell.text === "" &&
          !isFirstRow &&
          !inLastColumn &&
          holder !== undefined &&
          holder.text !== "" &&
          holder.area.left === cell.left &&
          holder.area.right === cell.right
        ) {
          holder.area.bottom = top;
          for (let c = cell.left; c <= cell.right; c++) current[c] = holder;
          continue;
        }
        rowValues[cell.left] = cell.text;
        const placed = { area: { top, left: cell.left, bottom: top, right: cell.right }, text: cell.text };
        areas.push(placed.area);
        for (let c = cell.left; c <= cell.right; c++) current[c] = placed;
      }
      values.push(rowValues);
      above = current;
    });
  }
  const merges = areas.filter((a) => a.bottom > a.top || a.right > a.left);
  return { values, merges, tables };
}

