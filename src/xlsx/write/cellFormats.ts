/**
 * The cell formats of generated sheets as a styles.xml of their own: each distinct look (src/core/cellLook.ts) and
 * number format becomes one cell format (xf), numbered in the order first asked for. The splice merges this
 * styles.xml into the workbook's (reusing identical formats) and tells the sheet writer each format's number there.
 * No Node or DOM imports.
 */
import { cellLook, OUT_OF_RANGE_LOOK, SHEET_FONT, type CellLook } from "../../core/cellLook";
import type { CellStyle, SpecCell } from "../../core/sheetSpec";
import { escapeXml } from "../xmlText";

/** Excel's built-in number formats that generated sheets use, by code. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;

/** One list of distinct XML items (fonts, fills, borders, formats): each item's index, added when first seen. */
class Items {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(first: string[]) {
    for (const item of first) this.add(item);
  }

  add(item: string): number {
    let at = this.index.get(item);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(item);
      this.index.set(item, at);
    }
    return at;
  }
}

const fontXml = (font: CellLook["font"]) =>
  `<font>${font.bold ? "<b/>" : ""}${font.underline ? "<u/>" : ""}${font.size !== undefined ? `<sz val="${font.size}"/>` : ""}` +
  `${font.color ? `<color rgb="FF${font.color}"/>` : ""}<name val="${SHEET_FONT}"/><family val="3"/><charset val="134"/></font>`;
const fillXml = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
const THIN = '<left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/>';
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";

/** The cell formats asked for so far, and the styles.xml that holds them. */
export class CellFormats {
  private readonly fonts = new Items([fontXml({ size: 11 })]);
  private readonly fills = new Items(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Items([NO_BORDER]);
  private readonly numberFormats = new Map<string, number>();
  private readonly xfs = new Items(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  /** Formats found, by whether the cell is a link, its style and its number format (asked for once a cell). */
  private readonly byCell = [new Map<CellStyle | undefined, Map<string | undefined, number>>(), new Map<CellStyle | undefined, Map<string | undefined, number>>()];

  /** The number (in this styles.xml) of the format of a cell of `kind` in `style` with number format `format`. */
  of(kind: SpecCell["kind"], style: CellStyle | undefined, format: string | undefined): number {
    const byStyle = this.byCell[kind === "link" ? 1 : 0];
    let byFormat = byStyle.get(style);
    if (!byFormat) byStyle.set(style, (byFormat = new Map()));
    let xf = byFormat.get(format);
    if (xf === undefined) {
      xf = this.xfs.add(this.xfXml(cellLook(kind, style), format));
      byFormat.set(format, xf);
    }
    return xf;
  }

  private numberFormat(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numberFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.numberFormats.size;
      this.numberFormats.set(code, id);
    }
    return id;
  }

  private xfXml(look: CellLook, format: string | undefined): string {
    const numFmtId = this.numberFormat(format);
    const fontId = this.fonts.add(fontXml(look.font));
    const fillId = look.fill ? this.fills.add(fillXml(look.fill)) : 0;
    const borderId = look.border ? this.borders.add(`<border>${THIN}</border>`) : 0;
    const applied = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      ' applyFont="1"',
      fillId !== 0 ? ' applyFill="1"' : "",
      borderId !== 0 ? ' applyBorder="1"' : "",
      look.alignment ? ' applyAlignment="1"' : "",
      look.unlocked ? ' applyProtection="1"' : "",
    ].join("");
    const alignment = look.alignment
      ? `<alignment${look.alignment.horizontal ? ` horizontal="${look.alignment.horizontal}"` : ""} vertical="${look.alignment.vertical === "middle" ? "center" : "top"}"${look.alignment.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    const protection = look.unlocked ? '<protection locked="0"/>' : "";
    const children = alignment + protection;
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return children ? `${open}>${children}</xf>` : `${open}/>`;
  }

  /** The styles.xml holding every format asked for, and the out-of-range highlight as differential format 0. */
  stylesXml(): string {
    const section = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const formats = [...this.numberFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const dxf = `<dxf><font><color rgb="FF${OUT_OF_RANGE_LOOK.color}"/></font><fill><patternFill patternType="solid"><bgColor rgb="FF${OUT_OF_RANGE_LOOK.fill}"/></patternFill></fill></dxf>`;
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length > 0 ? section("numFmts", formats) : "") +
      section("fonts", this.fonts.list) +
      section("fills", this.fills.list) +
      section("borders", this.borders.list) +
      section("cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      section("cellXfs", this.xfs.list) +
      section("cellStyles", ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      section("dxfs", [dxf]) +
      "</styleSheet>";
  }
}

/** The differential format of the out-of-range highlight in `CellFormats.stylesXml()`. */
export const OUT_OF_RANGE_DXF = 0;
