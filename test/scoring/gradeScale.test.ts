/**
 * Grades on each book's scale: the default thresholds as fractions of what a unit can score on its sheet (001's
 * 16 provincial units, scored on a 20-point common table, grade at 18 / 16 / 12), a grade table the book states,
 * or one the user sets.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/app/check";
import { Decimal } from "../../src/core/decimal";
import { DEFAULT_GRADE_SCALE, grade, scaledGradeScale, statedGradeScale } from "../../src/core/scoring";
import { evaluatePlan, scoringPlans, scoringSheet, type ScoringPlan } from "../../src/core/scoringSheet";
import { planGradeScale } from "../../src/core/scoringSheet/gradeScale";
import { blankRowInputs, emptyInputs } from "../../src/core/scoringSheet/inputs";
import { exceljsWorkbook } from "../../src/excel/exceljsAdapter";
import * as kh from "../../src/functions/library";

const d = (v: number | string) => new Decimal(v);
const thresholds = (scale: { thresholds: readonly Decimal[] } | null) => scale?.thresholds.map((t) => t.toNumber()) ?? null;

test("the default thresholds as fractions of another maximum", () => {
  expect(thresholds(scaledGradeScale(d(20)))).toEqual([18, 16, 12]);
  expect(thresholds(scaledGradeScale(d(1000)))).toEqual([900, 800, 600]);
  expect(scaledGradeScale(d(100))).toBe(DEFAULT_GRADE_SCALE);
  expect(grade(d(19), scaledGradeScale(d(20)))).toBe("优秀");
  expect(grade(d(11.5), scaledGradeScale(d(20)))).toBe("不合格");
});

test.each([
  ["考核得分90分以上为优秀，80-89分为良好，60-79分为合格，60分以下为不合格。", [90, 80, 60]],
  ["注：得分18分以上（含18分）的为优秀，16分以上为良好，12分以上为合格，12分以下为不合格", [18, 16, 12]],
  ["考核结果分为优秀、良好、合格、不合格四个等次：优秀：≥18分；良好：16-17.9分；合格：12-15.9分；不合格：12分以下", [18, 16, 12]],
  ["等次：优秀（95分及以上）、良好（85分至94分）、合格（70分至84分）、不合格（70分以下）", [95, 85, 70]],
  ["总分８５分以上为优秀，７０分以上为良好，６０分以上为合格", [85, 70, 60]],
])("a stated grade table: %s", (text, expected) => {
  expect(thresholds(statedGradeScale([text]))).toEqual(expected);
});

test.each([
  ["评选表彰优秀党员10名，推荐优秀科技人才参与评选"],
  ["90分以上为优秀，80分以上为良好"],
  ["60分以上为优秀，80分以上为良好，90分以上为合格"],
])("no grade table: %s", (text) => {
  expect(statedGradeScale([text])).toBeNull();
});

describe("seed 001: the provincial units' 20-point common table", () => {
  let plans: ScoringPlan[] = [];
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx"));
    plans = scoringPlans((await checkWorkbook(exceljsWorkbook(workbook))).books);
  });

  test("the 16 provincial units grade at 18 / 16 / 12, every other unit at 90 / 80 / 60", () => {
    const byScale = new Map<string, string[]>();
    for (const plan of plans.filter((p) => p.ranked)) {
      const key = thresholds(planGradeScale(plan))!.join("/");
      byScale.set(key, [...(byScale.get(key) ?? []), plan.unit]);
    }
    expect([...byScale.keys()].sort()).toEqual(["18/16/12", "90/80/60"]);
    expect(byScale.get("18/16/12")).toHaveLength(16);
    expect(byScale.get("18/16/12")).toContain("县税务局");
    expect(byScale.get("90/80/60")).toContain("店镇");
  });

  test("县税务局 with 1 point deducted of 20: total 19, 优秀 by the engine, the KH formula and the portable one", () => {
    const plan = plans.find((p) => p.unit === "县税务局")!;
    const row = plan.rows.find((r) => r.kind === "manual")!;
    const inputs = emptyInputs();
    inputs.rows.set(row.key, { ...blankRowInputs(plan.groups.length), deduction: 1 });
    const result = evaluatePlan(plan, inputs);
    expect([result.total.toNumber(), result.grade]).toEqual([19, "优秀"]);

    const formulas = (portable: boolean) =>
      scoringSheet(plan, { portable }, inputs).rows.flat().flatMap((c) => (c.kind === "formula" && /GRADE|优秀/.test(c.formula) ? [c] : []));
    const [khGrade] = formulas(false);
    expect(khGrade.formula).toMatch(/KH\.GRADE\([A-Z]+\d+,\{18,16,12\},,[A-Z]+\d+\)/);
    expect(khGrade.cached).toBe("优秀");
    expect(kh.GRADE(19, [[18, 16, 12]])).toBe("优秀");
    const [portableGrade] = formulas(true);
    expect(portableGrade.formula).toContain(">=18,\"优秀\"");
    expect(portableGrade.formula).toContain(">=12,\"合格\"");
  });

  test("a 100-point unit's grade formula is unchanged", () => {
    const plan = plans.find((p) => p.unit === "店镇")!;
    const grades = scoringSheet(plan, { portable: false }, emptyInputs()).rows.flat().flatMap((c) => (c.kind === "formula" && c.formula.includes("KH.GRADE") ? [c.formula] : []));
    expect(grades).toEqual([expect.stringMatching(/KH\.GRADE\([A-Z]+\d+,,,[A-Z]+\d+\)/)]);
  });

  test("a scale the user sets replaces the sheet's own", () => {
    const plan = plans.find((p) => p.unit === "县税务局")!;
    const mine = { thresholds: [d(19), d(15)], labels: ["好", "中", "差"] };
    expect(planGradeScale(plan, mine)).toBe(mine);
    const sheet = scoringSheet(plan, { portable: true, grades: mine }, emptyInputs());
    expect(sheet.rows.flat().some((c) => c.kind === "formula" && c.formula.includes(">=19,\"好\""))).toBe(true);
  });
});

test("a grade table stated in a book's note: its thresholds, on the sheet and in the engine", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("考核");
  sheet.addRows([
    ["县统计局目标责任考核指标"],
    ["类别", "考核内容", "分值"],
    ["业务工作", "按时报送统计报表", 10],
    ["党的建设", "落实全面从严治党主体责任", 10],
    ["合计", null, 20],
    ["注：考核得分19分以上为优秀，17分以上为良好，14分以上为合格，14分以下为不合格。"],
  ]);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await workbook.xlsx.writeBuffer()) as ExcelJS.Buffer);
  const [plan] = scoringPlans((await checkWorkbook(exceljsWorkbook(reread))).books);
  expect(thresholds(planGradeScale(plan))).toEqual([19, 17, 14]);
  const inputs = emptyInputs();
  for (const row of plan.rows.filter((r) => r.kind === "manual")) inputs.rows.set(row.key, { ...blankRowInputs(), deduction: 1 });
  expect(evaluatePlan(plan, inputs)).toMatchObject({ grade: "良好" });
});
