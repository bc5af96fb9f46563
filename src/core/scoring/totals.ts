/** A unit's total (总分): its indicator scores plus bonus minus penalties, never below 0. */
import { Decimal, sum } from "../decimal";
import { SCORE, floorAtZero, requireAllNonNegative } from "./checks";
import { BONUS_CLAIM } from "./bonus";
import { totalDeduction } from "./deductions";

export interface UnitTotalInput {
  scores: readonly Decimal[];
  /** Bonus already capped (see bonusTotal). */
  bonus?: readonly Decimal[];
  /** Penalties from the negative list, written -0.5 or 0.5. */
  penalties?: readonly Decimal[];
}

export function unitTotal({ scores, bonus = [], penalties = [] }: UnitTotalInput): Decimal {
  requireAllNonNegative(scores, SCORE);
  requireAllNonNegative(bonus, BONUS_CLAIM);
  return floorAtZero(sum(scores).plus(sum(bonus)).minus(totalDeduction(penalties)));
}
