/**
 * A unit's result in one step: indicator scores, capped bonus, penalties, total floored at 0, grade, veto.
 * A veto (一票否决) keeps the total as computed, so the sheet still shows it, and forces the lowest grade.
 */
import { Decimal } from "../decimal";
import { BonusItem, bonusTotal } from "./bonus";
import { DEFAULT_GRADE_SCALE, GradeScale, grade } from "./grades";
import { unitTotal } from "./totals";

export interface UnitScoreInput {
  scores: readonly Decimal[];
  bonusItems?: readonly BonusItem[];
  /** Overall bonus cap (加分项目10分); null for none. */
  bonusCap?: Decimal | null;
  penalties?: readonly Decimal[];
  veto?: boolean;
  scale?: GradeScale;
}

export interface UnitScore {
  bonus: Decimal;
  total: Decimal;
  grade: string;
  vetoed: boolean;
}

export function scoreUnit(input: UnitScoreInput): UnitScore {
  const bonus = bonusTotal(input.bonusItems ?? [], input.bonusCap ?? null);
  const total = unitTotal({ scores: input.scores, bonus: [bonus], penalties: input.penalties ?? [] });
  const vetoed = input.veto ?? false;
  return { bonus, total, grade: grade(total, input.scale ?? DEFAULT_GRADE_SCALE, vetoed), vetoed };
}
