/**
 * The `tree` command's human output: every book with its categories and indicators, in the words of src/locales
 * (Chinese by default, English with --lang en).
 */
import { BOOK_KIND_NAMES, type Book, type Category, type TextSegment } from "../core/book";
import type { Decimal } from "../core/decimal";
import type { SheetHiding } from "../core/grid";
import { decimalString, sum } from "../core/decimal";
import type { SheetReading } from "../core/layout";
import { clipText } from "../core/rules";
import { type Language, LOCALES, type TreeText } from "../locales";
import { readingMessage } from "./sheetReadings";

function pointsLabel(points: Decimal | null, t: TreeText): string {
  return points === null ? t.noPoints : t.points(decimalString(points));
}

const MAX_NAME = 40;

/** One line of text: line breaks inside cells become spaces; long texts are cut with an ellipsis, quotes kept
 * balanced. */
function oneLine(text: string): string {
  return clipText(text, MAX_NAME);
}

/** "第一季度 3+2+2+3=10", "分季度（9分） 1+3+3+2=9". */
function segmentLabel(segment: TextSegment, t: TreeText): string {
  const label = segment.label === null ? "" : segment.points === null ? `${segment.label} ` : `${t.headingPoints(segment.label, decimalString(segment.points))} `;
  if (segment.items.length === 0) return label.trim();
  return `${label}${segment.items.map(decimalString).join("+")}=${decimalString(sum(segment.items))}`;
}

function categoryLines(category: Category, indent: string, t: TreeText): string[] {
  const field = (name: string, value: string) => `  ${name}${t.colon}${value}`;
  const cap = category.cap === null ? "" : field(t.cap, t.points(decimalString(category.cap)));
  const bonus = category.bonus === null ? "" : field(t.bonus, t.points(decimalString(category.bonus)));
  const weight = category.weight === null ? "" : field(t.weight, decimalString(category.weight));
  const lines = [
    `${indent}${t.category}${t.colon}${oneLine(category.name)}  ${pointsLabel(category.points, t)}${weight}${bonus}` +
      `${field(t.kind, t.categoryKinds[category.kind])}${cap}${field(t.cell, category.cell)}`,
  ];
  for (const indicator of category.indicators) {
    const owner = indicator.owner === null ? "" : field(t.owner, oneLine(indicator.owner));
    const bonusItem = indicator.bonus === null ? "" : field(t.bonus, t.points(decimalString(indicator.bonus)));
    lines.push(
      `${indent}  ${t.indicator}${t.colon}${oneLine(indicator.name)}  ${pointsLabel(indicator.points, t)}${bonusItem}` +
        `${field(t.kind, t.indicatorKinds[indicator.kind])}${owner}${field(t.cell, indicator.cell)}`,
    );
    const parts = indicator.segments.filter((segment) => segment.items.length > 0 || segment.points !== null);
    if (parts.length > 0) lines.push(`${indent}    ${t.parts}${t.colon}${parts.map((p) => segmentLabel(p, t)).join(t.partList)}`);
    if (indicator.criterionPoints !== null) lines.push(`${indent}    ${t.criterion}${t.colon}${t.points(decimalString(indicator.criterionPoints))}`);
    for (const entry of indicator.entries) lines.push(`${indent}    ${entry.label}${t.colon}${String(entry.value)}${field(t.cell, entry.cell)}`);
  }
  for (const child of category.categories) lines.push(...categoryLines(child, `${indent}  `, t));
  return lines;
}

export function bookTreeLines(book: Book, language: Language = "zh"): string[] {
  const t = LOCALES[language].tree;
  const lines = [
    `${t.book}${t.colon}${oneLine(book.unit)}  ${t.kind}${t.colon}${BOOK_KIND_NAMES[language][book.kind]}  ${t.at}${t.colon}${book.sheet}!${book.cell}` +
      `  ${t.base}${t.colon}${decimalString(book.base)}${book.baseAssumed ? t.baseAssumed : ""}`,
  ];
  const extras = book.columns.filter((c) => c.role === "extra" || c.role === "remark");
  if (extras.length) lines.push(`  ${t.otherColumns}${t.colon}${extras.map((c) => `${c.label}（${c.cell}）`).join(t.list)}`);
  for (const category of book.categories) lines.push(...categoryLines(category, "  ", t));
  for (const total of book.totals) lines.push(`  ${total.label}${t.colon}${t.points(decimalString(total.stated))}  ${t.cell}${t.colon}${total.cell}`);
  return lines;
}

/** A sheet and what it gave; a sheet the workbook hides is named as hidden. */
export function sheetReadingLine(reading: SheetReading, language: Language = "zh", hidden?: SheetHiding): string {
  const t = LOCALES[language].tree;
  const reason = readingMessage(reading, language);
  const name = hidden ? `${reading.sheet}${LOCALES[language].report.hidden[hidden]}` : reading.sheet;
  return `${t.sheet} ${name}${t.colon}${reason === null ? t.books(reading.books) : t.noBook(reason)}`;
}

export function fileTreeLines(file: string, books: Book[], sheets: SheetReading[], language: Language = "zh", hidden: ReadonlyMap<string, SheetHiding> = new Map()): string[] {
  const lines = [`${LOCALES[language].tree.file}${LOCALES[language].tree.colon}${file}`];
  for (const reading of sheets) {
    lines.push(sheetReadingLine(reading, language, hidden.get(reading.sheet)));
    for (const book of books.filter((b) => b.sheet === reading.sheet)) {
      lines.push(...bookTreeLines(book, language).map((line) => `  ${line}`));
    }
  }
  return lines;
}
