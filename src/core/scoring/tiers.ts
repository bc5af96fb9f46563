/**
 * Tiers: points (or a penalty) chosen by level. By label: "省上通报扣1.5分，市上扣1分，县上扣0.5分" is
 * {省,市,县} -> {1.5,1,0.5}. By threshold: completion >= 100% -> 3, >= 90% -> 2, >= 80% -> 1, else 0.
 */
import { Decimal, ZERO, decimalString } from "../decimal";
import { Quantity, requireSameLength, requireSome } from "./checks";
import { fail } from "./errors";

export const LEVELS: Quantity = { word: "levels" };
export const AMOUNTS: Quantity = { word: "amounts" };

/** Thresholds must go from the highest down. */
export function requireDescending(thresholds: readonly Decimal[], what: Quantity): void {
  for (let i = 1; i < thresholds.length; i++) {
    if (!thresholds[i].lt(thresholds[i - 1])) {
      fail("scoring.descending", { what, values: thresholds.map(decimalString) });
    }
  }
}

/** The amount of the first threshold the value reaches (thresholds from the highest down); 0 when it reaches none. */
export function tierByThreshold(value: Decimal, thresholds: readonly Decimal[], amounts: readonly Decimal[]): Decimal {
  requireSome(thresholds, LEVELS);
  requireSameLength(thresholds, LEVELS, amounts, AMOUNTS);
  requireDescending(thresholds, LEVELS);
  const i = thresholds.findIndex((t) => value.gte(t));
  return i < 0 ? ZERO : amounts[i];
}

/** The amount of the level with this label; an error for a label that is not one of the levels. */
export function tierByLabel(label: string, labels: readonly string[], amounts: readonly Decimal[]): Decimal {
  requireSome(labels, LEVELS);
  requireSameLength(labels, LEVELS, amounts, AMOUNTS);
  const i = labels.indexOf(label);
  if (i < 0) {
    fail("scoring.not-a-level", { label, labels: [...labels] });
  }
  return amounts[i];
}
