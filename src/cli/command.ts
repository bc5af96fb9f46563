/**
 * What every command shares: its shape, validated arguments, exit codes.
 */
import type { ParseArgsConfig } from "node:util";
import { z } from "zod";
import { isLanguage, type Language, type Message } from "../locales";
import { InputError } from "./inputError";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

export interface Command {
  /** The command line it takes; what it does, in each language, is its entry in src/locales (cli.commands). */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** `values.lang` is always the language of the command line ("zh" or "en"), given or the system's. */
  run(values: Record<string, unknown> & { lang?: Language }, positionals: string[]): Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS = { help: { type: "boolean", short: "h" }, lang: { type: "string" } } as const;

/** Messages a schema names by key (`z.string().min(1, "cli.output-missing")`): the keys without parameters. */
const ARGUMENT_MESSAGES = ["cli.files-missing", "cli.one-file", "cli.output-missing", "cli.output-xlsx", "cli.output-workbook", "cli.input-txt"] as const;
type ArgumentMessage = (typeof ARGUMENT_MESSAGES)[number];

function issueMessage(issue: z.core.$ZodIssue): Message {
  if ((ARGUMENT_MESSAGES as readonly string[]).includes(issue.message)) return { key: issue.message as ArgumentMessage, params: {} };
  const field = issue.path.join(".");
  if (field === "split" && issue.code === "invalid_value") return { key: "cli.split", params: { modes: issue.values.map(String) } };
  return { key: "cli.bad-argument", params: { field, detail: issue.message } };
}

/** zod's own messages (a value of the wrong type, an empty name) in the language of the command line. */
const ZOD_MESSAGES = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** Validated arguments (`input.lang` is the language of the command line) or an InputError naming the first
 * problem. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const lang = (input as { lang?: unknown } | null)?.lang;
  const result = schema.safeParse(input, { error: ZOD_MESSAGES[isLanguage(lang) ? lang : "zh"] });
  if (!result.success) throw new InputError(issueMessage(result.error.issues[0]));
  return result.data;
}
