/**
 * What the ExcelJS path reads from an .xlsx (the reference the fast reader is compared with): every worksheet's grid
 * as worksheetGrid.ts builds it, its visibility, hidden rows and hidden columns.
 */
import ExcelJS from "exceljs";
import type { CellGrid } from "../../src/core/grid";
import { worksheetToGrid } from "../../src/xlsx/worksheetGrid";

export interface SheetReading {
  grid: CellGrid;
  state: string;
  hiddenRows: number[];
  hiddenColumns: number[];
}

export async function excelJsReading(bytes: Uint8Array): Promise<SheetReading[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((worksheet) => {
    const hiddenRows: number[] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n - 1);
    });
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= worksheet.columnCount; c++) if (worksheet.getColumn(c).hidden) hiddenColumns.push(c - 1);
    return { grid: worksheetToGrid(worksheet), state: worksheet.state, hiddenRows, hiddenColumns };
  });
}
