/**
 * Reading function arguments as Excel passes them (numbers, text, booleans, null for an omitted optional argument,
 * 2-D arrays for ranges, "" for an empty cell in a range) into the engine's types. Anything that does not fit
 * is a ScoringError naming the argument, never a guessed number.
 */
import { Decimal, dec } from "../core/decimal";
import { DIRECTIONS, Direction, METHODS, Method, Quantity, fail } from "../core/scoring";

/** One cell value as Excel or a Node caller passes it. */
export type Scalar = number | string | boolean | null | undefined;
/** A range: a 2-D array (as Excel passes it), a 1-D array, or a single value. */
export type RangeInput = Scalar | readonly Scalar[] | readonly (readonly Scalar[])[];

/** An argument's name, as messages name it (src/locales). */
export type ArgumentName = Quantity;

export function isBlank(value: Scalar): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A number argument as a Decimal. Text, booleans and empty values are errors. */
export function numberArg(value: Scalar, name: ArgumentName): Decimal {
  if (isBlank(value)) fail("function.blank", { name });
  if (typeof value !== "number") return fail("function.not-number", { name, value: String(value), text: typeof value === "string" });
  if (!Number.isFinite(value)) fail("function.not-finite", { name });
  return dec(value);
}

/** An optional number argument: null when omitted or empty. */
export function optionalNumberArg(value: Scalar, name: ArgumentName): Decimal | null {
  return isBlank(value) ? null : numberArg(value, name);
}

/** A range's cells in reading order (row by row). */
export function cells(range: RangeInput): Scalar[] {
  if (!Array.isArray(range)) return [range as Scalar];
  return (range as readonly (Scalar | readonly Scalar[])[]).flatMap((row) => (Array.isArray(row) ? [...row] : [row as Scalar]));
}

/** How a range treats empty cells: skip them, or keep their place as null. */
export type Blanks = "skip" | "keep";

function numberCell(value: Scalar, name: ArgumentName, position: number): Decimal {
  return numberArg(value, { ...name, position });
}

/** The numbers of a range; empty cells are left out. */
export function numbersArg(range: RangeInput, name: ArgumentName): Decimal[] {
  const result: Decimal[] = [];
  cells(range).forEach((value, i) => {
    if (!isBlank(value)) result.push(numberCell(value, name, i + 1));
  });
  return result;
}

/** The numbers of a range in place, null for an empty cell (for ranges that pair up with another range). */
export function alignedNumbersArg(range: RangeInput, name: ArgumentName): (Decimal | null)[] {
  return cells(range).map((value, i) => (isBlank(value) ? null : numberCell(value, name, i + 1)));
}

/** The numbers of a range where every cell must hold one. */
export function fullNumbersArg(range: RangeInput, name: ArgumentName): Decimal[] {
  return cells(range).map((value, i) => numberCell(value, name, i + 1));
}

/** Text argument: numbers are taken as their digits; empty is "". */
export function textArg(value: Scalar): string {
  if (isBlank(value)) return "";
  return String(value);
}

/** The texts of a range, trimmed; empty cells left out. */
export function textsArg(range: RangeInput): string[] {
  return cells(range).filter((v) => !isBlank(v)).map((v) => String(v).trim());
}

/** A yes/no argument: TRUE/FALSE, 1/0, or empty (no). */
export function booleanArg(value: Scalar, name: ArgumentName): boolean {
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  return fail("function.not-boolean", { name, value: String(value), text: typeof value === "string" });
}

/** A whole number of at least 1 (the n-th of something), or 1 when omitted. */
export function ordinalArg(value: Scalar, name: ArgumentName): number {
  if (isBlank(value)) return 1;
  const n = numberArg(value, name);
  if (!n.isInteger() || n.lt(1)) fail("function.not-ordinal", { name, value: n.toFixed() });
  return n.toNumber();
}

/** Words accepted for each method and direction, English first, then Chinese. */
const METHOD_WORDS: Record<Method, readonly string[]> = {
  ratio: ["ratio", "比例", "完成率", "按比例"],
  threshold: ["threshold", "达标", "全有全无", "达标得分"],
};
const DIRECTION_WORDS: Record<Direction, readonly string[]> = {
  higher: ["higher", "high", "高", "越高越好", "正向"],
  lower: ["lower", "low", "低", "越低越好", "逆向"],
};

function choice<T extends string>(
  value: Scalar,
  options: readonly T[],
  words: Record<T, readonly string[]>,
  fallback: T,
  name: ArgumentName,
): T {
  if (isBlank(value)) return fallback;
  const word = String(value).trim().toLowerCase();
  const found = options.find((option) => words[option].includes(word));
  if (found !== undefined) return found;
  return fail("function.unknown-word", { name, value: String(value), words: options.map((o) => [...words[o]]) });
}

export function methodArg(value: Scalar): Method {
  return choice(value, METHODS, METHOD_WORDS, "ratio", { word: "method" });
}

export function directionArg(value: Scalar): Direction {
  return choice(value, DIRECTIONS, DIRECTION_WORDS, "higher", { word: "direction" });
}
