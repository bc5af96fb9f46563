/**
 * Grades by thresholds (优秀 >= 90, 良好 >= 80, 合格 >= 60 of 100, else 不合格); a veto (一票否决) gives the lowest
 * grade. A book on another maximum grades on the same fractions of it (18 / 16 / 12 of 20): every scale is derived
 * from DEFAULT_GRADE_SCALE, whose thresholds are on DEFAULT_GRADE_MAXIMUM.
 */
import { Decimal } from "../decimal";
import { Quantity, SCORE, requireNonNegative } from "./checks";
import { fail } from "./errors";
import { requireDescending } from "./tiers";

export const THRESHOLDS: Quantity = { word: "thresholds" };

export interface GradeScale {
  /** Lowest score of each grade but the last, from the highest down. */
  thresholds: readonly Decimal[];
  /** One more label than thresholds, best first; the last is the grade below every threshold. */
  labels: readonly string[];
}

/** The maximum the default thresholds are written on. */
export const DEFAULT_GRADE_MAXIMUM = new Decimal(100);

export const DEFAULT_GRADE_SCALE: GradeScale = {
  thresholds: [new Decimal(90), new Decimal(80), new Decimal(60)],
  labels: ["优秀", "良好", "合格", "不合格"],
};

export function requireGradeScale(scale: GradeScale): GradeScale {
  requireDescending(scale.thresholds, THRESHOLDS);
  if (scale.labels.length !== scale.thresholds.length + 1) {
    fail("scoring.grade-labels", { thresholds: scale.thresholds.length, labels: scale.labels.length });
  }
  return scale;
}

/** A scale's thresholds as the same fractions of another maximum: 90 / 80 / 60 of 100 are 18 / 16 / 12 of 20 (a
 * maximum of 0 or less leaves the scale as it is). */
export function scaledGradeScale(maximum: Decimal, scale: GradeScale = DEFAULT_GRADE_SCALE, of: Decimal = DEFAULT_GRADE_MAXIMUM): GradeScale {
  if (!maximum.gt(0) || maximum.eq(of)) return scale;
  return { thresholds: scale.thresholds.map((t) => t.times(maximum).div(of)), labels: scale.labels };
}

/** Whether two scales grade alike: the same thresholds and labels. */
export function sameGradeScale(a: GradeScale, b: GradeScale): boolean {
  return (
    a.thresholds.length === b.thresholds.length &&
    a.thresholds.every((t, i) => t.eq(b.thresholds[i])) &&
    a.labels.length === b.labels.length &&
    a.labels.every((l, i) => l === b.labels[i])
  );
}

export function grade(score: Decimal, scale: GradeScale = DEFAULT_GRADE_SCALE, veto = false): string {
  requireNonNegative(score, SCORE);
  const { thresholds, labels } = requireGradeScale(scale);
  if (veto) return labels[labels.length - 1];
  const i = thresholds.findIndex((t) => score.gte(t));
  return labels[i < 0 ? labels.length - 1 : i];
}
