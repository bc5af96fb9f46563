/**
 * The charts of the 汇总 sheet, made to be read by a clerk: the units whose books have findings, errors and warnings
 * stacked, most first (not every unit's total, which nearly all read 100), and the points of each top-level
 * category over all the books, largest first. Each chart draws a small table written right of the summary table
 * (the data a chart needs in ranges of the sheet), so that Excel, LibreOffice and the preview draw the same bars.
 */
import type { Book } from "../book";
import { columnLetters } from "../grid";
import { type Decimal, decimalString, sum } from "../decimal";
import { countsTowardBase, categoryPoints } from "../totals";
import { value, type ChartSpec, type SpecCell } from "../sheetSpec";

/** A book of the summary (CheckedBook's part the charts read). */
interface SummaryBook {
  book: Book;
}

/** The fills of errors and warnings in the charts (the red and amber of the error and warning cells). */
export const ERROR_FILL = "C00000";
export const WARNING_FILL = "ED7D31";
export const POINTS_FILL = "4472C4";

export interface SummaryChartText {
  chartFindings: string;
  chartCategoryPoints: string;
  /** 考核单位, 错误, 警告 */
  findingsChartHeader: string[];
  /** 考核内容, 责任书数, 分值合计 */
  categoryChartHeader: string[];
}


/** Writes `cell` at 0-based (row, col) of `rows`, padding with blanks. */
function put(rows: SpecCell[][], row: number, col: number, cell: SpecCell): void {
  while (rows.length <= row) rows.push([]);
  const target = rows[row];
  while (target.length < col) target.push(value(null));
  target[col] = cell;
}

const header = (rows: SpecCell[][], col: number, labels: string[]) => labels.forEach((label, i) => put(rows, 1, col + i, value(label, "header")));
const num = (d: Decimal): number => Number(decimalString(d));

interface CategoryPoints {
  name: string;
  books: number;
  points: Decimal;
}

/** Each top-level category's points summed over the books that have it (same name), largest first; none at 0. */
export function pointsByCategory(books: readonly SummaryBook[]): CategoryPoints[] {
  const byName = new Map<string, { books: Set<number>; points: Decimal[] }>();
  books.forEach(({ book }, index) => {
    if (book.kind === "penalty-list") return;
    for (const category of book.categories) {
      if (!countsTowardBase(category)) continue;
      const name = category.name.trim();
      const entry = byName.get(name) ?? { books: new Set<number>(), points: [] };
      byName.set(name, entry);
      entry.books.add(index);
      entry.points.push(categoryPoints(category));
    }
  });
  return [...byName]
    .map(([name, e]) => ({ name, books: e.books.size, points: sum(e.points) }))
    .filter((c) => c.points.gt(0))
    .sort((a, b) => b.points.comparedTo(a.points));
}

/**
 * Writes the charts' tables into `rows` right of the summary table and returns the charts and the widths of the
 * columns they added (after the table's own). `counts[i]` are the errors and warnings of book i.
 */
export function summaryCharts(
  books: readonly SummaryBook[],
  counts: readonly { errors: number; warnings: number }[],
  rows: SpecCell[][],
  /** Columns of the summary table: the chart tables start one column right of them. */
  width: number,
  text: SummaryChartText,
): { charts: ChartSpec[]; widths: number[] } {
  const charts: ChartSpec[] = [];
  const widths: number[] = [];
  let col = width + 1;
  const letter = (c: number) => columnLetters(c);

  const withFindings = books
    .map((b, i) => ({ unit: b.book.unit, i, ...counts[i] }))
    .filter((b) => b.errors + b.warnings > 0)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.i - b.i);
  if (withFindings.length > 0) {
    header(rows, col, text.findingsChartHeader);
    withFindings.forEach((b, k) => {
      put(rows, 2 + k, col, value(b.unit));
      put(rows, 2 + k, col + 1, value(b.errors));
      put(rows, 2 + k, col + 2, value(b.warnings));
    });
    const range = (c: number) => `${letter(c)}3:${letter(c)}${2 + withFindings.length}`;
    charts.push({
      kind: "bar", title: text.chartFindings, categories: range(col), stacked: true,
      values: range(col + 1), name: text.findingsChartHeader[1], color: ERROR_FILL,
      moreSeries: [{ name: text.findingsChartHeader[2], values: range(col + 2), color: WARNING_FILL }],
    });
    widths.push(2, 26, 6, 6);
    col += 4;
  }

  const categories = pointsByCategory(books);
  if (categories.length > 0) {
    header(rows, col, text.categoryChartHeader);
    categories.forEach((c, k) => {
      put(rows, 2 + k, col, value(c.name));
      put(rows, 2 + k, col + 1, value(c.books));
      put(rows, 2 + k, col + 2, value(num(c.points)));
    });
    const range = (c: number) => `${letter(c)}3:${letter(c)}${2 + categories.length}`;
    charts.push({ kind: "bar", title: text.chartCategoryPoints, categories: range(col), values: range(col + 2), name: text.categoryChartHeader[2], color: POINTS_FILL });
    widths.push(2, 22, 8, 8);
  }
  return { charts, widths };
}

/** Grade fills from the best grade down (green, blue, amber, then greys), with the colours' names; a failing
 * grade is red. */
const GRADE_FILLS: { fill: string; colour: string }[] = [
  { fill: "70AD47", colour: "绿" }, { fill: "4472C4", colour: "蓝" }, { fill: "FFC000", colour: "黄" },
  { fill: "7F7F7F", colour: "深灰" }, { fill: "BFBFBF", colour: "浅灰" },
];
const FAIL_FILL = { fill: "C00000", colour: "红" };
const NO_GRADE_FILL = "D9D9D9";
/** Grade names that fail (不合格, 不达标, 不称职, 较差, 差, 不及格). */
const FAILING = /^(不合格|不达标|不称职|不及格|较差|差)$/;

/**
 * 排名's chart: the units' totals as bars, highest first as the sheet lists them, each in its grade's colour - the
 * passing grades ordered by their best total, the best green, a failing grade red, whatever the book calls them -
 * the colours named in the title. `units` are the ranked units in sheet order; the ranges are their names and totals.
 */
export function gradeChart(units: readonly { total: number; grade: string | null }[], categories: string, values: string): ChartSpec {
  const best = new Map<string, number>();
  for (const { total, grade } of units) if (grade !== null && !(total <= (best.get(grade) ?? -Infinity))) best.set(grade, total);
  const ordered = [...best].sort((a, b) => b[1] - a[1]).map(([grade]) => grade);
  const passing = ordered.filter((g) => !FAILING.test(g.trim()));
  const fillOf = new Map<string, { fill: string; colour: string }>();
  passing.slice(0, GRADE_FILLS.length).forEach((grade, i) => fillOf.set(grade, GRADE_FILLS[i]));
  for (const grade of ordered) if (FAILING.test(grade.trim())) fillOf.set(grade, FAIL_FILL);
  const key = ordered.filter((g) => fillOf.has(g)).map((grade) => `${fillOf.get(grade)!.colour}：${grade}`).join(" ");
  return {
    kind: "bar",
    title: key ? `各单位总分（${key}）` : "各单位总分",
    categories,
    values,
    name: "总分",
    pointColors: units.map((u) => (u.grade === null ? NO_GRADE_FILL : fillOf.get(u.grade)?.fill ?? NO_GRADE_FILL)),
  };
}
