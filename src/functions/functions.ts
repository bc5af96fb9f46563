/**
 * Excel custom functions (namespace KH). Each one is a thin wrapper over the implementation of the same name in
 * library.ts; errors become #VALUE! (#N/A, #NUM!) with the library's message in Office's display language. Ids are permanent. Excel passes an omitted
 * optional argument as null (the optional ranges are typed without null so that their metadata stays a matrix).
 * Chinese names and descriptions: functions.zh-CN.json (same ids).
 */
import { officeDisplayLanguage } from "../excel/displayLanguage";
import { errorText, languageOf } from "../locales";
import * as library from "./library";

/** Runs a library function; a ScoringError becomes the matching Excel error with its message, in Office's display
 * language (Chinese when Office has not told it). */
function excel<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof library.ScoringError) {
      const codes = {
        "invalid-value": CustomFunctions.ErrorCode.invalidValue,
        "not-available": CustomFunctions.ErrorCode.notAvailable,
        "invalid-number": CustomFunctions.ErrorCode.invalidNumber,
      } as const;
      throw new CustomFunctions.Error(codes[error.kind], errorText(error, languageOf(officeDisplayLanguage())));
    }
    throw error;
  }
}

/**
 * Score of an indicator: points × completion rate, at most the points.
 * @customfunction SCORE
 * @param points Stated points (分值) of the indicator.
 * @param target Target value (KH.TARGET reads it from the target text).
 * @param actual Actual result.
 * @param [method] "ratio" (default): points × min(actual/target, 1); "threshold": all or nothing.
 * @param [direction] "higher" (default) or "lower" when less is better (控制在…以内, 不超过…).
 * @returns The score.
 */
export function score(points: number | string | boolean, target: number | string | boolean, actual: number | string | boolean, method?: number | string | boolean | null, direction?: number | string | boolean | null): number {
  return excel(() => library.SCORE(points, target, actual, method, direction));
}

/**
 * Completion rate: actual / target (target / actual when lower is better), not capped.
 * @customfunction COMPLETION
 * @param target Target value.
 * @param actual Actual result.
 * @param [direction] "higher" (default) or "lower".
 * @returns The completion rate (1 = 100%).
 */
export function completion(target: number | string | boolean, actual: number | string | boolean, direction?: number | string | boolean | null): number {
  return excel(() => library.COMPLETION(target, actual, direction));
}

/**
 * Points minus deductions, never below 0 (扣完为止).
 * @customfunction DEDUCT
 * @param points Stated points of the indicator.
 * @param deductions Deductions, written 1.5 or -1.5.
 * @returns The points left.
 */
export function deduct(points: number | string | boolean, deductions: Array<Array<number | string | boolean>>): number {
  return excel(() => library.DEDUCT(points, deductions));
}

/**
 * Bonus: each claim capped by its item's cap, the sum capped by the total cap.
 * @customfunction BONUS
 * @param claims Bonus claimed per item.
 * @param caps Cap of each item (最高N分); an empty cell is no cap.
 * @param [totalCap] Cap on the bonus total (加分项目N分).
 * @returns The bonus.
 */
export function bonus(claims: Array<Array<number | string | boolean>>, caps: Array<Array<number | string | boolean>>, totalCap?: number | string | boolean | null): number {
  return excel(() => library.BONUS(claims, caps, totalCap));
}

/**
 * Weighted score of assessor groups; the weights must add up to 100%.
 * @customfunction WEIGHTED
 * @param scores Each group's score.
 * @param weights Each group's weight, as fractions (0.4) or percentages (40).
 * @returns The weighted score.
 */
export function weighted(scores: Array<Array<number | string | boolean>>, weights: Array<Array<number | string | boolean>>): number {
  return excel(() => library.WEIGHTED(scores, weights));
}

/**
 * A unit's total: scores plus bonus minus penalties, never below 0.
 * @customfunction TOTAL
 * @param scores Indicator or category scores.
 * @param [bonus] Bonus (already capped, see KH.BONUS).
 * @param [penalties] Penalties from the negative list, written -0.5 or 0.5.
 * @returns The total.
 */
export function total(scores: Array<Array<number | string | boolean>>, bonus?: Array<Array<number | string | boolean>>, penalties?: Array<Array<number | string | boolean>>): number {
  return excel(() => library.TOTAL(scores, bonus, penalties));
}

/**
 * Grade of a score: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格, unless other thresholds and labels are given.
 * @customfunction GRADE
 * @param score The score.
 * @param [thresholds] Lowest score of each grade, from the highest down.
 * @param [labels] Grade names, best first, one more than thresholds.
 * @param [veto] TRUE for a one-vote veto (一票否决): the lowest grade.
 * @returns The grade.
 */
export function grade(score: number | string | boolean, thresholds?: Array<Array<number | string | boolean>>, labels?: Array<Array<number | string | boolean>>, veto?: number | string | boolean | null): string {
  return excel(() => library.GRADE(score, thresholds, labels, veto));
}

/**
 * Points stated in a text: "（2分）" is 2, "最高4分" is 4, "-0.5" is -0.5.
 * @customfunction POINTS
 * @param text number | string | boolean text.
 * @returns The points; #N/A when the text states none.
 */
export function points(text: number | string | boolean | null): number {
  return excel(() => library.POINTS(text));
}

/**
 * Inline sub-points of a target text added up.
 * @customfunction SUBPOINTS
 * @param text Target text with points such as "（2分）".
 * @returns The sum; #N/A when the text states none.
 */
export function subpoints(text: number | string | boolean | null): number {
  return excel(() => library.SUBPOINTS(text));
}

/**
 * Numeric target in a target text: "不少于30篇" is 30, "控制在4.3%以内" is 0.043.
 * @customfunction TARGET
 * @param text Target text.
 * @param [which] Which target when the text states several (1 = first).
 * @returns The target value; #N/A when the text states none.
 */
export function target(text: number | string | boolean | null, which?: number | string | boolean | null): number {
  return excel(() => library.TARGET(text, which));
}

/**
 * Which way is better for the target in a target text: "higher" or "lower".
 * @customfunction DIRECTION
 * @param text Target text.
 * @param [which] Which target when the text states several (1 = first).
 * @returns "higher" or "lower".
 */
export function direction(text: number | string | boolean | null, which?: number | string | boolean | null): string {
  return excel(() => library.DIRECTION(text, which));
}

/**
 * Points or a penalty chosen by level: by label (省/市/县) or by the first threshold reached.
 * @customfunction TIER
 * @param level The level reached: a label, or a number compared with the thresholds.
 * @param levels Level labels, or thresholds from the highest down.
 * @param amounts Points of each level.
 * @returns The amount; 0 for an empty level or a number below every threshold.
 */
export function tier(level: number | string | boolean | null, levels: Array<Array<number | string | boolean>>, amounts: Array<Array<number | string | boolean>>): number {
  return excel(() => library.TIER(level, levels, amounts));
}

/**
 * Score scaled so the best unit of the group gets full marks.
 * @customfunction NORMALIZE
 * @param score The unit's score.
 * @param scores Every unit's score in the group.
 * @param [full] Full marks (default 100).
 * @returns score × full / best.
 */
export function normalize(score: number | string | boolean, scores: Array<Array<number | string | boolean>>, full?: number | string | boolean | null): number {
  return excel(() => library.NORMALIZE(score, scores, full));
}

/**
 * Average of the quarter scores entered so far.
 * @customfunction QUARTERAVG
 * @param scores Quarter scores (empty quarters are left out).
 * @returns The average.
 */
export function quarterAverage(scores: Array<Array<number | string | boolean>>): number {
  return excel(() => library.QUARTERAVG(scores));
}

/**
 * Rank of a score, highest first; equal scores share a rank.
 * @customfunction RANK
 * @param score The unit's score.
 * @param scores Every unit's score.
 * @returns The rank (1 = best).
 */
export function rank(score: number | string | boolean, scores: Array<Array<number | string | boolean>>): number {
  return excel(() => library.RANK(score, scores));
}
