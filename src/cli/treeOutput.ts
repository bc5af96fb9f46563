/**
 * The `tree` command's human output: every book with its categories and indicators, in Chinese labels.
 */
import { BOOK_KIND_NAMES, type Book, type Category, type CategoryKind, type IndicatorKind, type TextSegment } from "../core/book";
import type { Decimal } from "../core/decimal";
import { decimalString, sum } from "../core/decimal";
import type { SheetReading } from "../core/layout";
import { readingMessage } from "./sheetReadings";

const BOOK_KIND_LABELS = BOOK_KIND_NAMES.zh;

const CATEGORY_KIND_LABELS: Record<CategoryKind, string> = {
  normal: "计分",
  deduction: "扣分制",
  bonus: "加分项目",
  penalty: "负面清单",
  pending: "待下达",
  reference: "见专项责任书",
};

const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  score: "计分",
  deduction: "扣分",
  pending: "待下达",
  reference: "见专项责任书",
  penalty: "扣分项",
  bonus: "加分",
};

function pointsLabel(points: Decimal | null): string {
  return points === null ? "未标分值" : `${decimalString(points)}分`;
}

const MAX_NAME = 40;

/** One line of text: line breaks inside cells become spaces; long texts are cut with an ellipsis. */
function oneLine(text: string): string {
  const line = text.replace(/\s*\n\s*/g, " ").trim();
  return line.length > MAX_NAME ? `${line.slice(0, MAX_NAME)}…` : line;
}

/** "第一季度 3+2+2+3=10", "分季度（9分） 1+3+3+2=9". */
function segmentLabel(segment: TextSegment): string {
  const label = segment.label === null ? "" : segment.points === null ? `${segment.label} ` : `${segment.label}（${decimalString(segment.points)}分） `;
  if (segment.items.length === 0) return label.trim();
  return `${label}${segment.items.map(decimalString).join("+")}=${decimalString(sum(segment.items))}`;
}

function categoryLines(category: Category, indent: string): string[] {
  const cap = category.cap === null ? "" : `  上限：${decimalString(category.cap)}分`;
  const bonus = category.bonus === null ? "" : `  奖励分：${decimalString(category.bonus)}分`;
  const weight = category.weight === null ? "" : `  权重：${decimalString(category.weight)}`;
  const lines = [
    `${indent}类别：${oneLine(category.name)}  ${pointsLabel(category.points)}${weight}${bonus}  类型：` +
      `${CATEGORY_KIND_LABELS[category.kind]}${cap}  单元格：${category.cell}`,
  ];
  for (const indicator of category.indicators) {
    const owner = indicator.owner === null ? "" : `  责任单位：${oneLine(indicator.owner)}`;
    const bonusItem = indicator.bonus === null ? "" : `  奖励分：${decimalString(indicator.bonus)}分`;
    lines.push(
      `${indent}  指标：${oneLine(indicator.name)}  ${pointsLabel(indicator.points)}${bonusItem}  类型：` +
        `${INDICATOR_KIND_LABELS[indicator.kind]}${owner}  单元格：${indicator.cell}`,
    );
    const parts = indicator.segments.filter((segment) => segment.items.length > 0 || segment.points !== null);
    if (parts.length > 0) lines.push(`${indent}    分项：${parts.map(segmentLabel).join("；")}`);
    if (indicator.criterionPoints !== null) lines.push(`${indent}    评分标准满分：${decimalString(indicator.criterionPoints)}分`);
    for (const entry of indicator.entries) lines.push(`${indent}    ${entry.label}：${String(entry.value)}  单元格：${entry.cell}`);
  }
  for (const child of category.categories) lines.push(...categoryLines(child, `${indent}  `));
  return lines;
}

export function bookTreeLines(book: Book): string[] {
  const lines = [
    `责任书：${oneLine(book.unit)}  类型：${BOOK_KIND_LABELS[book.kind]}  位置：${book.sheet}!${book.cell}` +
      `  基准分：${decimalString(book.base)}${book.baseAssumed ? "（未标明）" : ""}`,
  ];
  const extras = book.columns.filter((c) => c.role === "extra" || c.role === "remark");
  if (extras.length) lines.push(`  其他列：${extras.map((c) => `${c.label}（${c.cell}）`).join("、")}`);
  for (const category of book.categories) lines.push(...categoryLines(category, "  "));
  for (const total of book.totals) lines.push(`  ${total.label}：${decimalString(total.stated)}分  单元格：${total.cell}`);
  return lines;
}

export function sheetReadingLine(reading: SheetReading): string {
  return reading.reason === null
    ? `工作表 ${reading.sheet}：${reading.books} 份责任书`
    : `工作表 ${reading.sheet}：未找到责任书（${readingMessage(reading, "zh")}）`;
}

export function fileTreeLines(file: string, books: Book[], sheets: SheetReading[]): string[] {
  const lines = [`文件：${file}`];
  for (const reading of sheets) {
    lines.push(sheetReadingLine(reading));
    for (const book of books.filter((b) => b.sheet === reading.sheet)) {
      lines.push(...bookTreeLines(book).map((line) => `  ${line}`));
    }
  }
  return lines;
}
