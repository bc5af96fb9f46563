/**
 * What every command shares: its shape and the exit codes. The commands are listed in src/cli/commandTable.ts; a
 * command's module is loaded only when it runs, and its arguments are checked with src/cli/arguments.ts.
 */
import type { ParseArgsConfig } from "node:util";
import type { Language } from "../locales";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

/** What parseArgs read (`values.lang` is always the language of the command line, "zh" or "en", given or the
 * system's) and the positionals; the exit code. */
export type RunCommand = (values: Record<string, unknown> & { lang?: Language }, positionals: string[]) => Promise<number>;

export interface Command {
  /** The command line it takes; what it does, in each language, is its entry in src/locales (cli.commands). */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Its module, loaded when it runs. */
  load(): Promise<{ run: RunCommand }>;
}

/** Options every command takes. */
export const COMMON_OPTIONS = { help: { type: "boolean", short: "h" }, lang: { type: "string" } } as const;
