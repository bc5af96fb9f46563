/**
 * points-conflict: points stated twice for one row (a 分值 column and the text) that disagree, or a bonus cap
 * stated in the text that differs from the bonus section's.
 * bonus-cap: a bonus item allowed more than the whole bonus section, or item caps that do not match it.
 * weights-sum: assessor groups' weights that do not add up to 100%.
 */
import { categoriesOf, indicatorsOf, type Book } from "../book";
import { dec, sum } from "../decimal";
import { at, type Finding, pts } from "./finding";

export function pointsConflict(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      if (indicator.pointsConflict === null || indicator.points === null) continue;
      findings.push({
        rule: "points-conflict", severity: "error", ...at(book, indicator.pointsCell ?? indicator.cell, category.name),
        stated: indicator.points, computed: indicator.pointsConflict,
        message: {
          zh: `“${indicator.name}”分值列为${pts(indicator.points)}分，文字中写${pts(indicator.pointsConflict)}分，前后不一致`,
          en: `${indicator.name}: the points column says ${pts(indicator.points)}, the text says ${pts(indicator.pointsConflict)}`,
        },
      });
    }
    if (category.kind === "bonus" && book.bonusCap !== null && category.cap !== null && !category.cap.eq(book.bonusCap)) {
      findings.push({
        rule: "points-conflict", severity: "error", ...at(book, category.cell, category.name),
        stated: book.bonusCap, computed: category.cap,
        message: {
          zh: `考核办法写加分项目${pts(book.bonusCap)}分，加分项目表中为${pts(category.cap)}分`,
          en: `The method allows ${pts(book.bonusCap)} bonus points; the bonus section states ${pts(category.cap)}`,
        },
      });
    }
  }
  return findings;
}

export function bonusCap(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    if (category.kind !== "bonus") continue;
    const cap = category.cap ?? book.bonusCap;
    if (cap === null) continue;
    for (const item of category.indicators) {
      if (item.cap !== null && item.cap.gt(cap)) {
        findings.push({
          rule: "bonus-cap", severity: "error", ...at(book, item.pointsCell ?? item.cell, category.name),
          stated: cap, computed: item.cap,
          message: {
            zh: `加分项“${item.name.slice(0, 20)}”最高${pts(item.cap)}分，超过加分总上限${pts(cap)}分`,
            en: `Bonus item ${item.name.slice(0, 20)} allows ${pts(item.cap)}, more than the overall bonus cap of ${pts(cap)}`,
          },
        });
      }
    }
    const caps = category.indicators.map((i) => i.cap).filter((c) => c !== null);
    if (caps.length && caps.length === category.indicators.length && sum(caps).lt(cap)) {
      const total = sum(caps);
      findings.push({
        rule: "bonus-cap", severity: "warning", ...at(book, category.cell, category.name),
        stated: cap, computed: total,
        message: {
          zh: `加分项目上限${pts(cap)}分，各项最高分合计只有${pts(total)}分，上限无法达到`,
          en: `The bonus cap is ${pts(cap)}, but the items' caps add up to only ${pts(total)}`,
        },
      });
    }
  }
  return findings;
}

/** The bonus allowance the book states ("奖励分为15分") against the bonus points its rows allow ("（12分，7分奖分）"). */
export function bonusAllowance(book: Book): Finding[] {
  if (book.bonusCap === null || categoriesOf(book).some((c) => c.kind === "bonus")) return [];
  const bonuses = indicatorsOf(book).map((i) => i.bonus).filter((b): b is NonNullable<typeof b> => b !== null);
  if (bonuses.length === 0) return [];
  const total = sum(bonuses);
  if (total.eq(book.bonusCap)) return [];
  return [{
    rule: "bonus-cap", severity: "error", ...at(book, book.cell, null),
    stated: book.bonusCap, computed: total,
    message: {
      zh: `考核办法写奖励分${pts(book.bonusCap)}分，各项所列奖励分合计${pts(total)}分`,
      en: `The method allows ${pts(book.bonusCap)} bonus points; the rows' bonus points add up to ${pts(total)}`,
    },
  }];
}

export function weightsSum(book: Book): Finding[] {
  if (book.weights.length === 0) return [];
  const total = sum(book.weights.map((w) => w.weight));
  if (total.eq(1)) return [];
  const percent = total.times(100);
  return [{
    rule: "weights-sum", severity: "error", ...at(book, book.cell, null),
    stated: dec(100), computed: percent,
    message: {
      zh: `评分权重（${book.weights.map((w) => `${w.label}${pts(w.weight.times(100))}%`).join("、")}）合计${pts(percent)}%，不是100%`,
      en: `Assessor weights (${book.weights.map((w) => `${w.label} ${pts(w.weight.times(100))}%`).join(", ")}) add up to ${pts(percent)}%, not 100%`,
    },
  }];
}

/** Each weight column of the indicators (权重) against 100: a blank cell means the row is not weighted there. */
export function weightColumnsSum(book: Book): Finding[] {
  const labels = book.columns.filter((c) => c.role === "weight");
  if (labels.length === 0) return [];
  const indicators = indicatorsOf(book);
  return labels.flatMap((column, index): Finding[] => {
    const weights = indicators.map((i) => i.weights[index]).filter((w): w is NonNullable<typeof w> => w !== null && w !== undefined);
    if (weights.length === 0) return [];
    const total = sum(weights);
    if (total.eq(100)) return [];
    return [{
      rule: "weights-sum", severity: "error", ...at(book, column.cell, null),
      stated: dec(100), computed: total,
      message: {
        zh: `“${column.label}”列各指标权重合计${pts(total)}，不是100`,
        en: `The weights in column ${column.label} add up to ${pts(total)}, not 100`,
      },
    }];
  });
}
