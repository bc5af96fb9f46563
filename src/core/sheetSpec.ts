/**
 * A sheet to be written, as plain data: the one shape every generated sheet (summaries, issue lists, scoring
 * sheets, rankings) takes before a sink writes it - ExcelJS for .xlsx files (src/cli), Office.js in Excel
 * (src/excel). Text from books is always a value, never a formula: only `formula` cells are formulas.
 */
import type { CellGrid, CellValue, MergeArea } from "./grid";

export type SpecValue = string | number | boolean | null;

export type SpecCell =
  /** A value written as it is (text starting with = + - @ stays text). */
  | { kind: "value"; value: SpecValue; style?: CellStyle }
  /** A formula without the leading "="; `cached` is the engine's own result, written as the cached value. */
  | { kind: "formula"; formula: string; cached?: SpecValue; style?: CellStyle }
  /** A link to a cell in the same workbook ("跳转" to the source cell). */
  | { kind: "link"; text: string; sheet: string; cell: string; style?: CellStyle };

/** header: bold, shaded; input: a cell the assessor fills (unlocked, marked); total: bold; error/warning: tinted. */
export type CellStyle = "header" | "input" | "total" | "error" | "warning" | "title" | "percent";

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

export interface ChartSpec {
  kind: "column" | "bar" | "pie";
  title: string;
  /** Category labels and values as A1 ranges of this sheet ("A2:A20", "C2:C20"). */
  categories: string;
  values: string;
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
}

export const value = (v: SpecValue, style?: CellStyle): SpecCell => ({ kind: "value", value: v, style });
export const formula = (f: string, cached?: SpecValue, style?: CellStyle): SpecCell => ({ kind: "formula", formula: f, cached, style });
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
    if (!this.taken.has(base.toLowerCase())) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = base.slice(0, 31 - suffix.length) + suffix;
      if (!this.taken.has(candidate.toLowerCase())) return candidate;
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
