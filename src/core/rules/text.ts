/**
 * inline-sum: sub-points written inside a target text against the row's points (and a heading's points, such as
 * "分季度（9分）", against the items under it).
 * quarter-sum: each quarter block carries the row's full points (less any annual part), checked block by block.
 * target-sum: period targets against the annual figure the text states.
 */
import { categoriesOf, type Book, type TextSegment } from "../book";
import { type Decimal, sum } from "../decimal";
import { periodSeries, seriesTotal } from "../periods";
import { at, finding, type Finding, pts } from "./finding";

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
        findings.push(finding(
          { rule: "inline-sum", severity: "error", ...at(book, indicator.targetCell, category.name), stated: heading.points, computed },
          "inline-sum.heading", { heading: heading.label ?? "", stated: pts(heading.points), computed: pts(computed) },
        ));
      }
      if (indicator.criterionPoints !== null && !indicator.criterionPoints.eq(indicator.points)) {
        findings.push(finding(
          {
            rule: "inline-sum", severity: indicator.criterionAmbiguous ? "warning" : "error",
            ...at(book, indicator.criterionCell ?? indicator.cell, category.name),
            stated: indicator.points, computed: indicator.criterionPoints,
          },
          "inline-sum.criterion",
          { indicator: indicator.name, stated: pts(indicator.points), computed: pts(indicator.criterionPoints), ambiguous: indicator.criterionAmbiguous },
        ));
      }
      const hasQuarters = indicator.segments.some((s) => s.quarter !== null);
      if (hasQuarters) continue;
      if (mentionCount(annual) < 2 && !annual.some((s) => s.points !== null)) continue;
      const computed = sum(annual.map(segmentTotal));
      if (computed.eq(indicator.points)) continue;
      findings.push(finding(
        { rule: "inline-sum", severity: "error", ...at(book, indicator.targetCell, category.name), stated: indicator.points, computed },
        "inline-sum", { indicator: indicator.name, stated: pts(indicator.points), computed: pts(computed) },
      ));
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
        findings.push(finding(
          { rule: "quarter-sum", severity: "error", ...at(book, indicator.targetCell, category.name), stated: expected, computed },
          "quarter-sum", {
            indicator: indicator.name, quarter: quarter.label ?? "", expected: pts(expected),
            annual: annualPart.isZero() ? null : pts(annualPart), computed: pts(computed),
          },
        ));
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
        findings.push(finding(
          { rule: "target-sum", severity: "error", ...at(book, indicator.targetCell, category.name), stated: series.annual, computed },
          "target-sum",
          { indicator: indicator.name, annual: pts(series.annual), computed: pts(computed), unit: series.unit, cumulative: series.cumulative },
        ));
      }
    }
  }
  return findings;
}
