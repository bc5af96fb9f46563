/**
 * A workbook file that the command line adds sheets to (score-sheet, summary). The file is read with the fast
 * reader (src/xlsx), never loaded into ExcelJS; the new sheets are written with the one spec writer into a fresh
 * ExcelJS workbook, whose bytes then go through the native chart step and are spliced into the original package
 * (src/xlsx/splice.ts): every part the new sheets do not touch - other sheets, charts, chart sheets, comments,
 * pictures, a VBA project - is written back as it was. Time linear in the workbook's size. The output is written
 * atomically beside its place (xlsxWrite.ts).
 */
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import type { Language } from "../core/rules";
import type { WorkbookAdapter } from "../excel/adapter";
import { excelJs } from "../excel/excelJs";
import { addSpecSheet } from "../excel/exceljsWrite";
import { xlsxAddingWorkbook, type AddedSheets } from "../excel/xlsxFileAdapter";
import { render } from "../locales";
import { addCharts, sheetCharts } from "../xlsx/charts/addCharts";
import { spliceSheets, type DroppedParts } from "../xlsx/splice";
import type { Compressor } from "../xlsx/zipPackage";
import { InputError } from "./inputError";
import { readWorkbookPackage, type WorkbookPackage } from "./xlsxRead";
import { writeFileAtomically } from "./xlsxWrite";
import { withFixedZipTimes } from "./zipTimes";

/** Node's own deflate and CRC-32 for the parts the splice writes (several times fflate's and a table's speed), at a
 * fast level, as spreadsheet programs use. */
export const NATIVE_COMPRESSION: Compressor = { deflate: (raw) => deflateRawSync(raw, { level: 3 }), crc32: (raw) => crc32(raw) };

/** The new sheets as a workbook of their own (ExcelJS, through the one spec writer), charts drawn in. */
export async function newSheetsBytes(added: AddedSheets, options: { compress: boolean }): Promise<Uint8Array> {
  const workbook: ExcelJS.Workbook = new (excelJs().Workbook)();
  for (let i = 0; i < added.specs.length; i++) await addSpecSheet(workbook, added.specs[i], added.names[i]);
  // Bytes to be spliced are taken apart at once: stored, not compressed twice.
  const zip = { compression: options.compress ? "DEFLATE" : "STORE" } as const;
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer({ zip } as ExcelJS.XlsxWriteOptions)) as ArrayBuffer);
  return addCharts(bytes, added.specs.map((spec, i) => sheetCharts(spec, added.names[i])));
}

export interface AddingWorkbook {
  adapter: WorkbookAdapter;
  /** Writes the workbook with the sheets added to `output`; prints a line for anything that could not be kept. */
  save(output: string, options: { force: boolean; language: Language }): Promise<void>;
}

/** An .xlsm output for a workbook with macros, an .xlsx for any other. */
function checkOutputKind(book: WorkbookPackage | null, output: string): void {
  const xlsm = path.extname(output).toLowerCase() === ".xlsm";
  const macros = book?.info.macros ?? false;
  if (macros && !xlsm) throw new InputError({ key: "cli.macros-need-xlsm", params: { file: book!.file } });
  if (!macros && xlsm) throw new InputError({ key: "cli.xlsm-needs-macros", params: { file: output } });
}

function adding(book: WorkbookPackage | null): AddingWorkbook {
  const { adapter, added } = xlsxAddingWorkbook(book?.sheets ?? [], book?.info.sheetNames ?? []);
  return {
    adapter,
    async save(output, options) {
      checkOutputKind(book, output);
      const fresh = await newSheetsBytes(added, { compress: book === null });
      let bytes: Uint8Array;
      let dropped: DroppedParts[] = [];
      if (book) {
        ({ bytes, dropped } = spliceSheets(book.bytes, fresh, added.replacing, NATIVE_COMPRESSION));
      } else {
        bytes = withFixedZipTimes(Buffer.from(fresh));
      }
      await writeFileAtomically(output, bytes, { force: options.force });
      for (const { sheet, kinds } of dropped) console.log(render({ key: "cli.not-kept", params: { sheet, parts: kinds } }, options.language));
    },
  };
}

/** A workbook file to add sheets to (read now; nothing is written before `save`). */
export async function openForAdding(file: string, language: Language): Promise<AddingWorkbook> {
  return adding(await readWorkbookPackage(file, language));
}

/** A new workbook holding only the sheets added to it. */
export function newWorkbookFile(): AddingWorkbook {
  return adding(null);
}
