/**
 * A SheetSpec as a worksheet part (SpreadsheetML), written straight to text in one pass over its cells: values
 * (text as shared strings, formula-like text formatted as text), formulas with the engine's cached result, links to cells,
 * column widths and hidden columns, row heights, the frozen header, merges, protection with the input cells left
 * editable, data validation of the inputs with the out-of-range highlight, the print setup, and the <drawing> of its
 * charts. Cell formats are numbered by the caller (the workbook's styles.xml, after the splice merged them). No
 * Node or DOM imports.
 */
import { a1, columnLetters } from "../../core/grid";
import {
  PAGE_FOOTER, numberFormat, outOfRangeFormula, sheetRef, validationRange,
  type InputValidation, type SheetSpec, type SpecCell, type SpecValue,
} from "../../core/sheetSpec";
import { OUT_OF_RANGE_DXF } from "./cellFormats";
import { cellText, escapeContent, escapeXml } from "../xmlText";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Where the sheet's cells find their numbers in the workbook. */
export interface SheetContext {
  /** A cell's format number: by its kind, style and number format. */
  formatOf(kind: SpecCell["kind"], style: SpecCell["style"], format: string | undefined): number;
  /** A text's number among the workbook's shared strings. */
  stringOf(text: string): number;
  /** The number of the workbook's first differential format of the new sheets. */
  dxfBase: number;
  /** The relationship id of the sheet's drawing (its charts), if it has one. */
  drawing?: string;
  /** The XML of frozen cells after their reference (frozen cells are shared by rows and sheets: each is written
   * once), and of their links; kept by the caller from sheet to sheet with the same numbering. */
  frozen?: Map<SpecCell, string>;
  frozenLinks?: Map<SpecCell, string>;
}

/** A shared-string item of `text` (spaces at either end and line breaks kept). */
export function stringItem(text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<si><t${space}>${cellText(text)}</t></si>`;
}

/** A value's type attribute and <v> (no <v> for an empty value); text as a formula's cached string. */
function valueParts(value: SpecValue, error: boolean): { t: string; v: string } | null {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? { t: "", v: `<v>${Object.is(value, -0) ? 0 : value}</v>` } : { t: ' t="e"', v: "<v>#NUM!</v>" };
  if (typeof value === "boolean") return { t: ' t="b"', v: `<v>${value ? 1 : 0}</v>` };
  if (error) return { t: ' t="e"', v: `<v>${escapeXml(value)}</v>` };
  return { t: ' t="str"', v: `<v>${cellText(value)}</v>` };
}

/** A cell's XML after its reference (`<c r="B7`), `s` its format's number; `stringOf`: a text's number among the
 * shared strings. */
function cellTail(cell: SpecCell, s: number, stringOf: (text: string) => number): string {
  switch (cell.kind) {
    case "value": {
      if (typeof cell.value === "string" && !cell.error) return `" s="${s}" t="s"><v>${stringOf(cell.value)}</v></c>`;
      const parts = valueParts(cell.value, cell.error === true);
      return parts ? `" s="${s}"${parts.t}>${parts.v}</c>` : `" s="${s}"/>`;
    }
    case "formula": {
      const parts = valueParts(cell.cached === undefined ? null : cell.cached, false);
      return `" s="${s}"${parts?.t ?? ""}><f>${escapeContent(cell.formula)}</f>${parts?.v ?? ""}</c>`;
    }
    case "link":
      return `" s="${s}" t="s"><v>${stringOf(cell.text)}</v></c>`;
  }
}

/** A link cell's <hyperlink> after its reference (`<hyperlink ref="P7`). */
const linkTail = (cell: Extract<SpecCell, { kind: "link" }>): string => `" location="${escapeXml(sheetRef(cell.sheet, cell.cell))}" display="${escapeXml(cell.text)}"/>`;

/** Column widths (characters) and hidden columns, runs of equal columns as one <col>. */
function colsXml(spec: SheetSpec): string {
  const hidden = new Set(spec.hiddenColumns ?? []);
  const count = Math.max(spec.widths.length, hidden.size === 0 ? 0 : Math.max(...hidden) + 1);
  const cols: string[] = [];
  for (let c = 0; c < count; ) {
    const width = spec.widths[c];
    const isHidden = hidden.has(c);
    let end = c;
    while (end + 1 < count && spec.widths[end + 1] === width && hidden.has(end + 1) === isHidden) end++;
    if (width !== undefined || isHidden) {
      cols.push(`<col min="${c + 1}" max="${end + 1}" width="${width ?? 9.140625}"${isHidden ? ' hidden="1"' : ""}${width !== undefined ? ' customWidth="1"' : ""}/>`);
    }
    c = end + 1;
  }
  return cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "";
}

/** Excel's data validation of one input rule. */
function validationXml(v: InputValidation): string {
  const alert = ` allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(v.title)}" error="${escapeXml(v.message)}" sqref="${validationRange(v)}"`;
  const { rule } = v;
  if (rule.kind === "list") return `<dataValidation type="list"${alert}><formula1>${escapeXml(`"${rule.values.join(",")}"`)}</formula1></dataValidation>`;
  if (rule.min !== null && rule.max !== null) {
    return `<dataValidation type="${rule.kind}" operator="between"${alert}><formula1>${rule.min}</formula1><formula2>${rule.max}</formula2></dataValidation>`;
  }
  if (rule.max !== null) return `<dataValidation type="${rule.kind}" operator="lessThanOrEqual"${alert}><formula1>${rule.max}</formula1></dataValidation>`;
  return `<dataValidation type="${rule.kind}" operator="greaterThanOrEqual"${alert}><formula1>${rule.min ?? -1e15}</formula1></dataValidation>`;
}

/** The worksheet part of `spec`, its cells numbered as `context` says, in two pieces to be encoded one by one: up to
 * the end of the cells, and what follows them. Cells rarely hold other than ASCII (their texts are shared strings),
 * while links and messages are Chinese; a text of ASCII alone encodes several times faster. */
export function worksheetXml(spec: SheetSpec, context: SheetContext): [cells: string, rest: string] {
  const width = Math.max(spec.widths.length, ...spec.rows.map((row) => row.length), 1);
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (spec.print) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const height = Math.max(spec.rows.length, 1);
  out.push(`<dimension ref="A1:${letters[width - 1]}${height}"/>`);
  const frozen = spec.frozenRows > 0
    ? `<pane ySplit="${spec.frozenRows}" topLeftCell="A${spec.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${spec.frozenRows + 1}" sqref="A${spec.frozenRows + 1}"/>`
    : "";
  out.push(`<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>`, '<sheetFormatPr defaultRowHeight="15"/>', colsXml(spec));

  out.push("<sheetData>");
  const links: string[] = [];
  const starts = letters.map((letter) => `<c r="${letter}`);
  const heights = spec.rowHeights;
  // Each column's last text and its number: a column often repeats its text down the rows (a category, an owner).
  const lastTexts: (string | undefined)[] = [];
  const lastNumbers: number[] = [];
  let column = 0;
  const stringOf = (text: string): number => {
    if (lastTexts[column] === text) return lastNumbers[column];
    lastTexts[column] = text;
    return (lastNumbers[column] = context.stringOf(text));
  };
  const frozenCells = context.frozen ?? new Map<SpecCell, string>();
  const frozenLinks = context.frozenLinks ?? new Map<SpecCell, string>();
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    const h = heights?.[r];
    const n = String(r + 1);
    let xml = h !== undefined && h !== null ? `<row r="${n}" ht="${h}" customHeight="1">` : `<row r="${n}">`;
    for (let c = 0; c < row.length; c++) {
      column = c;
      const cell = row[c];
      // An empty cell of no style of its own is left out: with nothing in it, it looks and locks as a cell never
      // written (a good part of a scoring sheet's cells).
      if (cell.kind === "value" && cell.value === null && cell.style === undefined && cell.format === undefined) continue;
      let tail = frozenCells.get(cell);
      if (tail === undefined) {
        tail = cellTail(cell, context.formatOf(cell.kind, cell.style, numberFormat(cell)), stringOf);
        if (Object.isFrozen(cell)) frozenCells.set(cell, tail);
      }
      xml += `${starts[c]}${n}${tail}`;
      if (cell.kind === "link") {
        let link = frozenLinks.get(cell);
        if (link === undefined) {
          link = linkTail(cell);
          if (Object.isFrozen(cell)) frozenLinks.set(cell, link);
        }
        links.push(`<hyperlink ref="${letters[c]}${n}${link}`);
      }
    }
    out.push(`${xml}</row>`);
  }
  out.push("</sheetData>");
  const cells = out.join("");
  out.length = 0;

  if (spec.protect) out.push('<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>');
  if (spec.merges.length > 0) {
    out.push(`<mergeCells count="${spec.merges.length}">`, ...spec.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`), "</mergeCells>");
  }
  const validations = spec.validations ?? [];
  validations.forEach((v, index) => {
    // Each rule its own priority, as Excel writes them.
    out.push(`<conditionalFormatting sqref="${validationRange(v)}"><cfRule type="expression" dxfId="${context.dxfBase + OUT_OF_RANGE_DXF}" priority="${index + 1}"><formula>${escapeXml(outOfRangeFormula(v))}</formula></cfRule></conditionalFormatting>`);
  });
  if (validations.length > 0) out.push(`<dataValidations count="${validations.length}">`, ...validations.map(validationXml), "</dataValidations>");
  if (links.length > 0) out.push("<hyperlinks>", ...links, "</hyperlinks>");
  if (spec.print) {
    out.push(
      '<printOptions horizontalCentered="1"/>',
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      `<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="${spec.print.landscape ? "landscape" : "portrait"}"/>`,
      `<headerFooter><oddFooter>${escapeXml(`&C${PAGE_FOOTER}`)}</oddFooter></headerFooter>`,
    );
  } else {
    out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  }
  if (context.drawing) out.push(`<drawing r:id="${context.drawing}"/>`);
  out.push("</worksheet>");
  return [cells, out.join("")];
}
