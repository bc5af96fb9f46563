/**
 * Normalising an assessor group to the best unit (折算): each unit's score x full / the best score, so the best unit
 * of every group gets full marks before the groups are weighted.
 */
import { Decimal, ZERO } from "../decimal";
import { POINTS, SCORE, requireAllNonNegative, requireNonNegative, requireSome } from "./checks";

export function normalizeToBest(score: Decimal, scores: readonly Decimal[], full: Decimal = new Decimal(100)): Decimal {
  requireSome(scores, SCORE);
  requireAllNonNegative(scores, SCORE);
  requireNonNegative(score, SCORE);
  requireNonNegative(full, POINTS);
  const best = Decimal.max(...scores, score);
  // Every unit scored 0: nothing to scale against, everyone stays at 0.
  return best.isZero() ? ZERO : score.times(full).div(best);
}
