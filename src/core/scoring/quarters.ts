/**
 * Quarterly books (分季考核): each quarter block is scored on the category's full points and the year's score is the
 * average of the quarters assessed so far.
 */
import { Decimal, sum } from "../decimal";
import { Quantity, SCORE, requireAllNonNegative, requireSome } from "./checks";
import { fail } from "./errors";

export const QUARTER_SCORES: Quantity = { word: "quarter-scores" };

/** Average of the quarter scores given (1 to 4 of them). */
export function quarterAverage(scores: readonly Decimal[]): Decimal {
  requireSome(scores, QUARTER_SCORES);
  if (scores.length > 4) {
    fail("scoring.quarter-count", { count: scores.length });
  }
  requireAllNonNegative(scores, SCORE);
  return sum(scores).div(scores.length);
}
