/**
 * An .xlsx file (bytes from a file picker or a fetch) into a MemoryWorkbook, with ExcelJS: the preview only.
 * Merged non-master cells are empty, as in the add-in's reading of Excel and the CLI's reading of files. Formulas
 * are kept beside their cached values, hidden columns stay hidden, scoring sheets keep their column widths, and the
 * unlocked cells of a protected sheet (the input cells of a scoring sheet the command line wrote) are marked as input
 * cells, so that the preview's grid takes entries there and recalculates as on the scoring sheets it generates.
 * Scoring sheets are calculated on opening, as Excel does: a file need not hold every formula's last result (ExcelJS
 * writes none for a result of 0).
 */
import ExcelJS from "exceljs";
import { cellFormula } from "../excel/exceljsAdapter";
import { MemoryWorkbook, isScoringMemorySheet, type MemorySheet } from "../excel/memoryAdapter";
import { MessageError } from "../locales";
import { worksheetToGrid } from "../xlsx/worksheetGrid";

function addSheetDetails(sheet: MemorySheet, worksheet: ExcelJS.Worksheet): void {
  const protectedSheet = (worksheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const key = `${rowNumber - 1}:${colNumber - 1}`;
      const formula = cellFormula(cell);
      if (formula) sheet.formulas.set(key, formula);
      if (protectedSheet && cell.protection?.locked === false) sheet.styles.set(key, "input");
    });
  });
  const width = Math.max(worksheet.columnCount, ...sheet.values.map((r) => r.length));
  for (let c = 1; c <= width; c++) if (worksheet.getColumn(c).hidden) sheet.hiddenColumns.push(c - 1);
  // A scoring sheet shows at the widths it was written with.
  if (isScoringMemorySheet(sheet)) sheet.widths = Array.from({ length: width }, (_, c) => worksheet.getColumn(c + 1).width ?? 8.43);
}

export async function loadXlsx(bytes: ArrayBuffer): Promise<MemoryWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  if (workbook.worksheets.length === 0) throw new MessageError({ key: "workbook.no-worksheets", params: {} });
  const book = new MemoryWorkbook(workbook.worksheets.map((worksheet) => {
    const grid = worksheetToGrid(worksheet);
    if (worksheet.state === "hidden" || worksheet.state === "veryHidden") grid.hidden = worksheet.state;
    return grid;
  }));
  workbook.worksheets.forEach((worksheet, i) => addSheetDetails(book.sheets[i], worksheet));
  for (const sheet of book.sheets) book.recalculate(sheet);
  // Other units' workbooks for the ranking are read the same way.
  book.openWorkbookFile = loadXlsx;
  return book;
}
