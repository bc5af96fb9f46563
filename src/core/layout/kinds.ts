/**
 * What a row's words say about how it is scored: pending (待…另行下达), a reference to another book
 * (见专项责任书), deduction-only (实行扣分制), bonus (加分项目), and penalty tiers (扣1.5分 / 扣1分 / 扣0.5分).
 */
import { Decimal, dec } from "../decimal";
import { normalizeDigits } from "../points";
import { flat } from "./rows";
import { byText } from "../memo";

export type TextKind = "pending" | "reference" | "deduction";

import { BONUS, DEDUCTION, DEDUCTION_AMOUNT, KIND_HINT, PENALTY_SECTION, PENDING, REFERENCE } from "../vocabulary/words";

interface KindWords {
  deduction: boolean;
  pending: boolean;
  reference: boolean;
}

const NO_WORDS: KindWords = Object.freeze({ deduction: false, pending: false, reference: false });

/** What one text's words say about its kind. Targets can be long: one scan for the words every kind needs before
 * the patterns (which allow for white space instead of compacting every target), and a target repeated in book after
 * book is scanned once. */
const kindWords = byText((text: string): KindWords | null => {
  if (!KIND_HINT.test(text)) return null;
  return Object.freeze({ deduction: DEDUCTION.test(text), pending: PENDING.test(text), reference: REFERENCE.test(text) });
});

/** The scoring kind the words of a name (compacted, as every Category and Indicator name is) and its target
 * imply, if any. */
export function textKind(name: string, target: string): TextKind | null {
  const inName = kindWords(name);
  const inTarget = kindWords(target);
  if (!inName && !inTarget) return null;
  const n = inName ?? NO_WORDS;
  const t = inTarget ?? NO_WORDS;
  if (n.deduction || t.deduction) return "deduction";
  if (t.pending || n.pending) return "pending";
  if (t.reference) return "reference";
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
