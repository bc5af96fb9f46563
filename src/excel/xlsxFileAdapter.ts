/**
 * A workbook file a user picks in the task pane (one a unit sent back, for the ranking), read-only, straight from
 * its bytes with the .xlsx reader (src/xlsx/xlsxWorkbook.ts: fflate and a small XML scanner, no ExcelJS): its
 * sheets as CellGrids and its scoring sheets with their values and the formulas typed into them, read as the
 * ExcelJS adapter reads them (a merged cell reads its merge's value; a formula without a cached result reads 0).
 * No Node or DOM imports.
 */
import { GridView } from "../core/grid";
import { SheetNames, type SheetSource } from "../core/sheetSpec";
import { enteredCell, scoringSheetHeader, type ScoringSheetCells } from "../core/scoringSheet";
import { COLUMNS } from "../xlsx/sheetXml";
import { readXlsxSheets, type XlsxSheet } from "../xlsx/xlsxWorkbook";
import { MessageError } from "../locales";
import type { ReadProgress, WorkbookAdapter } from "./adapter";

/** A sheet of the file as the scoring-sheet reader sees it (rows and columns 1-based). */
export function xlsxSheetCells(sheet: XlsxSheet): ScoringSheetCells {
  const view = new GridView(sheet.grid);
  const formulas = sheet.cells.formulas;
  let rowCount = sheet.grid.values.length;
  for (const key of formulas.keys()) rowCount = Math.max(rowCount, Math.floor(key / COLUMNS) + 1);
  const value = (row: number, col: number) => {
    const v = view.value(row - 1, col - 1);
    if (v === null && formulas.has((row - 1) * COLUMNS + col - 1)) return 0;
    return v === "" ? null : v;
  };
  return {
    name: sheet.grid.sheet,
    rowCount,
    value,
    entered: (row, col) => formulas.get((row - 1) * COLUMNS + col - 1) ?? value(row, col),
    typed: (row, col) => {
      const at = (row - 1) * COLUMNS + col - 1;
      return enteredCell(formulas.get(at), value(row, col), sheet.cells.types.get(at));
    },
  };
}

/** The workbook in `bytes`, read-only: adding sheets is refused, selecting a cell only checks the sheet exists. */
export function xlsxFileWorkbook(bytes: Uint8Array): WorkbookAdapter {
  const sheets = readXlsxSheets(bytes);
  if (sheets.length === 0) throw new MessageError({ key: "workbook.no-worksheets", params: {} });
  return xlsxFileAdapterOf(sheets);
}

/** The read-only adapter over sheets already read. */
function xlsxFileAdapterOf(sheets: XlsxSheet[]): WorkbookAdapter {
  return {
    async readSheets(onProgress?: (progress: ReadProgress) => void) {
      onProgress?.({ done: 0, total: sheets.length });
      const grids = sheets.map((s) => ({ ...s.grid, values: s.grid.values.map((row) => [...row]), merges: [...s.grid.merges] }));
      onProgress?.({ done: sheets.length, total: sheets.length });
      return grids;
    },
    async selectCell(sheet: string) {
      if (!sheets.some((s) => s.grid.sheet === sheet)) throw new MessageError({ key: "workbook.no-sheet", params: { sheet } });
    },
    async addSheets() {
      throw new MessageError({ key: "workbook.read-only", params: {} });
    },
    async readScoringSheets() {
      return sheets.map(xlsxSheetCells).filter((cells) => scoringSheetHeader(cells) !== null);
    },
    async onChange() {
      return async () => undefined;
    },
  };
}

/** Sheets added to a workbook file: the specs under the names picked for them, and the old scoring sheets they
 * replace. The caller writes them (src/cli/xlsxWrite.ts). */
export interface AddedSheets {
  /** Deferred sheets stay deferred: the package writer makes each when it writes it. */
  specs: SheetSource[];
  names: string[];
  replacing: string[];
}

/**
 * A workbook file that sheets are added to without loading it into a writer: read as xlsxFileWorkbook reads it,
 * while `addSheets` only records the new sheets (names picked against every sheet of the file, chart sheets
 * included) and the old scoring sheets they replace. `sheetNames`: every sheet of the file (none for a new file).
 */
export function xlsxAddingWorkbook(sheets: XlsxSheet[], sheetNames: readonly string[]): { adapter: WorkbookAdapter; added: AddedSheets } {
  const added: AddedSheets = { specs: [], names: [], replacing: [] };
  const read = xlsxFileAdapterOf(sheets);
  const byName = new Map(sheets.map((s) => [s.grid.sheet, s] as const));
  const adapter: WorkbookAdapter = {
    ...read,
    async addSheets(specs: SheetSource[], replacing: string[] = []) {
      const refused = replacing.filter((name) => {
        const sheet = byName.get(name);
        return !sheet || scoringSheetHeader(xlsxSheetCells(sheet)) === null;
      });
      if (refused.length > 0) throw new MessageError({ key: "workbook.not-scoring-sheets", params: { sheets: refused } });
      const gone = new Set([...added.replacing, ...replacing]);
      const taken = new SheetNames([...sheetNames.filter((n) => !gone.has(n)), ...added.names]);
      const names = specs.map((spec) => taken.take(spec.name));
      added.specs.push(...specs);
      added.names.push(...names);
      added.replacing.push(...replacing);
      return names;
    },
  };
  return { adapter, added };
}
