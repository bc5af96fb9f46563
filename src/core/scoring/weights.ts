/**
 * Weighted assessor groups (评委: 领导 40%, 部门 30%, 县区 30%). Weights are fractions (0.4, 0.3, 0.3) or percentages
 * (40, 30, 30) and must add up to 100%.
 */
import { Decimal, decimalString, sum } from "../decimal";
import { Quantity, SCORE, requireAllNonNegative, requireSameLength, requireSome } from "./checks";
import { fail } from "./errors";

export const WEIGHT: Quantity = { word: "weights" };

const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
/**
 * Weights computed in Excel (=1/3) carry binary rounding: 3 x 0.3333333333333333 is 0.9999999999999999. A sum this
 * close to 1 or 100 counts as 100%; anything further off is an error.
 */
const TOLERANCE = new Decimal("1e-9");

/** The scale the weights are written on: 1 for fractions, 100 for percentages; an error when they add up to neither. */
function weightScale(total: Decimal): Decimal {
  if (total.minus(ONE).abs().lte(TOLERANCE)) return total;
  if (total.minus(HUNDRED).abs().lte(TOLERANCE.times(HUNDRED))) return total;
  return fail("scoring.weights-total", { total: decimalString(total) });
}

/** The weights as fractions of 1 (40 -> 0.4); an error unless they add up to 100%. */
export function weightFractions(weights: readonly Decimal[]): Decimal[] {
  requireSome(weights, WEIGHT);
  requireAllNonNegative(weights, WEIGHT);
  const scale = weightScale(sum(weights));
  return weights.map((w) => w.div(scale));
}

/** Weighted score: sum of score x weight, weights as fractions or percentages adding up to 100%. */
export function weightedScore(scores: readonly Decimal[], weights: readonly Decimal[]): Decimal {
  requireSameLength(scores, SCORE, weights, WEIGHT);
  requireAllNonNegative(scores, SCORE);
  const fractions = weightFractions(weights);
  return sum(scores.map((s, i) => s.times(fractions[i])));
}
