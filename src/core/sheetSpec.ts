/**
 * A sheet to be written, as plain data: the one shape every generated sheet (summaries, issue lists, scoring
 * sheets, rankings, imported Word tables) takes before a sink writes it - ExcelJS for .xlsx files
 * (src/excel/exceljsWrite.ts), Office.js in Excel (src/excel/officeAdapter.ts), the in-memory workbook of the
 * preview. Text is always a value, never a formula: only `formula` cells are formulas, and text starting with
 * = + - @ is written as text (formulaLike). How it prints, how tall its rows are and what its input cells accept
 * are part of the sheet, so that every sink writes the same.
 */
import { type CellGrid, type CellValue, type MergeArea, a1 } from "./grid";

export type SpecValue = string | number | boolean | null;

export type SpecCell =
  /** A value written as it is (text starting with = + - @ stays text). `format`: an Excel number format. `error`:
   * the value is an error value's text ("#N/A") to be written as that error value (an entry kept as entered). */
  | { kind: "value"; value: SpecValue; style?: CellStyle; format?: string; error?: boolean }
  /** A formula without the leading "="; `cached` is the engine's own result, written as the cached value. */
  | { kind: "formula"; formula: string; cached?: SpecValue; style?: CellStyle; format?: string }
  /** A link to a cell in the same workbook ("跳转" to the source cell). */
  | { kind: "link"; text: string; sheet: string; cell: string; style?: CellStyle };

/**
 * header: bold, shaded; input: a cell the assessor fills (unlocked, marked); total: bold; error/warning: tinted;
 * percent: a fraction shown as a percentage. Imported Word tables: table (a bordered cell, wrapped, centred
 * vertically), table-header (the same, bold and centred), plain (a line outside the tables, not wrapped).
 */
export type CellStyle = "header" | "input" | "total" | "error" | "warning" | "title" | "percent" | "table" | "table-header" | "plain";

/** The fill colour of each tinted style (RGB hex); every sink paints these. */
export const CELL_FILLS: Partial<Record<CellStyle, string>> = {
  header: "DDEBF7",
  input: "FFF2CC",
  error: "FDE2E2",
  warning: "FFF4E0",
  total: "F2F2F2",
};

/** The fills as a sink writes colours: "#DDEBF7" for Office.js, "FFDDEBF7" (ARGB) for ExcelJS. */
export function cellFills(prefix: string): Partial<Record<CellStyle, string>> {
  return Object.fromEntries(Object.entries(CELL_FILLS).map(([style, rgb]) => [style, `${prefix}${rgb}`]));
}

/** A series of a chart over its categories. */
export interface ChartSeries {
  /** The legend's label. */
  name: string;
  /** Values, an A1 range of this sheet as long as the categories ("D3:D20"). */
  values: string;
  /** Fill as RGB hex ("C00000"); absent: the host's own colours. */
  color?: string;
  /** Fill of each point in order (RGB hex: a unit's bar in its grade's colour), over `color`. */
  pointColors?: string[];
}

export interface ChartSpec {
  kind: "column" | "bar" | "pie";
  title: string;
  /** Category labels and values as A1 ranges of this sheet ("A2:A20", "C2:C20"). */
  categories: string;
  values: string;
  /** The name, fill and point fills of the `values` series. */
  name?: string;
  color?: string;
  pointColors?: string[];
  /** Series after `values` over the same categories (warnings beside errors). */
  moreSeries?: ChartSeries[];
  /** Bars of one category stacked into one (column and bar charts). */
  stacked?: boolean;
}

/** Every series of a chart, `values` first. */
export function chartSeries(chart: ChartSpec): ChartSeries[] {
  const first: ChartSeries = { name: chart.name ?? chart.title, values: chart.values, color: chart.color, pointColors: chart.pointColors };
  return [first, ...(chart.moreSeries ?? [])];
}

/**
 * What an input cell accepts (Excel's data validation), and what is highlighted as out of range: a number from
 * `min` to `max` (either may be open), a whole number, or one of a list.
 */
export type InputRule =
  | { kind: "decimal"; min: number | null; max: number | null }
  | { kind: "whole"; min: number | null; max: number | null }
  | { kind: "list"; values: string[] };

export interface InputValidation {
  /** The cells (0-based, inclusive). */
  area: MergeArea;
  rule: InputRule;
  /** The message Excel shows when something else is typed, and its title. */
  title: string;
  message: string;
}

/** How a sheet prints: fitted to one page wide (as many pages high as it takes), landscape where it is wide,
 * its first `titleRows` rows repeated at the top of every page, page numbers in the footer. */
export interface PrintSetup {
  landscape: boolean;
  titleRows: number;
}

export interface SheetSpec {
  /** Wanted name; a sink that finds it taken picks a free one ("汇总 (2)") - an existing sheet is never replaced. */
  name: string;
  rows: SpecCell[][];
  merges: MergeArea[];
  /** Column widths in characters. */
  widths: number[];
  /** Rows frozen at the top (the header). */
  frozenRows: number;
  /** Columns (0-based) hidden from view: keys a sink needs to read the sheet back. */
  hiddenColumns?: number[];
  /** Protect the sheet so that only `input` cells can be edited (no password). */
  protect: boolean;
  charts: ChartSpec[];
  /** How the sheet prints; absent: the host's defaults. */
  print?: PrintSetup;
  /** Row heights in points (null: the host's default), so that wrapped text shows whole (rowHeights()). */
  rowHeights?: (number | null)[];
  /** What the input cells accept; every sink also highlights a value out of range (outOfRangeFormula). */
  validations?: InputValidation[];
}

/** A sheet made only when a sink writes it, under the name it wants: a sink that writes sheet after sheet (the
 * command line's package writer, Excel sync by sync) never holds a batch of thousands of them at once. `make` is
 * called once. */
export interface DeferredSheet {
  name: string;
  make(): SheetSpec;
}

/** What a sink is given to add: a sheet, or one made when it is written. */
export type SheetSource = SheetSpec | DeferredSheet;

/** The sheet itself: made now when it was deferred. */
export const madeSheet = (source: SheetSource): SheetSpec => ("make" in source ? source.make() : source);

/** Empty cells by style: one frozen object for each (a scoring sheet has many empty input cells; cells are never
 * changed once made). */
const EMPTY = new Map<CellStyle | undefined, SpecCell>();

export const value = (v: SpecValue, style?: CellStyle, format?: string): SpecCell => {
  if (format !== undefined) return { kind: "value", value: v, style, format };
  if (v !== null) return { kind: "value", value: v, style };
  let empty = EMPTY.get(style);
  if (!empty) EMPTY.set(style, (empty = Object.freeze<SpecCell>({ kind: "value", value: null, style })));
  return empty;
};
export const formula = (f: string, cached?: SpecValue, style?: CellStyle, format?: string): SpecCell =>
  format === undefined ? { kind: "formula", formula: f, cached, style } : { kind: "formula", formula: f, cached, style, format };

/** Text Excel would take for a formula when a user edits the cell: every sink writes it as text ("@"). */
export const FORMULA_LIKE = /^[=+\-@]/;

/** Whether a cell holds text that Excel would take for a formula (written as text by every sink). */
export const formulaLike = (cell: SpecCell | undefined): boolean =>
  cell?.kind === "value" && typeof cell.value === "string" && FORMULA_LIKE.test(cell.value);

/** The number format of a cell: its own, a percentage for the percent style, text for formula-like text. */
export function numberFormat(cell: SpecCell | undefined): string | undefined {
  if (!cell || cell.kind === "link") return undefined;
  if (cell.format !== undefined) return cell.format;
  if (cell.style === "percent") return "0.00%";
  return formulaLike(cell) ? "@" : undefined;
}

/** A percentage with as many decimals as the fraction needs (0.07: "0%", 0.117: "0.0%"), at most four. */
export function percentFormat(fraction: number): string {
  const digits = Math.min(4, Math.max(0, (String(Number((fraction * 100).toPrecision(12))).split(".")[1] ?? "").length));
  return digits === 0 ? "0%" : `0.${"0".repeat(digits)}%`;
}

/** A number followed by its unit ("4500万元"): General with the unit as literal text. */
export const unitFormat = (unit: string): string => `General"${unit.replace(/"/g, "")}"`;

/** A number as a number format of this module shows it (percentFormat, unitFormat, "0.00%"; else Excel's General). */
export function formattedNumber(v: number, format: string | undefined): string {
  const general = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10))));
  const percent = format ? /^0(?:\.(0+))?%$/.exec(format) : null;
  if (percent) return `${(v * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const unit = format ? /^General"(.*)"$/.exec(format) : null;
  if (unit) return `${general(v)}${unit[1]}`;
  return general(v);
}
export const link = (text: string, sheet: string, cell: string, style?: CellStyle): SpecCell => ({ kind: "link", text, sheet, cell, style });

/** Characters Excel forbids in sheet names, and its 31-character limit. */
export function legalSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "").trim() || "Sheet";
  return cleaned.slice(0, 31);
}

/** The sheet names taken in a workbook, compared as Excel does (case-insensitive): `take` gives `wanted`, or
 * `wanted (2)`, `wanted (3)`… - the first free one - and counts it as taken. One for a batch of new sheets keeps
 * naming each of them independent of how many sheets the workbook holds. */
export class SheetNames {
  private readonly taken: Set<string>;
  /** The number to try first for a name already taken (every lower one is taken): a name asked for many times
   * is not counted up from 2 each time. */
  private readonly next = new Map<string, number>();

  constructor(existing: Iterable<string>) {
    this.taken = new Set([...existing].map((n) => n.toLowerCase()));
  }

  take(wanted: string): string {
    const name = this.free(wanted);
    this.taken.add(name.toLowerCase());
    return name;
  }

  private free(wanted: string): string {
    const base = legalSheetName(wanted);
    const key = base.toLowerCase();
    if (!this.taken.has(key)) return base;
    for (let n = this.next.get(key) ?? 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = base.slice(0, 31 - suffix.length) + suffix;
      if (!this.taken.has(candidate.toLowerCase())) {
        this.next.set(key, n + 1);
        return candidate;
      }
    }
  }
}

/** `wanted`, or `wanted (2)`, `wanted (3)`… - the first that no existing sheet has (case-insensitive, as Excel). */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  return new SheetNames(existing).take(wanted);
}

/** An A1 reference to a cell of another sheet, quoted as Excel wants ('县直部门 (2)'!B7). */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** What a cell shows: its value, a formula's cached result, a link's text. */
export function shownValue(cell: SpecCell | undefined): CellValue {
  if (!cell) return null;
  if (cell.kind === "value") return cell.value;
  if (cell.kind === "formula") return cell.cached ?? null;
  return cell.text;
}

/** A generated sheet as a reader of the workbook sees it (formulas as their cached results), named `sheet`. */
export function specGrid(spec: SheetSpec, sheet: string = spec.name): CellGrid {
  return { sheet, values: spec.rows.map((row) => row.map(shownValue)), merges: spec.merges };
}

/** The formula (without "=") that is true when the top-left cell of a validation holds something it does not
 * accept: text, a number out of range, a fraction where a whole number is wanted, a value not in the list. Written
 * relative to that cell, as conditional formats take it. */
export function outOfRangeFormula(validation: InputValidation): string {
  const x = a1(validation.area.top, validation.area.left);
  const { rule } = validation;
  if (rule.kind === "list") return `AND(${x}<>"",${rule.values.map((v) => `${x}<>${listItem(v)}`).join(",")})`;
  const bad = [
    ...(rule.min === null ? [] : [`${x}<${rule.min}`]),
    ...(rule.max === null ? [] : [`${x}>${rule.max}`]),
    ...(rule.kind === "whole" ? [`${x}<>INT(${x})`] : []),
  ];
  const text = `AND(${x}<>"",NOT(ISNUMBER(${x})))`;
  return bad.length === 0 ? text : `OR(${text},AND(ISNUMBER(${x}),OR(${bad.join(",")})))`;
}

/** A list item as a formula compares it: a number or TRUE/FALSE bare, text in quotes. */
function listItem(v: string): string {
  return /^(-?\d+(\.\d+)?|TRUE|FALSE)$/.test(v) ? v : `"${v.replace(/"/g, '""')}"`;
}

/** A validation's cells as an A1 range ("H5" or "H5:H9"). */
export function validationRange(validation: InputValidation): string {
  const { top, left, bottom, right } = validation.area;
  return top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
}

/** Rows 1 to `rows` as a print-titles reference ("$1:$3"). */
export const titleRowsRef = (rows: number): string => `$1:$${rows}`;

/** The centre of every printed page's footer: the sheet's name and the page number of the pages (Excel's codes). */
export const PAGE_FOOTER = "&A  第 &P 页，共 &N 页";

/** Display width of a line of text in character widths: CJK and full-width characters count as two. */
export function textWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // A surrogate pair is one character, outside the wide ranges.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && line.charCodeAt(i - 1) >= 0xd800 && line.charCodeAt(i - 1) <= 0xdbff) continue;
    width += wide(code) ? 2 : 1;
  }
  return width;
}

/** Hangul Jamo, CJK, Yi, Hangul syllables, compatibility ideographs, vertical and small forms, full-width forms. */
function wide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
}

/** Lines of texts already measured, by column width: the same names and targets recur on sheet after sheet. Bounded:
 * emptied when it grows past LINES_KEPT. */
const LINES = new Map<number, Map<string, number>>();
let linesKept = 0;
const LINES_KEPT = 100_000;

/** The texts measured for a column `width` characters wide. */
function linesAt(width: number): Map<string, number> {
  let byText = LINES.get(width);
  if (!byText) LINES.set(width, (byText = new Map()));
  return byText;
}

/** Lines a text takes in a column `width` characters wide (each of its lines wrapped); `byText`: that width's texts. */
function wrappedLines(text: string, width: number, byText = linesAt(width)): number {
  // A text that fits on one line even if every character is wide, and breaks no line: one line, nothing to look up.
  if (text.length * 2 <= usable(width) && text.indexOf("\n") < 0) return 1;
  let lines = byText.get(text);
  if (lines === undefined) {
    if (++linesKept > LINES_KEPT) {
      for (const map of LINES.values()) map.clear();
      linesKept = 1;
    }
    byText.set(text, (lines = measuredLines(text, width)));
  }
  return lines;
}

function measuredLines(text: string, width: number): number {
  const room = usable(width);
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    lines += Math.max(1, Math.ceil(textWidth(line) / room));
    if (end < 0) return lines;
    start = end + 1;
  }
}

/** Points a line of 11-point text takes. */
const LINE_POINTS = 14.5;
/** Characters of a column's width that wrapped text fills (the cell's margins take the rest). */
const usable = (width: number) => Math.max(1, width - 1.5);
const TITLE_POINTS = 20;

/**
 * Row heights (points) that show every wrapped cell whole: each cell's lines estimated from its text's width and
 * its column's (or merged area's) width; rows of one line keep the default (null). Text shown without wrapping
 * (titles, Word-table lines outside the tables) counts one line. `known`: heights the caller found already, by row.
 */
export function rowHeights(spec: Pick<SheetSpec, "rows" | "merges" | "widths" | "hiddenColumns">, known: readonly (number | null | undefined)[] = []): (number | null)[] {
  const hidden = new Set(spec.hiddenColumns ?? []);
  const width = (c: number) => (hidden.has(c) ? 0 : spec.widths[c] ?? 8.43);
  // Cells by row * COLUMNS + column: a merge's first cell spans its columns' width, the others count nothing.
  const COLUMNS = 16384;
  const spans = new Map<number, number>();
  const covered = new Set<number>();
  for (const m of spec.merges) {
    if (m.bottom > m.top) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) covered.add(r * COLUMNS + c);
      continue;
    }
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += width(c);
    spans.set(m.top * COLUMNS + m.left, w);
    for (let c = m.left + 1; c <= m.right; c++) covered.add(m.top * COLUMNS + c);
  }
  // Each column's measured texts (a merged area's are looked up by its own width).
  const columnLines: Map<string, number>[] = [];
  return spec.rows.map((row, r) => {
    const height = known[r];
    if (height !== undefined) return height;
    let lines = 1;
    let title = false;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (covered.size > 0 && covered.has(r * COLUMNS + c)) continue;
      if (cell.style === "title") title = true;
      if (cell.style === "title" || cell.style === "plain") continue;
      const text = cell.kind === "link" ? cell.text : cell.kind === "value" && typeof cell.value === "string" ? cell.value : null;
      if (!text) continue;
      const span = spans.size > 0 ? spans.get(r * COLUMNS + c) : undefined;
      const w = span ?? width(c);
      if (w > 0) lines = Math.max(lines, wrappedLines(text, w, span === undefined ? (columnLines[c] ??= linesAt(w)) : undefined));
    }
    if (lines > 1) return Math.ceil(lines * LINE_POINTS + 2);
    return title ? TITLE_POINTS : null;
  });
}

/** Columns wider than this (in characters, together) print landscape. */
const PORTRAIT_WIDTH = 100;

/** How a generated sheet prints: one page wide, landscape when its shown columns are wide, its header rows (the
 * frozen ones unless told) on every page. */
export function printSetup(spec: Pick<SheetSpec, "widths" | "hiddenColumns" | "frozenRows">, titleRows = spec.frozenRows): PrintSetup {
  const hidden = new Set(spec.hiddenColumns ?? []);
  const shown = spec.widths.reduce((sum, w, c) => sum + (hidden.has(c) ? 0 : w), 0);
  return { landscape: shown > PORTRAIT_WIDTH, titleRows };
}

/** A generated sheet made ready to print: its print setup and the row heights that show its wrapped text (`known`:
 * heights the caller found already, by row). */
export function printable(spec: SheetSpec, titleRows = spec.frozenRows, known?: readonly (number | null | undefined)[]): SheetSpec {
  return { ...spec, print: printSetup(spec, titleRows), rowHeights: rowHeights(spec, known) };
}
