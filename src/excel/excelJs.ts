/**
 * ExcelJS, loaded on first use. Requiring it costs more than reading and checking a whole book (about 660 modules,
 * 0.17 s), so the command line loads it only when a command writes or copies an .xlsx, never at start. In the
 * browser the bundle maps "exceljs" to the page's ExcelJS global (webpack externals).
 */
import type ExcelJSModule from "exceljs";

let loaded: typeof ExcelJSModule | undefined;

export function excelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use, not when this module loads
  loaded ??= require("exceljs") as typeof ExcelJSModule;
  return loaded;
}
