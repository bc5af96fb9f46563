/**
 * One worksheet's XML into the cells that exist (sparse, in the order the file lists them), its merges, hidden rows
 * and columns, column widths and protection. A cell's value follows ExcelJS's reading exactly (the CLI read .xlsx
 * files through ExcelJS until this reader, and the grids must not change): shared and inline strings, rich text
 * joined, numbers, booleans, error values as their text, formulas as their cached results (`<f>` without a cached
 * value is empty), numbers in a date format as ISO dates.
 *
 * Speed: the rows of `<sheetData>` are walked with indexOf, and a cell that is only `<v>…</v>` (or nothing) - nearly
 * every cell of a book - is read on the spot; any other cell (formulas, inline and rich text, unusual markup) and
 * everything outside `<sheetData>` go through the XML scanner's events. No Node or DOM imports.
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
  rows: number[];
  cols: number[];
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

/** Reads a worksheet part (`part` names it in errors). */
export function readSheetXml(part: string, xml: string, context: SheetContext): SheetCells {
  const { sharedStrings, styles, date1904, cellCount } = context;
  const out: SheetCells = { rows: [], cols: [], values: [], formulas: new Map(), types: new Map(), unlocked: new Set(), merges: [], hiddenRows: [], columns: [], protected: false };
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

  function startCell(ref: string | undefined, t: string | undefined, s: string | undefined): void {
    const at = ref !== undefined ? cellRef(ref) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else col++;
    type = t;
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
    const text = runs ? runs.join("") : value;
    if (text === undefined) return null;
    switch (type) {
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
    const result = cellResult();
    if (result === null || result === "") return;
    if (!formula && !shared && (type === "e" || (type !== "s" && type !== "str" && type !== "inlineStr" && type !== "b" && style > 0 && styles.dates[style] === true))) {
      out.types.set(row * COLUMNS + col, type === "e" ? "error" : "date");
    }
    if (typeof result === "string") checkedText(result, `${part} ${columnName(col + 1)}${row + 1}`);
    if (++cellCount.value > XLSX_LIMITS.cells) {
      throw new XlsxLimitError("cells", message("xlsx.cells", { limit: XLSX_LIMITS.cells }));
    }
    out.rows.push(row);
    out.cols.push(col);
    out.values.push(result);
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

  const body = sheetDataBody(part, xml);
  if (!body) {
    scanXml(part, xml, handlers);
    return out;
  }
  // Everything but the rows, through the scanner: columns, merges, protection.
  scanXml(part, xml.slice(0, body.start) + xml.slice(body.end), handlers);
  // The rows, walked here; a cell the quick path does not take goes through the scanner on its own.
  const { prefix } = body;
  const cellOpen = `<${prefix}c`;
  const cellClose = `</${prefix}c>`;
  const rowOpen = `<${prefix}row`;
  const valueOpen = `<${prefix}v>`;
  const valueClose = `</${prefix}v>`;
  const quick: QuickAttributes = { r: undefined, t: undefined, s: undefined, hidden: undefined };
  // The cell most writers write: address, maybe a style and a type, then nothing or a value needing no decoding.
  const p = prefix.replace(/[.-]/g, "\\$&");
  const plainCell = new RegExp(`<${p}c r="([A-Z]{1,3})([0-9]{1,7})"(?: s="([0-9]{1,9})")?(?: t="(s|n|b|e|str)")?(?: s="([0-9]{1,9})")?(?:/>|></${p}c>|><${p}v>([^<&\\r]*)</${p}v></${p}c>)`, "y");
  let at = body.start;
  while (at < body.end) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= body.end) break;
    let plain: RegExpExecArray | null = null;
    if (xml.charCodeAt(lt + cellOpen.length - 1) === 99) {
      plainCell.lastIndex = lt;
      plain = plainCell.exec(xml);
    }
    if (plain) {
      const letters = plain[1];
      col = -1;
      for (let i = 0; i < letters.length; i++) col = (col + 1) * 26 + letters.charCodeAt(i) - 65;
      row = Number.parseInt(plain[2], 10) - 1;
      type = plain[4];
      const styleText = plain[3] ?? plain[5];
      style = styleText === undefined ? 0 : Number.parseInt(styleText, 10);
      value = plain[6];
      formula = undefined;
      shared = null;
      runs = null;
      finishCell();
      at = plainCell.lastIndex;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt >= body.end) throw malformed(part, { kind: "tag-cut-off" });
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attributesEnd = selfClosing ? gt - 1 : gt;
    const after = xml.charCodeAt(lt + cellOpen.length);
    if (xml.startsWith(cellOpen, lt) && (after === 32 || after === 62 || after === 47 || after === 10 || after === 9 || after === 13)) {
      const close = selfClosing ? gt + 1 : xml.indexOf(cellClose, gt);
      if (close < 0 || close > body.end) throw malformed(part, { kind: "cell-never-closed" });
      const next = selfClosing ? gt + 1 : close + cellClose.length;
      // Quick: no content, or exactly <v>text</v>.
      let valueStart = -1;
      let onlyValue = selfClosing || close === gt + 1;
      if (!onlyValue && xml.startsWith(valueOpen, gt + 1)) {
        valueStart = gt + 1 + valueOpen.length;
        const valueEnd = close - valueClose.length;
        onlyValue = valueEnd >= valueStart && xml.indexOf("<", valueStart) === valueEnd && xml.startsWith(valueClose, valueEnd);
      }
      if (onlyValue && quickAttributes(xml, lt + cellOpen.length, attributesEnd, quick) && quick.t !== "inlineStr") {
        startCell(quick.r, quick.t, quick.s);
        if (valueStart >= 0) value = xmlText(xml.slice(valueStart, close - valueClose.length), part);
        finishCell();
      } else {
        scanXml(part, xml.slice(lt, next), handlers);
      }
      at = next;
    } else if (xml.startsWith(rowOpen, lt)) {
      if (xml.startsWith(' r="', lt + rowOpen.length) && !xml.slice(lt, gt).includes("hidden")) {
        row = Number.parseInt(xml.slice(lt + rowOpen.length + 4, xml.indexOf('"', lt + rowOpen.length + 4)), 10) - 1;
        col = -1;
      } else if (quickAttributes(xml, lt + rowOpen.length, attributesEnd, quick)) startRow(quick.r, quick.hidden);
      else scanXml(part, `${xml.slice(lt, attributesEnd)}/>`, handlers);
      at = gt + 1;
    } else {
      at = gt + 1;
    }
  }
  return out;
}

/** Where the content of `<sheetData>` lies (after its start tag, up to its end tag), and the tags' prefix ("x:" or
 * ""); null when the sheet has none or an empty one. */
function sheetDataBody(part: string, xml: string): { start: number; end: number; prefix: string } | null {
  const match = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!match || match[2] === "/") return null;
  const prefix = match[1] ?? "";
  const start = match.index + match[0].length;
  const end = xml.indexOf(`</${prefix}sheetData>`, start);
  if (end < 0) throw malformed(part, { kind: "never-closed", name: "sheetData" });
  return { start, end, prefix };
}
