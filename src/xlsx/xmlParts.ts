/**
 * The workbook-level parts of an .xlsx read with saxes: the sheet list (names, visibility, where each sheet's XML
 * is), the date system, the shared strings and the few styles the reader needs (which cell formats are dates, which
 * cells are unlocked). Text follows ExcelJS's reading: shared strings and rich-text runs decode `_xHHHH_` escapes,
 * phonetic runs are left out. No Node or DOM imports.
 */
import { SaxesParser } from "saxes";
import { message } from "../locales";
import { XLSX_LIMITS, XlsxFormatError, XlsxLimitError } from "./xlsxLimits";
import { scanXml, type Attributes, type XmlHandlers } from "./xmlScan";



/** Parses one XML part, calling the handlers for every tag and text; a parse error names the part. */
export function parseXml(part: string, xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => handlers.open(tag.name, tag.attributes as Attributes));
  const { text, close } = handlers;
  if (text) parser.on("text", text);
  if (close) parser.on("closetag", (tag) => close(tag.name));
  parser.write(xml).close();
  if (failure) throw new XlsxFormatError(message("xlsx.xml", { part, problem: { kind: "parser", detail: (failure as Error).message } }));
}

/** Local name of a tag or attribute ("x:row" -> "row"). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** `_x000D_` and the like, as ExcelJS decodes them in shared strings and rich-text runs. */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A cell's text, or an XlsxLimitError when it is longer than the reader takes. */
export function checkedText(text: string, where: string): string {
  if (text.length > XLSX_LIMITS.textLength) {
    throw new XlsxLimitError("textLength", message("xlsx.text-length", { where, length: text.length, limit: XLSX_LIMITS.textLength }));
  }
  return text;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** Relationship id of the sheet's part in workbook.xml.rels. */
  relId: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml("xl/workbook.xml", xml, {
    open(name, attributes) {
      const tag = localName(name);
      if (tag === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      if (tag !== "sheet") return;
      const relKey = "r:id" in attributes ? "r:id" : Object.keys(attributes).find((key) => key.endsWith(":id"));
      const state: SheetState = attributes.state === "hidden" || attributes.state === "veryHidden" ? attributes.state : "visible";
      sheets.push({ name: attributes.name ?? "", state, relId: (relKey && attributes[relKey]) || "" });
    },
  });
  return { sheets, date1904 };
}

export interface Relationship {
  target: string;
  type: string;
}

/** Relationships by id, targets resolved to zip entry names (relative to `base`, e.g. "xl/"). */
export function parseRelationships(part: string, xml: string, base: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parseXml(part, xml, {
    open(name, attributes) {
      if (localName(name) !== "Relationship" || !attributes.Id || !attributes.Target) return;
      rels.set(attributes.Id, { target: resolvePath(base, attributes.Target), type: attributes.Type ?? "" });
    },
  });
  return rels;
}

/** A relationship's target as a part name of the package: relative to `base` (the source part's folder), or absolute. */
export function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

/** Shared strings in order: plain text, or the runs of a rich text joined; an entry without text is null. */
export function parseSharedStrings(xml: string): (string | null)[] {
  const strings: (string | null)[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  let buffer = "";
  scanXml("xl/sharedStrings.xml", xml, {
    open(name) {
      const tag = localName(name);
      if (tag === "si") current = null;
      else if (tag === "rPh") phonetic++;
      else if (tag === "t" && phonetic === 0) {
        inText = true;
        buffer = "";
      }
    },
    text(text) {
      if (inText) buffer += text;
    },
    close(name) {
      const tag = localName(name);
      if (tag === "t" && inText) {
        inText = false;
        current = checkedText((current ?? "") + decodeEscapes(buffer), `shared string ${strings.length + 1}`);
      } else if (tag === "rPh") phonetic--;
      else if (tag === "si") strings.push(current);
    },
  });
  return strings;
}

/** Number formats ExcelJS reads as dates when no custom format replaces them. */
const DEFAULT_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** Number formats ExcelJS knows by id (any other id without a custom format is no format at all). */
const DEFAULT_FORMAT_IDS = new Set([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49]);

/** A number format with date or time parts (ExcelJS's test: y m d h s b outside quotes and brackets). */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export interface StylesPart {
  /** Per cell format (the `s` of a cell): whether a number there is a date. */
  dates: boolean[];
  /** Per cell format: whether a cell there is unlocked (an input cell of a protected sheet). */
  unlocked: boolean[];
}

export function parseStyles(xml: string): StylesPart {
  const custom = new Map<number, string>();
  const numFmtIds: number[] = [];
  const unlocked: boolean[] = [];
  let inCellXfs = false;
  parseXml("xl/styles.xml", xml, {
    open(name, attributes) {
      const tag = localName(name);
      if (tag === "numFmt") custom.set(Number.parseInt(attributes.numFmtId ?? "", 10), (attributes.formatCode ?? "").replace(/[\\](.)/g, "$1"));
      else if (tag === "cellXfs") inCellXfs = true;
      else if (inCellXfs && tag === "xf") {
        numFmtIds.push(Number.parseInt(attributes.numFmtId ?? "", 10));
        unlocked.push(false);
      } else if (inCellXfs && tag === "protection" && (attributes.locked === "0" || attributes.locked === "false")) {
        unlocked[unlocked.length - 1] = true;
      }
    },
    close(name) {
      if (localName(name) === "cellXfs") inCellXfs = false;
    },
  });
  const dates = numFmtIds.map((id) => {
    if (!id) return false;
    const format = custom.get(id);
    if (format) return isDateFormat(format);
    return DEFAULT_FORMAT_IDS.has(id) && DEFAULT_DATE_FORMATS.has(id);
  });
  return { dates, unlocked };
}
