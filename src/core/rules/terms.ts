/**
 * points-conflict: points stated twice for one row (a 分值 column and the text) that disagree, or a bonus cap
 * stated in the text that differs from the bonus section's.
 * bonus-cap: a bonus item allowed more than the whole bonus section, or item caps that do not match it.
 * weights-sum: assessor groups' weights that do not add up to 100%.
 */
import { categoriesOf, indicatorsOf, type Book } from "../book";
import { clipText } from "../clip";
import { dec, sum } from "../decimal";
import { at, finding, type Finding, pts } from "./finding";

export function pointsConflict(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      if (indicator.pointsConflict === null || indicator.points === null) continue;
      findings.push(finding(
        {
          rule: "points-conflict", severity: "error", ...at(book, indicator.pointsCell ?? indicator.cell, category.name),
          stated: indicator.points, computed: indicator.pointsConflict,
        },
        "points-conflict", { indicator: indicator.name, column: pts(indicator.points), text: pts(indicator.pointsConflict) },
      ));
    }
    if (category.kind === "bonus" && book.bonusCap !== null && category.cap !== null && !category.cap.eq(book.bonusCap)) {
      findings.push(finding(
        { rule: "points-conflict", severity: "error", ...at(book, category.cell, category.name), stated: book.bonusCap, computed: category.cap },
        "points-conflict.bonus-cap", { method: pts(book.bonusCap), section: pts(category.cap) },
      ));
    }
  }
  return findings;
}

export function bonusCap(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    if (category.kind !== "bonus") continue;
    const cap = category.cap ?? book.bonusCap;
    if (cap === null) continue;
    for (const item of category.indicators) {
      if (item.cap !== null && item.cap.gt(cap)) {
        findings.push(finding(
          { rule: "bonus-cap", severity: "error", ...at(book, item.pointsCell ?? item.cell, category.name), stated: cap, computed: item.cap },
          "bonus-cap", { item: clipText(item.name, 20), cap: pts(item.cap), overall: pts(cap) },
        ));
      }
    }
    const caps = category.indicators.map((i) => i.cap).filter((c) => c !== null);
    if (caps.length && caps.length === category.indicators.length && sum(caps).lt(cap)) {
      const total = sum(caps);
      findings.push(finding(
        { rule: "bonus-cap", severity: "warning", ...at(book, category.cell, category.name), stated: cap, computed: total },
        "bonus-cap.unreachable", { cap: pts(cap), total: pts(total) },
      ));
    }
  }
  return findings;
}

/** The bonus allowance the book states ("奖励分为15分") against the bonus points its rows allow ("（12分，7分奖分）"). */
export function bonusAllowance(book: Book): Finding[] {
  if (book.bonusCap === null || categoriesOf(book).some((c) => c.kind === "bonus")) return [];
  const bonuses = indicatorsOf(book).map((i) => i.bonus).filter((b): b is NonNullable<typeof b> => b !== null);
  if (bonuses.length === 0) return [];
  const total = sum(bonuses);
  if (total.eq(book.bonusCap)) return [];
  return [finding(
    { rule: "bonus-cap", severity: "error", ...at(book, book.cell, null), stated: book.bonusCap, computed: total },
    "bonus-cap.allowance", { allowance: pts(book.bonusCap), total: pts(total) },
  )];
}

export function weightsSum(book: Book): Finding[] {
  if (book.weights.length === 0) return [];
  const total = sum(book.weights.map((w) => w.weight));
  if (total.eq(1)) return [];
  const percent = total.times(100);
  return [finding(
    { rule: "weights-sum", severity: "error", ...at(book, book.cell, null), stated: dec(100), computed: percent },
    "weights-sum", { weights: book.weights.map((w) => ({ label: w.label, percent: pts(w.weight.times(100)) })), total: pts(percent) },
  )];
}

/** Each weight column of the indicators (权重) against 100: a blank cell means the row is not weighted there. */
export function weightColumnsSum(book: Book): Finding[] {
  const labels = book.columns.filter((c) => c.role === "weight");
  if (labels.length === 0) return [];
  const indicators = indicatorsOf(book);
  return labels.flatMap((column, index): Finding[] => {
    const weights = indicators.map((i) => i.weights[index]).filter((w): w is NonNullable<typeof w> => w !== null && w !== undefined);
    if (weights.length === 0) return [];
    const total = sum(weights);
    if (total.eq(100)) return [];
    return [finding(
      { rule: "weights-sum", severity: "error", ...at(book, column.cell, null), stated: dec(100), computed: total },
      "weights-sum.column", { column: column.label, total: pts(total) },
    )];
  });
}
