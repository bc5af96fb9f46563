/**
 * What an assessor enters on a scoring sheet, checked against the books: scores out of range (score-range) and
 * entries the sheet cannot read (entered-value), on hand-built sheets and on sheets generated from the seeds.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { decimalString } from "../../src/core/decimal";
import type { CellGrid, CellValue } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { findingMessage, type Finding } from "../../src/core/rules";
import {
  HEADER_ROW,
  KEY_HEADER,
  VETO_KEY,
  arrayCells,
  scoringColumns,
  scoringHeader,
  scoringSheets,
  type InputValue,
} from "../../src/core/scoringSheet";
import { checkScoringSheets, enteredFindings, keyedRows } from "../../src/core/scoringSheet/entered";
import { specGrid, type SheetSpec } from "../../src/core/sheetSpec";
import { grid } from "../helpers/grid";

const brief = (findings: Finding[]) =>
  findings.map((f) => [f.rule, f.severity, f.cell, f.stated === null ? null : decimalString(f.stated), f.computed === null ? null : decimalString(f.computed)]);

const { books } = readBooks([
  grid([
    ["类别", "指标", "目标要求", "分值"],
    ["安全稳定", "信访工作", "见专项责任书。", 10],
    ["党建工作", "做好党建工作", "按要求完成党建任务", 20],
    ["经济发展", "招商引资", "签约项目10个", 60],
    ["争创一流（实行扣分制考核）", "工作成效", "全面建成智媒平台", null],
    ["加分项目10分", "荣获表彰", "荣获市级以上表彰", "最高4分"],
  ], [], "县委办"),
  grid([
    ["考核基础分为100分，另设加分项目10分。", null, null, null],
    ["其中，市领导评分占40%，部门评分占30%，县区评分占30%。对发生重大违纪的单位实行一票否决制。", null, null, null],
    ["项目", "序号", "考核内容及标准", "分值"],
    ["服务工作100分", 1, "组织开展系列活动", "60分"],
    [null, 2, "建立健全表彰奖励制度", 40],
  ], [], "科协"),
  grid([
    ["负面清单考核指标", null, null, null],
    ["考核内容", "考核指标", "责任单位", "扣分\n\n分值"],
    ["生态文明", "未完成生态文明建设年度工作任务的", "县委办", "-1.5"],
    ["脱贫攻坚", "受到省上通报批评的扣1.5分，被市上通报的扣1分，被县上通报的扣0.5分。", "相关单位", null],
  ], [], "负面清单"),
]);

const PENALTY = "负面清单!B3|未完成生态文明建设年度工作任务的";
const TIERED = "负面清单!B4|受到省上通报批评的扣1.5分，被市上通报的扣1分，被县上通报的扣0.5分。";

interface Entry {
  key: string;
  actual?: InputValue;
  deduction?: InputValue;
  groups?: InputValue[];
}

/** A scoring sheet written by hand: title, unit and sheet key on row 2, the header on row 3, then the rows given,
 * in the order given, and the veto row. */
function handSheet(name: string, unit: string, groups: string[], entries: Entry[], veto: InputValue = null) {
  const header = scoringHeader(groups);
  const cols = scoringColumns(groups.length);
  const blank = (): InputValue[] => header.map(() => null);
  const title = blank();
  title[0] = `${unit} 评分表`;
  const meta = blank();
  meta[0] = "考核单位";
  meta[1] = unit;
  meta[cols.key] = `${name}!A1|${unit}`;
  const rows = entries.map((e) => {
    const row = blank();
    row[cols.key] = e.key;
    row[cols.actual] = e.actual ?? null;
    row[cols.deduction] = e.deduction ?? null;
    (e.groups ?? []).forEach((v, g) => (row[cols.groups[g]] = v));
    return row;
  });
  const vetoRow = blank();
  vetoRow[cols.name] = "一票否决（填 TRUE 或 1）";
  vetoRow[cols.actual] = veto;
  vetoRow[cols.key] = VETO_KEY;
  return arrayCells(`评分-${unit}`, [title, meta, header, ...rows, vetoRow]);
}

describe("entered scores on a hand-built sheet", () => {
  test("each entry is held to its own row's limits, found by the row key whatever the row's position", () => {
    const cells = handSheet("县委办", "县委办", [], [
      { key: "县委办!B6|荣获表彰", actual: 5 }, // row 4: bonus claim above the item's cap of 4
      { key: "县委办!Z99|已删除的指标", actual: 999 }, // row 5: no such indicator any more: not checked
      { key: TIERED, deduction: 1.5 }, // row 6: a notice level, fine
      { key: "县委办!B3|做好党建工作", deduction: 25 }, // row 7: deducts more than the 20 points
      { key: "县委办!B2|信访工作", actual: 12 }, // row 8: score from another book above its 10 points
      { key: PENALTY, actual: -1 }, // row 9: a negative count
      { key: "县委办!B4|招商引资", actual: 8 }, // row 10: an actual figure, any number
    ]);
    const findings = enteredFindings(books, cells);
    expect(brief(findings)).toEqual([
      ["score-range", "error", "H4", "4", "5"],
      ["score-range", "error", "H8", "10", "12"],
      ["score-range", "error", "H9", "0", "-1"],
      ["score-range", "warning", "I7", "20", "25"],
    ]);
    for (const f of findings) expect([f.sheet, f.unit]).toEqual(["评分-县委办", "县委办"]);
    expect(findings.map((f) => f.category)).toEqual(["加分项目", "安全稳定", "负面清单", "党建工作"]);
    expect({ zh: findingMessage(findings[0], "zh"), en: findingMessage(findings[0], "en") }).toEqual({ zh: "“荣获表彰”加分5，超过该项最高加分4分", en: "荣获表彰: bonus claim 5 is above its cap of 4" });
    expect(findingMessage(findings[2], "zh")).toBe("“未完成生态文明建设年度工作任务的”次数-1，不能为负数");
    expect(findingMessage(findings[3], "zh")).toBe("“做好党建工作”扣分25，超过该项分值20分（得分按0分计，请核对是否填错）");
  });

  test("a bonus claim or a score below 0 and a deduction written as a negative number", () => {
    const cells = handSheet("县委办", "县委办", [], [
      { key: "县委办!B6|荣获表彰", actual: -0.5 },
      { key: "县委办!B2|信访工作", actual: 10 },
      { key: "县委办!B3|做好党建工作", deduction: -20.5 },
      { key: "县委办!B3|做好党建工作", deduction: -20 },
    ]);
    expect(brief(enteredFindings(books, cells))).toEqual([
      ["score-range", "error", "H4", "0", "-0.5"],
      ["score-range", "warning", "I6", "20", "-20.5"],
    ]);
  });

  test("assessor groups' scores on a weighted book, and the book's own bonus allowance", () => {
    const cells = handSheet("科协", "县科协", ["市领导", "部门", "县区"], [
      { key: "科协!C4|组织开展系列活动", groups: [70, 60, -1] },
      { key: "科协!C5|建立健全表彰奖励制度", groups: ["40", 39.5, 0] },
      { key: "科协!A3|加分项目", actual: 11 },
    ]);
    const findings = enteredFindings(books, cells);
    expect(brief(findings)).toEqual([
      ["score-range", "error", "J4", "60", "70"],
      ["score-range", "error", "L4", "0", "-1"],
      ["score-range", "error", "H6", "10", "11"],
    ]);
    expect({ zh: findingMessage(findings[0], "zh"), en: findingMessage(findings[0], "en") }).toEqual({ zh: "“组织开展系列活动”市领导评分70，超过该项分值60分", en: "组织开展系列活动: 市领导 score 70 is above its points of 60" });
    expect(findingMessage(findings[1], "zh")).toBe("“组织开展系列活动”县区评分-1，低于0分");
    expect(findings[0].unit).toBe("县科协");
  });

  test("text where a number belongs is an error naming the cell and the text; a number stored as text is a number", () => {
    const cells = handSheet("科协", "县科协", ["市领导", "部门", "县区"], [
      { key: "科协!C4|组织开展系列活动", groups: ["十二", "12分", " 30 "] },
      { key: PENALTY, actual: "两次" },
      { key: TIERED, deduction: "省级" },
      { key: "科协!C5|建立健全表彰奖励制度", groups: [true, "#VALUE!", "  "] },
    ]);
    const findings = enteredFindings(books, cells);
    expect(brief(findings)).toEqual([
      ["entered-value", "error", "J4", null, null],
      ["entered-value", "error", "K4", null, null],
      ["entered-value", "error", "H5", null, null],
      ["entered-value", "error", "I6", null, null],
      ["entered-value", "error", "J7", null, null],
      ["entered-value", "error", "K7", null, null],
    ]);
    expect({ zh: findingMessage(findings[0], "zh"), en: findingMessage(findings[0], "en") }).toEqual({ zh: "“组织开展系列活动”市领导评分填写了“十二”，应填数字", en: "组织开展系列活动: 市领导 score \"十二\" is not a number" });
    expect(findingMessage(findings[1], "zh")).toContain("“12分”");
    expect(findingMessage(findings[2], "zh")).toBe("“未完成生态文明建设年度工作任务的”次数填写了“两次”，应填数字");
    expect(findingMessage(findings[4], "zh")).toContain("“TRUE”");
  });

  test("the veto cell reads TRUE or 1; anything else it does not read is a warning saying what to type", () => {
    for (const veto of [null, "", true, 1, false, 0]) {
      expect(enteredFindings(books, handSheet("县委办", "县委办", [], [], veto))).toEqual([]);
    }
    for (const veto of ["是", "TRUE", "1", "否决"]) {
      const findings = enteredFindings(books, handSheet("县委办", "县委办", [], [{ key: "县委办!B4|招商引资", actual: 1 }], veto));
      expect(brief(findings)).toEqual([["entered-value", "warning", "H5", null, null]]);
      expect(findingMessage(findings[0], "zh")).toBe(`一票否决填写了“${veto}”，评分表只认 TRUE 或 1（否决），不否决请留空`);
      expect(findingMessage(findings[0], "en")).toContain("type TRUE or 1 to veto");
    }
  });

  test("a sheet that is not a scoring sheet gives nothing; rows without input cells are not keyed", () => {
    expect(enteredFindings(books, arrayCells("S", [["类别", "指标"], [null, null], ["序号", "指标"]]))).toEqual([]);
    const kinds = [...keyedRows(books).values()].map((k) => k.row?.kind);
    expect(kinds).not.toContain("subtotal");
    expect(new Set(kinds)).toEqual(new Set(["reference", "manual", "ratio", "deduction-only", "bonus", "penalty", "penalty-tier", "weighted"]));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Sheets generated from the seeds

const SEEDS = path.join(__dirname, "../../seeds");
const seedFile = (prefix: string) => path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".xlsx") && !f.endsWith(".units.xlsx"))!);

/** A generated sheet as Excel shows it (formulas as their cached results). */
const shown = (spec: SheetSpec): CellValue[][] => specGrid(spec).values;

/** Row (1-based) of the first row whose key starts with `prefix`. */
/** The sheet row (1-based) of the veto, or of an indicator by its source cell ("sheet!C30|", with "#Q2" for a
 * quarter block): rows are keyed by what they stand for, the 来源 column names the source cell. */
const rowOf = (values: CellValue[][], at: string) => {
  const keyCol = values[HEADER_ROW - 1].indexOf(KEY_HEADER);
  const sourceCol = values[HEADER_ROW - 1].indexOf("来源");
  const [source, rest] = at.split("|");
  const suffix = /#\w+$/.exec(rest ?? "")?.[0] ?? "";
  return values.findIndex((r) => {
    const key = r[keyCol];
    if (typeof key !== "string") return false;
    if (at === VETO_KEY) return key === VETO_KEY;
    return r[sourceCol] === source && (suffix === "" ? !/#[QP]\d+$/.test(key) : key.endsWith(suffix));
  }) + 1;
};

describe("entered scores on generated sheets", () => {
  test("004: group scores out of range, text and an unread veto name the scoring sheet's cells", async () => {
    const grids = await readXlsx(seedFile("004"));
    const read = readBooks(grids);
    const [spec] = scoringSheets(read.books, { portable: false }, new Map());
    const values = shown(spec);
    expect(checkScoringSheets(read.books, [...grids, { sheet: spec.name, values, merges: [] }])).toEqual([
      { sheet: spec.name, unit: values[1][1], findings: [] },
    ]);
    const cols = scoringColumns(3);
    const r = rowOf(values, "县（区）科协工作目标!C30|") - 1; // 4 points
    const bonus = rowOf(values, "县（区）科协工作目标!C53|") - 1; // capped at 4
    const veto = rowOf(values, VETO_KEY) - 1;
    values[r][cols.groups[0]] = 5;
    values[r][cols.groups[1]] = -1;
    values[r][cols.groups[2]] = "优";
    values[bonus][cols.actual] = 4.5;
    values[veto][cols.actual] = "是";
    const sheet: CellGrid = { sheet: spec.name, values, merges: [] };
    const [checked] = checkScoringSheets(read.books, [...grids, sheet]);
    expect(checked.sheet).toBe(spec.name);
    expect(brief(checked.findings)).toEqual([
      ["score-range", "error", `J${r + 1}`, "4", "5"],
      ["score-range", "error", `K${r + 1}`, "0", "-1"],
      ["entered-value", "error", `L${r + 1}`, null, null],
      ["score-range", "error", `H${bonus + 1}`, "4", "4.5"],
      ["entered-value", "warning", `H${veto + 1}`, null, null],
    ]);
    expect(findingMessage(checked.findings[0], "zh")).toMatch(/^“组织开展.*”市科协领导评分5，超过该项分值4分$/);
    expect(findingMessage(checked.findings[2], "zh")).toMatch(/县区科协评分填写了“优”，应填数字$/);
    for (const f of checked.findings) expect([f.sheet, f.unit]).toEqual([spec.name, checked.unit]);
  });

  test("002: a deduction on a quarter block above the block's points is a warning naming the quarter", async () => {
    const grids = await readXlsx(seedFile("002"));
    const read = readBooks(grids);
    const [spec] = scoringSheets(read.books, { portable: false }, new Map());
    const values = shown(spec);
    const cols = scoringColumns(0);
    const q2 = rowOf(values, "党工委、管委会部门（单位）（分季）目标责任书!A8|自贸片区建设#Q2") - 1; // 5 points a quarter
    values[q2][cols.deduction] = 6;
    const ref = rowOf(values, "党工委、管委会部门（单位）（分季）目标责任书!A10|优化提升营商环境") - 1; // 5 points, from another book
    values[ref][cols.actual] = 5.5;
    const [checked] = checkScoringSheets(read.books, [{ sheet: spec.name, values, merges: [] }]);
    expect(brief(checked.findings)).toEqual([
      ["score-range", "error", `H${ref + 1}`, "5", "5.5"],
      ["score-range", "warning", `I${q2 + 1}`, "5", "6"],
    ]);
    expect(findingMessage(checked.findings[1], "zh")).toBe("“自贸片区建设”第二季度扣分6，超过该项分值5分（得分按0分计，请核对是否填错）");
  });

  test("001: the weights of the parts (a unit's own book, a common table) are numbers adding up to 100%", async () => {
    const grids = await readXlsx(seedFile("001"));
    const read = readBooks(grids);
    const sheets = scoringSheets(read.books, { portable: false }, new Map()).map((s) => ({ sheet: s.name, values: shown(s), merges: [] }));
    const target = sheets.find((g) => g.values.some((r) => r.some((v) => typeof v === "string" && v.endsWith("#权重"))))!;
    const header = target.values[HEADER_ROW - 1];
    const keyCol = header.indexOf(KEY_HEADER);
    const weight = target.values.findIndex((r) => String(r[keyCol]).endsWith("#权重"));
    target.values[weight][header.indexOf("实际完成")] = "一半";
    const [checked] = checkScoringSheets(read.books, [target]);
    expect(brief(checked.findings)).toEqual([["entered-value", "error", `H${weight + 1}`, null, null]]);
    expect(findingMessage(checked.findings[0], "zh")).toMatch(/权重填写了“一半”，应填数字$/);
    // Weights that do not add up to 100% are an error on the first weight; 30 + 70 (percentages) is fine.
    const second = weight + 1;
    expect(String(target.values[second][keyCol])).toMatch(/#权重$/);
    const withWeights = (a: number, b: number) => {
      target.values[weight][header.indexOf("实际完成")] = a;
      target.values[second][header.indexOf("实际完成")] = b;
      return checkScoringSheets(read.books, [target])[0].findings;
    };
    expect(brief(withWeights(0.6, 0.6))).toEqual([["weights-sum", "error", `H${weight + 1}`, "1", "1.2"]]);
    expect(findingMessage(withWeights(0.6, 0.6)[0], "zh")).toBe("个性指标与共性指标的权重合计为1.2，应为1（即100%），且不能为负");
    expect(withWeights(30, 70)).toEqual([]);
    expect(withWeights(0.3, 0.7)).toEqual([]);
    expect(brief(withWeights(1.5, -0.5))).toEqual([["weights-sum", "error", `H${weight + 1}`, "1", "1"]]);
  });

  test.each(["000", "001", "002", "003", "004"])("%s: sheets just generated raise nothing", async (prefix) => {
    const grids = await readXlsx(seedFile(prefix));
    const read = readBooks(grids);
    const specs = scoringSheets(read.books, { portable: false }, new Map());
    const checked = checkScoringSheets(read.books, [...grids, ...specs.map((s) => ({ sheet: s.name, values: shown(s), merges: [] }))]);
    expect(checked.map((c) => c.sheet)).toEqual(specs.map((s) => s.name));
    expect(checked.flatMap((c) => c.findings)).toEqual([]);
  });
});
