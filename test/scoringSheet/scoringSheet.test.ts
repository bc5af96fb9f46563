/**
 * Scoring sheets end to end: generate through the CLI into real .xlsx files, fill the input cells with known
 * values, recalculate the portable variant with LibreOffice and evaluate the KH variant through the function
 * library, and compare every computed cell, total and grade with the decimal engine's own result.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { readScoringInputs as readInputs } from "../../src/core/scoringSheet";
import { worksheetCells } from "../../src/excel/exceljsAdapter";
import { cellValue, worksheetToGrid } from "../../src/cli/xlsxRead";
import type { Decimal } from "../../src/core/decimal";
import { readBooks } from "../../src/core/layout";
import {
  COMBINED_LABEL,
  FIRST_ROW,
  GRADE_LABEL,
  KEY_HEADER,
  TOTAL_LABEL,
  WEIGHTED_LABEL,
  evaluatePlan,
  scoringColumns,
  scoringPlans,
  sheetKey,
  type InputValue,
  type PlanResult,
  type ScoringPlan,
  type SheetInputs,
} from "../../src/core/scoringSheet";
import { SEEDS, kaohe, tempDir } from "../cli/run";
import { knownEntries } from "./entries";
import { SheetEvaluator } from "./formulaEval";
import { rawValues, recalculate } from "./libreOffice";
import { sheetLinks } from "../helpers/hyperlinks";

/** The values entered on an ExcelJS scoring sheet (null when it is not one). */
const readScoringInputs = (worksheet: Parameters<typeof worksheetCells>[0]) => readInputs(worksheetCells(worksheet));

const seed = (prefix: string, suffix = ".xlsx") => path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(suffix) && !f.endsWith(".units.xlsx"))!);
const SEEDS_USED = ["000", "002", "003", "004", "001"];
const dir = tempDir();

interface Filled {
  plan: ScoringPlan;
  sheet: string;
  inputs: SheetInputs;
  expected: PlanResult;
}

function writeEntries(worksheet: ExcelJS.Worksheet, plan: ScoringPlan, inputs: SheetInputs): void {
  const cols = scoringColumns(plan.groups.length);
  plan.rows.forEach((row, i) => expect(worksheet.getCell(FIRST_ROW + i, cols.key + 1).value).toBe(row.key));
  let written = 0;
  worksheet.eachRow((sheetRow, r) => {
    if (r < FIRST_ROW) return;
    const key = sheetRow.getCell(cols.key + 1).value;
    if (key === "#一票否决" && inputs.veto !== null) sheetRow.getCell(cols.actual + 1).value = inputs.veto;
    const given = typeof key === "string" ? inputs.rows.get(key) : undefined;
    if (!given) return;
    written++;
    const set = (c: number, v: InputValue) => {
      if (v !== null) sheetRow.getCell(c + 1).value = v;
    };
    set(cols.actual, given.actual);
    set(cols.deduction, given.deduction);
    given.groups.forEach((g, k) => set(cols.groups[k], g));
    set(cols.note, given.note);
  });
  expect(written).toBe(inputs.rows.size);
}

/** Generates, fills and saves one variant of a seed; returns the filled sheets with the engine's results. */
async function generateAndFill(prefix: string, variant: "kh" | "portable"): Promise<{ file: string; filled: Filled[] }> {
  const generated = path.join(dir, `${prefix}.${variant}.xlsx`);
  const result = kaohe("score-sheet", seed(prefix), "-o", generated, ...(variant === "portable" ? ["--portable"] : []));
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(generated);
  const scoring = workbook.worksheets.filter((w) => readScoringInputs(w) !== null);
  const sources = workbook.worksheets.filter((w) => !scoring.includes(w));
  const plans = new Map(scoringPlans(readBooks(sources.map(worksheetToGrid)).books).map((p) => [sheetKey(p), p]));
  expect(scoring.length).toBe(plans.size);
  const filled: Filled[] = scoring.map((worksheet, s) => {
    const plan = plans.get(readScoringInputs(worksheet)!.sheetKey)!;
    expect(plan).toBeDefined();
    const inputs = knownEntries(plan, s);
    writeEntries(worksheet, plan, inputs);
    return { plan, sheet: worksheet.name, inputs, expected: evaluatePlan(plan, inputs) };
  });
  const file = path.join(dir, `${prefix}.${variant}.filled.xlsx`);
  await workbook.xlsx.writeFile(file);
  return { file, filled };
}

type Read = (worksheet: ExcelJS.Worksheet, address: string) => string | number | boolean | null;

/** Every computed cell of every filled sheet against the engine; returns the mismatches and the count compared. */
function compare(workbook: ExcelJS.Workbook, filled: Filled[], read: Read): { mismatches: string[]; compared: number } {
  const mismatches: string[] = [];
  let compared = 0;
  const check = (ws: ExcelJS.Worksheet, address: string, want: Decimal | string | null) => {
    const got = read(ws, address);
    const gotValue = got === "" ? null : got;
    compared++;
    const ok =
      want === null ? gotValue === null
      : typeof want === "string" ? gotValue === want
      : typeof gotValue === "number" && Math.abs(gotValue - want.toNumber()) <= 1e-9 * Math.max(1, Math.abs(want.toNumber()));
    if (!ok) mismatches.push(`${ws.name}!${address}: got ${String(gotValue)}, engine ${want === null ? "empty" : want.toString()}`);
  };
  for (const { plan, sheet, expected } of filled) {
    const ws = workbook.getWorksheet(sheet)!;
    const cols = scoringColumns(plan.groups.length);
    const at = (c: number, r: number) => `${ws.getColumn(c + 1).letter}${r}`;
    plan.rows.forEach((row, i) => {
      const r = FIRST_ROW + i;
      const res = expected.rows[i];
      if (["ratio", "manual", "reference", "weighted", "quarter-main"].includes(row.kind)) check(ws, at(cols.score, r), res.score);
      if ((row.kind === "ratio" && row.target!.direction === "higher") || row.kind === "quarter-ratio") check(ws, at(cols.completion, r), res.completion);
      if (["quarter", "quarter-ratio", "segment", "bonus"].includes(row.kind)) check(ws, at(cols.item, r), res.item);
      if (["deduction-only", "penalty", "penalty-tier"].includes(row.kind)) check(ws, at(cols.deduct, r), res.deduct);
      if (row.kind === "subtotal" || row.kind === "bonus-subtotal") check(ws, at(cols.subtotal, r), res.subtotal);
    });
    ws.eachRow((row, r) => {
      const label = cellValue(row.getCell(cols.name + 1).value);
      if (label === TOTAL_LABEL) check(ws, at(cols.subtotal, r), expected.total);
      if (label === GRADE_LABEL) check(ws, at(cols.subtotal, r), expected.grade);
      if (label === WEIGHTED_LABEL) check(ws, at(cols.subtotal, r), expected.weighted);
      if (label === COMBINED_LABEL) check(ws, at(cols.subtotal, r), expected.combined);
      const part = plan.parts.findIndex((p) => p.key === cellValue(row.getCell(cols.key + 1).value));
      if (part >= 0 && plan.parts.length > 1) check(ws, at(cols.subtotal, r), expected.parts[part].score);
    });
  }
  return { mismatches, compared };
}

const generated: Record<string, { kh: { file: string; filled: Filled[] }; portable: { file: string; filled: Filled[] } }> = {};

beforeAll(async () => {
  for (const prefix of SEEDS_USED) {
    generated[prefix] = { kh: await generateAndFill(prefix, "kh"), portable: await generateAndFill(prefix, "portable") };
  }
}, 240_000);

describe("portable scoring sheets recalculated by LibreOffice match the engine", () => {
  let out = "";
  beforeAll(() => {
    out = recalculate(SEEDS_USED.map((p) => generated[p].portable.file), dir);
  }, 240_000);

  test.each(SEEDS_USED)("seed %s: every score, subtotal, total and grade", async (prefix) => {
    const { file, filled } = generated[prefix].portable;
    const workbook = new ExcelJS.Workbook();
    const recalculated = path.join(out, path.basename(file));
    await workbook.xlsx.readFile(recalculated);
    const raw = await rawValues(recalculated);
    const read: Read = (ws, address) => raw[workbook.worksheets.indexOf(ws)].get(address) ?? null;
    const { mismatches, compared } = compare(workbook, filled, read);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(filled.length * 3);
    // The entries change the results: not every unit ends on the same total.
    expect(new Set(filled.map((f) => f.expected.total.toString())).size).toBeGreaterThan(filled.length > 1 ? 1 : 0);
  });
});

describe("KH scoring sheets evaluated through the function library match the engine", () => {
  test.each(SEEDS_USED)("seed %s", async (prefix) => {
    const { file, filled } = generated[prefix].kh;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const evaluators = new Map<string, SheetEvaluator>();
    const read: Read = (ws, address) => {
      if (!evaluators.has(ws.name)) evaluators.set(ws.name, new SheetEvaluator(ws));
      return evaluators.get(ws.name)!.cell(address);
    };
    const { mismatches } = compare(workbook, filled, read);
    expect(mismatches).toEqual([]);
    // KH formulas are what the sheet holds, not native ones.
    const ws = workbook.getWorksheet(filled[0].sheet)!;
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { const v = c.value as { formula?: string }; if (v?.formula) formulas.push(v.formula); }));
    expect(formulas.some((f) => f.includes("KH.TOTAL("))).toBe(true);
    expect(formulas.some((f) => f.includes("KH.GRADE("))).toBe(true);
  });
});

describe("the sheets hold what an assessor needs", () => {
  test("004: one input column per assessor group with the 40/30/30 weights, capped bonus, veto", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(generated["004"].kh.file);
    const ws = workbook.worksheets.find((w) => readScoringInputs(w) !== null)!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["市科协领导评分", "机关各部门评分", "县区科协评分", "实际完成", "扣分", "备注", KEY_HEADER]));
    const cols = scoringColumns(3);
    expect(cols.groups.map((c) => ws.getCell(2, c + 1).value)).toEqual([0.4, 0.3, 0.3]);
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { const v = c.value as { formula?: string }; if (v?.formula) formulas.push(v.formula); }));
    expect(formulas).toEqual(expect.arrayContaining([expect.stringMatching(/^KH\.BONUS\(H\d+:H\d+,D\d+:D\d+,10\)$/), expect.stringMatching(/KH\.WEIGHTED\(/)]));
    // Input cells are unlocked, the sheet is protected, the key column hidden, rows link to their source.
    expect(ws.getCell(FIRST_ROW, cols.groups[0] + 1).protection?.locked).toBe(false);
    expect(ws.getCell(FIRST_ROW, cols.score + 1).protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getColumn(cols.key + 1).hidden).toBe(true);
    expect(sheetLinks(path.join(dir, "004.kh.xlsx"), ws.name).get(ws.getCell(FIRST_ROW, cols.source + 1).address)).toBe("'县（区）科协工作目标'!C30");
  });

  test("001: one sheet per assessed unit, its own book with the common table that applies, and the negative list", async () => {
    const { filled } = generated["001"].kh;
    const plan = (unit: string) => filled.find((f) => f.plan.unit === unit)!.plan;
    const units = filled.map((f) => f.plan.unit);
    // 20 towns, 48 departments, 2 parks, 16 provincial units sharing one table, and the decomposition (not ranked).
    expect(filled.length).toBe(87);
    expect(units).not.toContain("负面清单考核指标");
    for (const common of ["各镇（办、中心）共性考核指标", "县直部门目标责任考核指标", "省市驻佳单位共性考核指标"]) expect(units).not.toContain(common);
    expect(filled.filter((f) => !f.plan.ranked).map((f) => f.plan.unit)).toEqual(["2020年度市考核县指标任务分解"]);
    const parts = (unit: string) => plan(unit).parts.map((p) => `${p.label}:${p.book.unit}`);
    expect(parts("螅镇")).toEqual(["个性指标:螅镇", "共性指标:各镇（办、中心）共性考核指标"]);
    expect(parts("上高寨便民服务中心")).toEqual(["个性指标:上高寨便民服务中心", "共性指标:各镇（办、中心）共性考核指标"]);
    expect(parts("县农机中心")).toEqual(["个性指标:县农机中心", "共性指标:县直部门目标责任考核指标"]);
    expect(parts("县白云山风景名胜区管委会")).toEqual(["个性指标:县白云山风景名胜区管委会"]);
    expect(parts("县烟草公司")).toEqual(["共性指标:省市驻佳单位共性考核指标"]);
    expect(plan("螅镇").group).toBe("镇（办、中心）");
    expect(plan("县妇联").group).toBe("群团组织");
    expect(plan("县烟草公司").group).toBe("省市驻佳单位");
    const town = plan("螅镇");
    expect(town.rows.filter((r) => r.kind === "penalty").length).toBeGreaterThan(30);
    expect(town.rows.some((r) => r.kind === "penalty-tier")).toBe(true);
    expect(town.rows.some((r) => r.kind === "reference")).toBe(true);
    expect(plan("2020年度市考核县指标任务分解").rows.some((r) => r.kind === "penalty")).toBe(false);
    // The town's total combines its two parts by the weights entered (0.3 / 0.7 on odd sheets, else equal).
    const filledTown = filled.find((f) => f.plan.unit === "螅镇")!;
    const [own, common] = filledTown.expected.parts;
    expect(filledTown.expected.combined!.toString()).toBe(own.score.times(own.weight).plus(common.score.times(common.weight)).toString());
  });

  test("002: quarter blocks and quarterly figures are scored per quarter and averaged; the pending row has no formula", () => {
    const { plan } = generated["002"].kh.filled[0];
    expect(plan.rows.filter((r) => r.kind === "quarter-main").length).toBeGreaterThanOrEqual(4);
    expect(plan.rows.filter((r) => r.kind === "quarter").length).toBeGreaterThanOrEqual(16);
    expect(plan.rows.some((r) => r.kind === "pending")).toBe(true);
    expect(plan.rows.some((r) => r.kind === "deduction-only")).toBe(true);
    // 经济综合工作 14 = 分季度（9分） + 5 a quarter: the 9 points are a row of their own, each quarter block is worth 5.
    const economy = plan.rows.filter((r) => r.category === "经济综合工作" && r.kind !== "subtotal");
    expect(economy.map((r) => `${r.kind} ${r.name} ${r.points}`)).toEqual([
      "quarter-main 经济综合工作 14", "segment 分季度 9", "quarter 第一季度 5", "quarter 第二季度 5", "quarter 第三季度 5", "quarter 第四季度 5",
    ]);
    expect(economy[2].targetText).toMatch(/^第一季度：印发《示范区2019年重点项目计划/);
    const scored = evaluatePlan(plan, {
      rows: new Map([
        [economy[1].key, { actual: null, deduction: 2, groups: [], note: null }],
        [economy[2].key, { actual: null, deduction: 1, groups: [], note: null }],
        [economy[3].key, { actual: null, deduction: 0, groups: [], note: null }],
      ]),
      veto: null,
    });
    expect(scored.rows[plan.rows.indexOf(economy[0])].score!.toString()).toBe("11.5"); // (9 - 2) + (4 + 5) / 2
    // 争取中省资金: a cumulative quarterly series, each quarter scored by its completion rate against its figure.
    const funds = plan.rows.filter((r) => r.kind === "quarter-ratio" && r.category === "省部共建工作成效");
    expect(funds.map((r) => `${r.name} ${r.targetText}`)).toEqual(["第一季度（累计） 1200万元", "第二季度（累计） 2400万元", "第三季度（累计） 3600万元", "第四季度（累计） 4800万元"]);
    const investment = plan.rows.filter((r) => r.kind === "quarter-ratio" && r.category === "招商引资到位资金");
    expect(investment.map((r) => r.target!.value.toNumber())).toEqual([13000, 19500, 16250, 16250]);
    // A text with several targets is scored by deductions, not by the completion rate of its first target.
    const several = generated["001"].kh.filled.find((f) => f.plan.unit === "2020年度市考核县指标任务分解")!.plan.rows.find((r) => r.name.startsWith("新增高新技术企业1家"));
    expect(several?.kind).toBe("manual");
  });
});

describe("generating again keeps every entered value", () => {
  test.each(["004", "002", "001"])("seed %s: entries survive, matched by source indicator, formulas stay formulas", async (prefix) => {
    const { file, filled } = generated[prefix].kh;
    // Swap two rows of the first sheet: entries must follow their indicator, not their position.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const first = workbook.getWorksheet(filled[0].sheet)!;
    const a = first.getRow(FIRST_ROW), b = first.getRow(FIRST_ROW + 1);
    const [va, vb] = [a.values, b.values];
    a.values = vb as ExcelJS.CellValue[];
    b.values = va as ExcelJS.CellValue[];
    const swapped = path.join(dir, `${prefix}.swapped.xlsx`);
    await workbook.xlsx.writeFile(swapped);
    const again = path.join(dir, `${prefix}.again.xlsx`);
    const result = kaohe("score-sheet", swapped, "-o", again);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const regenerated = new ExcelJS.Workbook();
    await regenerated.xlsx.readFile(again);
    const scoring = regenerated.worksheets.filter((w) => readScoringInputs(w) !== null);
    expect(scoring.length).toBe(filled.length);
    for (const f of filled) {
      const ws = regenerated.getWorksheet(f.sheet)!;
      const read = readScoringInputs(ws)!;
      expect(read.sheetKey).toBe(sheetKey(f.plan));
      // The parts' weights are input cells too: what was entered, or the default the sheet was written with.
      const entered = new Map(f.inputs.rows);
      if (f.plan.parts.length > 1) {
        for (const part of f.plan.parts) {
          if (!entered.has(part.key)) entered.set(part.key, { actual: part.weight.toNumber(), deduction: null, groups: f.plan.groups.map(() => null), note: null });
        }
      }
      expect([...read.inputs.rows.entries()].sort()).toEqual([...entered.entries()].sort());
      expect(read.inputs.veto).toBe(f.inputs.veto);
      // Rows are in book order again, with their formulas.
      const cols = scoringColumns(f.plan.groups.length);
      expect(ws.getCell(FIRST_ROW, cols.key + 1).value).toBe(f.plan.rows[0].key);
    }
    // The cached results of the regenerated KH sheets are the engine's results for the kept entries.
    const ws = regenerated.getWorksheet(filled[0].sheet)!;
    ws.eachRow((row) => {
      if (cellValue(row.getCell(scoringColumns(filled[0].plan.groups.length).name + 1).value) === TOTAL_LABEL) {
        const v = row.getCell(scoringColumns(filled[0].plan.groups.length).subtotal + 1).value as { formula: string; result: number };
        expect(v.formula).toMatch(/^IF\(COUNTA\(.*,"",KH\.TOTAL\(/);
        expect(v.result).toBeCloseTo(filled[0].expected.total.toNumber(), 9);
      }
    });
    // The source sheets are untouched.
    expect(regenerated.worksheets.length).toBe(workbook.worksheets.length);
  });
});

describe("ranking across workbooks", () => {
  test("summary of filled scoring workbooks ranks every unit by total, ties sharing a rank", async () => {
    const again = ["004", "002", "001"].map((p) => path.join(dir, `${p}.again.xlsx`));
    const out = path.join(dir, "ranking.xlsx");
    const result = kaohe("summary", ...again, "-o", out);
    expect(result.stderr).toBe("");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ws = workbook.getWorksheet("排名")!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name);
    const rows: unknown[][] = [];
    ws.eachRow((row, r) => {
      if (r > 2) rows.push((row.values as unknown[]).slice(1));
    });
    const expected = ["004", "002", "001"].flatMap((p) =>
      generated[p].kh.filled.filter((f) => f.plan.ranked).map((f) => ({ unit: f.plan.unit, group: f.plan.group, total: f.expected.total.toNumber(), grade: f.expected.grade })),
    );
    expect(rows.length).toBe(expected.length);
    expect(rows.map((r) => r[col("考核单位")])).not.toContain("2020年度市考核县指标任务分解");
    const totals = rows.map((r) => r[col("总分")] as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    rows.forEach((r, i) => {
      const want = expected.find((e) => e.unit === r[col("考核单位")])!;
      expect(r[col("总分")]).toBeCloseTo(want.total, 9);
      expect(r[col("等级")]).toBe(want.grade);
      expect(r[col("名次")]).toBe(1 + totals.filter((t) => t > totals[i]).length);
      expect(r[col("分组")] ?? null).toBe(want.group);
      // Within its group: one more than the units of the group with a higher total.
      if (want.group !== null) {
        const higher = rows.filter((o) => o[col("分组")] === want.group && (o[col("总分")] as number) > totals[i]).length;
        expect(r[col("组内名次")]).toBe(1 + higher);
      }
    });
  });
});
