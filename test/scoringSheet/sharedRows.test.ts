/**
 * Rows a common table and the negative list give every unit's sheet are written from one template per block
 * (core/scoringSheet/sheet.ts): on seed 001, where the units' own books differ in length, each copied row's formulas
 * name its own row wherever the block lands, and an entry on one unit's copy changes that unit's sheet alone.
 */
import path from "node:path";
import { readWorkbookFile } from "../../src/cli/xlsxRead";
import { readBooks } from "../../src/core/layout";
import { FIRST_ROW, emptyInputs, scoringColumns, scoringPlans, scoringSheet, type SheetInputs } from "../../src/core/scoringSheet";
import type { SpecCell } from "../../src/core/sheetSpec";
import { SEEDS } from "../cli/run";

const formulaOf = (cell: SpecCell | undefined) => (cell?.kind === "formula" ? cell.formula : null);
/** The row numbers a formula names. */
const rowsNamed = (formula: string) => [...formula.matchAll(/\b[A-Z]{1,3}(\d+)\b/g)].map((m) => Number(m[1]));

test("001: a negative-list row names its own row on every unit's sheet, and an entry stays on its unit's sheet", async () => {
  const books = readBooks(await readWorkbookFile(path.join(SEEDS, "001_c9fa6fd301574412.xlsx"))).books;
  const plans = scoringPlans(books).filter((plan) => plan.rows.some((row) => row.kind === "penalty"));
  const firstPenalty = plans.map((plan) => plan.rows.findIndex((row) => row.kind === "penalty"));
  // The negative list starts on different rows: the units' own books differ in length.
  expect(new Set(firstPenalty).size).toBeGreaterThan(5);
  const cols = scoringColumns(0);
  const sheets = plans.map((plan, k) => {
    // The third unit counts two occurrences of its first penalty.
    const inputs: SheetInputs = emptyInputs();
    if (k === 2) inputs.rows.set(plan.rows[firstPenalty[k]].key, { actual: 2, deduction: null, groups: [], note: null });
    return scoringSheet(plan, { portable: false }, inputs);
  });
  plans.forEach((plan, k) => {
    const r = FIRST_ROW + firstPenalty[k];
    const formula = formulaOf(sheets[k].rows[r - 1][cols.deduct]);
    expect(formula).toBe(`IF(H${r}="","",ABS(D${r})*H${r})`);
    plan.rows.forEach((row, i) => {
      if (row.kind !== "penalty") return;
      expect(rowsNamed(formulaOf(sheets[k].rows[FIRST_ROW + i - 1][cols.deduct])!)).toEqual([FIRST_ROW + i, FIRST_ROW + i, FIRST_ROW + i]);
    });
    // The negative list's subtotal adds up its own rows.
    const subtotal = plan.rows.findIndex((row, i) => i > firstPenalty[k] && row.kind === "subtotal");
    const sum = formulaOf(sheets[k].rows[FIRST_ROW + subtotal - 1][cols.subtotal])!;
    expect(Math.min(...rowsNamed(sum))).toBe(r);
    expect(Math.max(...rowsNamed(sum))).toBe(FIRST_ROW + subtotal - 1);
  });
  const deducted = (k: number) => {
    const cell = sheets[k].rows[FIRST_ROW + firstPenalty[k] - 1][cols.deduct];
    return cell.kind === "formula" ? cell.cached : undefined;
  };
  const points = Math.abs(plans[2].rows[firstPenalty[2]].points!.toNumber());
  expect(deducted(2)).toBe(points * 2);
  expect([deducted(1), deducted(3)]).toEqual([null, null]);
});
