/**
 * Native charts in .xlsx files the ExcelJS writer saved: the chart and drawing parts are in the zip, well-formed,
 * declared in [Content_Types].xml and linked from the sheet (<drawing r:id>) and the drawing; each chart's ranges are
 * the sheet's cells of its categories and values (quoted sheet names); a sheet that already has a drawing (a
 * picture) gets the charts in that drawing; ExcelJS still loads the file with every value. The command line's summary
 * of seed 001 opens with them, and LibreOffice draws them: the page of 汇总's charts, rendered to PDF by
 * `soffice --convert-to pdf` and rasterised by pdftoppm, holds the bars in the charts' colours, and 排名's chart
 * its units' bars in their grades' colours (saved to test/e2e/output/summary-charts*.png and ranking-chart.png for a
 * person to look at).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { value, type ChartSpec, type SheetSpec } from "../../src/core/sheetSpec";
import { Decimal } from "../../src/core/decimal";
import { rankingSheet, type RankedUnit } from "../../src/core/summary/ranking";
import { ERROR_FILL, POINTS_FILL, WARNING_FILL } from "../../src/core/summary/summaryCharts";
import { withCharts } from "../../src/excel/exceljsCharts";
import { writeSpecs } from "../../src/excel/exceljsWrite";
import { addCharts } from "../../src/xlsx/charts/addCharts";
import { kaohe, SEEDS, tempDir } from "../cli/run";

const OUTPUT = path.join(__dirname, "../e2e/output");
const dir = tempDir();
const decoder = new TextDecoder();

type Parts = Record<string, string>;

function parts(bytes: Uint8Array): Parts {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decoder.decode(data)]));
}

function wellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.write(xml).close();
  if (failure) throw new Error(`${name}: ${(failure as Error).message}`);
}

/** The attribute `name` of every element `tag` in the XML (by local name). */
const attributes = (xml: string, tag: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?\\s${name}="([^"]*)"`, "g"))].map((m) => m[1]);

/** The chart parts of a sheet, in anchor order: sheet -> its drawing -> the drawing's charts. */
function chartsOfSheet(zip: Parts, sheet: string): { drawing: string; charts: string[] } {
  const workbookRels = zip["xl/_rels/workbook.xml.rels"];
  const relId = new RegExp(`<sheet [^>]*name="${sheet.replace(/[()]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(zip["xl/workbook.xml"])![1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${relId}"`).exec(workbookRels)![1];
  const part = `xl/${target.replace(/^\/?xl\//, "")}`;
  const file = part.slice(part.lastIndexOf("/") + 1);
  const drawingRel = /<drawing r:id="([^"]+)"\/>/.exec(zip[part])![1];
  const sheetRels = zip[`xl/worksheets/_rels/${file}.rels`];
  const drawing = `xl/drawings/${new RegExp(`Id="${drawingRel}"[^>]*Target="../drawings/([^"]+)"`).exec(sheetRels)![1]}`;
  const drawingRels = zip[drawing.replace("drawings/", "drawings/_rels/") + ".rels"];
  const charts = attributes(zip[drawing], "chart", "r:id").map((id) => `xl/charts/${new RegExp(`Id="${id}"[^>]*Target="../charts/([^"]+)"`).exec(drawingRels)![1]}`);
  return { drawing, charts };
}

/** The ranges of a chart part: categories and values of each series. */
function chartRanges(xml: string): { categories: string[]; values: string[] } {
  const refs = (tag: string) => [...xml.matchAll(new RegExp(`<c:${tag}><c:(?:str|num)Ref><c:f>([^<]+)</c:f>`, "g"))].map((m) => m[1].replace(/&apos;/g, "'"));
  return { categories: refs("cat"), values: refs("val") };
}

/** The cells of an absolute range reference of one column ('汇总'!$M$3:$M$5) as ExcelJS reads them. */
function cellsOf(workbook: ExcelJS.Workbook, ref: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref);
  if (!m) throw new Error(`not an absolute one-column range: ${ref}`);
  const sheet = workbook.getWorksheet(m[1].replace(/''/g, "'"))!;
  expect(m[2]).toBe(m[4]);
  const out: unknown[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(sheet.getCell(`${m[2]}${r}`).value);
  return out;
}

async function loaded(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const SHEET = "数据 (2)";
const CHARTS: ChartSpec[] = [
  { kind: "bar", title: "问题数", categories: "A3:A5", values: "B3:B5", name: "错误", color: ERROR_FILL, stacked: true, moreSeries: [{ name: "警告", values: "C3:C5", color: WARNING_FILL }] },
  { kind: "pie", title: "分值", categories: "A3:A5", values: "D3:D5" },
  { kind: "column", title: "总分", categories: "A3:A5", values: "D3:D5", pointColors: ["70AD47", "4472C4", "C00000"] },
];
const SPEC: SheetSpec = {
  name: SHEET,
  rows: [
    [value("标题", "title")],
    ["单位", "错误", "警告", "分值"].map((h) => value(h, "header")),
    [value("县财政局"), value(2), value(1), value(40)],
    [value("县民政局"), value(0), value(3), value(35)],
    [value("=县审计局"), value(1), value(0), value(25)],
  ],
  merges: [],
  widths: [20, 8, 8, 8],
  frozenRows: 2,
  protect: false,
  charts: CHARTS,
};

async function written(): Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("原表").getCell("A1").value = "责任书";
  await writeSpecs(workbook, [SPEC]);
  return { workbook, bytes: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

describe("charts added to a workbook ExcelJS wrote", () => {
  test("chart and drawing parts, declared and linked, each chart over the sheet's ranges; ExcelJS loads it", async () => {
    const { workbook, bytes } = await written();
    const zip = parts(withCharts(bytes, workbook));
    const { drawing, charts } = chartsOfSheet(zip, SHEET);
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    for (const part of [drawing, ...charts, "[Content_Types].xml", "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet2.xml.rels"]) wellFormed(part, zip[part]);
    const types = zip["[Content_Types].xml"];
    expect(types).toContain(`<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    for (const chart of charts) expect(types).toContain(`<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    // The first sheet (not generated) is left alone.
    expect(zip["xl/worksheets/sheet1.xml"]).not.toContain("<drawing");

    const [bars, pie, columns] = charts.map((c) => zip[c]);
    expect(chartRanges(bars)).toEqual({ categories: ["'数据 (2)'!$A$3:$A$5", "'数据 (2)'!$A$3:$A$5"], values: ["'数据 (2)'!$B$3:$B$5", "'数据 (2)'!$C$3:$C$5"] });
    expect(bars).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(attributes(bars, "srgbClr", "val")).toEqual(expect.arrayContaining([ERROR_FILL, WARNING_FILL]));
    expect(bars).toContain("<c:tx><c:v>错误</c:v></c:tx>");
    expect(pie).toContain("<c:pieChart>");
    expect(chartRanges(pie).values).toEqual(["'数据 (2)'!$D$3:$D$5"]);
    expect(columns).toContain('<c:barDir val="col"/>');
    expect([...columns.matchAll(/<c:dPt><c:idx val="(\d)"\/>.*?<a:srgbClr val="(\w+)"\/>/g)].map((m) => [m[1], m[2]])).toEqual([["0", "70AD47"], ["1", "4472C4"], ["2", "C00000"]]);
    // Anchored right of the table (4 columns, one blank), one under another.
    const from = [...zip[drawing].matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(from.map(([col]) => col)).toEqual([5, 5, 5]);
    expect(from[1][1]).toBeGreaterThan(from[0][1]);

    const back = await loaded(withCharts(bytes, workbook));
    expect(back.worksheets.map((w) => w.name)).toEqual(["原表", SHEET]);
    expect(cellsOf(back, chartRanges(bars).categories[0])).toEqual(["县财政局", "县民政局", "=县审计局"]);
    expect(cellsOf(back, chartRanges(bars).values[1])).toEqual([1, 3, 0]);
  });

  test("a sheet renamed before the save keeps its charts under its new name; no chart, the same bytes", async () => {
    const { workbook } = await written();
    workbook.getWorksheet(SHEET)!.name = "改名";
    const renamed = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const zip = parts(withCharts(renamed, workbook));
    expect(chartRanges(zip[chartsOfSheet(zip, "改名").charts[0]]).values[0]).toBe("'改名'!$B$3:$B$5");
    const plain = new ExcelJS.Workbook();
    await writeSpecs(plain, [{ ...SPEC, charts: [] }]);
    const plainBytes = new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer);
    expect(withCharts(plainBytes, plain)).toBe(plainBytes);
  });

  test("a sheet with a picture gets the charts in its own drawing; a second pass numbers new parts after the first", async () => {
    const { workbook } = await written();
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    workbook.getWorksheet(SHEET)!.addImage(image, "F1:G2");
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const once = withCharts(bytes, workbook);
    const zip = parts(once);
    const { drawing, charts } = chartsOfSheet(zip, SHEET);
    expect(Object.keys(zip).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toEqual([drawing]);
    expect(zip[drawing]).toContain("<xdr:pic>");
    expect(charts).toHaveLength(3);
    expect(zip[`xl/worksheets/sheet2.xml`].match(/<drawing /g)).toHaveLength(1);
    const ids = attributes(zip[drawing], "cNvPr", "id");
    expect(new Set(ids).size).toBe(ids.length);
    wellFormed(drawing, zip[drawing]);

    const twice = parts(addCharts(once, [{ sheet: "原表", charts: [{ kind: "pie", title: "又一", categories: "A1:A3", values: "A1:A3" }], columns: 1 }]));
    expect(Object.keys(twice).filter((n) => n.startsWith("xl/charts/"))).toEqual(expect.arrayContaining(["xl/charts/chart4.xml"]));
    expect(twice["xl/worksheets/sheet1.xml"]).toContain("<drawing r:id=");
    const back = await loaded(addCharts(once, []));
    expect(back.getWorksheet(SHEET)!.getCell("A3").value).toBe("县财政局");
  });

  test("a sheet the workbook does not have is an error", async () => {
    const { bytes } = await written();
    expect(() => addCharts(bytes, [{ sheet: "没有", charts: CHARTS, columns: 4 }])).toThrow(/没有/);
  });
});

const unit = (name: string, total: number | null, grade: string | null): RankedUnit => ({
  unit: name, group: null, total: total === null ? null : new Decimal(total), grade, unranked: total === null ? "unentered" : null,
  findings: 0, remarks: [], file: null, sheet: `评分-${name}`, cell: null,
});
const UNITS = [unit("县财政局", 95, "优秀"), unit("县民政局", 58, "不合格"), unit("县审计局", 91, "优秀"), unit("县统计局", 85, "良好"),
  unit("县林业局", 72, "合格"), unit("县水利局", null, null)];
const GRADE_COLOURS = { 优秀: "70AD47", 良好: "4472C4", 合格: "FFC000", 不合格: "C00000" };

describe("排名's chart", () => {
  test("the units' totals as bars, highest first, each in its grade's colour (best grade green), the colours named in the title", () => {
    const spec = rankingSheet(UNITS);
    expect(spec.charts).toHaveLength(1);
    const [chart] = spec.charts;
    expect(chart).toMatchObject({ kind: "bar", categories: "B3:B7", values: "C3:C7", title: "各单位总分（绿：优秀 蓝：良好 黄：合格 红：不合格）" });
    expect(spec.rows.slice(2, 7).map((r) => r[1]).map((c) => (c.kind === "value" ? c.value : null))).toEqual(["县财政局", "县审计局", "县统计局", "县林业局", "县民政局"]);
    const { 优秀: excellent, 良好: good, 合格: pass, 不合格: fail } = GRADE_COLOURS;
    expect(chart.pointColors).toEqual([excellent, excellent, good, pass, fail]);
  });
});

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} failed (${String(result.status ?? result.error)}): ${result.stderr}`);
  return result.stdout;
}

/** Pixels of a binary PPM (P6) within `tolerance` of each RGB colour. */
function colourCounts(ppm: Buffer, colours: string[], tolerance = 40): number[] {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const targets = colours.map((hex) => [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
  const counts = colours.map(() => 0);
  for (let p = 0; p < width * height; p++) {
    const [r, g, b] = [data[p * 3], data[p * 3 + 1], data[p * 3 + 2]];
    targets.forEach(([tr, tg, tb], k) => {
      if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) <= tolerance) counts[k]++;
    });
  }
  return counts;
}

describe("kaohe summary of seed 001", () => {
  const seed = path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("001") && f.endsWith(".xlsx") && !f.includes(".units."))!);
  const out = path.join(dir, "汇总.xlsx");
  let zip: Parts;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const result = kaohe("summary", seed, "-o", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    zip = parts(readFileSync(out));
    workbook = await loaded(readFileSync(out));
  }, 180_000);

  test("汇总 opens with two native charts: the books with findings (errors and warnings stacked, most first) and the points of each category", () => {
    const { charts } = chartsOfSheet(zip, "汇总");
    expect(charts).toHaveLength(2);
    const [findings, categories] = charts.map((c) => zip[c]);
    expect(findings).toContain("有问题的责任书");
    expect(findings).toContain('<c:grouping val="stacked"/>');
    const f = chartRanges(findings);
    const units = cellsOf(workbook, f.categories[0]);
    const errors = cellsOf(workbook, f.values[0]) as number[];
    const warnings = cellsOf(workbook, f.values[1]) as number[];
    // The same counts as the summary's own rows, units with none left out, errors first.
    const summary = workbook.getWorksheet("汇总")!;
    const header = (summary.getRow(2).values as unknown[]).slice(1);
    const [unitCol, errorCol, warningCol] = ["考核单位", "错误", "警告"].map((h) => header.indexOf(h) + 1);
    const rows: { unit: unknown; errors: number; warnings: number }[] = [];
    summary.eachRow((row, r) => {
      const e = row.getCell(errorCol).value;
      if (r > 2 && typeof e === "number" && row.getCell(1).value !== "合计") rows.push({ unit: row.getCell(unitCol).value, errors: e, warnings: row.getCell(warningCol).value as number });
    });
    const expected = rows.filter((r) => r.errors + r.warnings > 0).sort((a, b) => b.errors - a.errors || b.warnings - a.warnings);
    expect(units).toEqual(expected.map((r) => r.unit));
    expect(errors).toEqual(expected.map((r) => r.errors));
    expect(warnings).toEqual(expected.map((r) => r.warnings));
    expect(units).toEqual(["2020年度市考核县指标任务分解", "省市驻佳单位共性考核指标", "店镇"]);

    const c = chartRanges(categories);
    const names = cellsOf(workbook, c.categories[0]);
    const points = cellsOf(workbook, c.values[0]) as number[];
    expect(names.slice(0, 3)).toEqual(["职能工作", "民生保障", "安全稳定"]);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(points.every((p) => p > 0)).toBe(true);
  });

  test("LibreOffice draws the charts: the page with 汇总's charts holds their bars in the charts' colours, 排名's in the grades'", async () => {
    const ranking = new ExcelJS.Workbook();
    await writeSpecs(ranking, [rankingSheet(UNITS)]);
    const rankingFile = path.join(dir, "排名.xlsx");
    writeFileSync(rankingFile, withCharts(new Uint8Array((await ranking.xlsx.writeBuffer()) as ArrayBuffer), ranking));
    const pdfDir = path.join(dir, "pdf");
    const profile = path.join(dir, "lo-profile");
    run("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", pdfDir, out, rankingFile]);
    const pdf = path.join(pdfDir, "汇总.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
    // pdftotext ends each page with a form feed.
    const texts = run("pdftotext", [pdf, "-"]).split("\f");
    const titled = (title: string) => texts.flatMap((text, i) => (text.includes(title) ? [i + 1] : []));
    const findingsPages = titled("有问题的责任书");
    const categoryPages = titled("各考核内容分值合计");
    expect(findingsPages.length).toBeGreaterThan(0);
    expect(categoryPages.length).toBeGreaterThan(0);
    mkdirSync(OUTPUT, { recursive: true });
    const counts = (page: number) => {
      const stem = path.join(dir, `page-${page}`);
      run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "60", "-singlefile", pdf, stem]);
      return colourCounts(readFileSync(`${stem}.ppm`), [ERROR_FILL, WARNING_FILL, POINTS_FILL]);
    };
    const [errorPixels, warningPixels] = counts(findingsPages[0]);
    const [, , pointPixels] = counts(categoryPages[0]);
    // Bars, not a legend key: hundreds of pixels of each colour at 60 dpi.
    expect(errorPixels).toBeGreaterThan(500);
    expect(warningPixels).toBeGreaterThan(500);
    expect(pointPixels).toBeGreaterThan(500);
    for (const [name, page] of [["summary-charts", findingsPages[0]], ["summary-charts-categories", categoryPages[0]]] as const) {
      const stem = path.join(dir, name);
      run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "150", "-png", "-singlefile", pdf, stem]);
      copyFileSync(`${stem}.png`, path.join(OUTPUT, `${name}.png`));
    }
    // 排名 on its own page: a bar in each grade's colour.
    const rankingStem = path.join(dir, "ranking-chart");
    run("pdftoppm", ["-f", "1", "-l", "1", "-r", "60", "-singlefile", path.join(pdfDir, "排名.pdf"), rankingStem]);
    const gradePixels = colourCounts(readFileSync(`${rankingStem}.ppm`), Object.values(GRADE_COLOURS));
    for (const count of gradePixels) expect(count).toBeGreaterThan(150);
    run("pdftoppm", ["-f", "1", "-l", "1", "-r", "70", "-png", "-singlefile", path.join(pdfDir, "排名.pdf"), rankingStem]);
    copyFileSync(`${rankingStem}.png`, path.join(OUTPUT, "ranking-chart.png"));
    const figures = { pages, findingsPages, categoryPages, errorPixels, warningPixels, pointPixels, gradePixels };
    writeFileSync(path.join(OUTPUT, "summary-charts.json"), `${JSON.stringify(figures, null, 2)}\n`);
  }, 180_000);
});
