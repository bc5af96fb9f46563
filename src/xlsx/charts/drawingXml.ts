/**
 * The drawing part that floats charts over a worksheet (xl/drawings/drawingN.xml): one two-cell anchor per chart,
 * from its top-left cell to its bottom-right cell, holding a graphic frame that points at the chart part through
 * the drawing's relationships. No Node or DOM imports.
 */
import type { MergeArea } from "../../core/grid";
import { escapeXml } from "../xmlText";

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface ChartAnchor {
  /** The cells the chart covers (0-based, inclusive). */
  place: MergeArea;
  /** The drawing's relationship id of the chart part. */
  relId: string;
  /** Unique within the drawing. */
  shapeId: number;
  title: string;
}

const marker = (tag: "from" | "to", row: number, col: number) =>
  `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** One anchor; namespaces declared on it, so that it may join a drawing that binds other prefixes. */
export function anchorXml(anchor: ChartAnchor): string {
  const { place } = anchor;
  return `<xdr:twoCellAnchor xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" editAs="oneCell">`
    + marker("from", place.top, place.left) + marker("to", place.bottom + 1, place.right + 1)
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${anchor.shapeId}" name="${escapeXml(anchor.title)}"/>`
    + `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>`
    + `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${escapeXml(anchor.relId)}"/>`
    + `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
}

export function drawingXml(anchors: ChartAnchor[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">`
    + anchors.map(anchorXml).join("") + `</xdr:wsDr>`;
}

/** A drawing with more anchors before its end; shape ids continue after the highest it holds. */
export function appendAnchors(drawing: string, anchors: Omit<ChartAnchor, "shapeId">[]): string {
  const highest = Math.max(1, ...[...drawing.matchAll(/<(?:\w+:)?cNvPr\b[^>]*?\bid="(\d+)"/g)].map((m) => Number(m[1])));
  const end = drawing.search(/<\/(?:\w+:)?wsDr>\s*$/);
  if (end < 0) throw new Error("the sheet's drawing part has no end tag");
  return drawing.slice(0, end) + anchors.map((a, i) => anchorXml({ ...a, shapeId: highest + 1 + i })).join("") + drawing.slice(end);
}
