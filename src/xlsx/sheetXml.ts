/**
 * One worksheet's XML into the cells that exist (sparse, in the order the file lists them), its merges, hidden rows
 * and columns, column widths and protection. A cell's value follows ExcelJS's reading exactly (the CLI read .xlsx
 * files through ExcelJS until this reader, and the grids must not change): shared and inline strings, rich text
 * joined, numbers, booleans, error values as their text, formulas as their cached results (`<f>` without a cached
 * value is empty), numbers in a date format as ISO dates.
 *
 * Speed: the rows of `<sheetData>` are walked byte by byte in the entry's own UTF-8 (never decoded as a whole), and a
 * cell that is only `<v>…</v>` (or nothing) - nearly every cell of a book - is read on the spot, a plain decimal
 * number without making a text of it, and so is a formula written as a plain `<f>…</f>` with or without its `<v>`
 * (a scoring sheet's); any other cell (shared formulas, inline and rich text, unusual markup) and everything
 * outside `<sheetData>` are decoded and go through the XML scanner's events. No Node or DOM imports.
 */
import type { CellValue, MergeArea } from "../core/grid";
import { columnName, slideFormula } from "./sharedFormula";
import { checkedText, decodeEscapes, localName, type StylesPart } from "./xmlParts";
import { malformed, scanXml, xmlText, type XmlHandlers } from "./xmlScan";
import { message } from "../locales";
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
  rows: Int32Array;
  cols: Int32Array;
  values: CellValue[];
  /** Formulas ("=…", shared formulas moved to their cell) by cell, as row * COLUMNS + col. */
  formulas: Map<number, string>;
  /** Cells (not formulas) holding a date (read as its ISO day) or an error value (read as its text), by cell. */
  types: Map<number, "date" | "error">;
  /** Cells whose format unlocks them, as row * COLUMNS + col. */
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

/**
 * The first `<mergeCells>` when it holds nothing but `<mergeCell ref="A1:B2"/>` tags (the usual form, thousands in a
 * long sheet): their merges added to `merges` in order, and the text without them for the scanner (which would read
 * them alike, only slower); null for anything else (a part with comments or CDATA included), left to the scanner.
 */
function plainMerges(xml: string, merges: MergeArea[]): string | null {
  if (xml.includes("<!--") || xml.includes("<![CDATA[")) return null;
  const open = /<((?:[A-Za-z_][\w.-]*:)?)mergeCells\b[^>]*?(\/?)>/.exec(xml);
  if (!open || open[2] === "/") return null;
  const tag = `<${open[1]}mergeCell ref="`;
  const start = open.index + open[0].length;
  const found: MergeArea[] = [];
  let at = start;
  // Each tag read character by character: `<mergeCell ref="`, a reference, maybe ":" and another, `"/>`.
  while (xml.startsWith(tag, at)) {
    let i = plainRefAt(xml, at + tag.length);
    if (i < 0) break;
    const top = refRow;
    const left = refCol;
    if (xml.charCodeAt(i) === 58) {
      i = plainRefAt(xml, i + 1);
      if (i < 0) break;
    }
    if (!xml.startsWith('"/>', i)) break;
    // A row 0 ("A0") is no cell: the tag is passed over, as mergeRange would.
    if (top > 0 && refRow > 0) found.push({ top: Math.min(top, refRow) - 1, left: Math.min(left, refCol) - 1, bottom: Math.max(top, refRow) - 1, right: Math.max(left, refCol) - 1 });
    at = i + 3;
  }
  if (!xml.startsWith(`</${open[1]}mergeCells>`, at)) return null;
  for (const area of found) merges.push(area);
  return xml.slice(0, start) + xml.slice(at);
}

/** Parts of a worksheet outside its rows that the reader never reads: a scoring sheet holds a link, a validation and
 * a highlight for every row. */
const UNREAD = ["hyperlinks", "dataValidations", "conditionalFormatting"];

/** The text without the elements in UNREAD (each ends at its own closing tag: none of them nests in itself), in one
 * pass; the text as it is when it holds comments or CDATA, which the scanner reads. */
function withoutUnread(xml: string, prefix: string): string {
  if (xml.includes("<!--") || xml.includes("<![CDATA[")) return xml;
  const opens = UNREAD.map((name) => `<${prefix}${name}`);
  const closes = UNREAD.map((name) => `</${prefix}${name}>`);
  const next = opens.map((open) => xml.indexOf(open));
  let out = "";
  let at = 0;
  for (;;) {
    let k = -1;
    for (let j = 0; j < next.length; j++) if (next[j] >= 0 && (k < 0 || next[j] < next[k])) k = j;
    if (k < 0) return out + xml.slice(at);
    const start = next[k];
    const after = xml.charCodeAt(start + opens[k].length);
    const end = after === 32 || after === 62 ? xml.indexOf(closes[k], start) : -1;
    if (end < 0) {
      next[k] = xml.indexOf(opens[k], start + 1);
      continue;
    }
    out += xml.slice(at, start);
    at = end + closes[k].length;
    for (let j = 0; j < next.length; j++) if (next[j] >= 0 && next[j] < at) next[j] = xml.indexOf(opens[j], at);
  }
}

/** The 1-based row and column of the reference last read by `plainRefAt`. */
let refRow = 0;
let refCol = 0;

/** Reads a reference of 1 to 3 capital letters and 1 to 7 digits at `at` (into refRow and refCol): the index after
 * it, or -1 when none stands there. */
function plainRefAt(text: string, at: number): number {
  let i = at;
  let col = 0;
  for (let code = text.charCodeAt(i); code >= 65 && code <= 90 && i < at + 3; code = text.charCodeAt(++i)) col = col * 26 + code - 64;
  if (i === at) return -1;
  const digits = i;
  let row = 0;
  for (let code = text.charCodeAt(i); code >= 48 && code <= 57 && i < digits + 7; code = text.charCodeAt(++i)) row = row * 10 + code - 48;
  if (i === digits) return -1;
  refRow = row;
  refCol = col;
  return i;
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


const truthy = (value: string | undefined) => value === "1" || value === "true";

/** The attributes of a row or cell tag the reader uses, read from the file's text between `from` and `to`. */
interface QuickAttributes {
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
  hidden: string | undefined;
}

/**
 * Reads `name="value"` pairs of a tag into `into` (r, t, s, hidden; others skipped); false when the tag holds
 * anything the quick path does not decode (a reference such as "&amp;", a missing quote), for the scanner to read.
 */
function quickAttributes(xml: string, from: number, to: number, into: QuickAttributes): boolean {
  into.r = into.t = into.s = into.hidden = undefined;
  let i = from;
  while (i < to) {
    const code = xml.charCodeAt(i);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      i++;
      continue;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= to) return false;
    const quote = xml.charCodeAt(eq + 1);
    if (quote !== 34 && quote !== 39) return false;
    const end = xml.indexOf(quote === 34 ? '"' : "'", eq + 2);
    if (end < 0 || end >= to) return false;
    const nameLength = eq - i;
    if (nameLength === 1 || nameLength === 6) {
      const value = xml.slice(eq + 2, end);
      if (value.includes("&")) return false;
      const first = xml.charCodeAt(i);
      if (nameLength === 1 && first === 114) into.r = value;
      else if (nameLength === 1 && first === 116) into.t = value;
      else if (nameLength === 1 && first === 115) into.s = value;
      else if (nameLength === 6 && xml.startsWith("hidden", i)) into.hidden = value;
    }
    i = end + 1;
  }
  return true;
}

/** The entry's bytes (UTF-8): every tag and name the reader looks for is ASCII, and no byte of a longer character
 * is below 0x80, so comparing bytes finds exactly what comparing characters would. */
type Codes = Uint8Array;

const decoder = new TextDecoder("utf-8");

/** An ASCII literal's codes, to compare with `codesAt`. */
const literal = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Whether the literal's codes stand at `at`. */
function codesAt(c: Codes, at: number, lit: Uint8Array): boolean {
  if (at + lit.length > c.length) return false;
  for (let k = 0; k < lit.length; k++) if (c[at + k] !== lit[k]) return false;
  return true;
}

/** A literal to search for, and which of its bytes to look for first: an "h" where it has one (rare in the rows of
 * a sheet), so that the engine's own indexOf passes over most of the text. */
interface Needle {
  codes: Uint8Array;
  key: number;
}

function needle(text: string): Needle {
  return { codes: literal(text), key: Math.max(0, text.indexOf("h")) };
}

/** The first index of the needle from `from`, or -1. */
function indexOfCodes(c: Codes, { codes, key }: Needle, from: number): number {
  const code = codes[key];
  for (let k = c.indexOf(code, from + key); k >= 0; k = c.indexOf(code, k + 1)) if (codesAt(c, k - key, codes)) return k - key;
  return -1;
}

/** Powers of ten a number of at most 15 digits is divided by, exactly. */
const TENS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The number written from `from` to `to` when it is a plain decimal (an optional "-", digits, maybe a point and
 * more digits, 15 digits at most), else NaN: digits over a power of ten, both exact, so the division rounds as
 * Number.parseFloat does. */
function plainNumber(c: Codes, from: number, to: number): number {
  let i = from;
  const negative = c[i] === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const code = c[i];
    if (code >= 48 && code <= 57) {
      n = n * 10 + code - 48;
      digits++;
    } else if (code === 46 && point < 0) point = digits;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || point === digits) return NaN;
  const value = point < 0 ? n : n / TENS[digits - point];
  return negative ? -value : value;
}

/** The first index of `code` from `from` up to (not including) `to`, or -1. */
function indexOfCode(c: Codes, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (c[i] === code) return i;
  return -1;
}

/** Where the digits read by `digitsAt` ended. */
let digitsEnd = 0;

/** The whole number written at `from` (at most `most` digits), or -1 when no digit is there; `digitsEnd` is set to
 * the index after the digits. */
function digitsAt(c: Codes, from: number, most = 9): number {
  let n = 0;
  let i = from;
  for (; i < from + most; i++) {
    const code = c[i];
    if (!(code >= 48 && code <= 57)) break;
    n = n * 10 + code - 48;
  }
  digitsEnd = i;
  return i === from ? -1 : n;
}

const STYLE_ATTRIBUTE = literal(' s="');
/** Whether ` s="` or ` t="` (the one-letter attribute `letter`) stands at `i`. */
const attributeAt = (c: Codes, i: number, letter: number): boolean => c[i] === 32 && c[i + 1] === letter && c[i + 2] === 61 && c[i + 3] === 34;
const ROW_ATTRIBUTE = literal(' r="');
/** One-letter cell types by their code: s, n, b, e. */
const ONE_LETTER_TYPES: (string | undefined)[] = [];
for (const type of ["s", "n", "b", "e"]) ONE_LETTER_TYPES[type.charCodeAt(0)] = type;

/**
 * The cell most writers write, read unit by unit: `<c r="B7"`, then maybe ` s="3"`, ` t="s"` (s, n, b, e or str)
 * and ` s="3"` in that order, then `/>`, `></c>` or `><v>text</v></c>` where the text holds no "<", "&" or carriage
 * return. `read(lt)` returns the index after the cell and sets the fields, or -1 for any other cell (which the
 * scanner then reads).
 */
function plainCellReader(c: Codes, prefix: string) {
  const open = literal(`<${prefix}c r="`);
  const close = literal(`</${prefix}c>`);
  const valueOpen = literal(`><${prefix}v>`);
  const valueClose = literal(`</${prefix}v></${prefix}c>`);
  /** A style attribute's number at `i` (` s="3"`), or -1 when it is not one; `digitsEnd` is after its quote. */
  const styleAt = (i: number): number => {
    const n = digitsAt(c, i + STYLE_ATTRIBUTE.length);
    if (n < 0 || c[digitsEnd] !== 34) return -1;
    digitsEnd++;
    return n;
  };
  const reader = {
    row: 0,
    col: 0,
    style: 0,
    type: undefined as string | undefined,
    value: undefined as string | undefined,
    /** A cell of no type or type n whose value is a plain decimal: the number, else NaN. */
    number: NaN,
    /** The shared string's index of a cell of type s (its value read as digits), else -1. */
    index: -1,
    read(lt: number): number {
      if (!codesAt(c, lt, open)) return -1;
      reader.number = NaN;
      let i = lt + open.length;
      let col = 0;
      const lettersStart = i;
      for (let code = c[i]; code >= 65 && code <= 90 && i < lettersStart + 3; code = c[++i]) col = col * 26 + code - 64;
      if (i === lettersStart) return -1;
      const row = digitsAt(c, i, 7);
      if (row < 0 || c[digitsEnd] !== 34) return -1;
      i = digitsEnd + 1;
      let style = -1;
      let type: string | undefined;
      if (attributeAt(c, i, 115)) {
        style = styleAt(i);
        if (style < 0) return -1;
        i = digitsEnd;
      }
      if (attributeAt(c, i, 116)) {
        const first = c[i + 4];
        if (c[i + 5] === 34 && ONE_LETTER_TYPES[first] !== undefined) {
          type = ONE_LETTER_TYPES[first];
          i += 6;
        } else if (first === 115 && c[i + 5] === 116 && c[i + 6] === 114 && c[i + 7] === 34) {
          type = "str";
          i += 8;
        } else return -1;
      }
      if (attributeAt(c, i, 115)) {
        const second = styleAt(i);
        if (second < 0) return -1;
        if (style < 0) style = second;
        i = digitsEnd;
      }
      let value: string | undefined;
      let end: number;
      if (c[i] === 47 && c[i + 1] === 62) {
        end = i + 2;
        reader.index = -1;
      } else if (c[i] === 62 && codesAt(c, i + 1, close)) {
        end = i + 1 + close.length;
        reader.index = -1;
      }
      else if (codesAt(c, i, valueOpen)) {
        const start = i + valueOpen.length;
        const index = type === "s" ? digitsAt(c, start) : -1;
        if (index >= 0 && codesAt(c, digitsEnd, valueClose)) {
          reader.index = index;
          end = digitsEnd + valueClose.length;
        } else {
          let stop = start;
          for (; stop < c.length && c[stop] !== 60; stop++) if (c[stop] === 38 || c[stop] === 13) return -1;
          if (!codesAt(c, stop, valueClose)) return -1;
          if (type === undefined || type === "n") reader.number = plainNumber(c, start, stop);
          if (Number.isNaN(reader.number)) value = decoder.decode(c.subarray(start, stop));
          reader.index = -1;
          end = stop + valueClose.length;
        }
      } else {
        reader.index = -1;
        return -1;
      }
      reader.row = row - 1;
      reader.col = col - 1;
      reader.style = style < 0 ? 0 : style;
      reader.type = type;
      reader.value = value;
      return end;
    },
  };
  return reader;
}

/** Reads a worksheet part (`part` names it in errors) from the entry's bytes (UTF-8). */
export function readSheetXml(part: string, bytes: Uint8Array, context: SheetContext): SheetCells {
  const { sharedStrings, styles, date1904, cellCount } = context;
  const out: SheetCells = { rows: new Int32Array(0), cols: new Int32Array(0), values: [], formulas: new Map(), types: new Map(), unlocked: new Set(), merges: [], hiddenRows: [], columns: [], protected: false };
  const sharedMasters = new Map<string, { row: number; col: number; formula: string }>();
  // The cells kept so far: rows and columns in typed arrays grown by doubling (no collector work per cell).
  let rows: Int32Array = new Int32Array(1024);
  let cols: Int32Array = new Int32Array(1024);
  const values: CellValue[] = [];
  let kept = 0;
  const result = (): SheetCells => {
    out.rows = rows.subarray(0, kept);
    out.cols = cols.subarray(0, kept);
    out.values = values;
    return out;
  };

  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let shared: { si: string; master: boolean } | null = null;
  let runs: string[] | null = null;
  /** A plain cell's shared string, read as digits (-1: none; the value's text says what the cell holds). */
  let sharedIndex = -1;
  /** What text goes to: the value (v, or t of an inline string), the formula, a rich-text run, or nothing. */
  let target: "v" | "f" | "run" | null = null;
  let inCell = false;

  function startCell(ref: string | undefined, t: string | undefined, s: string | undefined): void {
    const at = ref !== undefined ? cellRef(ref) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else col++;
    type = t;
    sharedIndex = -1;
    style = s !== undefined ? Number.parseInt(s, 10) || 0 : 0;
    value = undefined;
    formula = undefined;
    shared = null;
    runs = null;
    target = null;
  }

  function cellResult(): CellValue {
    const isDate = style > 0 && styles.dates[style] === true;
    if (formula || shared) {
      if (!value) return null;
      if (type === "str") return xmlDecode(value);
      if (type === "b") return Number.parseInt(value, 10) !== 0;
      if (type === "e") return value;
      return isDate ? isoDate(Number.parseFloat(value), date1904) : Number.parseFloat(value);
    }
    if (sharedIndex >= 0) return sharedStrings[sharedIndex] ?? null;
    const text = runs ? runs.join("") : value;
    if (text === undefined) return null;
    return valueOf(type, text, isDate);
  }

  /** The value of a cell without a formula from its type and text. */
  function valueOf(t: string | undefined, text: string, isDate: boolean): CellValue {
    switch (t) {
      case "s":
        return sharedStrings[Number.parseInt(text, 10)] ?? null;
      case "str":
        return xmlDecode(text);
      case "inlineStr":
      case "e":
        return text;
      case "b":
        return Number.parseInt(text, 10) !== 0;
      default:
        return isDate ? isoDate(Number.parseFloat(text), date1904) : Number.parseFloat(text);
    }
  }

  /** Keeps a cell's value, unless empty; `computed` says it has a formula (dates and errors are noted otherwise). */
  function keep(r: number, c: number, t: string | undefined, s: number, result: CellValue, computed: boolean): void {
    if (result === null || result === "") return;
    if (!computed && (t === "e" || (t !== "s" && t !== "str" && t !== "inlineStr" && t !== "b" && s > 0 && styles.dates[s] === true))) {
      out.types.set(r * COLUMNS + c, t === "e" ? "error" : "date");
    }
    if (typeof result === "string" && result.length > XLSX_LIMITS.textLength) checkedText(result, `${part} ${columnName(c + 1)}${r + 1}`);
    store(r, c, result);
  }

  /** Adds a cell with a value to those kept, under the workbook's limit on cells. */
  function store(r: number, c: number, result: CellValue): void {
    if (++cellCount.value > XLSX_LIMITS.cells) {
      throw new XlsxLimitError("cells", message("xlsx.cells", { limit: XLSX_LIMITS.cells }));
    }
    if (kept === rows.length) {
      rows = grown(rows);
      cols = grown(cols);
    }
    rows[kept] = r;
    cols[kept] = c;
    kept++;
    values.push(result);
  }

  /** finishCell for a cell the quick reader took: no formula, no rich text; its value a shared string's index or a
   * text. */
  function finishPlainCell(r: number, c: number, t: string | undefined, s: number, text: string | undefined, index: number, number: number): void {
    if (s && styles.unlocked[s]) out.unlocked.add(r * COLUMNS + c);
    const isDate = s > 0 && styles.dates[s] === true;
    let result: CellValue;
    if (index >= 0) result = sharedStrings[index] ?? null;
    else if (!Number.isNaN(number)) result = isDate ? isoDate(number, date1904) : number;
    else result = text === undefined ? null : valueOf(t, text, isDate);
    keep(r, c, t, s, result, false);
  }

  function finishCell(): void {
    if (style && styles.unlocked[style]) out.unlocked.add(row * COLUMNS + col);
    if (formula !== undefined && shared) {
      if (shared.master) sharedMasters.set(shared.si, { row, col, formula });
      else {
        const master = sharedMasters.get(shared.si);
        if (master) formula = slideFormula(master.formula, master, { row, col });
      }
    }
    if (formula) out.formulas.set(row * COLUMNS + col, `=${formula.replace(/^=/, "")}`);
    keep(row, col, type, style, cellResult(), Boolean(formula) || shared !== null);
  }

  function startRow(r: string | undefined, hidden: string | undefined): void {
    row = r !== undefined ? Number.parseInt(r, 10) - 1 : row + 1;
    col = -1;
    if (truthy(hidden)) out.hiddenRows.push(row);
  }

  const handlers: XmlHandlers = {
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
        case "c":
          startCell(attributes.r, attributes.t, attributes.s);
          inCell = true;
          break;
        case "row":
          startRow(attributes.r, attributes.hidden);
          break;
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
  };

  // A plain view: the same element kind whatever the host's inflate returned (a Node Buffer or not).
  const c: Codes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  /** The text of the bytes from `from` to `to`. */
  const text = (from: number, to: number): string => decoder.decode(c.subarray(from, to));
  const body = sheetDataBody(c);
  if (!body) {
    scanXml(part, text(0, c.length), handlers);
    return result();
  }
  // The rows, walked here up to `</sheetData>`; a cell the quick path does not take goes through the scanner on its
  // own.
  const { prefix } = body;
  const cellOpen = `<${prefix}c`;
  const rowOpen = `<${prefix}row`;
  const quick: QuickAttributes = { r: undefined, t: undefined, s: undefined, hidden: undefined };
  const plain = plainCellReader(c, prefix);
  const cellOpenCodes = literal(cellOpen);
  const cellCloseCodes = literal(`</${prefix}c>`);
  const rowOpenCodes = literal(rowOpen);
  const rowCloseCodes = literal(`</${prefix}row>`);
  const valueOpenCodes = literal(`<${prefix}v>`);
  const valueCloseCodes = literal(`</${prefix}v>`);
  const formulaOpenCodes = literal(`<${prefix}f>`);
  const formulaCloseCodes = literal(`</${prefix}f>`);
  const sheetDataClose = literal(`</${prefix}sheetData>`);
  const length = c.length;
  let at = body.start;
  let end = -1;
  while (end < 0) {
    const lt = indexOfCode(c, 60, at, length);
    if (lt < 0) throw malformed(part, { kind: "never-closed", name: "sheetData" });
    const plainEnd = c[lt + cellOpen.length - 1] === 99 ? plain.read(lt) : -1;
    if (plainEnd >= 0) {
      row = plain.row;
      col = plain.col;
      at = plainEnd;
      const index = plain.index;
      if (index < 0) {
        finishPlainCell(row, col, plain.type, plain.style, plain.value, index, plain.number);
        continue;
      }
      // A shared string, the usual cell, kept here (its length was checked when the shared strings were read).
      const s = plain.style;
      if (s && styles.unlocked[s]) out.unlocked.add(row * COLUMNS + col);
      const shared = sharedStrings[index];
      if (shared) store(row, col, shared);
      continue;
    }
    if (c[lt + 1] === 47) {
      if (codesAt(c, lt, rowCloseCodes)) {
        at = lt + rowCloseCodes.length;
        continue;
      }
      if (codesAt(c, lt, sheetDataClose)) {
        end = lt;
        break;
      }
    }
    if (codesAt(c, lt, rowOpenCodes)) {
      const gt = c.indexOf(62, lt);
      if (gt < 0) throw malformed(part, { kind: "tag-cut-off" });
      const attributesEnd = c[gt - 1] === 47 ? gt - 1 : gt;
      const number = codesAt(c, lt + rowOpen.length, ROW_ATTRIBUTE) ? digitsAt(c, lt + rowOpen.length + ROW_ATTRIBUTE.length) : -1;
      // A tag with "hidden" in it (hidden="1") is left to the attributes' reading.
      if (number > 0 && c[digitsEnd] === 34 && !hiddenWithin(c, digitsEnd, gt)) {
        row = number - 1;
        col = -1;
      } else {
        const attributes = text(lt + rowOpen.length, attributesEnd);
        if (quickAttributes(attributes, 0, attributes.length, quick)) startRow(quick.r, quick.hidden);
        else scanXml(part, `${text(lt, attributesEnd)}/>`, handlers);
      }
      at = gt + 1;
      continue;
    }
    const gt = c.indexOf(62, lt);
    if (gt < 0) throw malformed(part, { kind: "tag-cut-off" });
    const selfClosing = c[gt - 1] === 47;
    const attributesEnd = selfClosing ? gt - 1 : gt;
    const after = c[lt + cellOpen.length];
    if (codesAt(c, lt, cellOpenCodes) && (after === 32 || after === 62 || after === 47 || after === 10 || after === 9 || after === 13)) {
      const close = selfClosing ? gt + 1 : indexOfTag(c, cellCloseCodes, gt, length);
      // A cell runs to its own `</c>`, never past the end of the rows.
      if (close < 0 || indexOfTag(c, sheetDataClose, gt, close) >= 0) throw malformed(part, { kind: "cell-never-closed" });
      const next = selfClosing ? gt + 1 : close + cellCloseCodes.length;
      // Quick: no content, or exactly <f>formula</f> (no attributes: not a shared formula), <v>text</v>, or both.
      let contentAt = gt + 1;
      let formulaStart = -1;
      let formulaEnd = -1;
      if (!selfClosing && codesAt(c, contentAt, formulaOpenCodes)) {
        const end = c.indexOf(60, contentAt + formulaOpenCodes.length);
        if (end >= 0 && end < close && codesAt(c, end, formulaCloseCodes)) {
          formulaStart = contentAt + formulaOpenCodes.length;
          formulaEnd = end;
          contentAt = end + formulaCloseCodes.length;
        }
      }
      let valueStart = -1;
      let quickContent = selfClosing || close === contentAt;
      if (!quickContent && codesAt(c, contentAt, valueOpenCodes)) {
        valueStart = contentAt + valueOpenCodes.length;
        const valueEnd = close - valueCloseCodes.length;
        quickContent = valueEnd >= valueStart && c.indexOf(60, valueStart) === valueEnd && codesAt(c, valueEnd, valueCloseCodes);
      }
      const attributes = quickContent ? text(lt + cellOpen.length, attributesEnd) : "";
      if (quickContent && quickAttributes(attributes, 0, attributes.length, quick) && quick.t !== "inlineStr") {
        startCell(quick.r, quick.t, quick.s);
        if (formulaStart >= 0) formula = xmlText(text(formulaStart, formulaEnd), part);
        if (valueStart >= 0) value = xmlText(text(valueStart, close - valueCloseCodes.length), part);
        finishCell();
      } else {
        scanXml(part, text(lt, next), handlers);
      }
      at = next;
    } else {
      at = gt + 1;
    }
  }
  // Everything but the rows, through the scanner: columns, merges (the usual plain ones read here), protection.
  const outside = withoutUnread(text(0, body.start) + text(end, length), prefix);
  scanXml(part, plainMerges(outside, out.merges) ?? outside, handlers);
  return result();
}

/** How far the search for "hidden" moves on from the byte under its last letter ("n"; Horspool's table): 6 past a
 * byte not in the word, less for one of its first five letters. */
const HIDDEN_SHIFT = new Uint8Array(256).fill(6);
for (let k = 0; k < 5; k++) HIDDEN_SHIFT["hidden".charCodeAt(k)] = 5 - k;

/** Whether "hidden" stands between `from` and `to` (a row's tag), most bytes passed over without a look. */
function hiddenWithin(c: Codes, from: number, to: number): boolean {
  for (let p = from + 5; p < to; p += HIDDEN_SHIFT[c[p]]) {
    if (c[p] === 110 && c[p - 5] === 104 && c[p - 4] === 105 && c[p - 3] === 100 && c[p - 2] === 100 && c[p - 1] === 101) return true;
  }
  return false;
}

/** The array's values in one twice as long. */
function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(array.length * 2);
  longer.set(array);
  return longer;
}

/** The first index from `from`, before `to`, where the tag `codes` (starting with "<") stands, or -1. */
function indexOfTag(c: Codes, codes: Uint8Array, from: number, to: number): number {
  for (let k = indexOfCode(c, 60, from, to); k >= 0; k = indexOfCode(c, 60, k + 1, to)) if (codesAt(c, k, codes)) return k;
  return -1;
}

const SHEET_DATA = needle("sheetData");
/** A character of `\w`, ".", "-" (a name's characters after its first). */
const isNameCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;
const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** Where the content of `<sheetData>` starts (after its start tag), and the tags' prefix ("x:" or ""); null when the
 * sheet has none or an empty one. */
function sheetDataBody(c: Codes): { start: number; prefix: string } | null {
  // The first `<sheetData` or `<prefix:sheetData` (a prefix starts with a letter or "_") ending at a word boundary,
  // up to the first ">" after it.
  for (let at = indexOfCodes(c, SHEET_DATA, 0); at >= 0; at = indexOfCodes(c, SHEET_DATA, at + 1)) {
    let prefixStart = at;
    if (c[at - 1] === 58) {
      let k = at - 2;
      while (k >= 0 && isNameCode(c[k])) k--;
      const first = c[k + 1];
      if (k < 0 || c[k] !== 60 || k + 1 === at - 1 || !((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) continue;
      prefixStart = k + 1;
    } else if (c[at - 1] !== 60) continue;
    const nameEnd = at + SHEET_DATA.codes.length;
    if (nameEnd < c.length && isWordCode(c[nameEnd])) continue;
    const gt = c.indexOf(62, nameEnd);
    if (gt < 0) return null;
    if (c[gt - 1] === 47) return null;
    return { start: gt + 1, prefix: decoder.decode(c.subarray(prefixStart, at)) };
  }
  return null;
}
