/** Checks shared by the scoring rules: every rule rejects what cannot be scored instead of returning a wrong number. */
import { Decimal, ZERO, decimalString } from "../decimal";
import { fail } from "./errors";

/** Names of the quantities the checks talk about, in both languages. */
export interface Quantity {
  zh: string;
  en: string;
}

export const POINTS: Quantity = { zh: "分值", en: "points" };
export const SCORE: Quantity = { zh: "得分", en: "score" };

export function requireNonNegative(value: Decimal, what: Quantity): Decimal {
  if (value.lt(0)) {
    fail(`${what.zh}不能为负数：${decimalString(value)}`, `${what.en} must not be negative: ${decimalString(value)}`);
  }
  return value;
}

export function requireAllNonNegative(values: readonly Decimal[], what: Quantity): readonly Decimal[] {
  values.forEach((v) => requireNonNegative(v, what));
  return values;
}

export function requireSameLength(a: readonly unknown[], aName: Quantity, b: readonly unknown[], bName: Quantity): void {
  if (a.length !== b.length) {
    fail(
      `${aName.zh}有${a.length}个，${bName.zh}有${b.length}个，个数应相同`,
      `${aName.en} has ${a.length} values but ${bName.en} has ${b.length}; they must be the same size`,
    );
  }
}

export function requireSome(values: readonly unknown[], what: Quantity): void {
  if (values.length === 0) fail(`${what.zh}为空`, `${what.en} is empty`);
}

/** The larger of a value and 0 (扣完为止: never below 0). */
export function floorAtZero(value: Decimal): Decimal {
  return value.lt(0) ? ZERO : value;
}
