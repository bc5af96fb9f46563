/**
 * Workbooks into .xlsx files: sheet layouts (imported Word tables, written by src/excel/exceljsWrite.ts) and any
 * ExcelJS workbook, saved with fixed zip times, to a temporary file moved into place.
 */
import { link, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import { withCharts } from "../excel/exceljsCharts";
import { layoutWorkbook } from "../excel/exceljsWrite";
import type { SheetLayout } from "../import/sheetLayout";
import { InputError } from "./inputError";
import { withFixedZipTimes } from "./zipTimes";

export { columnWidths, displayWidth, valueOfText } from "../import/layoutSpec";

export { SHEET_FONT } from "../excel/exceljsWrite";
/** Writes the sheets to an .xlsx file; an existing file is only replaced with `force`. */
export async function writeXlsx(file: string, layouts: SheetLayout[], options: { force: boolean }): Promise<void> {
  await saveWorkbook(await layoutWorkbook(layouts), file, options);
}

/** Saves a workbook with its sheets' native charts and fixed zip times (the same input gives the same bytes); an
 * existing file is replaced only with `force`. Problems become one-line InputErrors. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, options: { force: boolean }): Promise<void> {
  const bytes = withCharts(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), workbook);
  await writeFileAtomically(file, withFixedZipTimes(Buffer.from(bytes)), options);
}

/** A file's real path (symbolic links resolved; for a file not there yet, its folder's) and, when it exists, its
 * device and inode. */
async function identity(file: string): Promise<{ real: string; inode: string | null }> {
  try {
    const [real, stats] = await Promise.all([realpath(file), stat(file)]);
    return { real, inode: `${stats.dev}:${stats.ino}` };
  } catch {
    const folder = await realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file)));
    return { real: path.join(folder, path.basename(file)), inode: null };
  }
}

/**
 * Refuses an output that is one of the inputs, whatever the options: the same path, a symbolic link to it, or a
 * hard link (the same device and inode). Nothing is read or written before this check.
 */
export async function refuseInputAsOutput(output: string, inputs: readonly string[]): Promise<void> {
  const out = await identity(output);
  for (const input of inputs) {
    const id = await identity(input);
    if (id.real === out.real || (id.inode !== null && id.inode === out.inode)) {
      throw new InputError({ key: "cli.output-is-input", params: { file: output } });
    }
  }
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
