/**
 * `import-text <file.txt> -o <out.xlsx>`: Word-table text to the worksheets staff keep (docs/LAYOUT.md).
 */
import path from "node:path";
import { z } from "zod";
import { SPLIT_MODES, wordTextToSheets, type SplitMode } from "../../import/wordSheets";
import { type Language, LANGUAGES, render } from "../../locales";
import { type Command, EXIT_OK, validate } from "../command";
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
  output: z.string({ error: "cli.output-missing" }).regex(/\.xlsx$/i, "cli.output-xlsx"),
  split: z.enum(SPLIT_MODES, { error: `--split must be one of ${SPLIT_MODES.join(", ")}` }).default("parts"),
  force: z.boolean().default(false),
};

const importTextArgs = z.object({
  input: z.string().regex(/\.txt$/i, "cli.input-txt"),
  ...layoutArgs,
  lang: z.enum(LANGUAGES).default("zh"),
});

export const importTextCommand: Command = {
  usage: "import-text <file.txt> -o <out.xlsx> [--split none|parts|units] [--force]",
  options: {
    output: { type: "string", short: "o" },
    split: { type: "string" },
    force: { type: "boolean" },
  },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new InputError({ key: "cli.arguments", params: { command: "import-text", count: "one" } });
    const args = validate(importTextArgs, { ...values, input: positionals[0] });
    console.log(await importText(args.input, args.output, args.split, args.force, args.lang));
    return EXIT_OK;
  },
};
