/**
 * What full marks are worth by a scoring criterion's own words (评分标准, 计分方法): "符合标准，得1分 不达标准，不得分"
 * is worth 1; "1.目标明确，2分；2.规划合理，3分" is worth 5; "健全得10分；不健全得6分；未建立得0分" is a list of
 * tiers worth 10. Deductions ("扣1分", "每少一项扣2分") are not awards and are left out.
 */
import { Decimal, sum, ZERO } from "./decimal";
import { NUMBER, normalizeDigits, numeral } from "./points";
import { AWARD_VERBS, EACH, FULL_MARKS, NOT_AWARD, NOTHING, TOTAL_DEDUCTION } from "./vocabulary/words";
import { splitNumberedItems } from "./layout/numbering";

/** An award after a verb: "得1分", "得 0.5 分", "计2分", "给1分", "最高1分". */
const AWARD = new RegExp(String.raw`(${AWARD_VERBS.join("|")})\s*(${NUMBER})\s*分(?![钟之以的])`, "g");
/** An award closing a clause: "…规划合理，3分；", "…,2分 2.…". */
const CLOSING_AWARD = new RegExp(String.raw`[，,：:]\s*(${NUMBER})\s*分(?=\s*(?:[；;。]|$|\s+\d+\s*[.、．]))`, "g");

/** The awards of a clause in the order written, nothing awarded counting as 0. */
function awards(text: string): Decimal[] {
  const found: { index: number; points: Decimal }[] = [];
  for (const match of text.matchAll(AWARD)) {
    if (match[1] === "最高" && NOT_AWARD.test(text.slice(match.index ?? 0, (match.index ?? 0) + 4))) continue;
    found.push({ index: match.index ?? 0, points: numeral(match[2]) });
  }
  for (const match of text.matchAll(CLOSING_AWARD)) found.push({ index: match.index ?? 0, points: numeral(match[1]) });
  for (const match of text.matchAll(NOTHING)) found.push({ index: match.index ?? 0, points: ZERO });
  return found.sort((a, b) => a.index - b.index).map((f) => f.points);
}

/** Awards that fall, or end at nothing, are tiers of one award ("得6分…得5分…不得分"). */
function areTiers(values: Decimal[]): boolean {
  if (values.length < 2) return false;
  const falling = values.every((v, i) => i === 0 || v.lt(values[i - 1]));
  return falling || values[values.length - 1].isZero();
}

/** A clause's worth: the highest of its tiers, or the sum of awards for separate things. */
function clauseValue(text: string): { value: Decimal; endsAtNothing: boolean } | null {
  const values = awards(text);
  if (values.length === 0) return null;
  const value = areTiers(values) ? values.reduce((a, b) => (b.gt(a) ? b : a)) : sum(values);
  return { value, endsAtNothing: values[values.length - 1].isZero() };
}

/** Parts add up, unless their worths fall part by part down to a last part that ends at nothing: tiers again. */
function partsTotal(parts: string[]): Decimal | null {
  const values = parts.map(clauseValue).filter((v): v is NonNullable<typeof v> => v !== null);
  if (values.length === 0 || values.every((v) => v.value.isZero())) return null;
  const worths = values.map((v) => v.value);
  const falling = worths.length > 1 && worths.every((w, i) => i === 0 || w.lt(worths[i - 1]));
  if (falling && values[values.length - 1].endsAtNothing) return worths[0];
  if (worths.length > 1 && worths[worths.length - 1].isZero() && worths.every((w, i) => i === 0 || w.lte(worths[i - 1]))) return worths[0];
  return sum(worths);
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
  if (!text.includes("分") || EACH.test(text) || FULL_MARKS.test(text)) return null;
  const normalized = withoutBreakdowns(normalizeDigits(text));
  const numbered = splitNumberedItems(normalized.trim());
  const parts = numbered.length >= 2 ? numbered.map((n) => n.text) : normalized.split(/[；;。]/);
  const points = partsTotal(parts);
  return points === null ? null : { points, ambiguous: TOTAL_DEDUCTION.test(normalized) };
}
