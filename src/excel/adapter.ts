/**
 * What the task pane needs from a workbook, whatever holds it: Excel through Office.js (officeAdapter) or an .xlsx
 * loaded in the browser (memoryAdapter, the preview). Components receive one of these as a prop.
 */
import type { CellGrid } from "../core/grid";
import type { SheetSpec } from "../core/summary/sheetSpec";

export interface ReadProgress {
  /** Sheets read so far and in all; total is 0 while the sheet list itself is being read. */
  done: number;
  total: number;
}

export interface WorkbookAdapter {
  /** Every worksheet's used values and merged areas, in sheet order. */
  readSheets(onProgress?: (progress: ReadProgress) => void): Promise<CellGrid[]>;
  /** Activates a sheet and selects one cell (A1 address). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Adds one new sheet per spec under a free name (an existing sheet is never replaced); the names used. */
  addSheets(specs: SheetSpec[]): Promise<string[]>;
  /** Calls `listener` when a cell of any sheet changes or a sheet is added or removed; resolves to an unsubscribe. */
  onChange(listener: () => void): Promise<() => Promise<void>>;
}
