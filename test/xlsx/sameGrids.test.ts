/**
 * The fast reader (src/xlsx, fflate + saxes) against the ExcelJS path it replaces: on every seed, every corpus
 * workbook, the bad-workbook corpus, a workbook using every kind of value ExcelJS writes, one saved by LibreOffice
 * and one written by hand with what other writers put in their XML, the grids must be identical cell by cell
 * (values, merges) and so must the sheets' visibility and their hidden rows and columns.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { buildCorpus } from "../robustness/corpus";
import { ROOT, SEEDS, storedZip } from "../cli/run";
import { readXlsxSheets, type XlsxSheet } from "../../src/xlsx/xlsxWorkbook";
import { excelJsReading, type SheetReading } from "./excelJsReference";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hiddenColumns(sheet: XlsxSheet): number[] {
  const hidden = new Set<number>();
  for (const range of sheet.cells.columns) if (range.hidden) for (let c = range.min; c <= range.max; c++) hidden.add(c);
  return [...hidden].sort((a, b) => a - b);
}

/** The differences, cell by cell, as lines a reader can act on; [] when the readings agree. */
function differences(expected: SheetReading[], actual: XlsxSheet[]): string[] {
  const lines: string[] = [];
  if (expected.length !== actual.length) lines.push(`sheets: ${expected.map((s) => s.grid.sheet)} vs ${actual.map((s) => s.grid.sheet)}`);
  expected.forEach((want, i) => {
    const got = actual[i];
    if (!got) return;
    const name = want.grid.sheet;
    if (got.grid.sheet !== name) lines.push(`sheet ${i}: named ${name} vs ${got.grid.sheet}`);
    if (got.state !== want.state) lines.push(`${name}: state ${want.state} vs ${got.state}`);
    if (JSON.stringify(got.grid.merges) !== JSON.stringify(want.grid.merges)) lines.push(`${name}: merges ${JSON.stringify(want.grid.merges)} vs ${JSON.stringify(got.grid.merges)}`);
    if (got.grid.values.length !== want.grid.values.length) lines.push(`${name}: ${want.grid.values.length} rows vs ${got.grid.values.length}`);
    const rows = Math.max(got.grid.values.length, want.grid.values.length);
    for (let r = 0; r < rows; r++) {
      const a = want.grid.values[r] ?? [];
      const b = got.grid.values[r] ?? [];
      if (a.length !== b.length) lines.push(`${name} row ${r + 1}: ${a.length} columns vs ${b.length}`);
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        if (!Object.is(a[c] ?? null, b[c] ?? null)) lines.push(`${name} ${String.fromCharCode(65 + (c % 26))}${r + 1}: ${JSON.stringify(a[c])} vs ${JSON.stringify(b[c])}`);
      }
    }
    if (JSON.stringify(got.cells.hiddenRows) !== JSON.stringify(want.hiddenRows)) lines.push(`${name}: hidden rows ${want.hiddenRows} vs ${got.cells.hiddenRows}`);
    if (JSON.stringify(hiddenColumns(got)) !== JSON.stringify(want.hiddenColumns)) lines.push(`${name}: hidden columns ${want.hiddenColumns} vs ${hiddenColumns(got)}`);
  });
  return lines.slice(0, 20);
}

async function expectSameReading(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const expected = await excelJsReading(bytes);
  expect({ file: path.basename(file), differences: differences(expected, readXlsxSheets(bytes)) }).toEqual({ file: path.basename(file), differences: [] });
}

const workbooksIn = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(folder, f));

test.each(workbooksIn(SEEDS))("seed %s reads the same as through ExcelJS", expectSameReading);

test.each(workbooksIn(path.join(ROOT, "test", "corpus")))("corpus book %s reads the same as through ExcelJS", expectSameReading);

test("the bad-workbook corpus: the readable files read the same as through ExcelJS", async () => {
  const files = await buildCorpus(dir, 3000);
  const readable = files.filter((f) => !f.unreadable && f.excelJsLoads);
  expect(readable.length).toBeGreaterThanOrEqual(5);
  for (const f of readable) await expectSameReading(f.file);
});

test("every kind of value ExcelJS writes, hidden sheets, rows and columns, the 1904 date system", async () => {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = true;
  const sheet = book.addWorksheet("各种值");
  sheet.addRow(["文本", " 前后空格 ", "换行\r\n第二行", "&<>\"'", 42, -0.5, 1e-7, 12345678901234, true, false]);
  sheet.addRow([{ error: "#DIV/0!" }, { formula: "1+1", result: 2 }, { formula: "\"a\"&\"b\"", result: "ab" }, { formula: "1=1", result: true }, { formula: "1/0", result: { error: "#DIV/0!" } }, { formula: "NOW()" }]);
  sheet.addRow([new Date(Date.UTC(2020, 0, 31)), { richText: [{ text: "富" }, { font: { bold: true }, text: "文本" }] }, { text: "链接", hyperlink: "https://example.org" }, "", null, "_x0041_"]);
  sheet.addRow([1, 2, { sharedFormula: "B2", result: 3 }]);
  sheet.getCell("E5").value = { formula: "A4+B4", result: 3, shareType: "shared", ref: "E5:E7" } as ExcelJS.CellFormulaValue;
  sheet.getCell("E6").value = { sharedFormula: "E5", result: 4 };
  sheet.getCell("E7").value = { sharedFormula: "E5", result: 5 };
  sheet.getCell("A8").value = "合并主格";
  sheet.getCell("B8").value = "被合并";
  sheet.mergeCells("A8:C9");
  sheet.getRow(3).hidden = true;
  sheet.getColumn(4).hidden = true;
  sheet.getCell("A12").value = { formula: "A1", result: 43831 };
  sheet.getCell("A12").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
  sheet.getCell("B12").value = 0.5;
  sheet.getCell("B12").numFmt = "0.00%";
  book.addWorksheet("隐藏").state = "hidden";
  book.getWorksheet("隐藏")!.getCell("C3").value = "看不见";
  book.addWorksheet("深度隐藏").state = "veryHidden";
  book.addWorksheet("空");
  const file = path.join(dir, "各种值.xlsx");
  await book.xlsx.writeFile(file);
  await expectSameReading(file);
});

test("XML as other writers put it: inline and phonetic text, escapes, entities, custom date formats", async () => {
  const sheetXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <cols><col min="2" max="3" width="20" hidden="1"/></cols>
  <sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
    <row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 行内 </t></is></c><c r="B2" t="inlineStr"><is><r><t>分</t></r><r><rPr><b/></rPr><t>段_x000D_</t></r></is></c><c r="C2" t="str"><f>"&amp;amp;"</f><v>&amp;amp;lt;</v></c></row>
    <row r="4"><c r="A4" s="1"><v>43831.5</v></c><c r="B4" s="2"><v>7</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" t="s"><v>3</v></c></row>
  </sheetData>
  <mergeCells count="1"><mergeCell ref="E4:F5"/></mergeCells>
</worksheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>类别_x000A_一</t></si><si><r><t>考核</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">内容 </t></r></si><si><t>分值</t><rPh sb="0" eb="1"><t>フン</t></rPh></si><si/></sst>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const bytes = storedZip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="手写" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
    "xl/sharedStrings.xml": shared,
    "xl/styles.xml": styles,
  });
  const file = path.join(dir, "手写.xlsx");
  writeFileSync(file, bytes);
  const [sheet] = readXlsxSheets(bytes);
  expect(sheet.grid.values[0].slice(0, 3)).toEqual(["类别\n一", "考核内容 ", "分值"]);
  expect(sheet.grid.values[1].slice(0, 3)).toEqual([" 行内 ", "分段\r", "&lt;"]);
  expect(sheet.grid.values[3].slice(0, 4)).toEqual(["2020-01-01", "1900-01-06", true, "#N/A"]);
  expect(sheet.cells.hiddenRows).toEqual([1]);
  await expectSameReading(file);
});

test("scoring sheets as the command line writes them: formulas with and without a cached value read as the scanner reads them, and as ExcelJS reads the formulas", async () => {
  const file = path.join(dir, "评分.xlsx");
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), "score-sheet", path.join(SEEDS, "001_c9fa6fd301574412.xlsx"), "-o", file], { stdio: "ignore", timeout: 120_000 });
  const bytes = readFileSync(file);
  const read = readXlsxSheets(bytes);
  // The same cells with an attribute on each <f>: the quick path leaves them to the scanner.
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => {
    const text = Buffer.from(data).toString("utf8");
    return [name, name.startsWith("xl/worksheets/") ? text.replace(/<f>/g, '<f ca="0">') : text];
  }));
  const scanned = readXlsxSheets(storedZip(parts));
  expect(scanned.map((s) => s.grid)).toEqual(read.map((s) => s.grid));
  expect(scanned.map((s) => [...s.cells.formulas])).toEqual(read.map((s) => [...s.cells.formulas]));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  let compared = 0;
  for (const worksheet of book.worksheets) {
    const formulas = read.find((s) => s.grid.sheet === worksheet.name)!.cells.formulas;
    const expected = new Map<number, string>();
    worksheet.eachRow((row, r) => row.eachCell((cell, c) => {
      if (cell.formula) expected.set((r - 1) * 16384 + c - 1, `=${cell.formula}`);
    }));
    expect([...formulas].sort((a, b) => a[0] - b[0])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
    compared += expected.size;
  }
  // 87 scoring sheets, a few formulas a row.
  expect(compared).toBeGreaterThan(5000);
}, 180_000);

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
(soffice ? test : test.skip)("seed 001 saved by LibreOffice reads the same as through ExcelJS", async () => {
  const out = path.join(dir, "lo");
  execFileSync(soffice!, ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/lo-profile`, "--convert-to", "xlsx", "--outdir", out, path.join(SEEDS, "001_c9fa6fd301574412.xlsx")], { stdio: "ignore", timeout: 120_000 });
  await expectSameReading(path.join(out, "001_c9fa6fd301574412.xlsx"));
}, 180_000);
