/**
 * An .xlsx file into CellGrids, one per worksheet, the same shape the add-in reads from Excel.
 */
import ExcelJS from "exceljs";
import type { CellGrid, CellValue, MergeArea } from "../core/grid";
import { parseA1Range } from "../core/grid";
import { InputError, readInputFile } from "./inputError";

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Loads a workbook, turning every way a file can be unusable into an InputError. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const bytes = await readInputFile(file, "an .xlsx file");
  if (bytes.length === 0) throw new InputError(`${file}: the file is empty, not an .xlsx workbook`);
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new InputError(`${file}: not an .xlsx workbook (no Excel zip signature)`);
  }
  if (!bytes.includes("xl/")) {
    throw new InputError(`${file}: not an .xlsx workbook (a zip file without a workbook; a renamed .docx?)`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${file}: corrupt or truncated .xlsx workbook (${reason})`);
  }
  if (workbook.worksheets.length === 0) throw new InputError(`${file}: the workbook has no worksheets`);
  return workbook;
}

/** Reads every worksheet of an .xlsx file into a CellGrid. */
export async function readXlsx(file: string): Promise<CellGrid[]> {
  const workbook = await loadWorkbook(file);
  return workbook.worksheets.map(worksheetToGrid);
}

/** A worksheet's values from A1 to its last used row and column, with its merges; merged non-master cells are
 * null. */
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
