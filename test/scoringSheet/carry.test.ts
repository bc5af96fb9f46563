/**
 * Pairing old scoring-sheet rows with the rows of a book edited since (core/scoringSheet/carry.ts), on books written
 * by hand: where a name is repeated under one category the target text decides, an ambiguous pair is never guessed,
 * and sheets generated before rows were keyed by what they stand for ("sheet!B3|name") are carried too.
 */
import type { CellValue } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import {
  KEY_HEADER, arrayCells, carryEntries, emptyInputs, readScoringSheet, scoringColumns, scoringPlans, scoringSheet, type ReadScoringSheet, type ScoringPlan,
} from "../../src/core/scoringSheet";
import { specGrid } from "../../src/core/sheetSpec";
import { grid } from "../helpers/grid";

const HEADER = ["类别", "指标", "目标要求", "分值"];
const cols = scoringColumns(0);

const plansOf = (rows: CellValue[][]) => scoringPlans(readBooks([grid([HEADER, ...rows], [], "县委办")]).books);

/** 县委办's scoring sheet of `rows`, with a deduction entered on the rows whose target text is given (in order). */
function filledSheet(rows: CellValue[][], deductions: Record<string, number>, rewrite?: (key: string) => string): ReadScoringSheet {
  const [plan] = plansOf(rows);
  const values = specGrid(scoringSheet(plan, { portable: false }, emptyInputs())).values.map((r) => [...r]);
  for (const row of values) {
    const text = row[cols.targetText];
    if (typeof text === "string" && text in deductions) row[cols.deduction] = deductions[text];
    if (rewrite && typeof row[cols.key] === "string" && row[cols.key] !== KEY_HEADER) row[cols.key] = rewrite(row[cols.key] as string);
  }
  return readScoringSheet(arrayCells(`评分-${plan.unit}`, values))!;
}

/** Where each carried deduction went: the target text of its new row. */
function carried(plan: ScoringPlan, old: ReadScoringSheet) {
  const result = carryEntries([plan], [old]);
  const placed = [...result.sheets.get(plan)!.entries].map(([key, e]) => [plan.rows.find((r) => r.key === key)!.targetText, e.deduction?.value]);
  return { placed, kept: result.kept, moved: result.moved, aside: result.setAside.map((s) => [s.name, s.entries.deduction?.value]) };
}

const BOOK: CellValue[][] = [
  ["党建工作", "基层组织建设", "做好发展党员工作", 10],
  ["党建工作", "基层组织建设", "整顿软弱涣散党组织", 10],
  ["经济发展", "招商引资", "签约重点项目", 20],
];

test("an indicator inserted above its namesake never takes the namesake's entries", () => {
  const old = filledSheet(BOOK, { 整顿软弱涣散党组织: 3, 签约重点项目: 1 });
  const [plan] = plansOf([["党建工作", "基层组织建设", "新建党群服务中心", 10], ...BOOK]);
  expect(carried(plan, old)).toEqual({ placed: [["整顿软弱涣散党组织", 3], ["签约重点项目", 1]], kept: 2, moved: 0, aside: [] });
});

test("namesakes whose target texts both changed are set aside, not guessed", () => {
  const old = filledSheet(BOOK, { 做好发展党员工作: 2, 整顿软弱涣散党组织: 3 });
  const [plan] = plansOf([
    ["党建工作", "基层组织建设", "严格发展党员程序", 10],
    ["党建工作", "基层组织建设", "提升党组织组织力", 10],
    ["经济发展", "招商引资", "签约重点项目", 20],
  ]);
  expect(carried(plan, old)).toEqual({ placed: [], kept: 0, moved: 0, aside: [["基层组织建设", 2], ["基层组织建设", 3]] });
});

test("a renamed indicator is moved only when the edit is small and the pair is the only one", () => {
  const old = filledSheet(BOOK, { 签约重点项目: 1 });
  const [typo] = plansOf([...BOOK.slice(0, 2), ["经济发展", "招商引资工作", "签约重点项目", 20]]);
  expect(carried(typo, old)).toMatchObject({ placed: [["签约重点项目", 1]], kept: 0, moved: 1 });
  const [renamed] = plansOf([...BOOK.slice(0, 2), ["经济发展", "项目建设", "开工建设重点项目", 20]]);
  expect(carried(renamed, old)).toMatchObject({ placed: [], moved: 0, aside: [["招商引资", 1]] });
});

test("a sheet generated before rows were keyed by what they stand for is carried by category and name", () => {
  let row = 1;
  const legacy = (key: string) => {
    const [tag, , name] = key.split("¦");
    return tag === "个性" && name !== undefined ? `县委办!B${++row}|${name.replace(/~\d+$/, "")}` : key;
  };
  const old = filledSheet(BOOK, { 整顿软弱涣散党组织: 3, 签约重点项目: 1 }, legacy);
  expect(old.rows.map((r) => r.key).filter((k) => k.includes("|"))).toEqual(["县委办!B2|基层组织建设", "县委办!B3|基层组织建设", "县委办!B4|招商引资"]);
  const [plan] = plansOf([["经济发展", "招商引资", "签约重点项目", 20], ...BOOK.slice(0, 2)]);
  expect(carried(plan, old)).toEqual({ placed: [["整顿软弱涣散党组织", 3], ["签约重点项目", 1]], kept: 2, moved: 0, aside: [] });
});
