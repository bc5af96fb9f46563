/**
 * `npm run --silent kaohe -- <command> [args]`. Exit codes: 0 ok, 1 findings, 2 unreadable input or bad usage
 * (one line on stderr, nothing written).
 */
import { parseArgs } from "node:util";
import { type Command, EXIT_INPUT, EXIT_OK, HELP_OPTION } from "./command";
import { buildSeedsCommand } from "./commands/buildSeeds";
import { checkCommand } from "./commands/check";
import { importDocxCommand } from "./commands/importDocx";
import { importTextCommand } from "./commands/importText";
import { scoreSheetCommand } from "./commands/scoreSheet";
import { summaryCommand } from "./commands/summary";
import { treeCommand } from "./commands/tree";
import { InputError } from "./inputError";

export { EXIT_INPUT, EXIT_OK } from "./command";
const EXIT_INTERNAL = 70;

const COMMANDS: Record<string, Command> = {
  "import-text": importTextCommand,
  "import-docx": importDocxCommand,
  "build-seeds": buildSeedsCommand,
  tree: treeCommand,
  check: checkCommand,
  summary: summaryCommand,
  "score-sheet": scoreSheetCommand,
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
