/**
 * One worksheet's XML read with saxes into the cells that exist (sparse, in the order the file lists them), its
 * merges, hidden rows and columns, column widths and protection. A cell's value follows ExcelJS's reading exactly
 * (the CLI read .xlsx files through ExcelJS until this reader, and the grids must not change): shared and inline
 * strings, rich text joined, numbers, booleans, error values as their text, formulas as their cached results
 * (`<f>` without a cached value is empty), numbers in a date format as ISO dates. No Node or DOM imports.
 */
import type { CellValue, MergeArea } from "../core/grid";
import { checkedText, decodeEscapes, localName, parseXml, type StylesPart } from "./xmlParts";
import { XLSX_LIMITS, XlsxLimitError } from "./xlsxLimits";

export interface ColumnRange {
  /** 0-based, inclusive. */
  min: number;
  max: number;
  width?: number;
  hidden: boolean;
}

export interface SheetCells {
  /** 0-based rows and columns of the cells with a value (not empty text), and their values, in file order. */
  rows: number[];
  cols: number[];
  values: CellValue[];
  /** Formulas ("=…", shared formulas moved to their cell) by cell, as rows * 16384 + col. */
  formulas: Map<number, string>;
  /** Cells whose format unlocks them, as rows * 16384 + col. */
  unlocked: Set<number>;
  merges: MergeArea[];
  hiddenRows: number[];
  columns: ColumnRange[];
  /** The sheet is protected (`<sheetProtection sheet="1">`). */
  protected: boolean;
}

export interface SheetContext {
  sharedStrings: readonly (string | null)[];
  styles: StylesPart;
  date1904: boolean;
  /** Cells read so far in the workbook (the limit is on the whole workbook). */
  cellCount: { value: number };
}

/** Columns a sheet can have (XFD); cell keys are row * COLUMNS + col. */
export const COLUMNS = 16_384;

/** 0-based row and column of an A1 reference, or null. */
function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else if (code !== 36) break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) row = row * 10 + code - 48;
    else if (code !== 36) return null;
  }
  return col > 0 && row > 0 ? { row: row - 1, col: col - 1 } : null;
}

function mergeRange(ref: string): MergeArea | null {
  const [from, to = from] = ref.split(":");
  const a = cellRef(from);
  const b = cellRef(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** ExcelJS's xmlDecode, applied once more to a formula's text result. */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (entity) => XML_ENTITIES[entity] ?? entity);
}
const XML_ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };

/** A date serial as ExcelJS dates it (UTC midnight of the day), as an ISO date; "" when out of range. */
function isoDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

function columnLettersToIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

function indexToColumnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const SHARED_REFERENCE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula moved from its master cell to another cell, the way ExcelJS moves it (its slideFormula). */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(SHARED_REFERENCE, (whole: string, sheet: string | undefined, _name: string, part: string, paren: string | undefined) => {
    if (paren) return whole;
    const match = CELL_REFERENCE.exec(part);
    if (!match) return whole;
    const [, colDollar, colText, rowDollar, rowText] = match;
    const letters = colText.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return whole;
    const col = columnLettersToIndex(letters) + (colDollar ? 0 : to.col - from.col);
    const row = Number.parseInt(rowText, 10) + (rowDollar ? 0 : to.row - from.row);
    return `${sheet ?? ""}${colDollar ?? ""}${indexToColumnLetters(col)}${rowDollar ?? ""}${row}`;
  });
}

const truthy = (value: string | undefined) => value === "1" || value === "true";

/** Reads a worksheet part (`part` names it in errors). */
export function readSheetXml(part: string, xml: string, context: SheetContext): SheetCells {
  const { sharedStrings, styles, date1904, cellCount } = context;
  const out: SheetCells = { rows: [], cols: [], values: [], formulas: new Map(), unlocked: new Set(), merges: [], hiddenRows: [], columns: [], protected: false };
  const sharedMasters = new Map<string, { row: number; col: number; formula: string }>();

  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let shared: { si: string; master: boolean } | null = null;
  let runs: string[] | null = null;
  /** What text goes to: the value (v, or t of an inline string), the formula, a rich-text run, or nothing. */
  let target: "v" | "f" | "run" | null = null;
  let inCell = false;

  function finishCell(): void {
    const key = row * COLUMNS + col;
    if (style && styles.unlocked[style]) out.unlocked.add(key);
    if (formula !== undefined && shared) {
      if (shared.master) sharedMasters.set(shared.si, { row, col, formula });
      else {
        const master = sharedMasters.get(shared.si);
        if (master) formula = slideFormula(master.formula, master, { row, col });
      }
    }
    if (formula) out.formulas.set(key, `=${formula.replace(/^=/, "")}`);
    let result: CellValue = null;
    const isDate = style > 0 && styles.dates[style] === true;
    const text = runs ? runs.join("") : value;
    if (formula || shared) {
      if (value) {
        if (type === "str") result = xmlDecode(value);
        else if (type === "b") result = Number.parseInt(value, 10) !== 0;
        else if (type === "e") result = value;
        else result = isDate ? isoDate(Number.parseFloat(value), date1904) : Number.parseFloat(value);
      }
    } else if (text !== undefined) {
      switch (type) {
        case "s":
          result = sharedStrings[Number.parseInt(text, 10)] ?? null;
          break;
        case "str":
          result = xmlDecode(text);
          break;
        case "inlineStr":
          result = text;
          break;
        case "b":
          result = Number.parseInt(text, 10) !== 0;
          break;
        case "e":
          result = text;
          break;
        default:
          result = isDate ? isoDate(Number.parseFloat(text), date1904) : Number.parseFloat(text);
      }
    }
    if (result === null || result === "") return;
    if (typeof result === "string") checkedText(result, `${part} ${indexToColumnLetters(col + 1)}${row + 1}`);
    if (++cellCount.value > XLSX_LIMITS.cells) {
      throw new XlsxLimitError("cells", `the workbook has more than ${XLSX_LIMITS.cells.toLocaleString("en-US")} cells with values`);
    }
    out.rows.push(row);
    out.cols.push(col);
    out.values.push(result);
  }

  parseXml(part, xml, {
    open(name, attributes) {
      const tag = localName(name);
      if (inCell) {
        if (tag === "v") target = "v";
        else if (tag === "f") {
          target = "f";
          formula = "";
          if (attributes.t === "shared" && attributes.si !== undefined) shared = { si: attributes.si, master: attributes.ref !== undefined };
          else if (attributes.t) shared = { si: "", master: false };
        } else if (tag === "r") {
          runs ??= [];
          runs.push("");
          target = null;
        } else if (tag === "t") target = runs ? "run" : "v";
        else if (tag === "rPh") target = null;
        return;
      }
      switch (tag) {
        case "c": {
          const ref = attributes.r !== undefined ? cellRef(attributes.r) : null;
          if (ref) {
            row = ref.row;
            col = ref.col;
          } else col++;
          type = attributes.t;
          style = attributes.s !== undefined ? Number.parseInt(attributes.s, 10) || 0 : 0;
          value = undefined;
          formula = undefined;
          shared = null;
          runs = null;
          target = null;
          inCell = true;
          break;
        }
        case "row": {
          row = attributes.r !== undefined ? Number.parseInt(attributes.r, 10) - 1 : row + 1;
          col = -1;
          if (truthy(attributes.hidden)) out.hiddenRows.push(row);
          break;
        }
        case "col": {
          const min = Number.parseInt(attributes.min ?? "", 10);
          const max = Number.parseInt(attributes.max ?? "", 10);
          if (min > 0 && max >= min) {
            const width = attributes.width !== undefined ? Number.parseFloat(attributes.width) : undefined;
            out.columns.push({ min: min - 1, max: Math.min(max, COLUMNS) - 1, width, hidden: truthy(attributes.hidden) });
          }
          break;
        }
        case "mergeCell": {
          const area = attributes.ref ? mergeRange(attributes.ref) : null;
          if (area) out.merges.push(area);
          break;
        }
        case "sheetProtection":
          out.protected = truthy(attributes.sheet);
          break;
      }
    },
    text(text) {
      if (target === "v") value = value === undefined ? text : value + text;
      else if (target === "f") formula += text;
      else if (target === "run" && runs) runs[runs.length - 1] += text;
    },
    close(name) {
      if (!inCell) return;
      const tag = localName(name);
      if (tag === "c") {
        inCell = false;
        finishCell();
      } else if (tag === "t" && runs) {
        runs[runs.length - 1] = decodeEscapes(runs[runs.length - 1]);
        target = null;
      } else if (tag === "v" || tag === "f" || tag === "t" || tag === "is") target = null;
    },
  });
  return out;
}
