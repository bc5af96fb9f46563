/**
 * The Kaohe functions as plain implementations: numbers, text and 2-D arrays in, numbers or text out. Excel's
 * custom functions (functions.ts) and Node callers (`require("kaohe").functions`) use these same functions.
 * Bad arguments throw a ScoringError whose message says what is wrong; `kind` is "not-available" when a text
 * simply has nothing to read (KH.POINTS of a text without points).
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
  points: { zh: "分值", en: "points" },
  target: { zh: "目标值", en: "target" },
  actual: { zh: "实际完成值", en: "actual" },
  deductions: { zh: "扣分", en: "deductions" },
  claims: { zh: "申报加分", en: "claims" },
  caps: { zh: "加分上限", en: "caps" },
  totalCap: { zh: "加分总上限", en: "total cap" },
  scores: { zh: "得分", en: "scores" },
  score: { zh: "得分", en: "score" },
  weights: { zh: "权重", en: "weights" },
  bonus: { zh: "加分", en: "bonus" },
  penalties: { zh: "负面清单扣分", en: "penalties" },
  thresholds: { zh: "等级分数线", en: "thresholds" },
  veto: { zh: "一票否决", en: "veto" },
  which: { zh: "第几个目标", en: "which target" },
  level: { zh: "档次", en: "level" },
  amounts: { zh: "各档分值", en: "amounts" },
  full: { zh: "满分", en: "full marks" },
} satisfies Record<string, ArgumentName>;

const number = (value: Decimal): number => value.toNumber();

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

function notAvailable(chinese: string, english: string): never {
  throw new ScoringError(chinese, english, "not-available");
}

/**
 * KH.POINTS: the points stated in a cell's text: "生产总值增长7%（2分）" is 2, "最高4分" is 4, "-0.5" and "扣0.5分"
 * are -0.5. A text with one points mention inside it gives that; none (or several, see KH.SUBPOINTS) is #N/A.
 */
export function POINTS(text: Scalar): number {
  if (typeof text === "boolean") return notAvailable("逻辑值中没有分值", "a TRUE/FALSE value states no points");
  const tiers = isBlank(text) ? [] : deductionAmounts(String(text));
  if (tiers.length > 1) {
    return notAvailable(
      `扣分按级别而定（${tiers.map((t) => t.toFixed()).join(" / ")}），请用 KH.TIER 选定`,
      `the deduction depends on the level (${tiers.map((t) => t.toFixed()).join(" / ")}); KH.TIER picks one`,
    );
  }
  const statement = isBlank(text) ? null : (parsePointsCell(text) ?? parseNamedPoints(String(text)));
  if (statement) return number(signedPoints(statement));
  const inline = inlinePoints(textArg(text));
  if (inline.length === 1) return number(inline[0].points);
  if (inline.length > 1) {
    return notAvailable(
      `文字中有${inline.length}处分值，合计请用 KH.SUBPOINTS`,
      `the text states points ${inline.length} times; KH.SUBPOINTS adds them up`,
    );
  }
  return notAvailable("文字中没有分值", "the text states no points");
}

/**
 * KH.SUBPOINTS: the inline sub-points of a target text added up ("……（2分）；二是……（2分）" is 4). Points heading a
 * list ("分季度（9分）：…") are the list's total, not an item, and are left out. No sub-points is #N/A.
 */
export function SUBPOINTS(text: Scalar): number {
  const items = inlinePoints(textArg(text)).filter((p) => !p.heading);
  if (items.length === 0) return notAvailable("文字中没有分项分值", "the text states no sub-points");
  return number(sum(items.map((p) => p.points)));
}

function nthTarget(text: Scalar, which: Scalar): Target {
  const n = ordinalArg(which, ARG.which);
  const targets = parseTargets(textArg(text));
  if (targets.length === 0) return notAvailable("文字中没有数字目标", "the text states no numeric target");
  if (n > targets.length) {
    return notAvailable(`文字中只有${targets.length}个数字目标`, `the text states only ${targets.length} numeric targets`);
  }
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
    return number(tierByThreshold(numberArg(level, ARG.level), fullNumbersArg(levels, { zh: "档次分数线", en: "levels" }), values));
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
