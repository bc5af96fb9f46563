/**
 * New worksheets put into an existing .xlsx package without rewriting it: the sheets come from a fresh workbook
 * (ExcelJS's output holding only them) and go into the original zip with their parts and relationships renamed to
 * free names, their cell formats appended to (or found in) the original styles.xml, their shared strings written
 * inline, their sheet-scoped defined names renumbered, and the workbook's sheet list, relationships and content
 * types extended. Sheets being replaced are removed with the parts only they used (and calcChain.xml, which names
 * them). Every other entry of the original - other sheets, charts, chart sheets, comments, pictures, a VBA
 * project - is copied as the very bytes it was stored as. Time linear in the size of both packages. No Node or DOM
 * imports.
 */
import { entryText, newEntry as deflatedEntry, newEntryAsync, readZipEntries, writeZip, type Compressor, type ZipEntry } from "./zipPackage";
import { XlsxFormatError } from "./xlsxLimits";
import { resolvePath } from "./xmlParts";
import { relativeTarget } from "./relativeTarget";
import { escapeXml as encodeXml } from "./xmlText";
import type { NewRel, NewSheets, Numbering } from "./write/newSheets";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** What the splice left out: parts that only a replaced sheet used (its comments, drawings, tables). */
export interface DroppedParts {
  sheet: string;
  /** Relationship kinds of the parts dropped ("comments", "drawing", "table", …). */
  kinds: string[];
}

export interface SpliceResult {
  bytes: Uint8Array;
  dropped: DroppedParts[];
}

const decodeXml = (text: string) =>
  text.includes("&")
    ? text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
      e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)))
    : text;

/** The attributes of one tag's text (`<x a="1" b='2'/>`), values decoded. */
function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** The namespace prefix of a part's root element ("x:" or ""). */
function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${root}[\\s>/]`).exec(xml);
  if (!m) throw new XlsxFormatError(`the workbook has no <${root}> where one is expected`);
  return m[1] ?? "";
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);
const baseOf = (part: string) => part.slice(part.lastIndexOf("/") + 1);
const relsOf = (part: string) => `${dirOf(part)}_rels/${baseOf(part)}.rels`;


interface Rel {
  id: string;
  type: string;
  target: string;
  /** The zip entry it points to; null for an external target. */
  part: string | null;
  /** The element's text in the rels part. */
  element: string;
}

const REL_ELEMENT = /<(?:[\w.-]+:)?Relationship\b[^>]*?\/>|<(?:[\w.-]+:)?Relationship\b[^>]*?>[\s\S]*?<\/(?:[\w.-]+:)?Relationship>/g;

function parseRels(xml: string, source: string): Rel[] {
  const base = dirOf(source);
  return [...xml.matchAll(REL_ELEMENT)].map((m) => {
    const a = attributesOf(m[0].slice(0, m[0].indexOf(">") + 1));
    const external = a.TargetMode === "External";
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", part: external || !a.Target ? null : resolvePath(base, a.Target), element: m[0] };
  });
}

/** The package being changed: entries by name, texts read once, changes kept until written. */
class Package {
  readonly entries = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  readonly order: string[];

  constructor(bytes: Uint8Array) {
    const list = readZipEntries(bytes);
    this.order = list.map((e) => e.name);
    for (const e of list) this.entries.set(e.name, e);
  }

  has(name: string): boolean {
    return this.texts.has(name) || this.entries.has(name);
  }

  text(name: string): string | undefined {
    let text = this.texts.get(name);
    if (text === undefined) {
      const entry = this.entries.get(name);
      if (!entry) return undefined;
      text = entryText(entry);
      this.texts.set(name, text);
    }
    return text;
  }

  rels(part: string): Rel[] {
    const xml = this.text(relsOf(part));
    return xml === undefined ? [] : parseRels(xml, part);
  }
}

const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const ITEM_OF: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

function sectionRange(xml: string, prefix: string, tag: string): { start: number; openEnd: number; close: number; end: number } | null {
  const open = new RegExp(`<${prefix}${tag}(?=[\\s>/])[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const openEnd = open.index + open[0].length;
  if (open[1] === "/") return { start: open.index, openEnd, close: openEnd, end: openEnd };
  const closeTag = `</${prefix}${tag}>`;
  const close = xml.indexOf(closeTag, openEnd);
  if (close < 0) throw new XlsxFormatError(`styles.xml is not well-formed XML (<${tag}> is never closed)`);
  return { start: open.index, openEnd, close, end: close + closeTag.length };
}

function sectionItems(xml: string, prefix: string, tag: string): string[] {
  const range = sectionRange(xml, prefix, tag);
  if (!range) return [];
  const item = `${prefix}${ITEM_OF[tag]}`;
  const inner = xml.slice(range.openEnd, range.close);
  const pattern = new RegExp(`<${item}(?=[\\s>/])(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${item}>)`, "g");
  return inner.match(pattern) ?? [];
}

/** Gives unprefixed elements the prefix of the part they go into. */
function withPrefix(xml: string, prefix: string): string {
  return prefix === "" ? xml : xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (whole, slash: string, name: string) => (name.includes(":") ? whole : `<${slash}${prefix}${name}`));
}

/** How many cell formats and differential formats a styles.xml holds: the new sheets' formats are numbered after
 * them. */
function formatCounts(xml: string): Omit<Numbering, "strings"> {
  const p = rootPrefix(xml, "styleSheet");
  return { xf: sectionItems(xml, p, "cellXfs").length, dxf: sectionItems(xml, p, "dxfs").length };
}

const SHARED_STRINGS_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

/** How many items a shared-strings part holds. */
function stringCount(xml: string): number {
  const p = rootPrefix(xml, "sst");
  return xml.match(new RegExp(`<${p}si(?=[\\s>/])`, "g"))?.length ?? 0;
}

/** The shared-strings part with `items` appended (numbered after the ones it holds). */
function appendStrings(xml: string, items: string[]): string {
  const p = rootPrefix(xml, "sst");
  const total = stringCount(xml) + items.length;
  const added = items.map((item) => withPrefix(item, p)).join("");
  const open = new RegExp(`<${p}sst\\b[^>]*?(/?)>`).exec(xml)!;
  // `count` (every use in the workbook) is optional and would be wrong now: it goes; `uniqueCount` is the items.
  const tag = open[0].replace(/\s(?:count|uniqueCount)="\d*"/g, "").replace(/\/?>$/, ` uniqueCount="${total}">`);
  if (open[1] === "/") return `${xml.slice(0, open.index)}${tag}${added}</${p}sst>${xml.slice(open.index + open[0].length)}`;
  const close = xml.lastIndexOf(`</${p}sst>`);
  return `${xml.slice(0, open.index)}${tag}${xml.slice(open.index + open[0].length, close)}${added}${xml.slice(close)}`;
}

/**
 * The original styles.xml with the new sheets' formats: their cell formats and differential formats appended in
 * order (numbered as formatCounts said), the fonts, fills, borders and number formats they use found among the
 * original's or appended.
 */
function mergeStyles(originalXml: string, freshXml: string): string {
  const p = rootPrefix(originalXml, "styleSheet");
  const fresh = (tag: string) => sectionItems(freshXml, "", tag);
  const additions = new Map<string, string[]>();
  const counts = new Map<string, number>();

  /** Items of `tag` into the original: each fresh item's index there (`reuse`: an identical item is shared). */
  function place(tag: string, items: string[], reuse = true): number[] {
    const existing = sectionItems(originalXml, p, tag);
    const known = new Map(reuse ? existing.map((item, i) => [item, i] as const) : []);
    const added: string[] = [];
    const map = items.map((raw) => {
      const item = withPrefix(raw, p);
      const at = known.get(item);
      if (at !== undefined) return at;
      const index = existing.length + added.length;
      if (reuse) known.set(item, index);
      added.push(item);
      return index;
    });
    if (added.length > 0) additions.set(tag, added);
    counts.set(tag, existing.length + added.length);
    return map;
  }

  // Number formats keep their built-in ids; custom ones take the original's id for the same code, or a free one.
  const originalFormats = sectionItems(originalXml, p, "numFmts").map((x) => attributesOf(x));
  const codes = new Map(originalFormats.map((a) => [a.formatCode ?? "", Number(a.numFmtId)] as const));
  let nextFormat = Math.max(163, ...originalFormats.map((a) => Number(a.numFmtId) || 0)) + 1;
  const formatMap = new Map<number, number>();
  const newFormats: string[] = [];
  for (const raw of fresh("numFmts")) {
    const a = attributesOf(raw);
    const id = Number(a.numFmtId);
    const code = a.formatCode ?? "";
    let to = codes.get(code);
    if (to === undefined) {
      to = nextFormat++;
      codes.set(code, to);
      newFormats.push(`<${p}numFmt numFmtId="${to}" formatCode="${encodeXml(code)}"/>`);
    }
    formatMap.set(id, to);
  }
  if (newFormats.length > 0) additions.set("numFmts", newFormats);
  counts.set("numFmts", originalFormats.length + newFormats.length);

  const font = place("fonts", fresh("fonts"));
  const fill = place("fills", fresh("fills"));
  const border = place("borders", fresh("borders"));
  const xfs = fresh("cellXfs").map((xf) =>
    xf.replace(/\b(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g, (_, name: string, value: string) => {
      const n = Number(value);
      const to = name === "numFmtId" ? (formatMap.get(n) ?? n) : name === "fontId" ? font[n] : name === "fillId" ? fill[n] : name === "borderId" ? border[n] : 0;
      return `${name}="${to ?? 0}"`;
    }),
  );
  place("cellXfs", xfs, false);
  place("dxfs", fresh("dxfs"), false);

  let xml = originalXml;
  for (const [tag, items] of additions) {
    const range = sectionRange(xml, p, tag);
    const count = counts.get(tag)!;
    if (range) {
      const openTag = xml.slice(range.start, range.openEnd).replace(/\/>$/, ">");
      const opened = /\bcount="\d*"/.test(openTag) ? openTag.replace(/\bcount="\d*"/, `count="${count}"`) : openTag.replace(/>$/, ` count="${count}">`);
      const inner = range.close > range.openEnd ? xml.slice(range.openEnd, range.close) : "";
      xml = `${xml.slice(0, range.start)}${opened}${inner}${items.join("")}</${p}${tag}>${xml.slice(range.end)}`;
    } else {
      // The section is missing: it goes before the first section that follows it in the schema's order.
      const section = `<${p}${tag} count="${count}">${items.join("")}</${p}${tag}>`;
      const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(tag) + 1).map((t) => sectionRange(xml, p, t)).find((r) => r !== null);
      const at = later ? later.start : xml.lastIndexOf(`</${p}styleSheet>`);
      xml = xml.slice(0, at) + section + xml.slice(at);
    }
  }
  return xml;
}

/** Free part names: the same folder and stem as the fresh part, with the next number not taken. */
class PartNames {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  take(part: string): string {
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(baseOf(part));
    const stem = dirOf(part) + (m ? m[1] : baseOf(part));
    const ext = m ? m[3] : "";
    let n = this.next.get(stem + ext) ?? 1;
    while (this.taken.has(`${stem}${n}${ext}`)) n++;
    const name = `${stem}${n}${ext}`;
    this.next.set(stem + ext, n + 1);
    this.taken.add(name);
    return name;
  }

  /** `part` itself when it is free (the name other programs look for, as xl/sharedStrings.xml), else a numbered one. */
  takeAsIs(part: string): string {
    if (this.taken.has(part)) return this.take(part);
    this.taken.add(part);
    return part;
  }
}

/** The package's content type of a part (Override, else Default by extension). */
function contentTypes(xml: string): { overrides: Map<string, string>; defaults: Map<string, string> } {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?(Override|Default)\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    if (m[1] === "Override" && a.PartName) overrides.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType ?? "");
    if (m[1] === "Default" && a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType ?? "");
  }
  return { overrides, defaults };
}

function contentTypeOf(types: ReturnType<typeof contentTypes>, part: string): string | undefined {
  return types.overrides.get(part.toLowerCase()) ?? types.defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
}

/** The workbook part of a package (the office document of _rels/.rels). */
function workbookPart(pkg: Package): string {
  const xml = pkg.text("_rels/.rels");
  const rel = xml === undefined ? undefined : parseRels(xml, "").find((r) => r.type.endsWith("/officeDocument") && r.part);
  const part = rel?.part ?? "xl/workbook.xml";
  if (!pkg.has(part)) throw new XlsxFormatError(`the zip has no ${part}`);
  return part;
}

export interface PackageInfo {
  /** Every sheet of the workbook, worksheets and chart sheets, in order. */
  sheetNames: string[];
  /** A macro-enabled workbook (.xlsm): its workbook part says so, and it holds a VBA project. */
  macros: boolean;
}

/** What a package holds that the writer must respect: its sheets' names and whether it carries macros. */
export function packageInfo(bytes: Uint8Array): PackageInfo {
  const pkg = new Package(bytes);
  const part = workbookPart(pkg);
  const types = pkg.text("[Content_Types].xml");
  return {
    sheetNames: sheetElements(pkg.text(part)!).map((s) => s.name),
    macros: types !== undefined && contentTypeOf(contentTypes(types), part) === MACRO_WORKBOOK,
  };
}

interface SheetElement {
  element: string;
  name: string;
  relId: string;
}

function sheetElements(xml: string): SheetElement[] {
  const sheets = /<(?:[\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheets>/.exec(xml);
  if (!sheets) return [];
  return [...sheets[1].matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    const relKey = Object.keys(a).find((k) => /^[\w.-]+:id$/.test(k));
    return { element: m[0], name: a.name ?? "", relId: relKey ? a[relKey] : "" };
  });
}

const DEFINED_NAME = /<(?:[\w.-]+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?definedName>)/g;

/** Rewrites each defined name's localSheetId (null: drop the name). */
function renumberDefinedNames(xml: string, map: (index: number) => number | null): string {
  return xml.replace(DEFINED_NAME, (element) => {
    const local = /^<[^>]*?\blocalSheetId="(\d+)"/.exec(element);
    if (!local) return element;
    const to = map(Number(local[1]));
    return to === null ? "" : element.replace(/^(<[^>]*?\blocalSheetId=")\d+"/, `$1${to}"`);
  });
}

/**
 * The original package with the fresh workbook's worksheets added at the end (in its order, under its names) and
 * the sheets named in `replacing` removed.
 */
export async function spliceSheets(original: Uint8Array, fresh: NewSheets, replacing: readonly string[] = [], compressor?: Compressor): Promise<SpliceResult> {
  const newEntry = (name: string, content: string) => deflatedEntry(name, content, compressor);
  const pkg = new Package(original);
  const wbPart = workbookPart(pkg);
  const wbRelsPart = relsOf(wbPart);
  let workbookXml = pkg.text(wbPart)!;
  let wbRelsXml = pkg.text(wbRelsPart);
  if (wbRelsXml === undefined) throw new XlsxFormatError(`the zip has no ${wbRelsPart}`);
  let typesXml = pkg.text("[Content_Types].xml");
  if (typesXml === undefined) throw new XlsxFormatError("the zip has no [Content_Types].xml");
  const wbRels = parseRels(wbRelsXml, wbPart);
  const wbRelById = new Map(wbRels.map((r) => [r.id, r] as const));
  const changed = new Map<string, string>();
  const removed = new Set<string>();

  // Sheets removed, and the parts only they used.
  const originalSheets = sheetElements(workbookXml);
  const replaced = new Set(replacing);
  const removedIndexes = new Set<number>();
  const removedRelIds = new Set<string>();
  const dropped: DroppedParts[] = [];
  originalSheets.forEach((s, i) => {
    if (!replaced.has(s.name)) return;
    removedIndexes.add(i);
    removedRelIds.add(s.relId);
  });
  if (removedIndexes.size > 0) {
    const roots = new Map<string, string>();
    for (const i of removedIndexes) {
      const rel = wbRelById.get(originalSheets[i].relId);
      if (rel?.part) roots.set(rel.part, originalSheets[i].name);
    }
    const reachable = new Map<string, { sheet: string; kind: string }>();
    const queue = [...roots.keys()];
    for (const root of queue) reachable.set(root, { sheet: roots.get(root)!, kind: "worksheet" });
    while (queue.length > 0) {
      const part = queue.pop()!;
      for (const rel of pkg.rels(part)) {
        if (rel.part && !reachable.has(rel.part) && rel.part !== wbPart) {
          reachable.set(rel.part, { sheet: reachable.get(part)!.sheet, kind: rel.type.slice(rel.type.lastIndexOf("/") + 1) });
          queue.push(rel.part);
        }
      }
    }
    // A part another (kept) part also points to stays.
    const usedElsewhere = new Set<string>();
    for (const name of pkg.order) {
      if (!name.endsWith(".rels")) continue;
      const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
      if (reachable.has(source) || name === wbRelsPart) continue;
      for (const rel of parseRels(pkg.text(name)!, source)) if (rel.part) usedElsewhere.add(rel.part);
    }
    for (const i of removedIndexes) usedElsewhere.delete(wbRelById.get(originalSheets[i].relId)?.part ?? "");
    const kinds = new Map<string, Set<string>>();
    for (const [part, { sheet, kind }] of reachable) {
      if (usedElsewhere.has(part)) continue;
      removed.add(part);
      removed.add(relsOf(part));
      if (kind !== "worksheet" && kind !== "printerSettings" && kind !== "vmlDrawing") {
        kinds.set(sheet, (kinds.get(sheet) ?? new Set()).add(kind));
      }
    }
    for (const [sheet, set] of kinds) dropped.push({ sheet, kinds: [...set] });
    // calcChain.xml lists cells by sheet: Excel rebuilds it when it is missing.
    for (const rel of wbRels) {
      if (rel.type.endsWith("/calcChain") && rel.part) {
        removed.add(rel.part);
        removedRelIds.add(rel.id);
      }
    }
  }

  // The new sheets, their parts under free names, and the formats they use.
  const names = new PartNames(new Set(pkg.order));
  const addedEntries: (ZipEntry | Promise<ZipEntry>)[] = [];
  // Sheets deflating off this thread while the next ones are made; a few at a time, so that their text is let go.
  const deflating: Promise<ZipEntry>[] = [];
  const IN_FLIGHT = 4;
  const newTypes: { part: string; type: string }[] = [];
  const newRels: string[] = [];
  const relIds = new Set(wbRels.map((r) => r.id));
  let nextRel = wbRels.length + 1;
  const freeRelId = () => {
    while (relIds.has(`rId${nextRel}`)) nextRel++;
    relIds.add(`rId${nextRel}`);
    return `rId${nextRel}`;
  };
  const relTarget = (part: string) => (part.startsWith(dirOf(wbPart)) ? part.slice(dirOf(wbPart).length) : `/${part}`);
  const stylesPart = wbRels.find((r) => r.type.endsWith("/styles") && r.part)?.part ?? undefined;
  const stylesXml = stylesPart ? pkg.text(stylesPart) : undefined;
  const stringsPart = wbRels.find((r) => r.type.endsWith("/sharedStrings") && r.part)?.part ?? undefined;
  const stringsXml = stringsPart ? pkg.text(stringsPart) : undefined;
  const base: Numbering = {
    ...(stylesXml === undefined ? { xf: 0, dxf: 0 } : formatCounts(stylesXml)),
    strings: stringsXml === undefined ? 0 : stringCount(stringsXml),
  };
  const relsXml = (rels: NewRel[], from: string, renamed: Map<string, string>) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${encodeXml(relativeTarget(from, renamed.get(r.part)!))}"/>`).join("") +
    "</Relationships>";
  const sheetParts: string[] = [];
  for (const sheet of fresh.sheets) {
    const part = names.take(`${dirOf(wbPart)}worksheets/sheet.xml`);
    // Each sheet is made and handed to the deflate before the next: a big batch's sheets never add up.
    const written = sheet.write(base);
    const renamed = new Map(written.parts.map((p) => [p.name, names.take(p.name.replace(/\d+(?:_\d+)?(\.[^./]+)$/, "$1"))] as const));
    const entry = newEntryAsync(part, written.xml, compressor);
    // A failure is thrown where the entry is awaited, not reported as unhandled meanwhile.
    entry.catch(() => undefined);
    addedEntries.push(entry);
    deflating.push(entry);
    if (deflating.length >= IN_FLIGHT) await deflating.shift();
    newTypes.push({ part, type: WORKSHEET_CONTENT });
    if (written.rels.length > 0) addedEntries.push(newEntry(relsOf(part), relsXml(written.rels, part, renamed)));
    for (const p of written.parts) {
      const to = renamed.get(p.name)!;
      addedEntries.push(newEntry(to, p.xml));
      newTypes.push({ part: to, type: p.contentType });
      if (p.rels.length > 0) addedEntries.push(newEntry(relsOf(to), relsXml(p.rels, to, renamed)));
    }
    sheetParts.push(part);
  }
  if (stylesPart && stylesXml !== undefined) {
    changed.set(stylesPart, mergeStyles(stylesXml, fresh.styles()));
  } else {
    // The original has no styles: the new sheets' go in as they are.
    const part = names.takeAsIs(`${dirOf(wbPart)}styles.xml`);
    addedEntries.push(newEntry(part, fresh.styles()));
    newTypes.push({ part, type: STYLES_CONTENT });
    newRels.push(`<Relationship Id="${freeRelId()}" Type="${REL_NS}/styles" Target="${encodeXml(relTarget(part))}"/>`);
  }
  const strings = fresh.strings();
  if (strings.length > 0 && stringsPart && stringsXml !== undefined) {
    changed.set(stringsPart, appendStrings(stringsXml, strings));
  } else if (strings.length > 0) {
    const part = names.takeAsIs(`${dirOf(wbPart)}sharedStrings.xml`);
    addedEntries.push(newEntry(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${strings.length}">${strings.join("")}</sst>`));
    newTypes.push({ part, type: SHARED_STRINGS_CONTENT });
    newRels.push(`<Relationship Id="${freeRelId()}" Type="${REL_NS}/sharedStrings" Target="${encodeXml(relTarget(part))}"/>`);
  }

  // workbook.xml: sheets, defined names, the active tab.
  const p = rootPrefix(workbookXml, "workbook");
  const relPrefix = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(workbookXml.slice(0, workbookXml.indexOf(">", workbookXml.indexOf(`<${p}workbook`)) + 1))?.[1];
  const before: number[] = [];
  originalSheets.forEach((_, i) => before.push((before[i - 1] ?? 0) + (removedIndexes.has(i - 1) ? 1 : 0)));
  const removedBefore = (index: number) => before[index] ?? removedIndexes.size;
  const kept = originalSheets.length - removedIndexes.size;
  let sheetId = Math.max(0, ...originalSheets.map((s) => Number(attributesOf(s.element).sheetId) || 0));
  const newSheetElements = fresh.sheets.map((s, i) => {
    const id = freeRelId();
    newRels.push(`<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="${encodeXml(relTarget(sheetParts[i]))}"/>`);
    const r = relPrefix ?? "r";
    const declaration = relPrefix ? "" : ` xmlns:r="${REL_NS}"`;
    return `<${p}sheet name="${encodeXml(s.name)}" sheetId="${++sheetId}"${declaration} ${r}:id="${id}"/>`;
  });
  let sheetIndex = -1;
  workbookXml = workbookXml.replace(/<(?:[\w.-]+:)?sheets\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?sheets>/, (section) =>
    section.replace(/<(?:[\w.-]+:)?sheet\b[^>]*>/g, (element) => (removedIndexes.has(++sheetIndex) ? "" : element)).replace(/(<\/(?:[\w.-]+:)?sheets>)$/, `${newSheetElements.join("")}$1`),
  );
  workbookXml = renumberDefinedNames(workbookXml, (n) => (removedIndexes.has(n) ? null : n - removedBefore(n)));
  workbookXml = workbookXml.replace(/<(?:[\w.-]+:)?definedNames\b[^>]*>\s*<\/(?:[\w.-]+:)?definedNames>|<(?:[\w.-]+:)?definedNames\b[^>]*\/>/, "");
  const definedNames = fresh.definedNames();
  if (definedNames.length > 0) {
    const items = definedNames.map((n) => `<${p}definedName name="${encodeXml(n.name)}" localSheetId="${kept + n.sheet}">${encodeXml(n.formula)}</${p}definedName>`).join("");
    const close = new RegExp(`</${p}definedNames>`).exec(workbookXml);
    if (close) workbookXml = workbookXml.slice(0, close.index) + items + workbookXml.slice(close.index);
    else {
      const after = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].map((t) => workbookXml.indexOf(t) >= 0 ? workbookXml.indexOf(t) + t.length : -1).find((i) => i >= 0)!;
      workbookXml = `${workbookXml.slice(0, after)}<${p}definedNames>${items}</${p}definedNames>${workbookXml.slice(after)}`;
    }
  }
  if (removedIndexes.size > 0) {
    workbookXml = workbookXml.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (view) =>
      view.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (_, name: string, n: string) => {
        const index = Number(n);
        return `${name}="${removedIndexes.has(index) ? 0 : Math.min(index - removedBefore(index), Math.max(0, kept + fresh.sheets.length - 1))}"`;
      }),
    );
  }
  changed.set(wbPart, workbookXml);

  // workbook.xml.rels and [Content_Types].xml.
  wbRelsXml = wbRelsXml.replace(REL_ELEMENT, (element) => (removedRelIds.has(attributesOf(element).Id ?? "") ? "" : element));
  const relsClose = wbRelsXml.lastIndexOf("</");
  const relsRoot = rootPrefix(wbRelsXml, "Relationships");
  wbRelsXml = wbRelsXml.slice(0, relsClose) + newRels.map((r) => withPrefix(r, relsRoot)).join("") + wbRelsXml.slice(relsClose);
  changed.set(wbRelsPart, wbRelsXml);
  typesXml = typesXml.replace(/<(?:[\w.-]+:)?Override\b[^>]*>/g, (element) => (removed.has((attributesOf(element).PartName ?? "").replace(/^\//, "")) ? "" : element));
  const typesClose = typesXml.lastIndexOf("</");
  const typesRoot = rootPrefix(typesXml, "Types");
  typesXml = typesXml.slice(0, typesClose) + newTypes.map((t) => `<${typesRoot}Override PartName="/${encodeXml(t.part)}" ContentType="${encodeXml(t.type)}"/>`).join("") + typesXml.slice(typesClose);
  changed.set("[Content_Types].xml", typesXml);

  const out: ZipEntry[] = [];
  for (const name of pkg.order) {
    if (removed.has(name)) continue;
    const text = changed.get(name);
    out.push(text === undefined ? pkg.entries.get(name)! : { ...newEntry(name, text) });
  }
  out.push(...(await Promise.all(addedEntries)));
  return { bytes: writeZip(out), dropped };
}
