/**
 * What a row's words say about how it is scored: pending (待…另行下达), a reference to another book
 * (见专项责任书), deduction-only (实行扣分制), bonus (加分项目), and penalty tiers (扣1.5分 / 扣1分 / 扣0.5分).
 */
import { Decimal, dec } from "../decimal";
import { normalizeDigits } from "../points";
import { flat } from "./rows";

export type TextKind = "pending" | "reference" | "deduction";

import { BONUS, DEDUCTION, DEDUCTION_AMOUNT, PENDING, REFERENCE } from "../vocabulary/words";

/** The scoring kind the words of a name and its target imply, if any. */
export function textKind(name: string, target: string): TextKind | null {
  // Targets can be long: the patterns allow for white space instead of compacting every target.
  const flatName = flat(name);
  if (DEDUCTION.test(flatName) || DEDUCTION.test(target)) return "deduction";
  if (PENDING.test(target) || PENDING.test(flatName)) return "pending";
  if (REFERENCE.test(target)) return "reference";
  return null;
}

export function isBonusName(name: string): boolean {
  return BONUS.test(flat(name));
}

/** Deduction amounts written in a text, as negative decimals, largest deduction first. */
export function deductionAmounts(text: string): Decimal[] {
  const amounts = [...normalizeDigits(text).matchAll(DEDUCTION_AMOUNT)].map((m) => dec(m[1]).negated());
  return amounts.sort((a, b) => a.comparedTo(b));
}
