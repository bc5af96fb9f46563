/**
 * Native charts added to an .xlsx that ExcelJS (or anything else) wrote: for each named sheet, its ChartSpecs become
 * chart parts (xl/charts/chartN.xml), a drawing that anchors them beside the sheet's table (xl/drawings/drawingN.xml)
 * with their relationships, content-type overrides, and the sheet's <drawing r:id> element in its place among the
 * sheet's elements. Bytes in, bytes out: every other part is kept as it was, sheets are found by name (wherever the
 * workbook keeps them), numbers already taken by charts and drawings are skipped, and a sheet that already has a
 * drawing (pictures) gets the charts added to it. No Node or DOM imports.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { chartPlaces } from "../../core/chartPlacement";
import type { ChartSpec, SheetSpec } from "../../core/sheetSpec";
import { XlsxFormatError } from "../xlsxLimits";
import { parseRelationships, parseWorkbook } from "../xmlParts";
import { relativeTarget } from "../relativeTarget";
import { escapeXml } from "../xmlText";
import { chartXml } from "./chartXml";
import { appendAnchors, drawingXml } from "./drawingXml";

/** The charts of one sheet, and how many columns its table takes (the charts float right of them). */
export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  columns: number;
}

/** The charts of a generated sheet, added under the name `sheet` it was given. */
export function sheetCharts(spec: Pick<SheetSpec, "charts" | "widths" | "rows">, sheet: string): SheetCharts {
  const columns = Math.max(spec.widths.length, ...spec.rows.map((row) => row.length));
  return { sheet, charts: spec.charts, columns };
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const DRAWING_TYPE = `${REL_NS}/drawing`;
export const CHART_TYPE = `${REL_NS}/chart`;
export const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CONTENT_TYPES = "[Content_Types].xml";
/** 2020-01-01 00:00, the time every entry of a written workbook carries (the same input gives the same bytes). */
const ZIP_TIME = new Date(2020, 0, 1, 0, 0, 0);

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

const folderOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);
const relsOf = (part: string) => `${folderOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** A relationships part with one more relationship under a free id; the id. */
function addRelationship(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const base = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
  const taken = new Set([...base.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const selfClosed = /<Relationships\b([^>]*)\/>\s*$/.exec(base);
  if (selfClosed) return { xml: `${base.slice(0, selfClosed.index)}<Relationships${selfClosed[1]}>${entry}</Relationships>`, id };
  const end = base.lastIndexOf("</Relationships>");
  if (end < 0) throw new XlsxFormatError("a relationships part has no end tag");
  return { xml: base.slice(0, end) + entry + base.slice(end), id };
}

/** The worksheet's children that come after <drawing> (CT_Worksheet's order). */
const AFTER_DRAWING = new Set(["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);
const TAG = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

interface SheetShape {
  /** The main namespace's prefix of the sheet ("" or "x:"). */
  prefix: string;
  /** The relationship id of the sheet's drawing, when it has one. */
  drawing: string | null;
  /** Where a <drawing> element goes. */
  insertAt: number;
}

/** Reads the top-level elements after <sheetData>: an existing <drawing> and where a new one belongs. */
function sheetShape(part: string, xml: string): SheetShape {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b/.exec(xml);
  if (!root) throw new XlsxFormatError(`${part} is not a worksheet`);
  const prefix = root[1] ?? "";
  const dataEnd = new RegExp(`</${prefix}sheetData>|<${prefix}sheetData\\s*/>`).exec(xml);
  TAG.lastIndex = dataEnd ? dataEnd.index + dataEnd[0].length : root.index;
  let depth = dataEnd ? 1 : 0;
  let drawing: string | null = null;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, closing, , name, attributes, selfClosing] = m;
    if (closing) {
      depth--;
      if (depth === 0) return { prefix, drawing, insertAt: m.index };
      continue;
    }
    if (depth === 1) {
      if (name === "drawing") drawing = /\b[\w.-]+:id="([^"]*)"/.exec(attributes)?.[1] ?? null;
      if (AFTER_DRAWING.has(name)) return { prefix, drawing, insertAt: m.index };
    }
    if (!selfClosing) depth++;
  }
  throw new XlsxFormatError(`${part} has no end tag`);
}

/** The sheet XML with <drawing r:id> inserted (and the relationships namespace declared on its root). */
function withDrawingElement(part: string, xml: string, relId: string): string {
  const shape = sheetShape(part, xml);
  const withElement = `${xml.slice(0, shape.insertAt)}<${shape.prefix}drawing r:id="${relId}"/>${xml.slice(shape.insertAt)}`;
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b[^>]*>/.exec(withElement)!;
  if (/\sxmlns:r="/.test(root[0])) return withElement;
  const at = root.index + root[0].length - (root[0].endsWith("/>") ? 2 : 1);
  return `${withElement.slice(0, at)} xmlns:r="${REL_NS}"${withElement.slice(at)}`;
}

/** The next free number of parts named `<folder><stem>N.xml`. */
function nextNumber(files: Record<string, Uint8Array>, folder: string, stem: string): () => number {
  const pattern = new RegExp(`^${folder}${stem}(\\d+)\\.xml$`);
  let n = Math.max(0, ...Object.keys(files).map((name) => Number(pattern.exec(name)?.[1] ?? 0)));
  return () => ++n;
}

function withOverrides(types: string, overrides: { part: string; type: string }[]): string {
  const end = types.lastIndexOf("</Types>");
  if (end < 0) throw new XlsxFormatError(`${CONTENT_TYPES} has no end tag`);
  const entries = overrides
    .filter(({ part }) => !types.includes(`PartName="/${part}"`))
    .map(({ part, type }) => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`);
  return types.slice(0, end) + entries.join("") + types.slice(end);
}

/** The workbook's part name, from the package relationships (xl/workbook.xml as a rule). */
function workbookPart(files: Record<string, Uint8Array>): string {
  const rels = files["_rels/.rels"];
  if (!rels) return "xl/workbook.xml";
  const found = [...parseRelationships("_rels/.rels", decoder.decode(rels), "").values()].find((r) => r.type.endsWith("/officeDocument"));
  return found?.target ?? "xl/workbook.xml";
}

/**
 * The workbook with the charts added to the named sheets. A sheet name the workbook does not have is an error
 * (the caller names sheets it just wrote); sheets without charts are left as they are, and when no sheet has a
 * chart the bytes come back unchanged.
 */
export function addCharts(bytes: Uint8Array, sheets: readonly SheetCharts[]): Uint8Array {
  const wanted = sheets.filter((s) => s.charts.length > 0);
  if (wanted.length === 0) return bytes;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new XlsxFormatError(`the zip cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = (name: string): string | undefined => (files[name] ? decoder.decode(files[name]) : undefined);
  const put = (name: string, xml: string) => {
    files[name] = encoder.encode(xml);
  };
  const workbook = workbookPart(files);
  const workbookXml = text(workbook);
  const workbookRels = text(relsOf(workbook));
  if (workbookXml === undefined || workbookRels === undefined) throw new XlsxFormatError(`the zip has no ${workbook} or its relationships`);
  const rels = parseRelationships(relsOf(workbook), workbookRels, folderOf(workbook));
  const partOf = new Map(parseWorkbook(workbookXml).sheets.map((s) => [s.name, rels.get(s.relId)?.target]));
  const nextChart = nextNumber(files, "xl/charts/", "chart");
  const nextDrawing = nextNumber(files, "xl/drawings/", "drawing");
  const overrides: { part: string; type: string }[] = [];

  for (const { sheet, charts, columns } of wanted) {
    const part = partOf.get(sheet);
    const sheetXml = part === undefined ? undefined : text(part);
    if (part === undefined || sheetXml === undefined) throw new XlsxFormatError(`the workbook has no sheet named ${sheet}`);
    const sheetRels = text(relsOf(part));
    const existing = sheetShape(part, sheetXml).drawing;
    const existingPart = existing === null || sheetRels === undefined
      ? undefined
      : parseRelationships(relsOf(part), sheetRels, folderOf(part)).get(existing)?.target;
    if (existing !== null && (existingPart === undefined || !files[existingPart])) throw new XlsxFormatError(`${part} names a drawing the workbook does not have`);
    const drawing = existingPart ?? `xl/drawings/drawing${nextDrawing()}.xml`;
    let drawingRels = text(relsOf(drawing));
    const places = chartPlaces(columns, charts);
    const anchors = charts.map((chart, i) => {
      const chartPart = `xl/charts/chart${nextChart()}.xml`;
      put(chartPart, chartXml(chart, sheet));
      overrides.push({ part: chartPart, type: CHART_CONTENT });
      const added = addRelationship(drawingRels, CHART_TYPE, relativeTarget(drawing, chartPart));
      drawingRels = added.xml;
      return { place: places[i], relId: added.id, title: chart.title };
    });
    put(relsOf(drawing), drawingRels!);
    if (drawing === existingPart) {
      put(drawing, appendAnchors(text(drawing)!, anchors));
    } else {
      put(drawing, drawingXml(anchors.map((a, i) => ({ ...a, shapeId: i + 2 }))));
      overrides.push({ part: drawing, type: DRAWING_CONTENT });
      const added = addRelationship(sheetRels, DRAWING_TYPE, relativeTarget(part, drawing));
      put(relsOf(part), added.xml);
      put(part, withDrawingElement(part, sheetXml, added.id));
    }
  }
  const types = text(CONTENT_TYPES);
  if (types === undefined) throw new XlsxFormatError(`the zip has no ${CONTENT_TYPES}`);
  put(CONTENT_TYPES, withOverrides(types, overrides));
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: ZIP_TIME }];
  return zipSync(zippable, { level: 6 });
}
