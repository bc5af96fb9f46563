/**
 * category-sum: a category's stated points against the sum of its indicators.
 * unit-total: a book's total against its base (100 unless stated), with pending rows and deduction-only
 * categories named as the reason for a shortfall.
 */
import type { Book } from "../book";
import { bookTotal, indicatorSum } from "../totals";
import { at, type Finding, pts } from "./finding";

export function categorySum(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of book.categories) {
    if (category.leaf || category.points === null || category.kind === "penalty" || category.kind === "bonus") continue;
    const computed = indicatorSum(category);
    if (computed === null || computed.eq(category.points)) continue;
    const unpointed = category.indicators.filter((i) => i.points === null).length;
    const zhMissing = unpointed ? `（另有${unpointed}项未标分值）` : "";
    const enMissing = unpointed ? ` (${unpointed} more without points)` : "";
    findings.push({
      rule: "category-sum",
      severity: "error",
      ...at(book, category.cell, category.name),
      stated: category.points,
      computed,
      message: {
        zh: `类别“${category.name}”标明${pts(category.points)}分，所列指标合计${pts(computed)}分${zhMissing}`,
        en: `Category ${category.name} states ${pts(category.points)} points; its indicators add up to ${pts(computed)}${enMissing}`,
      },
    });
  }
  return findings;
}

export function unitTotal(book: Book): Finding[] {
  if (book.kind === "penalty-list" || book.categories.length === 0) return [];
  const computed = bookTotal(book);
  if (computed.eq(book.base)) return [];
  const pending = book.categories.filter((c) => c.kind === "pending").map((c) => c.name);
  const deduction = book.categories.filter((c) => c.kind === "deduction").map((c) => c.name);
  const explained = computed.lt(book.base) && (pending.length > 0 || deduction.length > 0);
  const reasonsZh = [
    pending.length ? `待定项目（${pending.join("、")}）尚未分配分值` : "",
    deduction.length ? `扣分制类别（${deduction.join("、")}）不计基础分` : "",
  ].filter(Boolean);
  const reasonsEn = [
    pending.length ? `pending rows (${pending.join(", ")}) have no points yet` : "",
    deduction.length ? `deduction-only categories (${deduction.join(", ")}) carry no base points` : "",
  ].filter(Boolean);
  return [{
    rule: "unit-total",
    severity: explained ? "warning" : "error",
    ...at(book, book.cell, null),
    stated: book.base,
    computed,
    message: {
      zh: `“${book.unit}”各类别合计${pts(computed)}分，与基础分${pts(book.base)}分不符` +
        (reasonsZh.length ? `；${reasonsZh.join("；")}` : ""),
      en: `${book.unit}: categories add up to ${pts(computed)}, not the base ${pts(book.base)}` +
        (reasonsEn.length ? `; ${reasonsEn.join("; ")}` : ""),
    },
  }];
}

