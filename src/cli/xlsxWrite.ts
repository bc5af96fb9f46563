/**
 * Sheet layouts into an .xlsx workbook: text stays text, numbers become numbers, merges, wrap text, column widths
 * from the content, bold header rows, a CJK font.
 */
import { link, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import { excelJs } from "../excel/excelJs";
import type { SheetLayout } from "../import/sheetLayout";
import { columnWidths, valueOfText } from "../import/layoutSpec";
import { SHEET_FONT } from "../excel/exceljsWrite";
import { InputError } from "./inputError";
import { withFixedZipTimes } from "./zipTimes";

export { columnWidths, displayWidth, valueOfText } from "../import/layoutSpec";

export { SHEET_FONT } from "../excel/exceljsWrite";
/** Fixed workbook properties, so that building the same input twice gives the same workbook. */
const CREATOR = "Kaohe";
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** Text Excel would take for a formula when a user edits the cell. */
const FORMULA_LIKE = /^[=+\-@]/;

const thin: Partial<ExcelJS.Border> = { style: "thin" };
const TABLE_BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function addSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(layout.name);
  columnWidths(layout).forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
  const tableOfRow = new Map<number, { header: boolean; width: number }>();
  for (const table of layout.tables) {
    for (let row = table.top; row <= table.bottom; row++) tableOfRow.set(row, { header: row === table.top, width: table.width });
  }
  layout.values.forEach((rowValues, rowIndex) => {
    const table = tableOfRow.get(rowIndex);
    const row = worksheet.getRow(rowIndex + 1);
    const cellCount = table ? table.width : rowValues.length;
    for (let col = 0; col < cellCount; col++) {
      const text = rowValues[col] ?? "";
      const cell = row.getCell(col + 1);
      cell.value = valueOfText(text);
      if (typeof cell.value === "string" && FORMULA_LIKE.test(text)) cell.numFmt = "@";
      cell.font = { name: SHEET_FONT, size: 11, bold: table?.header ?? false };
      if (table) {
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: table.header ? "center" : undefined };
        cell.border = TABLE_BORDER;
      }
    }
  });
  for (const m of layout.merges) worksheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return worksheet;
}

/** A workbook of the given sheets with fixed properties. */
export function buildWorkbook(layouts: SheetLayout[]): ExcelJS.Workbook {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const layout of layouts) addSheet(workbook, layout);
  return workbook;
}

/** Writes the sheets to an .xlsx file; an existing file is only replaced with `force`. */
export async function writeXlsx(file: string, layouts: SheetLayout[], options: { force: boolean }): Promise<void> {
  await saveWorkbook(buildWorkbook(layouts), file, options);
}

/** Saves a workbook with fixed zip times (the same input gives the same bytes); an existing file is replaced
 * only with `force`. Problems become one-line InputErrors. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, options: { force: boolean }): Promise<void> {
  await writeFileAtomically(file, withFixedZipTimes(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)), options);
}

/**
 * Writes the bytes to a temporary file beside `file`, then moves it into place, so that a reader never sees half a
 * workbook and a failed write leaves what was there. Without `force` an existing file is kept (link() refuses to
 * replace it, atomically).
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array, options: { force: boolean }): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    if (options.force) {
      await rename(temp, file);
    } else {
      await link(temp, file);
      await unlink(temp);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new InputError({ key: "cli.exists", params: { file } });
    if (code === "ENOENT") throw new InputError({ key: "cli.no-output-folder", params: { file } });
    throw new InputError({ key: "cli.cannot-write", params: { file, code: code ?? String(error) } });
  }
}
