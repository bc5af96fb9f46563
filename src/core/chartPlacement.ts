/**
 * Where a generated sheet's charts float: right of its columns (one blank column between), one under another from
 * the second row, each as large as its points need - a bar chart one row per bar, a column chart wider with more
 * columns - so that every label can be read. The .xlsx writer and the add-in place charts by these cells.
 */
import { parseA1Range, type MergeArea } from "./grid";
import type { ChartSpec } from "./sheetSpec";

/** Columns and rows of a chart of `points` categories. */
function chartSize(chart: ChartSpec, points: number): { rows: number; cols: number } {
  if (chart.kind === "bar") return { rows: Math.max(16, Math.ceil(points * 1.1) + 6), cols: 10 };
  if (chart.kind === "column") return { rows: 20, cols: Math.max(10, Math.ceil(points * 0.6) + 3) };
  return { rows: 20, cols: 10 };
}

/** The number of categories of a chart (cells of its categories range). */
export function chartPoints(chart: ChartSpec): number {
  const area = parseA1Range(chart.categories);
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

/** The cells each chart covers (0-based, inclusive), in the order of `charts`, for a sheet of `columns` columns. */
export function chartPlaces(columns: number, charts: readonly ChartSpec[]): MergeArea[] {
  const left = columns + 1;
  let top = 1;
  return charts.map((chart) => {
    const { rows, cols } = chartSize(chart, chartPoints(chart));
    const place = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
    top += rows + 1;
    return place;
  });
}
