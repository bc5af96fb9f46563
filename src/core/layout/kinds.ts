/**
 * What a row's words say about how it is scored: pending (待…另行下达), a reference to another book
 * (见专项责任书), deduction-only (实行扣分制), bonus (加分项目), and penalty tiers (扣1.5分 / 扣1分 / 扣0.5分).
 */
import { Decimal, dec } from "../decimal";
import { normalizeDigits } from "../points";
import { flat } from "./rows";

export type TextKind = "pending" | "reference" | "deduction";

import { BONUS, DEDUCTION, DEDUCTION_AMOUNT, PENALTY_SECTION, PENDING, PENDING_HINTS, REFERENCE } from "../vocabulary/words";

/** The scoring kind the words of a name (compacted, as every Category and Indicator name is) and its target
 * imply, if any. */
export function textKind(name: string, target: string): TextKind | null {
  // Targets can be long: the patterns allow for white space instead of compacting every target.
  if (DEDUCTION.test(name) || DEDUCTION.test(target)) return "deduction";
  if (mayBePending(target) && PENDING.test(target) || mayBePending(name) && PENDING.test(name)) return "pending";
  if (REFERENCE.test(target)) return "reference";
  return null;
}

function mayBePending(text: string): boolean {
  for (const hint of PENDING_HINTS) if (text.includes(hint)) return true;
  return false;
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
