/**
 * What the .xlsx reader refuses, with one message naming why, and what it reads that ExcelJS could not: a zip that
 * says it inflates to more than the limit (refused before inflating), XML that is not well-formed, and sheets whose
 * tags carry a namespace prefix (read like any other).
 */
import { storedZip } from "../cli/run";
import { XlsxFormatError, XlsxLimitError } from "../../src/xlsx/xlsxLimits";
import { readXlsxSheets } from "../../src/xlsx/xlsxWorkbook";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>类别</t></is></c><c r="B1"><v>20</v></c></row><row r="3" hidden="1"><c r="B3" t="b"><v>1</v></c></row>';

function workbook(sheetXml: string): Buffer {
  return storedZip({
    "xl/workbook.xml": `<workbook xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
  });
}

test("tags with a namespace prefix read like plain ones", () => {
  const plain = readXlsxSheets(workbook(`<worksheet><sheetData>${SHEET_ROWS}</sheetData></worksheet>`))[0];
  const prefixed = readXlsxSheets(workbook(`<x:worksheet xmlns:x="s"><x:sheetData>${SHEET_ROWS.replace(/<(\/?)/g, "<$1x:")}</x:sheetData></x:worksheet>`))[0];
  expect(plain.grid.values).toEqual([["类别", 20], [null, null], [null, true]]);
  expect(prefixed.grid.values).toEqual(plain.grid.values);
  expect(prefixed.cells.hiddenRows).toEqual([2]);
});

test("a sheet whose XML is cut off is not a workbook that can be read", () => {
  expect(() => readXlsxSheets(workbook(`<worksheet><sheetData>${SHEET_ROWS}`))).toThrow(XlsxFormatError);
  expect(() => readXlsxSheets(workbook(`<worksheet><sheetData></sheetData><mergeCells><mergeCell ref="A1:B1"></worksheet>`))).toThrow(/not well-formed/);
});

test("a zip stating more inflated bytes than the limit is refused before anything is inflated", () => {
  const bytes = workbook(`<worksheet><sheetData>${SHEET_ROWS}</sheetData></worksheet>`);
  // The central directory entry of the sheet claims 600 MB.
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) bytes.writeUInt32LE(600 * 2 ** 20, at + 24);
  }
  expect(() => readXlsxSheets(bytes)).toThrow(XlsxLimitError);
  expect(() => readXlsxSheets(bytes)).toThrow(/limit: 536,870,912 bytes inflated/);
});
