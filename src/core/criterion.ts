/**
 * What full marks are worth by a scoring criterion's own words (评分标准, 计分方法): "符合标准，得1分 不达标准，不得分"
 * is worth 1; "1.目标明确，2分；2.规划合理，3分" is worth 5; "健全得10分；不健全得6分；未建立得0分" is a list of
 * tiers worth 10. Deductions ("扣1分", "每少一项扣2分") are not awards and are left out.
 */
import { Decimal, dec, sum, ZERO } from "./decimal";
import { normalizeDigits } from "./points";
import { splitNumberedItems } from "./layout/numbering";

const NUMBER = String.raw`\d+(?:\s*\.\s*\d+)?`;
/** An award: "得1分", "得 0.5 分", "计2分", "，2分；", "最高1分"; not "扣1分", "奖1分", "15分钟", "84分的". */
const AWARD = new RegExp(String.raw`(得|计|给|可得|最高|[，,：:；;、\s]|^)\s*(${NUMBER})\s*分(?![钟之以的])`, "g");
/** A deduction or a bonus word right before the number makes it no award ("扣1分", "最高扣10分", "奖励5分"). */
const NOT_AWARD = /(扣|减|罚|奖|奖励|加|倒扣|扣除)\s*$/;
const NOTHING = /不得分|不计分|(?<![\d.])0\s*分/;
/** Awards for each of several things ("各得1分"): how many there are is not written, so there is no total. */
const EACH = /各得|每项得|分别得/;
/** Words that make an award depend on more than the row: "从总分扣1分" takes points from the book's total. */
const TOTAL_DEDUCTION = /从总分|总分中扣|总分扣/;

function awards(text: string): Decimal[] {
  const found: Decimal[] = [];
  for (const match of text.matchAll(AWARD)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 4), (match.index ?? 0) + match[1].length);
    if (NOT_AWARD.test(before)) continue;
    found.push(dec(match[2].replace(/\s+/g, "")));
  }
  if (NOTHING.test(text)) found.push(ZERO);
  return found;
}

function highest(values: Decimal[]): Decimal | null {
  return values.length ? values.reduce((a, b) => (b.gt(a) ? b : a)) : null;
}

/** Parts worth the highest of their awards; parts whose highs fall to 0 in order are tiers of one award. */
function partsTotal(parts: string[]): Decimal | null {
  const highs = parts.map((p) => highest(awards(p))).filter((h): h is Decimal => h !== null);
  if (highs.length === 0 || highs.every((h) => h.isZero())) return null;
  const falling = highs.length > 1 && highs.every((h, i) => i === 0 || h.lte(highs[i - 1])) && highs[highs.length - 1].isZero();
  return falling ? highs[0] : sum(highs);
}

/** Text inside brackets that breaks down an award already counted ("得0.5分(其中…得0.2分；…)"). */
function withoutBreakdowns(text: string): string {
  let previous = "";
  let current = text;
  while (previous !== current) {
    previous = current;
    current = current.replace(/[（(][^（()）]*[）)]/g, "");
  }
  return current;
}

export interface CriterionPoints {
  points: Decimal;
  /** The criterion also deducts from the book's total, so its award need not be the row's whole. */
  ambiguous: boolean;
}

/** Full marks by the criterion's words, or null when it states no award (only deductions, or 得满分). */
export function criterionPoints(text: string): CriterionPoints | null {
  if (!text.includes("分") || EACH.test(text)) return null;
  const normalized = withoutBreakdowns(normalizeDigits(text));
  const numbered = splitNumberedItems(normalized.trim());
  const parts = numbered.length >= 2 ? numbered.map((n) => n.text) : normalized.split(/[；;。]/);
  const points = partsTotal(parts);
  return points === null ? null : { points, ambiguous: TOTAL_DEDUCTION.test(normalized) };
}
