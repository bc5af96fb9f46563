/**
 * score-range: an entered score above the indicator's maximum or below zero (a bonus above its cap, a penalty
 * larger than the list allows), a deduction larger than the row's points, a negative count of penalised events.
 * Scores come from a scoring sheet; the book gives the limits.
 */
import { categoriesOf, type Book, type Indicator } from "../book";
import { clipText } from "../clip";
import { type Decimal, ZERO } from "../decimal";
import type { EntryLabel } from "../../locales";
import { at, finding, type Finding, pts } from "./finding";

/** What a scoring sheet scores a row by: an indicator of the book, or an item the sheet adds (the book's overall
 * bonus allowance). */
export type ScoredItem = Pick<Indicator, "name" | "kind" | "points" | "cap" | "tiers">;

/** What the number in the cell is: a score (group score, score from another book, bonus claim), a deduction (扣分,
 * taken off the points, the score stops at 0) or a count of penalised events (负面清单). */
export type EntryKind = "score" | "deduction" | "count";

export interface EnteredScore {
  book: Book;
  indicator: ScoredItem;
  score: Decimal;
  /** Where the score was entered (scoring sheet and cell). */
  sheet: string;
  cell: string;
  /** Default "score". */
  entry?: EntryKind;
  /** The column the number was entered in, as messages name it ("市科协领导评分"); default 得分 / score. */
  label?: EntryLabel;
  /** The unit the scoring sheet scores (a table shared by several units has a sheet per unit); default the book's. */
  unit?: string;
  /** Default: the indicator's category in the book. */
  category?: string | null;
}

/** The highest score an indicator allows: its points, or its cap for a bonus item; null when it has no points. */
export function maximumScore(indicator: ScoredItem): Decimal | null {
  if (indicator.kind === "bonus") return indicator.cap ?? indicator.points;
  if (indicator.kind === "penalty") return ZERO;
  return indicator.points;
}

const SCORE: EntryLabel = { word: "score" };

export function scoreRange(entries: EnteredScore[]): Finding[] {
  const findings: Finding[] = [];
  for (const entered of entries) {
    const { book, indicator, score, sheet, cell } = entered;
    const max = maximumScore(indicator);
    const category = entered.category !== undefined
      ? entered.category
      : categoriesOf(book).find((c) => (c.indicators as ScoredItem[]).includes(indicator))?.name ?? null;
    const place = { ...at(book, cell, category), sheet, unit: entered.unit ?? book.unit };
    const name = clipText(indicator.name, 20);
    const label = entered.label ?? SCORE;
    const entry = entered.entry ?? "score";
    if (entry === "count") {
      if (score.isNegative()) {
        findings.push(finding(
          { rule: "score-range", severity: "error", ...place, stated: ZERO, computed: score },
          "score-range.count", { indicator: name, label, score: pts(score) },
        ));
      }
      continue;
    }
    if (entry === "deduction") {
      // 扣分 may be written as a negative number; the sheet takes it off either way and stops at 0.
      if (max !== null && score.abs().gt(max)) {
        findings.push(finding(
          { rule: "score-range", severity: "warning", ...place, stated: max, computed: score },
          "score-range.deduction", { indicator: name, label, score: pts(score.abs()), max: pts(max) },
        ));
      }
      continue;
    }
    if (indicator.kind === "penalty") {
      const floor = indicator.points ?? indicator.tiers[0] ?? null;
      if (score.gt(ZERO) || (floor !== null && score.lt(floor))) {
        findings.push(finding(
          { rule: "score-range", severity: "error", ...place, stated: floor, computed: score },
          "score-range.penalty", { indicator: name, score: pts(score), floor: floor === null ? null : pts(floor) },
        ));
      }
      continue;
    }
    if (score.isNegative()) {
      findings.push(finding(
        { rule: "score-range", severity: "error", ...place, stated: ZERO, computed: score },
        "score-range.below", { indicator: name, label, score: pts(score) },
      ));
    } else if (max !== null && score.gt(max)) {
      findings.push(finding(
        { rule: "score-range", severity: "error", ...place, stated: max, computed: score },
        "score-range.above", { indicator: name, label, score: pts(score), max: pts(max), bonus: indicator.kind === "bonus" },
      ));
    }
  }
  return findings;
}
