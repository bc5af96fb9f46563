/**
 * Deductions (扣分制) and penalties (负面清单). Books write a deduction as "-0.5", "扣0.5分" or plain "0.5" in a
 * 扣分 column; all mean "take off 0.5", so the amount is the magnitude whatever the sign.
 */
import { Decimal, sum } from "../decimal";
import { POINTS, floorAtZero, requireNonNegative } from "./checks";

/** The amount a deduction or penalty takes off, written -0.5 or 0.5. */
export function deductionAmount(value: Decimal): Decimal {
  return value.abs();
}

/** Total taken off by a list of deductions or penalties. */
export function totalDeduction(values: Iterable<Decimal>): Decimal {
  return sum(Array.from(values, deductionAmount));
}

/** Points minus the deductions, never below 0 (扣完为止). */
export function deduct(points: Decimal, deductions: Iterable<Decimal>): Decimal {
  requireNonNegative(points, POINTS);
  return floorAtZero(points.minus(totalDeduction(deductions)));
}
