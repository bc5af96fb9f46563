/**
 * An .xlsx file (bytes from a file picker or a fetch) into a MemoryWorkbook, with ExcelJS: the preview only.
 * Merged non-master cells are empty, as in the add-in's reading of Excel and the CLI's reading of files.
 */
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../xlsx/worksheetGrid";
import { MemoryWorkbook } from "./memoryAdapter";

export async function loadXlsx(bytes: ArrayBuffer): Promise<MemoryWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  if (workbook.worksheets.length === 0) throw new Error("工作簿中没有工作表 / the workbook has no worksheets");
  const book = new MemoryWorkbook(workbook.worksheets.map(worksheetToGrid));
  // Other units' workbooks for the ranking are read the same way.
  book.openWorkbookFile = loadXlsx;
  return book;
}
