/** Ranking units by score, highest first; equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
import { Decimal, decimalString } from "../decimal";
import { SCORE, requireSome } from "./checks";
import { fail } from "./errors";

/** The rank of a score among the scores (it must be one of them). */
export function rankOf(score: Decimal, scores: readonly Decimal[]): number {
  requireSome(scores, SCORE);
  if (!scores.some((s) => s.eq(score))) {
    fail(`得分${decimalString(score)}不在参与排名的得分中`, `score ${decimalString(score)} is not among the scores ranked`);
  }
  return 1 + scores.filter((s) => s.gt(score)).length;
}

/** The rank of every score, in the order given. */
export function ranks(scores: readonly Decimal[]): number[] {
  return scores.map((s) => rankOf(s, scores));
}
