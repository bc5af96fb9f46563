/**
 * The Kaohe functions as plain implementations: numbers, text and 2-D arrays in, numbers or text out. Excel's
 * custom functions (functions.ts) and Node callers (`require("kaohe").functions`) use these same functions.
 * Bad arguments throw a ScoringError whose message (data, rendered by src/locales) says what is wrong; `kind` is
 * "not-available" when a text simply has nothing to read (KH.POINTS of a text without points), "invalid-number" for
 * a result beyond what an Excel number holds.
 *
 * Every computation is exact decimal; results become JavaScript numbers only on the way out.
 */
import { Decimal, ZERO, sum } from "../core/decimal";
import { inlinePoints, parseNamedPoints, parsePointsCell, signedPoints } from "../core/points";
import {
  DEFAULT_GRADE_SCALE,
  ScoringError,
  bonusItems,
  bonusTotal,
  completion,
  deduct,
  grade,
  normalizeToBest,
  quarterAverage,
  rankOf,
  scoreIndicator,
  tierByLabel,
  tierByThreshold,
  unitTotal,
  weightedScore,
} from "../core/scoring";
import { Target, parseTargets } from "../core/target";
import { deductionAmounts } from "../core/layout/kinds";
import { message, type MessageKey, type MessageParams } from "../locales";
import {
  ArgumentName,
  RangeInput,
  Scalar,
  alignedNumbersArg,
  booleanArg,
  cells,
  directionArg,
  fullNumbersArg,
  isBlank,
  methodArg,
  numberArg,
  numbersArg,
  optionalNumberArg,
  ordinalArg,
  textArg,
  textsArg,
} from "./arguments";

export { ScoringError } from "../core/scoring";
export type { RangeInput, Scalar } from "./arguments";

const ARG = {
  points: { word: "points" },
  target: { word: "target" },
  actual: { word: "actual" },
  deductions: { word: "deductions" },
  claims: { word: "claims" },
  caps: { word: "caps" },
  totalCap: { word: "total-cap" },
  scores: { word: "scores" },
  score: { word: "score" },
  weights: { word: "weights" },
  bonus: { word: "bonus" },
  penalties: { word: "penalties" },
  thresholds: { word: "thresholds" },
  veto: { word: "veto" },
  which: { word: "which" },
  level: { word: "level" },
  levels: { word: "level-thresholds" },
  amounts: { word: "tier-amounts" },
  full: { word: "full" },
} satisfies Record<string, ArgumentName>;

/** A result as the number Excel gets; one beyond what a double holds (1e308 + 1e308) is #NUM!, never Infinity. */
function number(value: Decimal): number {
  const result = value.toNumber();
  if (!Number.isFinite(result)) throw new ScoringError(message("function.result-not-finite", {}), "invalid-number");
  return result;
}

/**
 * KH.SCORE: an indicator's score. ratio (default): points x min(actual / target, 1); direction "lower":
 * points x min(target / actual, 1), full points at or under the target; threshold: all or nothing.
 */
export function SCORE(points: Scalar, target: Scalar, actual: Scalar, method?: Scalar, direction?: Scalar): number {
  return number(
    scoreIndicator({
      points: numberArg(points, ARG.points),
      target: numberArg(target, ARG.target),
      actual: numberArg(actual, ARG.actual),
      method: methodArg(method),
      direction: directionArg(direction),
    }),
  );
}

/** KH.COMPLETION: completion rate (完成率), actual / target (target / actual when lower is better), not capped. */
export function COMPLETION(target: Scalar, actual: Scalar, direction?: Scalar): number {
  return number(completion(numberArg(target, ARG.target), numberArg(actual, ARG.actual), directionArg(direction)));
}

/** KH.DEDUCT: points minus the deductions (written 1.5 or -1.5), never below 0 (扣完为止). */
export function DEDUCT(points: Scalar, deductions: RangeInput): number {
  return number(deduct(numberArg(points, ARG.points), numbersArg(deductions, ARG.deductions)));
}

/** KH.BONUS: each claim capped by its cap (empty cap: none), the sum capped by the total cap. */
export function BONUS(claims: RangeInput, caps: RangeInput, totalCap?: Scalar): number {
  const claimed = alignedNumbersArg(claims, ARG.claims).map((c) => c ?? ZERO);
  const items = bonusItems(claimed, alignedNumbersArg(caps, ARG.caps));
  return number(bonusTotal(items, optionalNumberArg(totalCap, ARG.totalCap)));
}

/** KH.WEIGHTED: weighted sum of assessor groups' scores; weights as fractions or percentages adding up to 100%. */
export function WEIGHTED(scores: RangeInput, weights: RangeInput): number {
  return number(weightedScore(fullNumbersArg(scores, ARG.scores), fullNumbersArg(weights, ARG.weights)));
}

/** KH.TOTAL: sum of scores plus bonus minus penalties (written -0.5 or 0.5), never below 0. */
export function TOTAL(scores: RangeInput, bonus?: RangeInput, penalties?: RangeInput): number {
  return number(
    unitTotal({
      scores: numbersArg(scores, ARG.scores),
      bonus: numbersArg(bonus, ARG.bonus),
      penalties: numbersArg(penalties, ARG.penalties),
    }),
  );
}

/**
 * KH.GRADE: the grade of a score. Default 优秀 >= 90, 良好 >= 80, 合格 >= 60, else 不合格; thresholds from the
 * highest down, one more label than thresholds. A veto (TRUE) gives the lowest grade whatever the score.
 */
export function GRADE(score: Scalar, thresholds?: RangeInput, labels?: RangeInput, veto?: Scalar): string {
  const given = numbersArg(thresholds, ARG.thresholds);
  const names = textsArg(labels);
  const scale = {
    thresholds: given.length > 0 ? given : DEFAULT_GRADE_SCALE.thresholds,
    labels: names.length > 0 ? names : DEFAULT_GRADE_SCALE.labels,
  };
  return grade(numberArg(score, ARG.score), scale, booleanArg(veto, ARG.veto));
}

function notAvailable<K extends MessageKey>(key: K, params: MessageParams[K]): never {
  throw new ScoringError(message(key, params), "not-available");
}

/**
 * KH.POINTS: the points stated in a cell's text: "生产总值增长7%（2分）" is 2, "最高4分" is 4, "-0.5" and "扣0.5分"
 * are -0.5. A text with one points mention inside it gives that; none (or several, see KH.SUBPOINTS) is #N/A.
 */
export function POINTS(text: Scalar): number {
  if (typeof text === "boolean") return notAvailable("function.boolean-points", {});
  const tiers = isBlank(text) ? [] : deductionAmounts(String(text));
  if (tiers.length > 1) {
    return notAvailable("function.tiered-points", { amounts: tiers.map((t) => t.toFixed()) });
  }
  const statement = isBlank(text) ? null : (parsePointsCell(text) ?? parseNamedPoints(String(text)));
  if (statement) return number(signedPoints(statement));
  const inline = inlinePoints(textArg(text));
  if (inline.length === 1) return number(inline[0].points);
  if (inline.length > 1) {
    return notAvailable("function.several-points", { count: inline.length });
  }
  return notAvailable("function.no-points", {});
}

/**
 * KH.SUBPOINTS: the inline sub-points of a target text added up ("……（2分）；二是……（2分）" is 4). Points heading a
 * list ("分季度（9分）：…") are the list's total, not an item, and are left out. No sub-points is #N/A.
 */
export function SUBPOINTS(text: Scalar): number {
  const items = inlinePoints(textArg(text)).filter((p) => !p.heading);
  if (items.length === 0) return notAvailable("function.no-subpoints", {});
  return number(sum(items.map((p) => p.points)));
}

function nthTarget(text: Scalar, which: Scalar): Target {
  const n = ordinalArg(which, ARG.which);
  const targets = parseTargets(textArg(text));
  if (targets.length === 0) return notAvailable("function.no-target", {});
  if (n > targets.length) return notAvailable("function.few-targets", { count: targets.length });
  return targets[n - 1];
}

/**
 * KH.TARGET: the numeric target in a target text ("不少于30篇" 30, "控制在4.3%以内" 0.043, "增长7%" 0.07); `which`
 * picks the n-th when the text states several ("生产总值170亿元，增长8.5%": 1 -> 170, 2 -> 0.085).
 */
export function TARGET(text: Scalar, which?: Scalar): number {
  return number(nthTarget(text, which).value);
}

/** KH.DIRECTION: "higher" or "lower", which way is better for the target KH.TARGET reads from the same text. */
export function DIRECTION(text: Scalar, which?: Scalar): string {
  return nthTarget(text, which).direction;
}

/**
 * KH.TIER: points or a penalty chosen by level. With text levels the level is looked up ("市" in {省,市,县} with
 * {1.5,1,0.5} is 1); with number levels (from the highest down) the first one the level reaches gives the amount,
 * none gives 0. An empty level gives 0.
 */
export function TIER(level: Scalar, levels: RangeInput, amounts: RangeInput): number {
  if (isBlank(level)) return 0;
  const values = fullNumbersArg(amounts, ARG.amounts);
  if (typeof level === "number") {
    return number(tierByThreshold(numberArg(level, ARG.level), fullNumbersArg(levels, ARG.levels), values));
  }
  const labels = cells(levels).map((v) => textArg(v).trim());
  return number(tierByLabel(textArg(level).trim(), labels, values));
}

/** KH.NORMALIZE: a score scaled so the best of the group gets full marks (100 unless given): score x full / best. */
export function NORMALIZE(score: Scalar, scores: RangeInput, full?: Scalar): number {
  const best = optionalNumberArg(full, ARG.full) ?? undefined;
  return number(normalizeToBest(numberArg(score, ARG.score), numbersArg(scores, ARG.scores), best));
}

/** KH.QUARTERAVG: the average of the quarter scores entered so far (empty quarters are left out). */
export function QUARTERAVG(scores: RangeInput): number {
  return number(quarterAverage(numbersArg(scores, ARG.scores)));
}

/** KH.RANK: the rank of a score among the scores, highest first; equal scores share a rank (1, 2, 2, 4). */
export function RANK(score: Scalar, scores: RangeInput): number {
  return rankOf(numberArg(score, ARG.score), numbersArg(scores, ARG.scores));
}
