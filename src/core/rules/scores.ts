/**
 * score-range: an entered score above the indicator's maximum or below zero (a bonus above its cap, a penalty
 * larger than the list allows). Scores come from a scoring sheet; the book gives the limits.
 */
import type { Book, Indicator } from "../book";
import { type Decimal, ZERO } from "../decimal";
import { at, type Finding, pts } from "./finding";

export interface EnteredScore {
  book: Book;
  indicator: Indicator;
  score: Decimal;
  /** Where the score was entered (scoring sheet and cell). */
  sheet: string;
  cell: string;
}

/** The highest score an indicator allows: its points, or its cap for a bonus item; null when it has no points. */
export function maximumScore(indicator: Indicator): Decimal | null {
  if (indicator.kind === "bonus") return indicator.cap ?? indicator.points;
  if (indicator.kind === "penalty") return ZERO;
  return indicator.points;
}

export function scoreRange(entries: EnteredScore[]): Finding[] {
  const findings: Finding[] = [];
  for (const { book, indicator, score, sheet, cell } of entries) {
    const max = maximumScore(indicator);
    const category = book.categories.find((c) => c.indicators.includes(indicator))?.name ?? null;
    const place = { ...at(book, cell, category), sheet };
    if (indicator.kind === "penalty") {
      const floor = indicator.points ?? indicator.tiers[0] ?? null;
      if (score.gt(ZERO) || (floor !== null && score.lt(floor))) {
        findings.push({
          rule: "score-range", severity: "error", ...place, stated: floor, computed: score,
          message: {
            zh: `“${indicator.name.slice(0, 20)}”扣分${pts(score)}，应在${floor === null ? "" : pts(floor)}到0之间`,
            en: `${indicator.name.slice(0, 20)}: penalty ${pts(score)} should lie between ${floor === null ? "-" : pts(floor)} and 0`,
          },
        });
      }
      continue;
    }
    if (score.isNegative()) {
      findings.push({
        rule: "score-range", severity: "error", ...place, stated: ZERO, computed: score,
        message: { zh: `“${indicator.name.slice(0, 20)}”得分${pts(score)}，低于0分`, en: `${indicator.name.slice(0, 20)}: score ${pts(score)} is below 0` },
      });
    } else if (max !== null && score.gt(max)) {
      findings.push({
        rule: "score-range", severity: "error", ...place, stated: max, computed: score,
        message: {
          zh: `“${indicator.name.slice(0, 20)}”得分${pts(score)}，超过该项${indicator.kind === "bonus" ? "最高加分" : "分值"}${pts(max)}分`,
          en: `${indicator.name.slice(0, 20)}: score ${pts(score)} is above its ${indicator.kind === "bonus" ? "cap" : "points"} of ${pts(max)}`,
        },
      });
    }
  }
  return findings;
}
