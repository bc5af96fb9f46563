/**
 * `import-docx <book.docx> -o <out.xlsx> [--split none|parts|units] [--force] [--lang zh|en]`: the Word original
 * to the worksheets staff keep. Every table with its merged cells, the paragraphs inside its cells, and the text
 * between tables (titles, unit names, the preamble), laid out and split into sheets as import-text does
 * (docs/LAYOUT.md "Importing a Word document").
 */
import path from "node:path";
import type { SplitMode } from "../../import/wordSheets";
import type { Language } from "../../core/rules";
import { docxToSheets } from "../../import/docx";
import { unreadableMessage, UnreadableFormatError } from "../../import/formats";
import { render } from "../../locales";
import { text, validate } from "../arguments";
import { EXIT_OK, type RunCommand } from "../command";
import { InputError, readInputFile } from "../inputError";
import { writeXlsx } from "../xlsxWrite";
import { layoutArgs, stem } from "./importText";

export async function importDocx(input: string, output: string, split: SplitMode, force: boolean, language: Language = "zh"): Promise<string> {
  const bytes = await readInputFile(input, "docx");
  let sheets;
  try {
    sheets = docxToSheets(bytes, split, stem(input));
  } catch (error) {
    if (error instanceof UnreadableFormatError) throw new InputError(unreadableMessage(error, input, language));
    throw error;
  }
  if (sheets.every((s) => s.values.length === 0)) throw new InputError({ key: "cli.docx-empty", params: { file: input } });
  await writeXlsx(output, sheets, { force });
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  const tables = sheets.reduce((n, s) => n + s.tables.length, 0);
  const file = path.relative(process.cwd(), output) || output;
  return render({ key: "cli.imported-docx", params: { file, sheets: sheets.map((s) => s.name), tables, rows } }, language);
}

const importDocxArgs = { input: text({ empty: true }), ...layoutArgs };

export const run: RunCommand = async (values, positionals) => {
  if (positionals.length !== 1) throw new InputError({ key: "cli.arguments", params: { command: "import-docx", count: "one" } });
  const args = validate(importDocxArgs, { ...values, input: positionals[0] });
  if (path.resolve(args.input) === path.resolve(args.output)) throw new InputError({ key: "cli.output-is-input", params: { file: args.output } });
  console.log(await importDocx(args.input, args.output, args.split, args.force, args.lang));
  return EXIT_OK;
};
