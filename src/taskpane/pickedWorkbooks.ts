/**
 * Workbooks a user picks in the task pane (the ones units send back, for the ranking), read in the browser straight
 * from their bytes (src/excel/xlsxFileAdapter.ts over the .xlsx reader of src/xlsx): no ExcelJS, no script to fetch.
 * The reader is its own chunk, loaded when the first file is picked, never at start-up.
 */
import type { WorkbookAdapter } from "../excel/adapter";

/** Opens a picked .xlsx as a read-only workbook. */
export async function openPickedWorkbook(bytes: ArrayBuffer): Promise<WorkbookAdapter> {
  const { xlsxFileWorkbook } = await import(/* webpackChunkName: "xlsx-reader" */ "../excel/xlsxFileAdapter");
  return xlsxFileWorkbook(new Uint8Array(bytes));
}
