/**
 * An ExcelJS worksheet as a CellGrid, the same shape the add-in reads from Excel: merged non-master cells empty,
 * formulas as their cached results, error values as their text, dates as ISO dates. Shared by the command line
 * (files on disk) and the preview page (files picked in the browser); no Node or DOM imports.
 */
import type ExcelJS from "exceljs";
import { parseA1Range, type CellGrid, type CellValue, type MergeArea } from "../core/grid";

export function worksheetToGrid(worksheet: ExcelJS.Worksheet): CellGrid {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let rowCount = 0;
  let colCount = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = cellValue(cell.value);
      if (value === null || value === "") return;
      cells.push({ row: rowNumber - 1, col: colNumber - 1, value });
      rowCount = Math.max(rowCount, rowNumber);
      colCount = Math.max(colCount, colNumber);
    });
  });
  const values: CellValue[][] = Array.from({ length: rowCount }, () => new Array<CellValue>(colCount).fill(null));
  for (const { row, col, value } of cells) values[row][col] = value;
  return { sheet: worksheet.name, values, merges: worksheetMerges(worksheet) };
}

function worksheetMerges(worksheet: ExcelJS.Worksheet): MergeArea[] {
  const merges = (worksheet.model as { merges?: string[] }).merges ?? [];
  return merges.map((range) => parseA1Range(range));
}

/** An ExcelJS cell value as the engine sees it. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDate(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? null : cellValue(value.result);
  }
  if ("text" in value) return cellValue(value.text as ExcelJS.CellValue);
  return null;
}

/** ExcelJS reads dates as UTC instants of the sheet's local date. */
function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}
