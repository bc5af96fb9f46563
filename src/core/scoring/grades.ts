/** Grades by thresholds (优秀 >= 90, 良好 >= 80, 合格 >= 60, else 不合格); a veto (一票否决) gives the lowest grade. */
import { Decimal } from "../decimal";
import { Quantity, SCORE, requireNonNegative } from "./checks";
import { fail } from "./errors";
import { requireDescending } from "./tiers";

export const THRESHOLDS: Quantity = { zh: "等级分数线", en: "thresholds" };

export interface GradeScale {
  /** Lowest score of each grade but the last, from the highest down. */
  thresholds: readonly Decimal[];
  /** One more label than thresholds, best first; the last is the grade below every threshold. */
  labels: readonly string[];
}

export const DEFAULT_GRADE_SCALE: GradeScale = {
  thresholds: [new Decimal(90), new Decimal(80), new Decimal(60)],
  labels: ["优秀", "良好", "合格", "不合格"],
};

export function requireGradeScale(scale: GradeScale): GradeScale {
  requireDescending(scale.thresholds, THRESHOLDS);
  if (scale.labels.length !== scale.thresholds.length + 1) {
    fail(
      `等级名称应比分数线多一个：分数线${scale.thresholds.length}个，等级${scale.labels.length}个`,
      `there must be one more label than thresholds: ${scale.thresholds.length} thresholds, ${scale.labels.length} labels`,
    );
  }
  return scale;
}

export function grade(score: Decimal, scale: GradeScale = DEFAULT_GRADE_SCALE, veto = false): string {
  requireNonNegative(score, SCORE);
  const { thresholds, labels } = requireGradeScale(scale);
  if (veto) return labels[labels.length - 1];
  const i = thresholds.findIndex((t) => score.gte(t));
  return labels[i < 0 ? labels.length - 1 : i];
}
