/**
 * An .xlsx file (bytes from a file picker or a fetch) into a MemoryWorkbook, with ExcelJS: the preview only.
 * Merged non-master cells are empty, as in the add-in's reading of Excel and the CLI's reading of files.
 */
import ExcelJS from "exceljs";
import { parseA1Range, type CellGrid, type CellValue } from "../core/grid";
import { MemoryWorkbook } from "./memoryAdapter";

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? null : cellValue(value.result);
  if ("text" in value) return cellValue(value.text as ExcelJS.CellValue);
  return null;
}

function gridOf(worksheet: ExcelJS.Worksheet): CellGrid {
  const values: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cellValue(cell.value);
      if (v === null || v === "") return;
      while (values.length < rowNumber) values.push([]);
      const target = values[rowNumber - 1];
      while (target.length < colNumber) target.push(null);
      target[colNumber - 1] = v;
    });
  });
  const merges = ((worksheet.model as { merges?: string[] }).merges ?? []).map((range) => parseA1Range(range));
  return { sheet: worksheet.name, values, merges };
}

export async function loadXlsx(bytes: ArrayBuffer): Promise<MemoryWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  if (workbook.worksheets.length === 0) throw new Error("工作簿中没有工作表 / the workbook has no worksheets");
  const book = new MemoryWorkbook(workbook.worksheets.map(gridOf));
  // Other units' workbooks for the ranking are read the same way.
  book.openWorkbookFile = loadXlsx;
  return book;
}
