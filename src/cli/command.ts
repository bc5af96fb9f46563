/**
 * What every command shares: its shape, validated arguments, exit codes.
 */
import type { ParseArgsConfig } from "node:util";
import { z } from "zod";
import { InputError } from "./inputError";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

export interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

/** Validated arguments or an InputError naming the first problem. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(`bad arguments: ${zodMessage(result.error)}`);
  return result.data;
}
