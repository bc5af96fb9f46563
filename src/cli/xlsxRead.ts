/**
 * A workbook file into CellGrids, one per worksheet, the same shape the add-in reads from Excel. The format is told
 * from the bytes: .xlsx is read straight from its zip and XML (src/xlsx/xlsxWorkbook.ts, linear in what the file
 * holds; score-sheet and summary read it the same way, as a package the new sheets are spliced into; ExcelJS loads
 * a whole workbook only for the bench's comparisons); Excel 97-2003 (.xls), WPS 表格 (.et) and
 * OpenDocument (.ods) with SheetJS (src/xlsx/sheetjsGrid.ts). Anything else is an InputError that says what the file
 * is and how to save it as .xlsx; a workbook beyond the reader's limits (src/xlsx/xlsxLimits.ts) is an InputError
 * naming the limit.
 */
import { inflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { excelJs } from "../excel/excelJs";
import { a1Range, type CellGrid } from "../core/grid";
import type { Language } from "../core/rules";
import { sniffFormat, unreadableMessage, UnreadableFormatError, type FileFormat } from "../import/formats";
import type * as XLSX from "@e965/xlsx";
import { XLSX_LIMITS, XlsxLimitError } from "../xlsx/xlsxLimits";
import { packageInfo, type PackageInfo } from "../xlsx/splice";
import { readXlsxSheets, type XlsxSheet } from "../xlsx/xlsxWorkbook";
import type { Inflater } from "../xlsx/zipParts";
import { errorText, message } from "../locales";
import { InputError, readInputFile } from "./inputError";

/** Formats read through SheetJS. */
const SHEETJS_FORMATS: ReadonlySet<FileFormat> = new Set(["xls", "ods"]);

function unreadable(file: string, format: FileFormat, language: Language, detail?: string): InputError {
  return new InputError(unreadableMessage(new UnreadableFormatError(format, "workbook", detail), file, language));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadXlsxBytes(file: string, bytes: Buffer | Uint8Array, language: Language): Promise<ExcelJS.Workbook> {
  const workbook = new (excelJs().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw unreadable(file, "corrupt-zip", language, reason(error));
  }
  if (workbook.worksheets.length === 0) throw new InputError({ key: "cli.no-worksheets", params: { file } });
  return workbook;
}

/** The SheetJS reader, loaded only for a workbook that needs it: an .xlsx never pays for it at start-up. */
const sheetJs = () => import("../xlsx/sheetjsGrid");

async function loadSheetJs(file: string, bytes: Buffer, format: FileFormat, language: Language): Promise<XLSX.WorkBook> {
  const { readSheetJsWorkbook } = await sheetJs();
  let workbook: XLSX.WorkBook;
  try {
    workbook = readSheetJsWorkbook(bytes);
  } catch (error) {
    throw unreadable(file, format, language, reason(error));
  }
  if (workbook.SheetNames.length === 0) throw new InputError({ key: "cli.no-worksheets", params: { file } });
  return workbook;
}

/** The file's bytes and format, or an InputError for a format no reader here takes. */
async function readWorkbookBytes(file: string, language: Language): Promise<{ bytes: Buffer; format: FileFormat }> {
  const bytes = await readInputFile(file, "workbook");
  const format = sniffFormat(bytes);
  if (format !== "xlsx" && !SHEETJS_FORMATS.has(format)) throw unreadable(file, format, language);
  return { bytes, format };
}

/**
 * Loads a workbook as ExcelJS (for the commands that copy it and add sheets). An .xls, .et or .ods workbook is
 * converted to .xlsx in memory first (values, merges, column widths); the file itself is never changed.
 */
export async function loadWorkbook(file: string, language: Language = "zh"): Promise<ExcelJS.Workbook> {
  const { bytes, format } = await readWorkbookBytes(file, language);
  if (format === "xlsx") {
    // ExcelJS holds every cell of a merge and lays grids out in full: what the reader's limits refuse, or a merge
    // larger than they allow, would exhaust the heap in there; it ends here in one line instead.
    for (const sheet of xlsxSheets(file, bytes, language)) {
      const huge = sheet.cells.merges.find((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) > XLSX_LIMITS.gridArea);
      if (huge) {
        const merge = message("xlsx.copy-merge", { sheet: sheet.grid.sheet, range: a1Range(huge), limit: XLSX_LIMITS.gridArea });
        throw new InputError({ key: "cli.in-file", params: { file, message: merge } });
      }
    }
    return loadXlsxBytes(file, bytes, language);
  }
  const { sheetJsWorkbookToXlsx } = await sheetJs();
  return loadXlsxBytes(file, sheetJsWorkbookToXlsx(await loadSheetJs(file, bytes, format, language)), language);
}

/** A workbook file as an .xlsx package: its bytes (an .xls, .et or .ods converted in memory), its worksheets read
 * and what the package holds (every sheet's name, macros). */
export interface WorkbookPackage {
  file: string;
  bytes: Uint8Array;
  sheets: XlsxSheet[];
  info: PackageInfo;
}

/** Reads a workbook file for the commands that add sheets to it: the fast reader, no ExcelJS. */
export async function readWorkbookPackage(file: string, language: Language = "zh"): Promise<WorkbookPackage> {
  const read = await readWorkbookBytes(file, language);
  const bytes: Uint8Array = read.format === "xlsx" ? read.bytes : (await sheetJs()).sheetJsWorkbookToXlsx(await loadSheetJs(file, read.bytes, read.format, language));
  const sheets = xlsxSheets(file, bytes, language);
  let info: PackageInfo;
  try {
    info = packageInfo(bytes);
  } catch (error) {
    throw unreadable(file, "corrupt-zip", language, reason(error));
  }
  return { file, bytes, sheets, info };
}

/** Node's zlib for the reader's zip entries: several times faster than the portable inflate, above all in a fresh
 * process. The output is made in one piece of the size the zip states (no chunks copied together); an entry that
 * inflates to more than that is refused (a damaged workbook). */
export const NATIVE_INFLATER: Inflater = {
  inflateRaw: (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, size) }),
};

/** The worksheets of an .xlsx, with the reader's errors as InputErrors. */
function xlsxSheets(file: string, bytes: Uint8Array, language: Language): XlsxSheet[] {
  let sheets: XlsxSheet[];
  try {
    sheets = readXlsxSheets(bytes, NATIVE_INFLATER);
  } catch (error) {
    if (error instanceof XlsxLimitError) throw new InputError({ key: "cli.in-file", params: { file, message: error.data } });
    throw unreadable(file, "corrupt-zip", language, errorText(error, language));
  }
  if (sheets.length === 0) throw new InputError({ key: "cli.no-worksheets", params: { file } });
  return sheets;
}

/** The worksheets of an .xlsx as CellGrids, with the reader's errors as InputErrors. */
function xlsxGrids(file: string, bytes: Uint8Array, language: Language): CellGrid[] {
  return xlsxSheets(file, bytes, language).map((sheet) => sheet.grid);
}

/** Reads every worksheet of a workbook file (.xlsx, .xls, .et, .ods) into a CellGrid. */
export async function readWorkbookFile(file: string, language: Language = "zh"): Promise<CellGrid[]> {
  const { bytes, format } = await readWorkbookBytes(file, language);
  if (format === "xlsx") return xlsxGrids(file, bytes, language);
  const { sheetJsWorkbookToGrids } = await sheetJs();
  return sheetJsWorkbookToGrids(await loadSheetJs(file, bytes, format, language));
}

/** The name the commands have always used: any workbook file the CLI reads. */
export const readXlsx = readWorkbookFile;

/** A worksheet's values from A1 to its last used row and column, with its merges; merged non-master cells are
 * null. */
export { cellValue, worksheetToGrid } from "../xlsx/worksheetGrid";
