/**
 * Every row kind of a scoring sheet, kind by kind: the decimal engine's value, the KH formula evaluated through
 * the function library, and the portable formula recalculated by LibreOffice give the same number in every cell
 * the kind computes. Rows come from the seeds' scoring sheets (between them they hold all 17 kinds), filled with
 * entries that take every branch of every formula; the sheets are written to real .xlsx files.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/xlsxRead";
import { columnLetters } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import {
  FIRST_ROW,
  ROW_KINDS,
  evaluatePlan,
  scoringColumns,
  scoringPlans,
  scoringSheet,
  type ColumnId,
  type PlanResult,
  type RowKind,
  type RowResult,
  type ScoringPlan,
  type SheetInputs,
} from "../../src/core/scoringSheet";
import type { SheetSpec } from "../../src/core/sheetSpec";
import { writeSpecs } from "../../src/excel/exceljsWrite";
import { SEEDS, tempDir } from "../cli/run";
import { knownEntries } from "./entries";
import { SheetEvaluator } from "./formulaEval";
import { rawValues, recalculate } from "./libreOffice";

/** The seeds' sheets that hold every kind between them (by seed and plan index). */
const SHEETS: [string, number][] = [["000", 0], ["001", 0], ["001", 1], ["002", 0], ["004", 0]];
/** The columns a kind may compute: each is a field of the engine's row result. */
const COMPUTED: (ColumnId & keyof RowResult)[] = ["target", "completion", "item", "score", "deduct", "subtotal"];
const KINDS = Object.keys(ROW_KINDS) as RowKind[];

type Scalar = string | number | boolean | null;

interface Sheet {
  plan: ScoringPlan;
  inputs: SheetInputs;
  expected: PlanResult;
  kh: { name: string; spec: SheetSpec };
  portable: { name: string; spec: SheetSpec };
}

const sheets: Sheet[] = [];
let khWorkbook: ExcelJS.Workbook;
let portableValues: Map<string, Scalar>[] = [];
let portableNames: string[] = [];

beforeAll(async () => {
  const dir = tempDir();
  const plansOf = new Map<string, ScoringPlan[]>();
  for (const [prefix, index] of SHEETS) {
    if (!plansOf.has(prefix)) {
      const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".xlsx") && !f.endsWith(".units.xlsx"))!;
      plansOf.set(prefix, scoringPlans(readBooks(await readWorkbookFile(path.join(SEEDS, file))).books));
    }
    const plan = plansOf.get(prefix)![index];
    const inputs = knownEntries(plan, sheets.length);
    sheets.push({
      plan,
      inputs,
      expected: evaluatePlan(plan, inputs),
      kh: { name: "", spec: scoringSheet(plan, { portable: false }, inputs) },
      portable: { name: "", spec: scoringSheet(plan, { portable: true }, inputs) },
    });
  }
  khWorkbook = new ExcelJS.Workbook();
  const khNames = await writeSpecs(khWorkbook, sheets.map((s) => ({ ...s.kh.spec })));
  const portable = new ExcelJS.Workbook();
  portableNames = await writeSpecs(portable, sheets.map((s) => ({ ...s.portable.spec })));
  sheets.forEach((s, i) => {
    s.kh.name = khNames[i];
    s.portable.name = portableNames[i];
  });
  const file = path.join(dir, "kinds.portable.xlsx");
  await portable.xlsx.writeFile(file);
  const out = recalculate([file], dir);
  portableValues = await rawValues(path.join(out, "kinds.portable.xlsx"));
}, 180_000);

const near = (got: Scalar, want: number | null): boolean => {
  const value = got === "" ? null : got;
  if (want === null) return value === null;
  return typeof value === "number" && Math.abs(value - want) <= 1e-9 * Math.max(1, Math.abs(want));
};

/** Each cell a kind computes on its rows: the engine's value, the KH formula's and the portable formula's. */
function computedCells(kind: RowKind) {
  const cells: { where: string; engine: number | null; kh: Scalar; portable: Scalar }[] = [];
  for (const sheet of sheets) {
    const cols = scoringColumns(sheet.plan.groups.length);
    const evaluator = new SheetEvaluator(khWorkbook.getWorksheet(sheet.kh.name)!);
    const recalculated = portableValues[portableNames.indexOf(sheet.portable.name)];
    sheet.plan.rows.forEach((row, i) => {
      if (row.kind !== kind) return;
      const r = FIRST_ROW + i;
      for (const column of COMPUTED) {
        const kh = sheet.kh.spec.rows[r - 1][cols[column]];
        const portable = sheet.portable.spec.rows[r - 1][cols[column]];
        if (kh.kind !== "formula" && portable.kind !== "formula") continue;
        const address = `${columnLetters(cols[column])}${r}`;
        const engine = sheet.expected.rows[i][column];
        cells.push({
          where: `${sheet.kh.name}!${address} (${column})`,
          engine: engine === null ? null : engine.toNumber(),
          kh: kh.kind === "formula" ? evaluator.cell(address) : kh.kind === "value" ? kh.value : null,
          portable: portable.kind === "formula" ? (recalculated.get(address) ?? null) : portable.kind === "value" ? portable.value : null,
        });
      }
    });
  }
  return cells;
}

describe.each(KINDS)("row kind %s", (kind) => {
  test("appears on the seeds' scoring sheets", () => {
    expect(sheets.some((s) => s.plan.rows.some((r) => r.kind === kind))).toBe(true);
  });

  test("engine, KH formulas and portable formulas agree in every cell it computes", () => {
    const cells = computedCells(kind);
    const mismatches = cells
      .filter((c) => !near(c.kh, c.engine) || !near(c.portable, c.engine))
      .map((c) => `${c.where}: engine ${String(c.engine)}, KH ${String(c.kh)}, portable ${String(c.portable)}`);
    expect(mismatches).toEqual([]);
    if (!["pending", "unscored", "section"].includes(kind)) {
      // The entries take the formulas past their "nothing entered yet" branch on some rows.
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.some((c) => c.engine !== null)).toBe(true);
    } else {
      expect(cells).toEqual([]);
    }
  });
});
