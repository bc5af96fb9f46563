/**
 * `npm run --silent kaohe -- <command> [args]` (or `kaohe` once installed). Exit codes: 0 ok, 1 findings, 2
 * unreadable input or bad usage (one line on stderr, nothing written; `kaohe` alone prints the usage on stderr and
 * exits 2). Every command takes `--lang zh|en`; without it the system's language decides (Chinese when unsure), and
 * messages are printed in that language only.
 */
import { parseArgs } from "node:util";
import { LOCALES, type Language, type Message, MessageError, render } from "../locales";
import { COMMON_OPTIONS, type Command, EXIT_INPUT, EXIT_OK } from "./command";
import { COMMANDS } from "./commandTable";
import { packageRoot } from "./packageRoot";
import { InputError } from "./inputError";
import { isLanguage, langArgument, systemLanguage } from "./language";

export { EXIT_INPUT, EXIT_OK } from "./command";
const EXIT_INTERNAL = 70;

const PROGRAM = "npm run --silent kaohe --";

function commandHelp(name: string, command: Command, language: Language): string {
  const help = LOCALES[language].cli;
  return `${help.usage}${PROGRAM} ${command.usage}\n  ${help.commands[name] ?? ""}\n  ${help.options}`;
}

function mainHelp(language: Language): string {
  const help = LOCALES[language].cli;
  const lines = [help.title, "", `${help.usage}${PROGRAM} <command> [args] [--lang zh|en]`, ""];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${command.usage}`, `      ${help.commands[name] ?? ""}`);
  lines.push("", help.options, help.exitCodes);
  return lines.join("\n");
}

/** The version in package.json, found from the compiled or the source file upwards. */
function version(): string {
  return packageRoot()?.version ?? "unknown";
}

/** Edit distance between two names (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The command a mistyped name most likely meant: one that starts with it, or the closest within a third of its
 * letters (at least 2); null when none is close. */
export function nearestCommand(name: string, names: string[] = Object.keys(COMMANDS)): string | null {
  const typed = name.toLowerCase();
  const prefixed = names.filter((n) => typed.length >= 3 && n.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  const scored = names.map((n) => ({ n, d: distance(typed, n) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best && best.d <= Math.max(2, Math.floor(typed.length / 3)) ? best.n : null;
}

/** Node's parseArgs errors, as messages of the command line. */
function parseError(name: string, error: unknown): Message {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? text;
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(" ")[0];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return { key: "cli.unknown-option", params: { command: name, option } };
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return { key: "cli.unexpected-argument", params: { command: name, argument: quoted } };
  return { key: "cli.option-value", params: { command: name, option } };
}

/** The language of a command line: --lang when given (an InputError when it is neither zh nor en), else the
 * system's. */
export function commandLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env): Language {
  const given = langArgument(argv);
  if (given === undefined) return systemLanguage(env);
  if (!isLanguage(given)) throw new InputError({ key: "cli.bad-lang", params: { value: given } });
  return given;
}

/** Runs one command line in the given language; returns the exit code. Usage and input problems become
 * InputErrors. */
export async function run(argv: string[], language: Language = commandLanguage(argv)): Promise<number> {
  // --lang may come before the command too (`kaohe --lang en check a.xlsx`).
  const skip = argv[0] === "--lang" ? 2 : argv[0]?.startsWith("--lang=") ? 1 : 0;
  const [name, ...rest] = argv.slice(skip);
  if (name === undefined) {
    process.stderr.write(`${mainHelp(language)}\n`);
    return EXIT_INPUT;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(mainHelp(language));
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    console.log(version());
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    throw new InputError({ key: "cli.unknown-command", params: { name, nearest: nearestCommand(name), commands: Object.keys(COMMANDS) } });
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, ...COMMON_OPTIONS }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(parseError(name, error));
  }
  if (parsed.values.help) {
    console.log(commandHelp(name, command, language));
    return EXIT_OK;
  }
  // Only the module of the command that runs is loaded.
  const { run: runCommand } = await command.load();
  return runCommand({ ...parsed.values, lang: language }, parsed.positionals);
}

export async function main(argv: string[]): Promise<number> {
  let language: Language = systemLanguage();
  try {
    language = commandLanguage(argv);
    return await run(argv, language);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`kaohe: ${error.text(language)}\n`);
      return EXIT_INPUT;
    }
    if (error instanceof MessageError) {
      // What a workbook adapter refused (a sheet that is not a scoring sheet Kaohe generated …): one line too.
      process.stderr.write(`kaohe: ${render(error.data, language)}\n`);
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
