/**
 * `npm run --silent kaohe -- <command> [args]`. Exit codes: 0 ok, 1 findings, 2 unreadable input or bad usage
 * (one line on stderr, nothing written).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { bookToJson } from "../core/book";
import { readBooks } from "../core/layout";
import { SPLIT_MODES, wordTextToSheets, type SplitMode } from "../core/wordText";
import { InputError } from "./inputError";
import { fileTreeLines } from "./treeOutput";
import { readXlsx } from "./xlsxRead";
import { writeXlsx } from "./xlsxWrite";

export const EXIT_OK = 0;
export const EXIT_INPUT = 2;
const EXIT_INTERNAL = 70;

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

/** Validated arguments or an InputError naming the first problem. */
function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(`bad arguments: ${zodMessage(result.error)}`);
  return result.data;
}

async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${file}: file not found`);
    throw new InputError(`${file}: cannot read the file (${code ?? String(error)})`);
  }
  if (bytes.includes(0)) throw new InputError(`${file}: not a text file (binary content)`);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return text.startsWith("\ufeff") ? text.slice(1) : text;
}

function stem(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, "");
}

async function importText(input: string, output: string, split: SplitMode, force: boolean): Promise<string> {
  const sheets = wordTextToSheets(await readText(input), split, stem(input));
  await writeXlsx(output, sheets, { force });
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  return `${path.relative(process.cwd(), output) || output}: ${sheets.length} 个工作表, ${rows} 行 (${sheets.map((s) => s.name).join(" / ")})`;
}

const importTextArgs = z.object({
  input: z.string().regex(/\.txt$/i, "the input must be a .txt file"),
  output: z.string({ error: "-o <out.xlsx> is required" }).regex(/\.xlsx$/i, "-o must name an .xlsx file"),
  split: z.enum(SPLIT_MODES, { error: `--split must be one of ${SPLIT_MODES.join(", ")}` }).default("parts"),
  force: z.boolean().default(false),
});

const importTextCommand: Command = {
  usage: "import-text <file.txt> -o <out.xlsx> [--split none|parts|units] [--force]",
  summary: "Word 表格文本转为工作簿 / Word-table text to an .xlsx workbook (docs/LAYOUT.md)",
  options: {
    output: { type: "string", short: "o" },
    split: { type: "string" },
    force: { type: "boolean" },
  },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new InputError("import-text takes one input file");
    const args = validate(importTextArgs, { ...values, input: positionals[0] });
    console.log(await importText(args.input, args.output, args.split, args.force));
    return EXIT_OK;
  },
};

const SEEDS_DIR = path.resolve(__dirname, "../../../seeds");
/** Seeds split other than into one sheet: the county's whole book by parts, and a per-unit variant. */
const SEED_SPLITS: Record<string, { split: SplitMode; suffix: string }[]> = {
  "001": [
    { split: "parts", suffix: ".xlsx" },
    { split: "units", suffix: ".units.xlsx" },
  ],
};

const buildSeedsCommand: Command = {
  usage: "build-seeds",
  summary: "由 seeds/*.txt 重建 seeds/*.xlsx / rebuild seeds/*.xlsx from seeds/*.txt (replaces them)",
  options: {},
  async run(_values, positionals) {
    if (positionals.length > 0) throw new InputError("build-seeds takes no arguments");
    const texts = (await readdir(SEEDS_DIR)).filter((name) => name.endsWith(".txt")).sort();
    for (const name of texts) {
      const input = path.join(SEEDS_DIR, name);
      const splits = SEED_SPLITS[name.slice(0, 3)] ?? [{ split: "none", suffix: ".xlsx" }];
      for (const { split, suffix } of splits) {
        const output = path.join(SEEDS_DIR, stem(name) + suffix);
        console.log(await importText(input, output, split, true));
      }
    }
    return EXIT_OK;
  },
};

const treeArgs = z.object({
  files: z.array(z.string().min(1)).min(1, "name at least one .xlsx file"),
  json: z.boolean().default(false),
});

const treeCommand: Command = {
  usage: "tree <file.xlsx>... [--json]",
  summary: "列出每份责任书的类别与指标 / the categories and indicators of every book found",
  options: { json: { type: "boolean" } },
  async run(values, positionals) {
    const args = validate(treeArgs, { ...values, files: positionals });
    const files = [];
    for (const file of args.files) files.push({ file, grids: await readXlsx(file) });
    const readings = files.map(({ file, grids }) => ({ file, ...readBooks(grids) }));
    if (args.json) {
      const json = readings.map((r) => ({ file: r.file, books: r.books.map(bookToJson), sheets: r.sheets }));
      console.log(JSON.stringify({ files: json }, null, 2));
    } else {
      console.log(readings.map((r) => fileTreeLines(r.file, r.books, r.sheets).join("\n")).join("\n\n"));
    }
    return EXIT_OK;
  },
};

const COMMANDS: Record<string, Command> = {
  "import-text": importTextCommand,
  "build-seeds": buildSeedsCommand,
  tree: treeCommand,
};

function commandHelp(command: Command): string {
  return `用法 / usage: npm run --silent kaohe -- ${command.usage}\n  ${command.summary}`;
}

function mainHelp(): string {
  const lines = ["kaohe - 目标责任考核助手 / target responsibility books", "", "用法 / usage: npm run --silent kaohe -- <command> [args]", ""];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push("", "退出码 / exit codes: 0 ok, 1 findings, 2 unreadable input or bad usage");
  return lines.join("\n");
}

/** Runs one command line; returns the exit code. Usage and input problems become InputErrors. */
export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new InputError("no command given (see --help)");
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(mainHelp());
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) throw new InputError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, ...HELP_OPTION }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed.values.help) {
    console.log(commandHelp(command));
    return EXIT_OK;
  }
  return command.run(parsed.values, parsed.positionals);
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`kaohe: ${error.message}\n`);
      return EXIT_INPUT;
    }
    process.stderr.write(`kaohe: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
