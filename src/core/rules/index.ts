/**
 * Every rule over every book. Each rule family is one file; each returns findings with rule id, severity, cell,
 * stated and computed values.
 */
import type { Book } from "../book";
import { bookTotal, indicatorCount } from "../totals";
import type { Decimal } from "../decimal";
import { emptyTarget, missingOwner, missingPoints, penaltyTiers } from "./completeness";
import { bySeverity, type Finding } from "./finding";
import { bookEntries } from "./entries";
import { categorySum, totalRows, unitTotal } from "./sums";
import { bonusAllowance, bonusCap, pointsConflict, weightColumnsSum, weightsSum } from "./terms";
import { negativePoints } from "./signs";
import { inlineSum, quarterSum, targetSum } from "./text";

export * from "./finding";

const RULES: ((book: Book) => Finding[])[] = [
  categorySum, totalRows, inlineSum, quarterSum, targetSum, missingPoints, unitTotal,
  pointsConflict, bonusCap, bonusAllowance, weightsSum, weightColumnsSum, emptyTarget, missingOwner, penaltyTiers, bookEntries,
  negativePoints,
];

/** Findings of one book, errors first. */
export function checkBook(book: Book): Finding[] {
  return RULES.flatMap((rule) => rule(book)).sort(bySeverity);
}

/** Findings of several books, in book order, each book's errors first. */
export function checkBooks(books: Book[]): Finding[] {
  return books.flatMap(checkBook);
}

export interface BookSummary {
  sheet: string;
  unit: string;
  cell: string;
  stated: Decimal;
  computed: Decimal;
  indicators: number;
}

/** A book's stated base and computed total, as the check report lists them. */
export function summarizeBook(book: Book): BookSummary {
  return { sheet: book.sheet, unit: book.unit, cell: book.cell, stated: book.base, computed: bookTotal(book), indicators: indicatorCount(book) };
}

export { scoreRange, maximumScore, type EnteredScore } from "./scores";
/** How findings cut a long name for one line (tree and check print names the same way). */
export { clipText } from "../clip";
