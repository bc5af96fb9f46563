/**
 * A target text split into its labelled parts: quarter blocks ("第一季度：…"), headings with points
 * ("分季度（9分）：…", "重点工作（3分）：…"), and the unlabelled text, each with the inline sub-points inside it.
 */
import type { TextSegment } from "../book";
import { inlinePoints, normalizeDigits, POINTS_CLOSE, POINTS_OPEN } from "../points";
import { byText } from "../memo";

const QUARTER_NUMBERS: Record<string, 1 | 2 | 3 | 4> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
/** "第一季度：", "一季度:", "第1季度：" at the start of a line. */
const QUARTER_LABEL = /^(第?([一二三四1-4])季度)\s*[：:]/;
/** "分季度（9分）：", "重点工作（3分）：" at the start of a line: a heading carrying points. */
const HEADING_LABEL = new RegExp(String.raw`^([^：:\n（(【〔\[]{1,16})\s*${POINTS_OPEN}\s*(\d+(?:\.\d+)?)\s*分\s*${POINTS_CLOSE}\s*[：:]`);

interface Boundary {
  index: number;
  label: string;
  quarter: 1 | 2 | 3 | 4 | null;
  /** Offset where the label ends (its own points are inside the label). */
  labelEnd: number;
}

function boundaries(text: string): Boundary[] {
  const found: Boundary[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    // Both labels hold 季度 or 分: other lines are skipped before the regular expressions.
    if (!line.includes("分") && !line.includes("季度")) {
      lineStart += line.length + 1;
      continue;
    }
    const leading = line.length - line.trimStart().length;
    const trimmed = line.slice(leading);
    const quarter = QUARTER_LABEL.exec(trimmed);
    const heading = quarter ? null : HEADING_LABEL.exec(trimmed);
    const match = quarter ?? heading;
    if (match) {
      found.push({
        index: lineStart + leading,
        label: quarter ? quarter[1] : heading![1].trim(),
        quarter: quarter ? QUARTER_NUMBERS[quarter[2]] : null,
        labelEnd: lineStart + leading + match[0].length,
      });
    }
    lineStart += line.length + 1;
  }
  return found;
}

/** Segments of a target text, in order. A text without labels is one unlabelled segment; an empty text none. The
 * same text gives the same (frozen) segments: a workbook repeats its targets in book after book. */
export const textSegments: (text: string) => TextSegment[] = byText((text) => {
  const segments = readSegments(text);
  for (const segment of segments) Object.freeze(Object.freeze(segment).items);
  return Object.freeze(segments) as TextSegment[];
});

function readSegments(text: string): TextSegment[] {
  const normalized = normalizeDigits(text);
  if (normalized.trim() === "") return [];
  // No 分 and no 季度: no points mention and no label, one plain segment.
  if (!normalized.includes("分") && !normalized.includes("季度")) return [{ label: null, quarter: null, points: null, items: [], text: normalized.trim() }];
  const mentions = inlinePoints(normalized);
  const marks = boundaries(normalized);
  const segments: TextSegment[] = [];
  const spans: { start: number; end: number; labelEnd: number; boundary: Boundary | null }[] = [];
  const firstStart = marks.length ? marks[0].index : normalized.length;
  if (normalized.slice(0, firstStart).trim() !== "") spans.push({ start: 0, end: firstStart, labelEnd: 0, boundary: null });
  marks.forEach((mark, i) => {
    spans.push({ start: mark.index, end: i + 1 < marks.length ? marks[i + 1].index : normalized.length, labelEnd: mark.labelEnd, boundary: mark });
  });
  for (const span of spans) {
    const inside = mentions.filter((m) => m.index >= span.start && m.index < span.end);
    const own = inside.filter((m) => m.index < span.labelEnd);
    const items = inside.filter((m) => m.index >= span.labelEnd).map((m) => m.points);
    segments.push({
      label: span.boundary ? span.boundary.label : null,
      quarter: span.boundary ? span.boundary.quarter : null,
      points: own.length ? own[own.length - 1].points : null,
      items,
      text: normalized.slice(span.start, span.end).trim(),
    });
  }
  return segments;
}
