/**
 * missing-points: an indicator without points in a book that gives points.
 * empty-target: an indicator with nothing to achieve.
 * missing-owner: a row of a decomposition table with no responsible unit.
 * penalty-tiers: a penalty whose amount depends on a level (省/市/县通报), to be chosen when scoring.
 */
import { categoriesOf, type Book, type Category, type Indicator } from "../book";
import { givesPoints } from "../totals";
import { at, type Finding, pts } from "./finding";

const UNSCORED_KINDS = new Set(["pending", "reference", "deduction"]);


function needsPoints(category: Category, indicator: Indicator): boolean {
  if (indicator.points !== null || UNSCORED_KINDS.has(indicator.kind) || UNSCORED_KINDS.has(category.kind)) return false;
  if (indicator.kind === "penalty") return indicator.tiers.length === 0;
  return true;
}

export function missingPoints(book: Book): Finding[] {
  if (!givesPoints(book)) return [];
  return categoriesOf(book).flatMap((category) =>
    category.indicators.filter((indicator) => needsPoints(category, indicator)).map((indicator): Finding => {
      const where = category.points !== null ? `（类别“${category.name}”${pts(category.points)}分）` : "";
      const whereEn = category.points !== null ? ` (category ${category.name}, ${pts(category.points)} points)` : "";
      return {
        rule: "missing-points", severity: "warning", ...at(book, indicator.cell, category.name),
        stated: null, computed: null,
        message: {
          zh: `指标“${indicator.name.slice(0, 30)}”未标分值${where}`,
          en: `Indicator ${indicator.name.slice(0, 30)} has no points${whereEn}`,
        },
      };
    }),
  );
}

export function emptyTarget(book: Book): Finding[] {
  return categoriesOf(book).flatMap((category) =>
    category.indicators
      .filter((i) => i.target.trim() === "" && i.kind !== "pending" && i.kind !== "deduction")
      .map((indicator): Finding => ({
        rule: "empty-target", severity: "warning", ...at(book, indicator.targetCell, category.name),
        stated: null, computed: null,
        message: {
          zh: `“${indicator.name}”没有填写目标要求，无法据此考核`,
          en: `${indicator.name} has no target text to be assessed against`,
        },
      })),
  );
}

export function missingOwner(book: Book): Finding[] {
  if (book.kind !== "decomposition") return [];
  return categoriesOf(book).flatMap((category) =>
    category.indicators.filter((i) => !i.owner).map((indicator): Finding => ({
      rule: "missing-owner", severity: "warning", ...at(book, indicator.cell, category.name),
      stated: null, computed: null,
      message: {
        zh: `指标“${indicator.name.slice(0, 30)}”没有责任单位`,
        en: `Indicator ${indicator.name.slice(0, 30)} has no responsible unit`,
      },
    })),
  );
}

export function penaltyTiers(book: Book): Finding[] {
  return categoriesOf(book).flatMap((category) =>
    category.indicators.filter((i) => i.tiers.length > 1).map((indicator): Finding => ({
      rule: "penalty-tiers", severity: "info", ...at(book, indicator.cell, category.name),
      stated: null, computed: null,
      message: {
        zh: `“${category.name}”扣分按通报级别而定：${indicator.tiers.map(pts).join(" / ")}分，评分时需选定`,
        en: `${category.name}: the penalty depends on the level of the notice (${indicator.tiers.map(pts).join(" / ")}); choose one when scoring`,
      },
    })),
  );
}
