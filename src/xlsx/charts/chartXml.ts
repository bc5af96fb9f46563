/**
 * A ChartSpec as a DrawingML chart part (xl/charts/chartN.xml): a bar or column chart (clustered or stacked) or a
 * pie, its categories and values referenced as ranges of the sheet, so that Excel and LibreOffice draw the sheet's
 * values as they are when the file is opened. Elements are written in the order the schema (CT_ChartSpace) wants.
 * No Node or DOM imports.
 */
import { SHEET_FONT } from "../../core/cellLook";
import { escapeXml } from "../xmlText";
import { parseA1Range, a1, type MergeArea } from "../../core/grid";
import { chartSeries, sheetRef, type ChartSeries, type ChartSpec } from "../../core/sheetSpec";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The typeface East Asian text is drawn in (the sheets' own font). */
const EAST_ASIAN_FONT = SHEET_FONT;

/** An absolute reference to a range of `sheet` ('汇总'!$C$3:$C$20). */
export function absoluteRef(sheet: string, range: string): string {
  const area: MergeArea = parseA1Range(range);
  const cell = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return sheetRef(sheet, `${cell(area.top, area.left)}:${cell(area.bottom, area.right)}`);
}

const fill = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${escapeXml(rgb)}"/></a:solidFill></c:spPr>`;

/** Run properties of the chart's text: size in hundredths of a point, East Asian typeface. */
const runProperties = (tag: "a:defRPr" | "a:rPr", size: number, bold: boolean, rgb?: string) =>
  `<${tag}${tag === "a:rPr" ? ' lang="zh-CN"' : ""} sz="${size}" b="${bold ? 1 : 0}">`
  + `${rgb ? `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>` : ""}<a:ea typeface="${EAST_ASIAN_FONT}"/></${tag}>`;

const textProperties = (size: number, rgb?: string) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProperties("a:defRPr", size, false, rgb)}</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProperties("a:defRPr", 1200, true)}</a:pPr>`
    + `<a:r>${runProperties("a:rPr", 1200, true)}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
    + `<c:overlay val="0"/></c:title>`;
}

/** Data labels: the value on each bar, or a pie slice's share. */
function dataLabels(kind: ChartSpec["kind"], stacked: boolean): string {
  const position = kind === "pie" ? "bestFit" : stacked ? "ctr" : "outEnd";
  const [value, percent] = kind === "pie" ? [0, 1] : [1, 0];
  // Zero values are not labelled (a unit's 0 warnings beside its errors).
  const format = kind === "pie" ? "" : '<c:numFmt formatCode="General;-General;" sourceLinked="0"/>';
  // Inside a stacked bar the label is white on the bar's colour.
  return `<c:dLbls>${format}${textProperties(900, stacked ? "FFFFFF" : undefined)}<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="${value}"/>`
    + `<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${percent}"/><c:showBubbleSize val="0"/>`
    + `${kind === "pie" ? '<c:showLeaderLines val="1"/>' : ""}</c:dLbls>`;
}

function series(chart: ChartSpec, sheet: string, s: ChartSeries, index: number, labels: boolean): string {
  const bars = chart.kind !== "pie";
  const points = (s.pointColors ?? []).map((rgb, i) =>
    `<c:dPt><c:idx val="${i}"/>${bars ? '<c:invertIfNegative val="0"/>' : ""}<c:bubble3D val="0"/>${fill(rgb)}</c:dPt>`).join("");
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`
    + (s.color ? fill(s.color) : "")
    + (bars ? '<c:invertIfNegative val="0"/>' : "")
    + points
    + (labels ? dataLabels(chart.kind, chart.stacked === true) : "")
    + `<c:cat><c:strRef><c:f>${escapeXml(absoluteRef(sheet, chart.categories))}</c:f></c:strRef></c:cat>`
    + `<c:val><c:numRef><c:f>${escapeXml(absoluteRef(sheet, s.values))}</c:f></c:numRef></c:val>`
    + `</c:ser>`;
}

const CATEGORY_AXIS = 50010;
const VALUE_AXIS = 50020;

/** The two axes of a bar or column chart; a bar chart lists its categories from the top, as the sheet does. */
function axes(chart: ChartSpec): string {
  const bar = chart.kind === "bar";
  const line = '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';
  return `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling>`
    + `<c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>`
    + `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${line}${textProperties(900)}`
    + `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>`
    + `<c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`
    + `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines>${line}</c:majorGridlines><c:numFmt formatCode="General" sourceLinked="0"/>`
    + `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProperties(900)}`
    + `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
}

function plot(chart: ChartSpec, sheet: string): string {
  const all = chartSeries(chart);
  // Values on the bars when they can be read: one series, or a stack of a few categories.
  const labels = chart.kind === "pie" || all.length === 1 || chart.stacked === true;
  const body = all.map((s, i) => series(chart, sheet, s, i, labels)).join("");
  if (chart.kind === "pie") return `<c:pieChart><c:varyColors val="1"/>${body}<c:firstSliceAng val="0"/></c:pieChart>`;
  const stacked = chart.stacked === true && all.length > 1;
  return `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/>`
    + `<c:varyColors val="0"/>${body}<c:gapWidth val="${chart.kind === "bar" ? 40 : 60}"/>${stacked ? '<c:overlap val="100"/>' : ""}`
    + `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>${axes(chart)}`;
}

/** The chart part of `chart`, whose ranges are on the sheet named `sheet`. */
export function chartXml(chart: ChartSpec, sheet: string): string {
  const legend = chart.kind === "pie" || chartSeries(chart).length > 1;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
    + `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">`
    + `<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>`
    + `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(chart, sheet)}</c:plotArea>`
    + (legend ? `<c:legend><c:legendPos val="${chart.kind === "pie" ? "r" : "t"}"/><c:overlay val="0"/>${textProperties(900)}</c:legend>` : "")
    + `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>`
    + `${textProperties(1000)}</c:chartSpace>`;
}
