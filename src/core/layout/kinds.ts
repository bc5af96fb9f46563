/**
 * What a row's words say about how it is scored: pending (待…另行下达), a reference to another book
 * (见专项责任书), deduction-only (实行扣分制), bonus (加分项目), and penalty tiers (扣1.5分 / 扣1分 / 扣0.5分).
 */
import { Decimal, dec } from "../decimal";
import { normalizeDigits } from "../points";
import { flat } from "./rows";

export type TextKind = "pending" | "reference" | "deduction";

import { BONUS, DEDUCTION, DEDUCTION_AMOUNT, KIND_HINT, PENALTY_SECTION, PENDING, REFERENCE } from "../vocabulary/words";

/** The scoring kind the words of a name (compacted, as every Category and Indicator name is) and its target
 * imply, if any. */
export function textKind(name: string, target: string): TextKind | null {
  // Targets can be long: one scan for the words every kind needs, before the patterns (which allow for white space
  // instead of compacting every target).
  const inName = KIND_HINT.test(name);
  const inTarget = KIND_HINT.test(target);
  if (!inName && !inTarget) return null;
  if (inName && DEDUCTION.test(name) || inTarget && DEDUCTION.test(target)) return "deduction";
  if (inTarget && PENDING.test(target) || inName && PENDING.test(name)) return "pending";
  if (inTarget && REFERENCE.test(target)) return "reference";
  return null;
}

export function isBonusName(name: string): boolean {
  return BONUS.test(flat(name));
}

export function isPenaltyName(name: string): boolean {
  return PENALTY_SECTION.test(flat(name));
}

/** Deduction amounts written in a text, as negative decimals, largest deduction first. */
export function deductionAmounts(text: string): Decimal[] {
  const amounts = [...normalizeDigits(text).matchAll(DEDUCTION_AMOUNT)].map((m) => dec(m[1]).negated());
  return amounts.sort((a, b) => a.comparedTo(b));
}
