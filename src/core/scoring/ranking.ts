/** Ranking units by score, highest first; equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
import { Decimal, decimalString } from "../decimal";
import { SCORE, requireSome } from "./checks";
import { fail } from "./errors";

/** The rank of a score among the scores (it must be one of them). */
export function rankOf(score: Decimal, scores: readonly Decimal[]): number {
  requireSome(scores, SCORE);
  if (!scores.some((s) => s.eq(score))) {
    fail("scoring.not-ranked", { score: decimalString(score) });
  }
  return 1 + scores.filter((s) => s.gt(score)).length;
}

/** The rank of every score, in the order given: one more than the number of higher scores, found by halving a
 * sorted copy (n log n, for rankings of thousands of units). */
export function ranks(scores: readonly Decimal[]): number[] {
  const sorted = [...scores].sort((a, b) => b.comparedTo(a));
  return scores.map((score) => {
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].gt(score)) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  });
}
