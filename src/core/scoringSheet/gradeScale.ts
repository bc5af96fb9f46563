/**
 * The grade scale a scoring sheet grades on: one set by the user, else a grade table stated in one of its books
 * (a note or a title line), else the default thresholds as fractions of the sheet's maximum - 18 / 16 / 12 for the
 * 20-point common table of 001's provincial units, 90 / 80 / 60 for a book on 100.
 */
import type { Book } from "../book";
import { type Decimal, ZERO, sum } from "../decimal";
import { type GradeScale, scaledGradeScale, statedGradeScale } from "../scoring";
import { bookTotal } from "../totals";
import type { ScoringPlan } from "./plan";

/** What a unit can score on a book: its base, unless its points add up to less with nothing to explain it (no
 * pending row, no deduction-only category) - the 20 points of a common table in a workbook of 100-point books -
 * or, on a base only assumed, to another scale (1000). */
export function bookMaximum(book: Book): Decimal {
  const computed = bookTotal(book);
  if (book.baseStated || !computed.gt(0) || computed.eq(book.base)) return book.base;
  if (computed.gt(book.base)) return book.baseAssumed ? computed : book.base;
  const explained = book.categories.some((c) => c.kind === "pending" || c.kind === "deduction");
  return explained ? book.base : computed;
}

/** What a unit can score on the sheet: each part's maximum by its default weight (one part: its book's). */
export function planMaximum(plan: ScoringPlan): Decimal {
  if (plan.parts.length <= 1) return bookMaximum(plan.book);
  const weighted = sum(plan.parts.map((part) => part.weight.times(bookMaximum(part.book))));
  return weighted.gt(ZERO) ? weighted : bookMaximum(plan.book);
}

/** The grade table stated in a book's notes or title lines, or null. */
export function bookGradeScale(book: Book): GradeScale | null {
  return statedGradeScale([...book.notes.map((n) => n.text), ...book.titles]);
}

const planScales = new WeakMap<ScoringPlan, GradeScale>();

/** The sheet's grade scale: the user's, else one its books state, else the default on the sheet's maximum. */
export function planGradeScale(plan: ScoringPlan, chosen: GradeScale | null = null): GradeScale {
  if (chosen) return chosen;
  let scale = planScales.get(plan);
  if (!scale) {
    const stated = plan.parts.map((part) => bookGradeScale(part.book)).find((s) => s !== null) ?? null;
    scale = stated ?? scaledGradeScale(planMaximum(plan));
    planScales.set(plan, scale);
  }
  return scale;
}
