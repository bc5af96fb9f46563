/**
 * An .xlsx file into CellGrids, one per worksheet, the same shape the add-in reads from Excel.
 */
import ExcelJS from "exceljs";
import type { CellGrid } from "../core/grid";
import { worksheetToGrid } from "../xlsx/worksheetGrid";
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
export { cellValue, worksheetToGrid } from "../xlsx/worksheetGrid";
