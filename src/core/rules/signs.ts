/**
 * negative-points: an indicator or a category whose points are below 0 where nothing takes points away - not a
 * negative list, a penalty or deduction section, nor a row that deducts. "-5分" on an ordinary indicator lowers
 * the book's total without a word; on a penalty row it is the penalty.
 */
import { categoriesOf, type Book, type Category, type Indicator } from "../book";
import { clipText } from "../clip";
import { at, finding, type Finding, pts } from "./finding";

const TAKES_AWAY = new Set(["penalty", "deduction"]);
/** Words that make a row one that takes points away ("扣5分", "倒扣", "减3分"). */
const DEDUCTS = /扣|减分|倒减|罚/;

function penaltyContext(book: Book, category: Category, indicator?: Indicator): boolean {
  if (book.kind === "penalty-list" || TAKES_AWAY.has(category.kind) || DEDUCTS.test(category.name)) return true;
  return indicator !== undefined && (TAKES_AWAY.has(indicator.kind) || DEDUCTS.test(indicator.name) || DEDUCTS.test(indicator.criterion ?? ""));
}

export function negativePoints(book: Book): Finding[] {
  return categoriesOf(book).flatMap((category) => {
    const own: Finding[] = category.points?.isNegative() && !penaltyContext(book, category)
      ? [finding(
        { rule: "negative-points", severity: "error", ...at(book, category.cell, category.name), stated: category.points, computed: null },
        "negative-points", { indicator: clipText(category.name, 30), points: pts(category.points) },
      )]
      : [];
    const items = category.indicators
      .filter((indicator) => indicator.points?.isNegative() && !penaltyContext(book, category, indicator))
      .map((indicator) => finding(
        { rule: "negative-points", severity: "error", ...at(book, indicator.pointsCell ?? indicator.cell, category.name), stated: indicator.points, computed: null },
        "negative-points", { indicator: clipText(indicator.name, 30), points: pts(indicator.points!) },
      ));
    return [...own, ...items];
  });
}
