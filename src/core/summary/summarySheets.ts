/**
 * The summary sheets as SheetSpecs, for any sink (the CLI's .xlsx, the add-in's new sheets):
 * 汇总 (every book: stated base, computed total, indicators, errors, warnings), 问题清单 (every finding with a link
 * back to its cell) and 责任单位 (each responsible unit's indicators and points from the decomposition tables, joint
 * owners split and two names of one office taken for one: owners.ts).
 *
 * `SUMMARY_SHEETS` is the list of sheet builders, in the order the sheets are added. A builder returns null when
 * it has nothing to show (no decomposition table: no 责任单位 sheet). Other sheets (a ranking of scoring sheets)
 * join by adding a builder to the list a caller passes to `summarySheets`.
 */
import { categoriesOf, type Book } from "../book";
import { decimalString, type Decimal, sum } from "../decimal";
import type { MergeArea } from "../grid";
import { itemsByOwner, type OwnedItem, type OwnerAliases } from "./owners";
import { checkBook, findingMessage, summarizeBook, type Finding, type Language, type Severity } from "../rules";
import { formula, link, printable, value, type CellStyle, type ChartSpec, type SheetSpec, type SpecCell } from "../sheetSpec";
import { summaryCharts } from "./summaryCharts";
import { LOCALES } from "../../locales";

/** The books of one workbook (file null: the workbook the sheets are added to). */
export interface SummarySource {
  file: string | null;
  books: Book[];
}

export interface SummaryOptions {
  language: Language;
  /** Links to source cells work only when the summary sheets live in the source workbook. When false (several
   * files into one new workbook) the place is written as text "file · sheet!cell". */
  links: boolean;
  /** The user's names of offices (a 单位别名 sheet, an alias file beside the workbook), for the 责任单位 sheet. */
  owners?: OwnerAliases;
}

/** A book with its findings, the unit of every summary sheet. */
export interface CheckedBook {
  file: string | null;
  book: Book;
  findings: Finding[];
}

export type SheetBuilder = (books: CheckedBook[], options: SummaryOptions) => SheetSpec | null;


const num = (d: Decimal | null): number | null => (d === null ? null : Number(decimalString(d)));

/** The place of a cell: a link when the summary lives in the source workbook, else text. */
function place(file: string | null, sheet: string, cell: string, options: SummaryOptions): SpecCell {
  const text = `${sheet}!${cell}`;
  if (options.links && file === null) return link(text, sheet, cell);
  return value(file === null ? text : `${file} · ${text}`);
}

function titleRow(text: string, width: number): { row: SpecCell[]; merge: MergeArea } {
  return { row: [value(text, "title")], merge: { top: 0, left: 0, bottom: 0, right: width - 1 } };
}

const header = (labels: string[]): SpecCell[] => labels.map((l) => value(l, "header"));

/** Removes the file column (index `col`) when every book comes from the workbook itself. */
function dropColumn<T>(row: T[], col: number, keep: boolean): T[] {
  return keep ? row : row.filter((_, i) => i !== col);
}

/** 汇总: one row per book, a total row with formulas, charts of the books with findings and of the points by
 * category (summaryCharts.ts). */
export const unitSummarySheet: SheetBuilder = (books, options) => {
  const t = LOCALES[options.language].summary;
  const files = books.some((b) => b.file !== null);
  const labels = dropColumn(t.summaryHeader, 1, files);
  const width = labels.length;
  const title = titleRow(t.summaryTitle, width);
  const rows: SpecCell[][] = [title.row, header(labels)];
  books.forEach(({ file, book, findings }, index) => {
    const s = summarizeBook(book);
    const stated = book.kind === "penalty-list" ? null : s.stated;
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.filter((f) => f.severity === "warning").length;
    const style: CellStyle | undefined = errors ? "error" : warnings ? "warning" : undefined;
    const r = rows.length + 1;
    const col = (c: number) => String.fromCharCode(65 + c - (files ? 0 : 1));
    const difference = stated === null ? value(null, style) : formula(`${col(6)}${r}-${col(5)}${r}`, num(s.computed.minus(stated)), style);
    rows.push(dropColumn([
      value(index + 1, style), value(file ?? "", style), value(s.sheet, style), value(s.unit, style), value(t.kinds[book.kind], style),
      value(num(stated), style), value(num(s.computed), style), difference, value(s.indicators, style), value(errors, style),
      value(warnings, style), place(file, s.sheet, s.cell, options),
    ], 1, files));
  });
  const first = 3;
  const last = rows.length;
  const colOf = (c: number) => String.fromCharCode(65 + c - (files ? 0 : 1));
  const totalOf = (c: number, cached: number) => (last >= first ? formula(`SUM(${colOf(c)}${first}:${colOf(c)}${last})`, cached, "total") : value(0, "total"));
  const sumOf = (pick: (b: CheckedBook) => number) => books.reduce((n, b) => n + pick(b), 0);
  const totalRow: SpecCell[] = dropColumn([
    value(t.total, "total"), value(null, "total"), value(null, "total"), value(null, "total"), value(null, "total"),
    value(null, "total"), value(null, "total"), value(null, "total"),
    totalOf(8, sumOf((b) => summarizeBook(b.book).indicators)),
    totalOf(9, sumOf((b) => b.findings.filter((f) => f.severity === "error").length)),
    totalOf(10, sumOf((b) => b.findings.filter((f) => f.severity === "warning").length)),
    value(null, "total"),
  ], 1, files);
  rows.push(totalRow);
  const counts = books.map((b) => ({
    errors: b.findings.filter((f) => f.severity === "error").length,
    warnings: b.findings.filter((f) => f.severity === "warning").length,
  }));
  const { charts, widths: chartWidths } = summaryCharts(books, counts, rows, width, t);
  const widths = [...dropColumn([6, 24, 22, 30, 12, 8, 10, 8, 8, 6, 6, 24], 1, files), ...chartWidths];
  return { name: t.summary, rows, merges: [title.merge], widths, frozenRows: 2, protect: false, charts };
};

/** 问题清单: every finding, errors first, with a link to its cell. */
export const findingsSheet: SheetBuilder = (books, options) => {
  const t = LOCALES[options.language].summary;
  const files = books.some((b) => b.file !== null);
  const labels = dropColumn(t.findingsHeader, 3, files);
  const title = titleRow(t.findingsTitle, labels.length);
  const rows: SpecCell[][] = [title.row, header(labels)];
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const all = books.flatMap((b) => b.findings.map((f) => ({ file: b.file, finding: f })));
  all.sort((a, b) => order[a.finding.severity] - order[b.finding.severity]);
  all.forEach(({ file, finding: f }, index) => {
    const style: CellStyle | undefined = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : undefined;
    rows.push(dropColumn([
      value(index + 1, style), value(t.severities[f.severity], style), value(t.rules[f.rule], style), value(file ?? "", style),
      value(f.sheet, style), value(f.unit, style), value(f.category ?? "", style), value(num(f.stated), style), value(num(f.computed), style),
      value(findingMessage(f, options.language), style), place(file, f.sheet, f.cell, options),
    ], 3, files));
  });
  if (all.length === 0) rows.push([value(t.noFindings)]);
  const widths = dropColumn([6, 8, 14, 24, 22, 26, 20, 9, 9, 60, 24], 3, files);
  return { name: t.findings, rows, merges: [title.merge], widths, frozenRows: 2, protect: false, charts: [] };
};

/** 责任单位: the decomposition tables' indicators under each office that leads or shares them (the others that share
 * one named beside it), a subtotal per office, side tables and charts of the points by office and by category. Null
 * when no book is a decomposition. */
export const ownersSheet: SheetBuilder = (books, options) => {
  const t = LOCALES[options.language].summary;
  const decompositions = books.filter((b) => b.book.kind === "decomposition");
  if (decompositions.length === 0) return null;
  interface Row { file: string | null; category: string; name: string; points: Decimal | null; sheet: string; cell: string }
  const items: { item: Row; owner: string | null }[] = [];
  const byCategory = new Map<string, Decimal[]>();
  for (const { file, book } of decompositions) {
    for (const category of categoriesOf(book)) {
      for (const indicator of category.indicators) {
        items.push({ item: { file, category: category.name, name: indicator.name, points: indicator.points, sheet: indicator.sheet, cell: indicator.cell }, owner: indicator.owner });
        if (indicator.points !== null) byCategory.set(category.name, [...(byCategory.get(category.name) ?? []), indicator.points]);
      }
    }
  }
  const byOwner = itemsByOwner(items, t.noOwner, options.owners);
  const shared = (o: OwnedItem<Row>) => o.others.map((other) => `${other.name}${other.lead ? t.ownerLeads : ""}`).join(t.ownerList);
  const title = titleRow(t.ownersTitle, 6);
  const rows: SpecCell[][] = [title.row, header([...t.ownersHeader, t.ownersShared])];
  const merges: MergeArea[] = [title.merge];
  const subtotalRows: number[] = [];
  const owners: { owner: string; points: Decimal; count: number; row: number }[] = [];
  for (const [owner, list] of byOwner) {
    const start = rows.length + 1;
    for (const o of list) {
      const r = o.item;
      rows.push([value(owner), value(r.category), value(r.name), value(num(r.points)), place(r.file, r.sheet, r.cell, options), value(shared(o))]);
    }
    const end = rows.length;
    const points = sum(list.flatMap((o) => (o.item.points === null ? [] : [o.item.points])));
    rows.push([value(`${owner} ${t.subtotal}`, "total"), value(null, "total"), value(null, "total"), formula(`SUM(D${start}:D${end})`, num(points), "total"), value(null, "total"), value(null, "total")]);
    subtotalRows.push(rows.length);
    owners.push({ owner, points, count: list.length, row: rows.length });
    if (end > start) merges.push({ top: start - 1, left: 0, bottom: end - 1, right: 0 });
  }
  // A shared indicator is in the subtotal of each office that shares it, and once in the total.
  const once = sum(items.flatMap(({ item }) => (item.points === null ? [] : [item.points])));
  const anyShared = [...byOwner.values()].some((list) => list.some((o) => o.others.length > 0));
  rows.push([value(anyShared ? t.totalOnce : t.total, "total"), value(null, "total"), value(null, "total"),
    anyShared ? value(num(once), "total") : formula(subtotalRows.map((r) => `D${r}`).join("+"), num(once), "total"), value(null, "total"), value(null, "total")]);

  // Side tables from column G: points by owner (G:I) and by category (K:L), the charts' data.
  const put = (row: number, col: number, cell: SpecCell) => {
    while (rows.length <= row) rows.push([]);
    const target = rows[row];
    while (target.length < col) target.push(value(null));
    target[col] = cell;
  };
  header(t.ownerTotalsHeader).forEach((cell, i) => put(1, 6 + i, cell));
  owners.forEach((o, i) => {
    put(2 + i, 6, value(o.owner));
    put(2 + i, 7, formula(`D${o.row}`, num(o.points)));
    put(2 + i, 8, value(o.count));
  });
  header(t.categoryTotalsHeader).forEach((cell, i) => put(1, 10 + i, cell));
  const categories = [...byCategory];
  categories.forEach(([name, points], i) => {
    put(2 + i, 10, value(name));
    put(2 + i, 11, value(num(sum(points))));
  });
  const charts: ChartSpec[] = [
    { kind: "bar", title: t.chartOwners, categories: `G3:G${2 + owners.length}`, values: `H3:H${2 + owners.length}` },
  ];
  if (categories.length > 0) {
    charts.push({ kind: "pie", title: t.chartCategories, categories: `K3:K${2 + categories.length}`, values: `L3:L${2 + categories.length}` });
  }
  return { name: t.owners, rows, merges, widths: [22, 14, 48, 8, 26, 30, 22, 10, 8, 2, 16, 8], frozenRows: 2, protect: false, charts };
};

/** The summary sheets, in order; a caller may append builders (a ranking sheet). */
export const SUMMARY_SHEETS: SheetBuilder[] = [unitSummarySheet, findingsSheet, ownersSheet];

/** Checks every book and builds the sheets of `builders` that have something to show. */
export function summarySheets(sources: SummarySource[], options: SummaryOptions, builders: SheetBuilder[] = SUMMARY_SHEETS): SheetSpec[] {
  const books: CheckedBook[] = sources.flatMap((s) => s.books.map((book) => ({ file: s.file, book, findings: checkBook(book) })));
  // Every summary sheet prints one page wide, its title and header on each page, its wrapped text whole.
  return builders.map((build) => build(books, options)).filter((spec): spec is SheetSpec => spec !== null).map((spec) => printable(spec));
}
