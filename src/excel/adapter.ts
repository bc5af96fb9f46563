/**
 * What the task pane needs from a workbook, whatever holds it: Excel through Office.js (officeAdapter) or an .xlsx
 * loaded in the browser (memoryAdapter, the preview). Components receive one of these as a prop.
 */
import type { CellGrid } from "../core/grid";
import type { ScoringSheetCells } from "../core/scoringSheet/read";
import type { SheetSource } from "../core/sheetSpec";

export interface ReadProgress {
  /** Sheets read so far and in all; total is 0 while the sheet list itself is being read. */
  done: number;
  total: number;
}

/** What a change event says, when the host tells: the sheets whose cells changed or that were added. Without it,
 * anything may have changed. */
export interface SheetChanges {
  sheets: string[];
}

export interface WorkbookAdapter {
  /** Every worksheet's used values and merged areas, in sheet order. */
  readSheets(onProgress?: (progress: ReadProgress) => void): Promise<CellGrid[]>;
  /** The worksheets' names in order, where the adapter can read sheets one by one (with readNamedSheets). */
  sheetNames?(): Promise<string[]>;
  /** The named worksheets' values and merged areas, in the order named: a re-read of the sheets that changed. */
  readNamedSheets?(names: string[], onProgress?: (progress: ReadProgress) => void): Promise<CellGrid[]>;
  /** Activates a sheet and selects one cell (A1 address). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Adds one new sheet per spec under a free name; the names used. `replacing` names scoring sheets Kaohe generated
   * earlier (their header row carries the KH-KEY column), deleted first so that the new ones can take their names;
   * any other sheet named there is an error and nothing changes. No other existing sheet is touched. Deferred sheets
   * are made before anything changes, so that one that cannot be made loses nothing; the command line's package
   * writer, which writes its file only once it is whole, makes each as it writes it.
   */
  addSheets(specs: SheetSource[], replacing?: string[]): Promise<string[]>;
  /** The scoring sheets Kaohe generated in this workbook, with their values and the formulas typed into them. */
  readScoringSheets(): Promise<ScoringSheetCells[]>;
  /**
   * Opens another workbook (an .xlsx the user picked, e.g. one a unit sent back) read-only, for the ranking across
   * units. Only where .xlsx files can be read in the page (the preview); absent in Excel.
   */
  openWorkbookFile?(bytes: ArrayBuffer): Promise<WorkbookAdapter>;
  /** Calls `listener` when a cell of any sheet changes or a sheet is added or removed, with the sheets concerned when
   * the host names them; resolves to an unsubscribe. */
  onChange(listener: (changes?: SheetChanges) => void): Promise<() => Promise<void>>;
}
