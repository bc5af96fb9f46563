/**
 * `import-text <file.txt> -o <out.xlsx>`: Word-table text to the worksheets staff keep (docs/LAYOUT.md).
 */
import path from "node:path";
import { SPLIT_MODES, wordTextToSheets, type SplitMode } from "../../import/wordSheets";
import { type Language, render } from "../../locales";
import { choice, flag, text, validate } from "../arguments";
import { EXIT_OK, type RunCommand } from "../command";
import { InputError, readInputFile } from "../inputError";
import { writeXlsx } from "../xlsxWrite";

async function readText(file: string): Promise<string> {
  const bytes = await readInputFile(file, "text");
  if (bytes.includes(0)) throw new InputError({ key: "cli.not-text", params: { file } });
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return text.startsWith("\ufeff") ? text.slice(1) : text;
}

export function stem(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, "");
}

export async function importText(input: string, output: string, split: SplitMode, force: boolean, language: Language = "zh"): Promise<string> {
  const sheets = wordTextToSheets(await readText(input), split, stem(input));
  await writeXlsx(output, sheets, { force });
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  const file = path.relative(process.cwd(), output) || output;
  return render({ key: "cli.imported-text", params: { file, sheets: sheets.map((s) => s.name), rows } }, language);
}

/** The options every import command takes: where to write, how to split into sheets, whether to replace. */
export const layoutArgs = {
  output: text({ missing: "cli.output-missing", pattern: [/\.xlsx$/i, "cli.output-xlsx"] }),
  split: choice(SPLIT_MODES, "parts", "cli.split"),
  force: flag(),
};

const importTextArgs = { input: text({ pattern: [/\.txt$/i, "cli.input-txt"] }), ...layoutArgs };

export const run: RunCommand = async (values, positionals) => {
  if (positionals.length !== 1) throw new InputError({ key: "cli.arguments", params: { command: "import-text", count: "one" } });
  const args = validate(importTextArgs, { ...values, input: positionals[0] });
  console.log(await importText(args.input, args.output, args.split, args.force, args.lang));
  return EXIT_OK;
};
