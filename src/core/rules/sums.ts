/**
 * category-sum: a category's stated points against the sum of what it holds, at every level; its bonus points
 * against its items' bonus points; a total row (合计, 小计, 总计) against the items it covers.
 * unit-total: a book's total against its base (100 unless stated), with pending rows and deduction-only
 * categories named as the reason for a shortfall. A base no book states and that no other book of the workbook
 * confirms is only mentioned.
 */
import { type Book, type Category, categoriesOf } from "../book";
import { Decimal } from "../decimal";
import { bonusSum, bookTotal, contentSum, givesPoints, indicatorSum } from "../totals";
import { at, finding, type Finding, pts } from "./finding";

function categoryFinding(book: Book, category: Category, stated: Decimal, computed: Decimal, bonus: boolean): Finding {
  const facts = { rule: "category-sum", severity: "error", ...at(book, category.cell, category.name), stated, computed } as const;
  const numbers = { category: category.name, stated: pts(stated), computed: pts(computed) };
  if (bonus) return finding(facts, "category-sum.bonus", numbers);
  const unpointed = category.indicators.filter((i) => i.points === null).length;
  return finding(facts, "category-sum", { ...numbers, nested: category.categories.length > 0, unpointed });
}

export function categorySum(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    if (category.leaf || category.kind === "penalty" || category.kind === "bonus") continue;
    if (category.points !== null) {
      const computed = indicatorSum(category);
      if (computed !== null && !computed.eq(category.points)) findings.push(categoryFinding(book, category, category.points, computed, false));
    }
    if (category.bonus !== null) {
      const computed = bonusSum(category);
      if (computed !== null && !computed.eq(category.bonus)) findings.push(categoryFinding(book, category, category.bonus, computed, true));
    }
  }
  return findings;
}

/** Total rows against what they cover, down to the indicators. */
export function totalRows(book: Book): Finding[] {
  if (book.totals.length === 0) return [];
  const byName = new Map(categoriesOf(book).map((c) => [c.name, c] as const));
  const findings: Finding[] = [];
  for (const total of book.totals) {
    const covered = total.covers.map((name) => byName.get(name)).filter((c): c is Category => c !== undefined);
    if (total.category !== null && covered[0]?.points?.eq(total.stated)) continue;
    const parts = covered.filter((c) => c.kind !== "penalty").map((c) => contentSum(c) ?? c.points).filter((p): p is Decimal => p !== null);
    if (parts.length === 0) continue;
    const computed = parts.reduce((a, b) => a.plus(b));
    if (computed.eq(total.stated)) continue;
    findings.push(finding(
      { rule: "category-sum", severity: "error", ...at(book, total.cell, total.category ?? total.label), stated: total.stated, computed },
      "category-sum.total-row", { label: total.label, stated: pts(total.stated), computed: pts(computed) },
    ));
  }
  return findings;
}

/** 100, 1000, 10000: the scales books are written on. */
function isScale(total: Decimal): boolean {
  return total.gte(100) && total.log(10).isInteger();
}

export function unitTotal(book: Book): Finding[] {
  if (book.kind === "penalty-list" || book.categories.length === 0 || !givesPoints(book)) return [];
  if (book.totals.some((t) => t.category === null)) return [];
  const computed = bookTotal(book);
  if (computed.eq(book.base)) return [];
  if (book.baseAssumed && isScale(computed)) return [];
  const pending = book.categories.filter((c) => c.kind === "pending").map((c) => c.name);
  const deduction = book.categories.filter((c) => c.kind === "deduction").map((c) => c.name);
  const explained = computed.lt(book.base) && (pending.length > 0 || deduction.length > 0);
  // With no base stated and none confirmed, a shortfall may be a table cut short: it is only mentioned.
  if (book.baseAssumed && !explained && computed.lt(book.base)) {
    return [finding(
      { rule: "unit-total", severity: "info", ...at(book, book.cell, null), stated: null, computed },
      "unit-total.no-base", { unit: book.unit, computed: pts(computed) },
    )];
  }
  return [finding(
    { rule: "unit-total", severity: explained ? "warning" : "error", ...at(book, book.cell, null), stated: book.base, computed },
    "unit-total", { unit: book.unit, computed: pts(computed), base: pts(book.base), pending, deduction },
  )];
}
