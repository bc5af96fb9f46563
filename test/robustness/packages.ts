/**
 * Workbooks holding what ExcelJS cannot carry, and hostile ones, built from a real ExcelJS file by adding parts the
 * way Excel and openpyxl write them: an embedded chart and a chart sheet, legacy (VML) comments as openpyxl writes
 * them (absolute targets, its own relationship ids), a VBA project in an .xlsm; a cell at XFD1048576, a merge over
 * H1:XFD1048576, and shared strings that inflate to about a gigabyte.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { constants, crc32, createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readZipEntries, writeZip, type ZipEntry } from "../../src/xlsx/zipPackage";

/** A small book: one category of two indicators (the chart draws their points). */
export async function smallBook(file: string, extra?: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("目标责任书");
  sheet.addRow(["类别", "考核内容", "分值"]);
  sheet.addRow(["经济发展（30分）", "生产总值增长7%", 20]);
  sheet.addRow([null, "招商引资完成率100%", 10]);
  extra?.(sheet);
  await book.xlsx.writeFile(file);
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const TYPES = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  vba: "application/vnd.ms-office.vbaProject",
};

function chartXml(): string {
  const ref = (r: string) => `<c:numRef><c:f>'目标责任书'!${r}</c:f></c:numRef>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'目标责任书'!$B$2:$B$3</c:f></c:strRef></c:cat><c:val>${ref("$C$2:$C$3")}</c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
}

function frame(id: number): string {
  return `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="图表 ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>`;
}

function drawingXml(anchor: "two" | "absolute", id: number): string {
  const open = anchor === "two"
    ? `<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`
    : `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6300000"/>`;
  const close = anchor === "two" ? "</xdr:twoCellAnchor>" : "</xdr:absoluteAnchor>";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">${open}${frame(id)}${close}</xdr:wsDr>`;
}

const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${NS_PKG}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${NS_REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

type Entries = Record<string, Uint8Array>;

function edit(entries: Entries, name: string, change: (xml: string) => string): void {
  entries[name] = strToU8(change(strFromU8(entries[name])));
}

function addOverride(entries: Entries, part: string, type: string): void {
  edit(entries, "[Content_Types].xml", (xml) => xml.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}

/** Adds an embedded chart on the first sheet and a chart sheet (图表) after it, as Excel writes them. */
function addCharts(entries: Entries): void {
  const sheet = "xl/worksheets/sheet1.xml";
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  entries["xl/charts/chart1.xml"] = strToU8(chartXml());
  entries["xl/charts/chart2.xml"] = strToU8(chartXml());
  entries["xl/drawings/drawing1.xml"] = strToU8(drawingXml("two", 1));
  entries["xl/drawings/drawing2.xml"] = strToU8(drawingXml("absolute", 2));
  entries["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(rels([["rId1", "chart", "../charts/chart1.xml"]]));
  entries["xl/drawings/_rels/drawing2.xml.rels"] = strToU8(rels([["rId1", "chart", "../charts/chart2.xml"]]));
  entries["xl/chartsheets/sheet1.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`);
  entries["xl/chartsheets/_rels/sheet1.xml.rels"] = strToU8(rels([["rId1", "drawing", "../drawings/drawing2.xml"]]));
  const existing = entries[sheetRels] ? strFromU8(entries[sheetRels]) : rels([]);
  entries[sheetRels] = strToU8(existing.replace("</Relationships>", `<Relationship Id="rIdChart" Type="${NS_REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`));
  edit(entries, sheet, (xml) => xml.replace("</worksheet>", `<drawing r:id="rIdChart"/></worksheet>`));
  edit(entries, "xl/_rels/workbook.xml.rels", (xml) => xml.replace("</Relationships>", `<Relationship Id="rIdChartSheet" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`));
  edit(entries, "xl/workbook.xml", (xml) => xml.replace("</sheets>", `<sheet name="图表" sheetId="90" r:id="rIdChartSheet"/></sheets>`));
  for (const part of ["xl/charts/chart1.xml", "xl/charts/chart2.xml"]) addOverride(entries, part, TYPES.chart);
  for (const part of ["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"]) addOverride(entries, part, TYPES.drawing);
  addOverride(entries, "xl/chartsheets/sheet1.xml", TYPES.chartsheet);
}

/** Adds a comment on B2 as openpyxl writes one: comments and VML parts under absolute targets, ids of its own. */
function addOpenpyxlComment(entries: Entries): void {
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  entries["xl/comments/comment1.xml"] = strToU8(`<comments xmlns="${NS_MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="B2" authorId="0" shapeId="0"><text><t>指标来自市考核办 2024 年文件</t></text></comment></commentList></comments>`);
  entries["xl/drawings/commentsDrawing1.vml"] = strToU8(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`);
  const existing = entries[sheetRels] ? strFromU8(entries[sheetRels]) : rels([]);
  entries[sheetRels] = strToU8(existing.replace("</Relationships>", `<Relationship Id="comments" Type="${NS_REL}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${NS_REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`));
  edit(entries, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</worksheet>", `<legacyDrawing r:id="anysvml"/></worksheet>`));
  addOverride(entries, "xl/comments/comment1.xml", TYPES.comments);
  edit(entries, "[Content_Types].xml", (xml) => (xml.includes('Extension="vml"') ? xml : xml.replace("</Types>", `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>`)));
}

/** Makes the workbook macro-enabled with a VBA project (bytes that stand for one; nothing runs them here). */
function addVba(entries: Entries): Uint8Array {
  const vba = new Uint8Array(4096).map((_, i) => (i * 31 + 7) & 0xff);
  entries["xl/vbaProject.bin"] = vba;
  edit(entries, "xl/_rels/workbook.xml.rels", (xml) => xml.replace("</Relationships>", `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`));
  edit(entries, "[Content_Types].xml", (xml) =>
    xml.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", TYPES.macroWorkbook).replace("</Types>", `<Default Extension="bin" ContentType="${TYPES.vba}"/></Types>`));
  return vba;
}

function rewrite(file: string, change: (entries: Entries) => void): void {
  const entries = unzipSync(readFileSync(file));
  change(entries);
  writeFileSync(file, zipSync(entries));
}

/** A book with an embedded chart, a chart sheet and an openpyxl comment. */
export async function chartsAndComments(file: string): Promise<void> {
  await smallBook(file);
  rewrite(file, (entries) => {
    addCharts(entries);
    addOpenpyxlComment(entries);
  });
}

/** A macro-enabled book (.xlsm) with a chart sheet; the VBA project's bytes. */
export async function macroBook(file: string): Promise<Uint8Array> {
  await smallBook(file);
  let vba: Uint8Array = new Uint8Array();
  rewrite(file, (entries) => {
    addCharts(entries);
    vba = addVba(entries);
  });
  return vba;
}

/** A book with one more value at XFD1048576 (7 KB on disk, 17 billion cells as a grid). */
export async function farCellBook(file: string): Promise<void> {
  await smallBook(file, (sheet) => {
    sheet.getCell("XFD1048576").value = "远";
  });
}

/** A book whose first sheet merges H1:XFD1048576 (ExcelJS itself would create every cell of such a merge). */
export async function wholeSheetMergeBook(file: string): Promise<void> {
  await smallBook(file);
  rewrite(file, (entries) => {
    edit(entries, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>`));
  });
}

/**
 * A 1 MB .xlsx whose shared strings inflate to about 1 GB (one string of "很" over and over); deflated in blocks
 * here, so that the whole text is never in memory.
 */
export async function sharedStringBomb(file: string, megabytes = 1000): Promise<void> {
  await smallBook(file);
  const entries = unzipSync(readFileSync(file));
  delete entries["xl/sharedStrings.xml"];
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS_MAIN}" count="1" uniqueCount="1"><si><t>`);
  const tail = Buffer.from("</t></si></sst>");
  const block = Buffer.from("很".repeat((1 << 20) / 3 + 1)).subarray(0, 3 * Math.floor((1 << 20) / 3));
  const deflater = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  let crc = crc32(head);
  let size = head.length;
  deflater.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(block, crc);
    size += block.length;
    if (!deflater.write(block)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflater.end(tail);
  await done;
  const data = Buffer.concat(chunks);
  // The other entries zipped as usual, the bomb appended as the deflated entry built here.
  const bomb: ZipEntry = { name: "xl/sharedStrings.xml", method: 8, crc, data, size, time: 0, date: 0 };
  writeFileSync(file, writeZip([...readZipEntries(zipSync(entries)), bomb]));
}

