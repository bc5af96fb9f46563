/**
 * A command's arguments as node:util parseArgs leaves them (strings, booleans, the positionals as `files` or
 * `input`), checked field by field in the order of the command's schema: each rule gives the value to use or the
 * message of what is wrong, and the first problem becomes an InputError. Small and dependency-free, so that a
 * command starts without loading a validation library.
 */
import { isLanguage, type Language, type Message, type MessageKey } from "../locales";
import { InputError } from "./inputError";

/** Messages that name a problem of an argument, without parameters. */
type ArgumentKey = Extract<MessageKey, "cli.files-missing" | "cli.one-file" | "cli.output-missing" | "cli.output-xlsx" | "cli.output-workbook" | "cli.input-txt">;

type Outcome<T> = { value: T; problem?: undefined } | { problem: Message };

/** One field's rule: its value (named `field` in messages) to the value to use, or a problem. */
export type Rule<T> = (value: unknown, field: string) => Outcome<T>;

type Schema = Record<string, Rule<unknown>>;

/** The values a schema gives, and the language of the command line. */
export type Arguments<S extends Schema> = { [K in keyof S]: S[K] extends Rule<infer T> ? T : never } & { lang: Language };

const problem = (key: ArgumentKey): { problem: Message } => ({ problem: { key, params: {} } });

/** A value parseArgs and the command's own checks never give (an option declared with another type): a fault in
 * the command, not in what was typed. */
function unexpected(field: string, value: unknown): never {
  throw new TypeError(`argument ${field}: unexpected ${typeof value}`);
}

/** A boolean option: false when absent. */
export function flag(): Rule<boolean> {
  return (value, field) => (value === undefined ? { value: false } : typeof value === "boolean" ? { value } : unexpected(field, value));
}

export interface TextRule {
  /** The message when the option is absent (a required option). */
  missing?: ArgumentKey;
  /** The message when the text is empty; true for the generic "too small" problem of the field. */
  empty?: ArgumentKey | true;
  /** What the text must match (tested after `empty`), and the message when it does not. */
  pattern?: [RegExp, ArgumentKey];
}

/** A text: an option's value or a positional. */
export function text(rule: TextRule = {}): Rule<string> {
  return (value, field) => {
    if (value === undefined && rule.missing) return problem(rule.missing);
    if (typeof value !== "string") return unexpected(field, value);
    if (value === "" && rule.empty) return rule.empty === true ? { problem: { key: "cli.empty-argument", params: { field } } } : problem(rule.empty);
    if (rule.pattern && !rule.pattern[0].test(value)) return problem(rule.pattern[1]);
    return { value };
  };
}

/** One of a few words (`--split`), `fallback` when absent; `key` is the message listing them. */
export function choice<T extends string>(choices: readonly T[], fallback: T, key: "cli.split"): Rule<T> {
  return (value) => {
    if (value === undefined) return { value: fallback };
    return (choices as readonly unknown[]).includes(value) ? { value: value as T } : { problem: { key, params: { modes: [...choices] } } };
  };
}

/** The workbooks named on the command line: their count first (`count` says how many and the message when there
 * are not), then each name (`files.0`, `files.1` … in messages), which must not be empty. */
export function files(count: { min: 1; message: "cli.files-missing" } | { exactly: 1; message: "cli.one-file" }): Rule<string[]> {
  const name = text({ empty: true });
  return (value, field) => {
    if (!Array.isArray(value)) return unexpected(field, value);
    if ("min" in count ? value.length < count.min : value.length !== count.exactly) return problem(count.message);
    for (let i = 0; i < value.length; i++) {
      const checked = name(value[i], `${field}.${i}`);
      if (checked.problem) return checked;
    }
    return { value: value as string[] };
  };
}

/** Validated arguments, or an InputError naming the first problem. `input.lang` is the language of the command line
 * (main sets it; Chinese when absent). */
export function validate<S extends Schema>(schema: S, input: Record<string, unknown>): Arguments<S> {
  const values: Record<string, unknown> = { lang: isLanguage(input.lang) ? input.lang : "zh" };
  for (const [field, rule] of Object.entries(schema)) {
    const outcome = rule(input[field], field);
    if (outcome.problem) throw new InputError(outcome.problem);
    values[field] = outcome.value;
  }
  return values as Arguments<S>;
}
