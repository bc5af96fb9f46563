/**
 * inline-sum: sub-points written inside a target text against the row's points (and a heading's points, such as
 * "分季度（9分）", against the items under it).
 * quarter-sum: each quarter block carries the row's full points (less any annual part), checked block by block.
 * target-sum: period targets against the annual figure the text states.
 */
import { categoriesOf, type Book, type TextSegment } from "../book";
import { type Decimal, sum } from "../decimal";
import { periodSeries, seriesTotal } from "../periods";
import { at, type Finding, pts } from "./finding";

/** A series needs a list (two separators or more) and either brackets or "分别" ("…分别为"): texts without them are
 * skipped before periodSeries' regular expressions run over them. */
const SEPARATOR = /[、，,]/g;
function mayHoldSeries(text: string): boolean {
  if (!text.includes("分别") && !text.includes("（") && !text.includes("(")) return false;
  SEPARATOR.lastIndex = 0;
  return SEPARATOR.test(text) && SEPARATOR.test(text);
}

function segmentTotal(segment: TextSegment): Decimal {
  return segment.points ?? sum(segment.items);
}

function mentionCount(segments: TextSegment[]): number {
  return segments.reduce((n, s) => n + s.items.length + (s.points ? 1 : 0), 0);
}

export function inlineSum(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      if (indicator.points === null || category.kind === "penalty") continue;
      const annual = indicator.segments.filter((s) => s.quarter === null);
      for (const heading of annual) {
        if (heading.points === null || heading.items.length === 0) continue;
        const computed = sum(heading.items);
        if (computed.eq(heading.points)) continue;
        findings.push({
          rule: "inline-sum", severity: "error", ...at(book, indicator.targetCell, category.name),
          stated: heading.points, computed,
          message: {
            zh: `“${heading.label}”标明${pts(heading.points)}分，其下各项合计${pts(computed)}分`,
            en: `${heading.label} states ${pts(heading.points)} points; its items add up to ${pts(computed)}`,
          },
        });
      }
      if (indicator.criterionPoints !== null && !indicator.criterionPoints.eq(indicator.points)) {
        findings.push({
          rule: "inline-sum", severity: indicator.criterionAmbiguous ? "warning" : "error", ...at(book, indicator.criterionCell ?? indicator.cell, category.name),
          stated: indicator.points, computed: indicator.criterionPoints,
          message: {
            zh: `“${indicator.name}”标明${pts(indicator.points)}分，评分标准中满分为${pts(indicator.criterionPoints)}分` +
              (indicator.criterionAmbiguous ? "（另有从总分扣分的规定）" : ""),
            en: `${indicator.name} states ${pts(indicator.points)} points; its scoring criterion gives full marks of ${pts(indicator.criterionPoints)}` +
              (indicator.criterionAmbiguous ? " (it also deducts from the total)" : ""),
          },
        });
      }
      const hasQuarters = indicator.segments.some((s) => s.quarter !== null);
      if (hasQuarters) continue;
      if (mentionCount(annual) < 2 && !annual.some((s) => s.points !== null)) continue;
      const computed = sum(annual.map(segmentTotal));
      if (computed.eq(indicator.points)) continue;
      findings.push({
        rule: "inline-sum", severity: "error", ...at(book, indicator.targetCell, category.name),
        stated: indicator.points, computed,
        message: {
          zh: `“${indicator.name}”标明${pts(indicator.points)}分，目标要求中的分项分值合计${pts(computed)}分`,
          en: `${indicator.name} states ${pts(indicator.points)} points; the sub-points in its target add up to ${pts(computed)}`,
        },
      });
    }
  }
  return findings;
}

export function quarterSum(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      if (indicator.points === null) continue;
      const quarters = indicator.segments.filter((s) => s.quarter !== null && (s.items.length > 0 || s.points !== null));
      if (quarters.length === 0) continue;
      const annualPart = sum(indicator.segments.filter((s) => s.quarter === null).map(segmentTotal));
      const expected = indicator.points.minus(annualPart);
      for (const quarter of quarters) {
        const computed = segmentTotal(quarter);
        if (computed.eq(expected)) continue;
        const annualZh = annualPart.isZero() ? "" : `（扣除全年部分${pts(annualPart)}分）`;
        const annualEn = annualPart.isZero() ? "" : ` (after the annual part of ${pts(annualPart)})`;
        findings.push({
          rule: "quarter-sum", severity: "error", ...at(book, indicator.targetCell, category.name),
          stated: expected, computed,
          message: {
            zh: `“${indicator.name}”${quarter.label}应为${pts(expected)}分${annualZh}，所列分项合计${pts(computed)}分`,
            en: `${indicator.name}, ${quarter.label}: should carry ${pts(expected)} points${annualEn}; its items add up to ${pts(computed)}`,
          },
        });
      }
    }
  }
  return findings;
}

export function targetSum(book: Book): Finding[] {
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      if (!mayHoldSeries(indicator.target)) continue;
      for (const series of periodSeries(indicator.target)) {
        if (series.annual === null) continue;
        const computed = seriesTotal(series);
        if (computed.eq(series.annual)) continue;
        const how = series.cumulative ? "累计末期" : "分期合计";
        findings.push({
          rule: "target-sum", severity: "error", ...at(book, indicator.targetCell, category.name),
          stated: series.annual, computed,
          message: {
            zh: `“${indicator.name}”全年目标${pts(series.annual)}${series.unit}，${how}${pts(computed)}${series.unit}`,
            en: `${indicator.name}: the annual target is ${pts(series.annual)}${series.unit}; the periods ${series.cumulative ? "end at" : "add up to"} ${pts(computed)}${series.unit}`,
          },
        });
      }
    }
  }
  return findings;
}
