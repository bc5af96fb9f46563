/**
 * What the .xlsx reader refuses, with one message naming why, and what it reads that ExcelJS could not: a zip that
 * says it inflates to more than the limit (refused before inflating), XML that is not well-formed, and sheets whose
 * tags carry a namespace prefix (read like any other).
 */
import { storedZip } from "../cli/run";
import { errorText } from "../../src/locales";
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
  expect(() => readXlsxSheets(workbook(`<worksheet><sheetData></sheetData><mergeCells><mergeCell ref="A1:B1"></worksheet>`))).toThrow(/不是格式正确的 XML/);
});

test("the reader's errors are worded in the reader's language: Chinese by default, English when asked", () => {
  const errorOf = (bytes: Uint8Array) => {
    try {
      readXlsxSheets(bytes);
    } catch (error) {
      return error;
    }
    throw new Error("expected an error");
  };
  const cut = errorOf(workbook(`<worksheet><sheetData></sheetData><mergeCells><mergeCell ref="A1:B1"></worksheet>`));
  expect(cut).toBeInstanceOf(XlsxFormatError);
  expect(errorText(cut, "zh")).toBe("xl/worksheets/sheet1.xml 不是格式正确的 XML（</worksheet> 没有对应的开始标签）");
  expect(errorText(cut, "en")).toBe("xl/worksheets/sheet1.xml is not well-formed XML (</worksheet> closes nothing open)");
  const quoted = errorOf(workbook(`<worksheet><sheetData><row r=1></row></sheetData></worksheet>`));
  expect(errorText(quoted, "zh")).toMatch(/<row> 的属性 r 没有引号/);
  expect(errorText(quoted, "en")).toMatch(/attribute r of <row> is not quoted/);
});

test("a zip stating more inflated bytes than the limit is refused before anything is inflated", () => {
  const bytes = workbook(`<worksheet><sheetData>${SHEET_ROWS}</sheetData></worksheet>`);
  // The central directory entry of the sheet claims 600 MB.
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) bytes.writeUInt32LE(600 * 2 ** 20, at + 24);
  }
  expect(() => readXlsxSheets(bytes)).toThrow(XlsxLimitError);
  expect(() => readXlsxSheets(bytes)).toThrow(/工作簿的 XML 解压后超过 536,870,912 字节（上限：解压 536,870,912 字节）/);
  try {
    readXlsxSheets(bytes);
  } catch (error) {
    expect(errorText(error, "en")).toBe("the workbook's XML inflates to more than 536,870,912 bytes (limit: 536,870,912 bytes inflated)");
  }
});

test("the common cell forms read alike in a plain-ASCII sheet and in one with Chinese text in its XML", () => {
  const cells =
    '<row r="2" spans="1:6"><c r="A2" s="0" t="str"><v>x &amp; y</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="b" s="0"><v>0</v></c>' +
    '<c r="D2"/><c r="E2"></c><c r="F2" t="n"><v>1.5E3</v></c></row><row r="4"><c r="AB4" t="str"><v>plain</v></c><c r="AC4" s="0" s="1"><v>9</v></c></row>';
  const expected = [null, ["x & y", "#N/A", false, null, null, 1500], null, [...Array(27).fill(null), "plain", 9]];
  const ascii = readXlsxSheets(workbook(`<worksheet><sheetData>${cells}</sheetData></worksheet>`))[0].grid.values;
  const chinese = readXlsxSheets(workbook(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>类别</t></is></c></row>${cells}</sheetData></worksheet>`))[0].grid.values;
  const trimmed = (row: unknown[]) => {
    const last = row.map((v) => v !== null).lastIndexOf(true);
    return last < 0 ? null : row.slice(0, last + 1);
  };
  expect(ascii.map(trimmed)).toEqual(expected);
  expect(chinese.slice(1)).toEqual(ascii.slice(1));
  expect(chinese[0][0]).toBe("类别");
});
