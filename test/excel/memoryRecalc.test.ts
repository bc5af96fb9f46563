/**
 * The in-memory workbook recalculates a scoring sheet after an entry, as Excel would: the formula cells' values
 * become the engine's result for what is entered (the engine that test/scoringSheet proves equal to LibreOffice and
 * to the KH function library), formulas and other sheets stay as they are, and an entry the engine rejects leaves
 * #VALUE! in the cells that depend on it instead of failing.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/cli/xlsxRead";
import { writeSpecs } from "../../src/excel/exceljsWrite";
import { a1, type CellGrid, type CellValue } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import {
  FIRST_ROW,
  TOTAL_LABEL,
  GRADE_LABEL,
  emptyInputs,
  evaluatePlan,
  readScoringTotal,
  scoringColumns,
  scoringPlans,
  scoringSheet,
  sheetKey,
  type InputValue,
  type ScoringPlan,
  type SheetInputs,
} from "../../src/core/scoringSheet";
import { arrayCells } from "../../src/core/scoringSheet/read";
import { summarySheets } from "../../src/core/summary/summarySheets";
import { MemoryWorkbook, enteredValue, isScoringMemorySheet, type MemorySheet } from "../../src/excel/memoryAdapter";
import { VALUE_ERROR, formulaReferences, memoryScoringPlans } from "../../src/excel/memoryRecalc";
import { loadXlsx } from "../../src/preview/xlsxMemory";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { knownEntries } from "../scoringSheet/entries";

const seeds = path.join(__dirname, "../../seeds");
let seed000: CellGrid[];
let seed001: CellGrid[];
let seed004: CellGrid[];
beforeAll(async () => {
  seed000 = await readXlsx(path.join(seeds, "000_8b393e4c879ff91f.xlsx"));
  seed001 = await readXlsx(path.join(seeds, "001_c9fa6fd301574412.xlsx"));
  seed004 = await readXlsx(path.join(seeds, "004_ec5181be93802e64.xlsx"));
});

/** Types the entries into the sheet's input cells through the workbook, one edit at a time. */
function enter(workbook: MemoryWorkbook, sheet: MemorySheet, plan: ScoringPlan, inputs: SheetInputs): number {
  const cols = scoringColumns(plan.groups.length);
  let edits = 0;
  const set = (r: number, c: number, v: InputValue) => {
    if (v === null) return;
    expect(workbook.isEditable(sheet.name, a1(r, c))).toBe(true);
    workbook.setCell(sheet.name, a1(r, c), v);
    edits++;
  };
  plan.rows.forEach((row, i) => {
    const r = FIRST_ROW - 1 + i;
    expect(sheet.values[r][cols.key]).toBe(row.key);
    const given = inputs.rows.get(row.key);
    if (!given) return;
    set(r, cols.actual, given.actual);
    set(r, cols.deduction, given.deduction);
    given.groups.forEach((g, k) => set(r, cols.groups[k], g));
  });
  return edits;
}

const formulaValues = (sheet: MemorySheet) => [...sheet.formulas.keys()].map((key) => {
  const [r, c] = key.split(":").map(Number);
  return [key, sheet.values[r]?.[c] ?? null] as const;
});

/** The values the sheet's formula cells should show: the engine's, as a freshly generated sheet caches them. */
function expectedValues(plan: ScoringPlan, portable: boolean, inputs: SheetInputs): Map<string, CellValue> {
  const spec = scoringSheet(plan, { portable }, inputs);
  const values = new Map<string, CellValue>();
  spec.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell.kind === "formula") values.set(`${r}:${c}`, cell.cached ?? null);
  }));
  return values;
}

async function generated(grids: CellGrid[], portable: boolean): Promise<{ workbook: MemoryWorkbook; plans: Map<string, ScoringPlan> }> {
  const workbook = new MemoryWorkbook(grids);
  const books = readBooks(await workbook.readSheets()).books;
  await addScoringSheets(workbook, { portable }, books);
  return { workbook, plans: new Map(scoringPlans(books).map((p) => [sheetKey(p), p])) };
}

const planOf = (sheet: MemorySheet, plans: Map<string, ScoringPlan>) => plans.get(String(sheet.values[1][scoringColumns(0).key] ?? ""))
  ?? [...plans.values()].find((p) => sheet.values[1][scoringColumns(p.groups.length).key] === sheetKey(p))!;

describe("an entry recalculates its scoring sheet", () => {
  test.each([
    ["000", false],
    ["004", false],
    ["004", true],
    ["001", true],
  ] as const)("seed %s (portable %s): every formula value is the engine's for what was entered", async (seedName, portable) => {
    const grids = { "000": seed000, "001": seed001, "004": seed004 }[seedName];
    const { workbook, plans } = await generated(grids, portable);
    const scoring = workbook.sheets.filter(isScoringMemorySheet);
    const sheets = seedName === "001" ? [workbook.sheet("评分-店镇")!, workbook.sheet("评分-县纪委监委")!] : scoring;
    for (const sheet of sheets) {
      const plan = planOf(sheet, plans);
      const formulasBefore = new Map(sheet.formulas);
      const others = workbook.sheets.filter((s) => s !== sheet).map((s) => JSON.stringify(s.values));
      const inputs = knownEntries(plan, 0);
      expect(enter(workbook, sheet, plan, inputs)).toBeGreaterThan(0);
      const want = expectedValues(plan, portable, inputs);
      expect(Object.fromEntries(formulaValues(sheet))).toEqual(Object.fromEntries(want));
      // The total the ranking reads is the engine's total, not the 0 written at generation.
      const total = readScoringTotal(arrayCells(sheet.name, sheet.values))!;
      expect(total.total).toBe(evaluatePlan(plan, inputs).total.toNumber());
      expect(total.grade).toBe(evaluatePlan(plan, inputs).grade);
      expect(sheet.formulas).toEqual(formulasBefore);
      expect(workbook.sheets.filter((s) => s !== sheet).map((s) => JSON.stringify(s.values))).toEqual(others);
    }
    if (seedName === "001") {
      const totals = sheets.map((s) => readScoringTotal(arrayCells(s.name, s.values))!.total);
      expect(totals.every((t) => t !== null && t > 0)).toBe(true);
    }
  });

  test("the plans the workbook recalculates with are the pane's, whatever other sheets were added", async () => {
    const { workbook, plans } = await generated(seed001, false);
    await workbook.addSheets(summarySheets([{ file: null, books: readBooks(seed001).books }], { language: "zh", links: true }));
    expect(workbook.sheet("汇总")).toBeDefined();
    const ours = memoryScoringPlans(workbook.sheets).map(sheetKey);
    expect(ours).toEqual([...plans.keys()]);
    // Reading every sheet, the generated scoring sheets included, gives the same plans: they hold no books.
    const all = scoringPlans(readBooks(await workbook.readSheets()).books).map(sheetKey);
    expect(all).toEqual([...plans.keys()]);
  });

  test("text in a number cell: shown as typed, the cells that depend on it show #VALUE!, the rest is computed", async () => {
    const { workbook, plans } = await generated(seed000, false);
    const sheet = workbook.sheets.find(isScoringMemorySheet)!;
    const plan = planOf(sheet, plans);
    const cols = scoringColumns(0);
    const manual = plan.rows.flatMap((r, i) => (r.kind === "manual" ? [i] : []));
    expect(manual.length).toBeGreaterThan(1);
    const [bad, good] = manual.map((i) => FIRST_ROW - 1 + i);
    workbook.setCell(sheet.name, a1(good, cols.deduction), 1);
    expect(() => workbook.enter(sheet.name, a1(bad, cols.deduction), "扣两分")).not.toThrow();
    expect(sheet.values[bad][cols.deduction]).toBe("扣两分");
    expect(sheet.values[bad][cols.score]).toBe(VALUE_ERROR);
    const goodRow = plan.rows[good - FIRST_ROW + 1];
    expect(sheet.values[good][cols.score]).toBe(goodRow.points!.toNumber() - 1);
    const label = (text: string) => sheet.values.findIndex((r) => r[cols.name] === text);
    expect(sheet.values[label(TOTAL_LABEL)][cols.subtotal]).toBe(VALUE_ERROR);
    expect(sheet.values[label(GRADE_LABEL)][cols.subtotal]).toBe(VALUE_ERROR);
    expect(readScoringTotal(arrayCells(sheet.name, sheet.values))!.total).toBeNull();
    // Corrected, the sheet computes again.
    workbook.enter(sheet.name, a1(bad, cols.deduction), "2");
    const inputs = emptyInputs();
    inputs.rows.set(plan.rows[bad - FIRST_ROW + 1].key, { actual: null, deduction: 2, groups: [], note: null });
    inputs.rows.set(goodRow.key, { actual: null, deduction: 1, groups: [], note: null });
    expect(sheet.values[label(TOTAL_LABEL)][cols.subtotal]).toBe(evaluatePlan(plan, inputs).total.toNumber());
  });

  test("the change listeners hear of an edit after the sheet was recalculated", async () => {
    const { workbook, plans } = await generated(seed000, false);
    const sheet = workbook.sheets.find(isScoringMemorySheet)!;
    const plan = planOf(sheet, plans);
    const cols = scoringColumns(0);
    const row = FIRST_ROW - 1 + plan.rows.findIndex((r) => r.kind === "manual");
    const totalRow = sheet.values.findIndex((r) => r[cols.name] === TOTAL_LABEL);
    const seen: CellValue[] = [];
    await workbook.onChange(() => seen.push(sheet.values[totalRow][cols.subtotal]));
    let views = 0;
    workbook.subscribe(() => views++);
    workbook.enter(sheet.name, a1(row, cols.deduction), "0");
    expect(seen).toEqual([plan.rows[row - FIRST_ROW + 1].points!.toNumber()]);
    expect(views).toBe(1);
  });

  test("only the input cells of scoring sheets take typing", async () => {
    const { workbook, plans } = await generated(seed000, false);
    const sheet = workbook.sheets.find(isScoringMemorySheet)!;
    const plan = planOf(sheet, plans);
    const cols = scoringColumns(0);
    const row = FIRST_ROW - 1 + plan.rows.findIndex((r) => r.kind === "manual");
    expect(workbook.isEditable(sheet.name, a1(row, cols.deduction))).toBe(true);
    expect(workbook.isEditable(sheet.name, a1(row, cols.note))).toBe(true);
    expect(workbook.isEditable(sheet.name, a1(row, cols.score))).toBe(false);
    expect(workbook.isEditable(sheet.name, a1(row, cols.name))).toBe(false);
    const source = seed000[0].sheet;
    expect(workbook.isEditable(source, "A1")).toBe(false);
    expect(() => workbook.enter(source, "A1", "x")).toThrow(/不是评分表的填写单元格/);
    expect(() => workbook.enter(sheet.name, a1(row, cols.score), "1")).toThrow();
    expect(workbook.sheet(source)!.values).toEqual(seed000[0].values);
  });

  test("a formula typed into an input cell is kept on regeneration; the preview shows #VALUE! where it is used", async () => {
    const { workbook, plans } = await generated(seed000, false);
    const sheet = workbook.sheets.find(isScoringMemorySheet)!;
    const plan = planOf(sheet, plans);
    const cols = scoringColumns(0);
    const row = FIRST_ROW - 1 + plan.rows.findIndex((r) => r.kind === "manual");
    workbook.enter(sheet.name, a1(row, cols.deduction), "=0.5+0.5");
    await addScoringSheets(workbook, { portable: false }, readBooks(await workbook.readSheets()).books);
    const again = workbook.sheet(sheet.name)!;
    expect(again).not.toBe(sheet);
    expect(again.formulas.get(`${row}:${cols.deduction}`)).toBe("=0.5+0.5");
    workbook.recalculate(again);
    expect(again.values[row][cols.score]).toBe(VALUE_ERROR);
  });

  test("a sheet whose book is gone is left as it is", async () => {
    const { workbook } = await generated(seed000, false);
    const sheet = workbook.sheets.find(isScoringMemorySheet)!;
    const before = JSON.stringify(sheet.values);
    workbook.sheets.splice(workbook.sheets.findIndex((s) => s.name === seed000[0].sheet), 1);
    expect(workbook.recalculate(sheet)).toBe("stale");
    expect(JSON.stringify(sheet.values)).toBe(before);
  });
});

describe("a scoring sheet the command line wrote, opened in the preview", () => {
  test("its input cells take entries and it recalculates; the key column stays hidden", async () => {
    const books = readBooks(seed004).books;
    const plan = scoringPlans(books)[0];
    const workbook = new ExcelJS.Workbook();
    for (const grid of seed004) {
      const ws = workbook.addWorksheet(grid.sheet);
      grid.values.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }));
      for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    const [name] = await writeSpecs(workbook, [scoringSheet(plan, { portable: true }, emptyInputs())]);
    const bytes = await workbook.xlsx.writeBuffer();
    const memory = await loadXlsx(bytes as ArrayBuffer);
    const sheet = memory.sheet(name)!;
    const cols = scoringColumns(plan.groups.length);
    expect(sheet.hiddenColumns).toEqual([cols.key]);
    // 总分: blank until something is entered, then the native total.
    expect([...sheet.formulas.values()].some((f) => /^=IF\(COUNTA\(.*,"",ROUND\(MAX\(0,SUM\(/.test(f))).toBe(true);
    const inputs = knownEntries(plan, 0);
    enter(memory, sheet, plan, inputs);
    expect(readScoringTotal(arrayCells(sheet.name, sheet.values))!.total).toBe(evaluatePlan(plan, inputs).total.toNumber());
    expect(memory.isEditable(seed004[0].sheet, "A1")).toBe(false);
  });
});

describe("what typing enters", () => {
  test.each([
    ["12", 12],
    [" 12.5 ", 12.5],
    ["-3", -3],
    [".5", 0.5],
    ["85%", 0.85],
    ["14.3%", 0.143],
    ["１２．５", 12.5],
    ["TRUE", true],
    ["false", false],
    ["", null],
    ["   ", null],
    ["扣两分", "扣两分"],
    ["=1+1", "=1+1"],
    ["12分", "12分"],
  ] as const)("%j -> %j", (text, want) => {
    expect(enteredValue(text)).toBe(want);
  });
});

describe("formula references", () => {
  test("cells and ranges, absolute or not; text in quotes and function names are not references", () => {
    expect(formulaReferences('IF(H5="","",KH.SCORE(D5,G5,H5))')).toEqual(["4:7", "4:3", "4:6", "4:7"]);
    expect(formulaReferences("SUMPRODUCT(J9:L9,$J$2:$L$2)")).toEqual(["8:9", "8:10", "8:11", "1:9", "1:10", "1:11"]);
    expect(formulaReferences('IF(A1="B2",1,0)')).toEqual(["0:0"]);
    expect(formulaReferences("SUM(P4:P6)-SUM(R4:R6)")).toEqual(["3:15", "4:15", "5:15", "3:17", "4:17", "5:17"]);
  });
});
