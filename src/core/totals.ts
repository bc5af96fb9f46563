/**
 * What a book's points add up to. A category counts with its stated points, or with the sum of its indicators
 * when it states none; bonus sections, negative lists, pending rows and deduction-only categories are outside
 * the base total.
 */
import type { Book, Category, Indicator } from "./book";
import { type Decimal, sum, ZERO } from "./decimal";

/** Categories whose points make up the base total (100). */
export function countsTowardBase(category: Category): boolean {
  return category.kind === "normal" || category.kind === "reference";
}

/** Indicators whose points were stated for them (not taken over from their category). */
export function ownPoints(indicators: Indicator[]): Decimal[] {
  return indicators.filter((i) => i.points !== null && i.pointsSource !== "category").map((i) => i.points!);
}

/** The sum of a category's indicators' own points, or null when none states points. */
export function indicatorSum(category: Category): Decimal | null {
  const points = ownPoints(category.indicators);
  return points.length ? sum(points) : null;
}

/** A category's points as they count in the book total. */
export function categoryPoints(category: Category): Decimal {
  return category.points ?? indicatorSum(category) ?? ZERO;
}

/** The book's computed base total. */
export function bookTotal(book: Book): Decimal {
  return sum(book.categories.filter(countsTowardBase).map(categoryPoints));
}

/** Number of indicators a book has, and of those that carry points. */
export function indicatorCount(book: Book): number {
  return book.categories.reduce((n, c) => n + c.indicators.length, 0);
}

