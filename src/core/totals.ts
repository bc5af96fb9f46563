/**
 * What a book's points add up to. A category counts with its stated points (or its weight, when it is weighted),
 * or with the sum of what it holds when it states none; bonus sections, negative lists, pending rows and
 * deduction-only categories are outside the base total.
 */
import { type Book, type Category, type Indicator, categoriesOf } from "./book";
import { type Decimal, sum, ZERO } from "./decimal";

/** Categories whose points make up the base total (100). */
export function countsTowardBase(category: Category): boolean {
  return category.kind === "normal" || category.kind === "reference";
}

/** Indicators whose points were stated for them (not taken over from their category). */
export function ownPoints(indicators: Indicator[]): Decimal[] {
  return indicators.filter((i) => i.points !== null && i.pointsSource !== "category").map((i) => i.points!);
}

/** A sub-category's share of its parent: its weight, its stated points, or what it holds. */
function childShare(category: Category): Decimal | null {
  if (!countsTowardBase(category)) return null;
  return category.weight ?? category.points ?? indicatorSum(category);
}

/** The categories under a category that hold indicators and no categories of their own. */
function blocksUnder(category: Category): Category[] {
  return category.categories.flatMap((c) => (c.categories.length === 0 ? [c] : blocksUnder(c)));
}

/**
 * Whether a category's points are each unit's, not the sum of its parts: it holds no indicators of its own, and
 * the blocks under it, two or more that state no points themselves, each add up to exactly its points (二、部门履职
 * 差异考核项目 60 over 县委农工部 15+20+25, 县农粮局 30+15+15 …, "按部门分值各60分考核").
 */
export function scoredPerBlock(category: Category): boolean {
  if (category.points === null || category.indicators.length > 0 || category.categories.length === 0) return false;
  const blocks = blocksUnder(category);
  return blocks.length >= 2 && blocks.every((b) => {
    if (b.points !== null || !countsTowardBase(b)) return false;
    const own = ownPoints(b.indicators);
    return own.length > 0 && sum(own).eq(category.points!);
  });
}

/** The sum of what a category holds - its indicators' own points and its sub-categories' shares - or null when
 * nothing inside states points. */
export function indicatorSum(category: Category): Decimal | null {
  if (scoredPerBlock(category)) return category.points;
  const points = [...ownPoints(category.indicators), ...category.categories.map(childShare).filter((p): p is Decimal => p !== null)];
  return points.length ? sum(points) : null;
}

/** What the items under a category add up to, level by level down to the indicators, ignoring the points the
 * levels in between state: what a total row (合计) is checked against. */
export function contentSum(category: Category): Decimal | null {
  if (category.weight !== null) return category.weight;
  if (scoredPerBlock(category)) return category.points;
  const points = [
    ...ownPoints(category.indicators),
    ...category.categories.filter(countsTowardBase).map((c) => contentSum(c) ?? c.points).filter((p): p is Decimal => p !== null),
  ];
  return points.length ? sum(points) : null;
}

/** Bonus points the indicators under a category allow ("（12分，7分奖分）"), or null when none states any. */
export function bonusSum(category: Category): Decimal | null {
  const bonuses = [...category.indicators.map((i) => i.bonus), ...category.categories.map(bonusSum)].filter((b): b is Decimal => b !== null);
  return bonuses.length ? sum(bonuses) : null;
}

/** A category's points as they count in the book total. */
export function categoryPoints(category: Category): Decimal {
  return category.weight ?? category.points ?? indicatorSum(category) ?? ZERO;
}

/** The book's computed base total. */
export function bookTotal(book: Book): Decimal {
  return sum(book.categories.filter(countsTowardBase).map(categoryPoints));
}

/** Number of indicators a book has. */
export function indicatorCount(book: Book): number {
  return categoriesOf(book).reduce((n, c) => n + c.indicators.length, 0);
}

/** Whether anything in the book states points. */
export function givesPoints(book: Book): boolean {
  return categoriesOf(book).some((c) => c.points !== null || c.indicators.some((i) => i.points !== null));
}
