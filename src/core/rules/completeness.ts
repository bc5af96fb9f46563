/**
 * missing-points: an indicator without points in a book that gives points.
 * empty-target: an indicator with nothing to achieve.
 * missing-owner: a row of a decomposition table with no responsible unit.
 * penalty-tiers: a penalty whose amount depends on a level (省/市/县通报), to be chosen when scoring.
 */
import { categoriesOf, type Book, type Category, type Indicator } from "../book";
import { clipText } from "../clip";
import { givesPoints } from "../totals";
import { at, finding, type Finding, pts } from "./finding";

const UNSCORED_KINDS = new Set(["pending", "reference", "deduction"]);


function needsPoints(category: Category, indicator: Indicator): boolean {
  if (indicator.points !== null || UNSCORED_KINDS.has(indicator.kind) || UNSCORED_KINDS.has(category.kind)) return false;
  if (indicator.kind === "penalty") return indicator.tiers.length === 0;
  return true;
}

export function missingPoints(book: Book): Finding[] {
  if (!givesPoints(book)) return [];
  return categoriesOf(book).flatMap((category) =>
    category.indicators.filter((indicator) => needsPoints(category, indicator)).map((indicator) => finding(
      { rule: "missing-points", severity: "warning", ...at(book, indicator.cell, category.name), stated: null, computed: null },
      "missing-points",
      { indicator: clipText(indicator.name, 30), category: category.name, categoryPoints: category.points === null ? null : pts(category.points) },
    )),
  );
}

export function emptyTarget(book: Book): Finding[] {
  return categoriesOf(book).flatMap((category) =>
    category.indicators
      .filter((i) => i.target.trim() === "" && i.kind !== "pending" && i.kind !== "deduction")
      .map((indicator) => finding(
        { rule: "empty-target", severity: "warning", ...at(book, indicator.targetCell, category.name), stated: null, computed: null },
        "empty-target", { indicator: indicator.name },
      )),
  );
}

export function missingOwner(book: Book): Finding[] {
  if (book.kind !== "decomposition") return [];
  return categoriesOf(book).flatMap((category) =>
    category.indicators.filter((i) => !i.owner).map((indicator) => finding(
      { rule: "missing-owner", severity: "warning", ...at(book, indicator.cell, category.name), stated: null, computed: null },
      "missing-owner", { indicator: clipText(indicator.name, 30) },
    )),
  );
}

export function penaltyTiers(book: Book): Finding[] {
  return categoriesOf(book).flatMap((category) =>
    category.indicators.filter((i) => i.tiers.length > 1).map((indicator) => finding(
      { rule: "penalty-tiers", severity: "info", ...at(book, indicator.cell, category.name), stated: null, computed: null },
      "penalty-tiers", { category: category.name, tiers: indicator.tiers.map(pts) },
    )),
  );
}
