/** Checks shared by the scoring rules: every rule rejects what cannot be scored instead of returning a wrong number. */
import { Decimal, ZERO, decimalString } from "../decimal";
import type { Quantity } from "../../locales";
import { fail } from "./errors";

/** The quantities the checks talk about, named in messages by src/locales. */
export type { Quantity };

export const POINTS: Quantity = { word: "points" };
export const SCORE: Quantity = { word: "score" };

export function requireNonNegative(value: Decimal, what: Quantity): Decimal {
  if (value.lt(0)) {
    fail("scoring.negative", { what, value: decimalString(value) });
  }
  return value;
}

export function requireAllNonNegative(values: readonly Decimal[], what: Quantity): readonly Decimal[] {
  values.forEach((v) => requireNonNegative(v, what));
  return values;
}

export function requireSameLength(a: readonly unknown[], aName: Quantity, b: readonly unknown[], bName: Quantity): void {
  if (a.length !== b.length) {
    fail("scoring.same-size", { first: aName, firstCount: a.length, second: bName, secondCount: b.length });
  }
}

export function requireSome(values: readonly unknown[], what: Quantity): void {
  if (values.length === 0) fail("scoring.empty", { what });
}

/** The larger of a value and 0 (扣完为止: never below 0). */
export function floorAtZero(value: Decimal): Decimal {
  return value.lt(0) ? ZERO : value;
}
