/**
 * What a row's words say about how it is scored: pending (待…另行下达), a reference to another book
 * (见专项责任书), deduction-only (实行扣分制), bonus (加分项目), and penalty tiers (扣1.5分 / 扣1分 / 扣0.5分).
 */
import { Decimal, dec } from "../decimal";
import { normalizeDigits } from "../points";
import { flat } from "./rows";

export type TextKind = "pending" | "reference" | "deduction";

const PENDING = /待[\s\S]{0,24}(另行|确定后)|另行(分解)?下达|待定/;
const REFERENCE = /^\s*(?:详)?见[^，。；]{0,30}(?:责任书|分解表|任务表|方案|附件|附表)/;
const DEDUCTION = /扣分制/;
const BONUS = /加分/;
const DEDUCTION_AMOUNT = /扣(?:除)?\s*(\d+(?:\.\d+)?)\s*分/g;

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
