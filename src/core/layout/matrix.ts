/**
 * A units x dimensions matrix (部门 × 组织保障（20分）/ 经费保障（20分）/ 重点工作（60分）): every unit row is a book,
 * every dimension a category with the points of its header, the cell text split at 1. 2. 3. into indicators.
 */
import { newIndicator, type Category, type Indicator } from "../book";
import type { GridView } from "../grid";
import { inlinePoints, parseNamedPoints, signedPoints } from "../points";
import { splitNumberedItems } from "./numbering";
import { rowCells, type RowCell, flat } from "./rows";
import { textSegments } from "./segments";

export interface MatrixColumns {
  unit: number;
  number: number | null;
  dimensions: { col: number; name: string; points: ReturnType<typeof parseNamedPoints>; cell: string }[];
}

export interface MatrixRow {
  unit: string;
  cell: string;
  categories: Category[];
}

/** An item's text without its closing points, and those points (the last "（N分）" in it). */
function itemIndicator(view: GridView, row: number, col: number, text: string, number: string | null): Indicator {
  const mentions = inlinePoints(text);
  const last = mentions.length ? mentions[mentions.length - 1] : null;
  const nameText = last ? text.slice(0, last.index) + text.slice(last.index + last.length) : text;
  const address = view.address(row, col);
  const indicator = newIndicator({
    name: flat(nameText).replace(/[。；;，,.]+$/, ""), target: text.trim(), sheet: view.sheet, cell: address, targetCell: address,
    segments: textSegments(last ? nameText : text),
  });
  indicator.number = number;
  if (last) {
    indicator.points = last.points;
    indicator.pointsSource = "text";
    indicator.pointsCell = address;
  }
  return indicator;
}

function dimensionIndicators(view: GridView, row: number, cell: RowCell): Indicator[] {
  const master = view.masterOf(row, cell.col);
  const text = cell.text;
  if (!text) return [];
  const items = splitNumberedItems(text);
  if (items.length === 0) return [itemIndicator(view, master.row, master.col, text, null)];
  return items.map((item) => itemIndicator(view, master.row, master.col, item.text, item.number));
}

/** Reads the unit rows of a matrix into one category list per unit. */
export function readMatrix(view: GridView, columns: MatrixColumns, rows: number[]): MatrixRow[] {
  const result: MatrixRow[] = [];
  for (const row of rows) {
    const cells = rowCells(view, row);
    const unitCell = cells.find((c) => c.col <= columns.unit && columns.unit <= c.lastCol);
    const unit = flat(unitCell?.text ?? "");
    if (!unit) continue;
    const categories = columns.dimensions.map((dimension): Category => {
      const cell = cells.find((c) => c.col <= dimension.col && dimension.col <= c.lastCol);
      return {
        name: dimension.name,
        kind: "normal",
        points: dimension.points ? signedPoints(dimension.points) : null,
        cap: null,
        leaf: false,
        level: 1,
        bonus: null,
        weight: null,
        sheet: view.sheet,
        cell: dimension.cell,
        indicators: cell ? dimensionIndicators(view, row, cell) : [],
        categories: [],
      };
    });
    result.push({ unit, cell: view.address(row, columns.unit), categories });
  }
  return result;
}
