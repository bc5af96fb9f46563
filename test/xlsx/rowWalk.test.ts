/**
 * The reader walks a sheet's rows up to their own `</sheetData>` and reads a row's hidden state from its own tag:
 * hidden rows are found whatever else the tag holds, the end of the rows is found without searching ahead, a cell
 * that runs past the rows is refused, and plain merge tags read like the scanner would read them.
 */
import { storedZip } from "../cli/run";
import { XlsxFormatError } from "../../src/xlsx/xlsxLimits";
import { readXlsxSheets } from "../../src/xlsx/xlsxWorkbook";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function sheet(xml: string) {
  return readXlsxSheets(
    storedZip({
      "xl/workbook.xml": `<workbook xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": xml,
    }),
  )[0];
}

test("a row is hidden by its own hidden attribute, whatever else its tag holds", () => {
  const rows = [
    '<row r="1" spans="1:2" ht="20" customHeight="1"><c r="A1"><v>1</v></c></row>',
    '<row r="2" spans="1:2" hidden="1" ht="20"><c r="A2"><v>2</v></c></row>',
    "<row r='3' hidden='true'><c r=\"A3\"><v>3</v></c></row>",
    '<row r="4" hidden="0" x14ac:dyDescent="0.25"><c r="A4"><v>4</v></c></row>',
    '<row r="5" x14ac:hiddenish="1"><c r="A5"><v>5</v></c></row>',
    '<row r="6" customHeight="1" ht="30" hidden="1"/>',
  ].join("");
  const read = sheet(`<worksheet><sheetData>${rows}</sheetData><pageSetup horizontalDpi="300"/></worksheet>`);
  expect(read.cells.hiddenRows).toEqual([1, 2, 5]);
  expect(read.grid.values).toEqual([[1], [2], [3], [4], [5]]);
});

test("the rows end at their own </sheetData>: what follows is read as the rest of the sheet", () => {
  const read = sheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><sheetProtection sheet="1"/></worksheet>');
  // B1 is covered by the merge: it holds no value and does not widen the grid.
  expect(read.grid.values).toEqual([[1]]);
  expect(read.grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  expect(read.cells.protected).toBe(true);
});

test("rows with no </sheetData>, or a cell that runs past it, are not a sheet that can be read", () => {
  expect(() => sheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></worksheet>')).toThrow(XlsxFormatError);
  expect(() => sheet('<worksheet><sheetData><row r="1"><c r="A1"><f>1+1</f></row></sheetData><c></c></worksheet>')).toThrow(XlsxFormatError);
});

test("plain merge tags read as the scanner reads them: a reference to row 0 is no merge, an unusual one goes to the scanner", () => {
  const merges = (tags: string) => sheet(`<worksheet><sheetData><row r="9"><c r="C9"><v>1</v></c></row></sheetData><mergeCells>${tags}</mergeCells></worksheet>`).grid.merges;
  expect(merges('<mergeCell ref="B2:A1"/><mergeCell ref="A0:B1"/><mergeCell ref="C3"/><mergeCell ref="AA10:AB12"/>')).toEqual([
    { top: 0, left: 0, bottom: 1, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 2 },
    { top: 9, left: 26, bottom: 11, right: 27 },
  ]);
  expect(merges('<mergeCell ref="A1:B2" /><mergeCell ref="$C$3:D4"/>')).toEqual([
    { top: 0, left: 0, bottom: 1, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 3 },
  ]);
});

test("links, validations and highlights outside the rows are passed over; the columns, merges and protection around them are read", () => {
  const rest = [
    '<sheetProtection sheet="1"/>',
    '<conditionalFormatting sqref="B1"><cfRule type="expression" dxfId="0" priority="1"><formula>AND(B1&lt;&gt;"",B1&lt;0)</formula></cfRule></conditionalFormatting>',
    '<conditionalFormatting sqref="C1"><cfRule type="expression" dxfId="0" priority="2"><formula>C1&gt;5</formula></cfRule></conditionalFormatting>',
    '<dataValidations count="1"><dataValidation type="decimal" sqref="B1" error="请输入 0 到 5 之间的数"><formula1>0</formula1></dataValidation></dataValidations>',
    '<hyperlinks><hyperlink ref="A1" location="\'表\'!A1" display="表!A1"/></hyperlinks>',
    '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>',
  ].join("");
  const read = sheet(`<worksheet><cols><col min="2" max="2" width="12" hidden="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData>${rest}</worksheet>`);
  expect(read.grid.values).toEqual([[1], [2]]);
  expect(read.grid.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
  expect(read.cells.protected).toBe(true);
  expect(read.cells.columns).toEqual([{ min: 1, max: 1, width: 12, hidden: true }]);
});
