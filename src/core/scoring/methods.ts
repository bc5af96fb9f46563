/**
 * Scoring one indicator against its target: completion rate (ratio), all or nothing (threshold), in either
 * direction. Higher is better for "不少于30篇"; lower is better for "控制在4.3%以内", "不超过2人".
 */
import { Decimal, ZERO, decimalString } from "../decimal";
import { POINTS, floorAtZero, requireNonNegative } from "./checks";
import { fail } from "./errors";

export const DIRECTIONS = ["higher", "lower"] as const;
/** higher: more is better (actual >= target meets it); lower: less is better (actual <= target meets it). */
export type Direction = (typeof DIRECTIONS)[number];

export const METHODS = ["ratio", "threshold"] as const;
/** ratio: points x completion rate, at most the points; threshold: full points when the target is met, else 0. */
export type Method = (typeof METHODS)[number];

export interface IndicatorResult {
  points: Decimal;
  target: Decimal;
  actual: Decimal;
  method?: Method;
  direction?: Direction;
}

const ONE = new Decimal(1);

/** Whether the actual meets the target in the given direction. */
export function meetsTarget(target: Decimal, actual: Decimal, direction: Direction): boolean {
  return direction === "higher" ? actual.gte(target) : actual.lte(target);
}

/**
 * Completion rate (完成率): actual / target, or target / actual when lower is better. Not capped: 120% is 1.2.
 * The target must be positive; for lower is better the actual must be positive too (a rate against 0 has no value).
 */
export function completion(target: Decimal, actual: Decimal, direction: Direction = "higher"): Decimal {
  if (target.lte(0)) {
    fail("scoring.target-not-positive", { target: decimalString(target) });
  }
  if (direction === "higher") return actual.div(target);
  if (actual.lte(0)) {
    fail("scoring.lower-actual", { actual: decimalString(actual) });
  }
  return target.div(actual);
}

/** The share of the points an indicator earns, between 0 and 1. */
function earnedShare(target: Decimal, actual: Decimal, method: Method, direction: Direction): Decimal {
  if (meetsTarget(target, actual, direction)) return ONE;
  // Missed: nothing for all or nothing, and nothing against a lower-is-better target of 0 ("不发生事故").
  if (method === "threshold" || target.isZero()) return ZERO;
  // Otherwise the completion rate, now below 1; a negative actual (growth -1% against +7%) earns 0.
  return floorAtZero(completion(target, actual, direction));
}

/**
 * Score of one indicator. ratio: points x min(completion, 1), never below 0; lower is better gives full points at or
 * under the target (so 0 accidents against "不超过2人" is full points). threshold: all or nothing.
 */
export function scoreIndicator(input: IndicatorResult): Decimal {
  const { points, target, actual, method = "ratio", direction = "higher" } = input;
  requireNonNegative(points, POINTS);
  if (method === "ratio" && direction === "higher" && target.lte(0)) {
    completion(target, actual, direction); // throws: a completion rate needs a target above 0
  }
  if (method === "ratio" && direction === "lower" && target.lt(0)) {
    fail("scoring.lower-target-negative", { target: decimalString(target) });
  }
  return points.times(earnedShare(target, actual, method, direction));
}
