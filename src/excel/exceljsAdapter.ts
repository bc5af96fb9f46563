/**
 * The workbook adapter over an ExcelJS workbook (an .xlsx file the command line loaded, or a new one it writes):
 * sheets read as CellGrids (src/xlsx/worksheetGrid.ts), scoring sheets read back with their entries and each entry's
 * type (a formula, text, a number, a date, an error value, TRUE/FALSE), new sheets
 * written through the one ExcelJS writer (exceljsWrite.ts). The caller saves the workbook. No Node or DOM imports.
 */
import type ExcelJS from "exceljs";
import { excelJs } from "./excelJs";
import type { CellGrid } from "../core/grid";
import { enteredCell, scoringSheetHeader, type EntryType, type ScoringSheetCells } from "../core/scoringSheet";
import { madeSheet, type SheetSource } from "../core/sheetSpec";
import { cellValue, worksheetToGrid } from "../xlsx/worksheetGrid";
import { MessageError } from "../locales";
import type { ReadProgress, WorkbookAdapter } from "./adapter";
import { writeSpecs } from "./exceljsWrite";

/** A formula cell's formula ("=…"), shared formulas included; null when the cell holds none. */
export function cellFormula(cell: ExcelJS.Cell): string | null {
  const f = (cell as { formula?: unknown }).formula;
  return typeof f === "string" && f !== "" ? `=${f.replace(/^=/, "")}` : null;
}

/** A worksheet as the scoring-sheet reader sees it. ExcelJS reads a cached formula result of 0 as no result: a
 * formula without a result reads as 0 (the total formula always gives a number). */
export function worksheetCells(worksheet: ExcelJS.Worksheet): ScoringSheetCells {
  return {
    name: worksheet.name,
    rowCount: worksheet.rowCount,
    value(row, col) {
      const raw = worksheet.getRow(row).getCell(col).value;
      return raw !== null && typeof raw === "object" && "formula" in raw && raw.result === undefined ? 0 : cellValue(raw);
    },
    entered(row, col) {
      const cell = worksheet.getRow(row).getCell(col);
      return cellFormula(cell) ?? cellValue(cell.value);
    },
    typed(row, col) {
      const cell = worksheet.getRow(row).getCell(col);
      const raw = cell.value;
      return enteredCell(cellFormula(cell), cellValue(raw), entryType(raw));
    },
  };
}

/** What ExcelJS says of a cell's type beyond the value's own: a date, an error value. */
function entryType(raw: ExcelJS.CellValue): EntryType | undefined {
  if (raw instanceof Date) return "date";
  if (raw !== null && typeof raw === "object" && "error" in raw) return "error";
  return undefined;
}

/** Whether a worksheet is a scoring sheet Kaohe generated (its header row carries the key column). */
export function isScoringWorksheet(worksheet: ExcelJS.Worksheet): boolean {
  return scoringSheetHeader(worksheetCells(worksheet)) !== null;
}

export class NotScoringSheetError extends MessageError {
  constructor(readonly sheets: string[]) {
    super({ key: "workbook.not-scoring-sheets", params: { sheets } });
    this.name = "NotScoringSheetError";
  }
}

/** The adapter over a loaded ExcelJS workbook; sheets added go into that workbook. */
export function exceljsWorkbook(workbook: ExcelJS.Workbook): WorkbookAdapter {
  return {
    async readSheets(onProgress?: (progress: ReadProgress) => void): Promise<CellGrid[]> {
      const total = workbook.worksheets.length;
      onProgress?.({ done: 0, total });
      const grids = workbook.worksheets.map(worksheetToGrid);
      onProgress?.({ done: total, total });
      return grids;
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      const worksheet = workbook.getWorksheet(sheet);
      if (!worksheet) throw new MessageError({ key: "workbook.no-sheet", params: { sheet } });
      workbook.views = [{ ...(workbook.views?.[0] ?? {}), activeTab: workbook.worksheets.indexOf(worksheet) } as ExcelJS.WorkbookView];
      worksheet.views = [{ ...(worksheet.views?.[0] ?? {}), activeCell: cell }];
    },
    async addSheets(sources: SheetSource[], replacing: string[] = []): Promise<string[]> {
      // Every sheet is made before anything changes (as Excel's adapter does).
      const specs = sources.map(madeSheet);
      const old = replacing.map((name) => ({ name, worksheet: workbook.getWorksheet(name) }));
      const refused = old.filter((o) => !o.worksheet || !isScoringWorksheet(o.worksheet)).map((o) => o.name);
      if (refused.length > 0) throw new NotScoringSheetError(refused);
      for (const { worksheet } of old) workbook.removeWorksheet(worksheet!.id);
      return writeSpecs(workbook, specs);
    },
    async readScoringSheets(): Promise<ScoringSheetCells[]> {
      return workbook.worksheets.map(worksheetCells).filter((cells) => scoringSheetHeader(cells) !== null);
    },
    async onChange(): Promise<() => Promise<void>> {
      // A file changes only through this adapter: nothing to listen to.
      return async () => undefined;
    },
  };
}

/** An .xlsx file's bytes as a workbook (the tests compare the task pane's picked-workbook reader with it). */
export async function openXlsx(bytes: ArrayBuffer): Promise<WorkbookAdapter> {
  const workbook = new (excelJs().Workbook)();
  await workbook.xlsx.load(bytes);
  return exceljsWorkbook(workbook);
}
