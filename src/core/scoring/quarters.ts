/**
 * Quarterly books (分季考核): each quarter block is scored on the category's full points and the year's score is the
 * average of the quarters assessed so far.
 */
import { Decimal, sum } from "../decimal";
import { Quantity, SCORE, requireAllNonNegative, requireSome } from "./checks";
import { fail } from "./errors";

export const QUARTER_SCORES: Quantity = { zh: "季度得分", en: "quarter scores" };

/** Average of the quarter scores given (1 to 4 of them). */
export function quarterAverage(scores: readonly Decimal[]): Decimal {
  requireSome(scores, QUARTER_SCORES);
  if (scores.length > 4) {
    fail(`季度得分最多4个，给出了${scores.length}个`, `at most 4 quarter scores, got ${scores.length}`);
  }
  requireAllNonNegative(scores, SCORE);
  return sum(scores).div(scores.length);
}
