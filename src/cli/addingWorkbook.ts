/**
 * A workbook file that the command line adds sheets to (score-sheet, summary). The file is read with the fast
 * reader (src/xlsx), never loaded into ExcelJS; the new sheets are written as package parts straight from their
 * specs (src/xlsx/write) and spliced into the original package (src/xlsx/splice.ts), or into a blank one for a new
 * workbook: every part the new sheets do not touch - other sheets, charts, chart sheets, comments,
 * pictures, a VBA project - is written back as it was. Time linear in the workbook's size. The output is written
 * atomically beside its place (xlsxWrite.ts).
 */
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import type { Language } from "../core/rules";
import type { WorkbookAdapter } from "../excel/adapter";
import { xlsxAddingWorkbook } from "../excel/xlsxFileAdapter";
import { render } from "../locales";
import { spliceSheets } from "../xlsx/splice";
import { blankWorkbook } from "../xlsx/write/blankWorkbook";
import { newSheets } from "../xlsx/write/newSheets";
import type { Compressor } from "../xlsx/zipPackage";
import { threadDeflater } from "./deflateThread";
import { InputError } from "./inputError";
import { readWorkbookPackage, type WorkbookPackage } from "./xlsxRead";
import { writeFileAtomically } from "./xlsxWrite";

/** zlib's level for the parts the splice writes: on generated sheets' XML, level 2 takes about 0.63 of level 3's
 * time for a file 2% larger (level 1: 0.57 of the time, 6% larger). */
const LEVEL = 2;

/** Node's own deflate and CRC-32 for the parts the splice writes (several times fflate's and a table's speed), at a
 * fast level, as spreadsheet programs use. */
export const NATIVE_COMPRESSION: Compressor = {
  deflate: (raw) => deflateRawSync(raw, { level: LEVEL }),
  crc32: (raw) => crc32(raw),
  // On a thread of its own: the next sheet is made while this one is encoded and deflated.
  deflateTextAsync: threadDeflater(LEVEL),
};

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
      const into = book?.bytes ?? blankWorkbook(NATIVE_COMPRESSION);
      // The specs are handed over: each is let go once its sheet is written.
      const { bytes, dropped } = await spliceSheets(into, newSheets(added.specs.splice(0), added.names), added.replacing, NATIVE_COMPRESSION);
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
