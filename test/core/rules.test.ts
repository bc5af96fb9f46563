import fc from "fast-check";
import { readBooks } from "../../src/core/layout";
import { bookToJson } from "../../src/core/book";
import { bookJsonSchema, findingJsonSchema } from "../../src/core/jsonSchemas";
import { checkBooks, findingMessage, findingToJson, type Finding } from "../../src/core/rules";
import type { CellValue } from "../../src/core/grid";
import { grid } from "../helpers/grid";

function findings(rows: CellValue[][], merges: string[] = []): Finding[] {
  return checkBooks(readBooks([grid(rows, merges)]).books);
}
const brief = (list: Finding[]) => list.map((f) => [f.rule, f.severity, f.cell, f.stated?.toFixed() ?? null, f.computed?.toFixed() ?? null]);
const only = (list: Finding[], rule: string) => brief(list.filter((f) => f.rule === rule));

const decomposition = (rows: CellValue[][]) => [["考核内容", "考核指标", "责任单位"], ...rows];

describe("category-sum", () => {
  test("a category whose stated points differ from its indicators", () => {
    const list = findings(decomposition([
      ["生态文明（20分）", "空气质量优良天数不少于290天（3分）", "县环保局"],
      [null, "排放量下降10%（4分）", null],
      [null, "完成单位GDP能耗下降3.1%（12分）", null],
      ["文化建设（80分）", "公共文化服务体系建设（80分）", "县文旅局"],
    ]));
    expect(only(list, "category-sum")).toEqual([["category-sum", "error", "A2", "20", "19"]]);
    expect(findingMessage(list.find((f) => f.rule === "category-sum")!, "zh")).toBe("类别“生态文明”标明20分，所列指标合计19分");
    expect(findingMessage(list.find((f) => f.rule === "category-sum")!, "en")).toBe("Category 生态文明 states 20 points; its indicators add up to 19");
  });

  test("decimal points add up exactly (0.2 + 0.37 + 0.28 + 0.15 = 1)", () => {
    const list = findings(decomposition([
      ["季度指标（1分）", "一季度（0.2分）", "甲"], [null, "二季度（0.37分）", null], [null, "三季度（0.28分）", null], [null, "四季度（0.15分）", null],
      ["其余（99分）", "其余指标（99分）", "乙"],
    ]));
    expect(list.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("indicators without points are counted in the message and flagged themselves", () => {
    const list = findings(decomposition([
      ["县域特色指标（10分）", "建成扶贫农场1个（1分）", "县扶贫办"],
      [null, "《曙光》启动创作。", null],
      ["其余（90分）", "其余指标（90分）", "乙"],
    ]));
    expect(only(list, "category-sum")).toEqual([["category-sum", "error", "A2", "10", "1"]]);
    expect(findingMessage(list.find((f) => f.rule === "category-sum")!, "zh")).toContain("另有1项未标分值");
    expect(only(list, "missing-points")).toEqual([["missing-points", "warning", "B3", null, null]]);
  });
});

describe("inline-sum and quarter-sum", () => {
  const table = (name: string, target: string): CellValue[][] => [["工作任务", null, "目标及质量要求"], [name, null, target]];

  test("inline sub-points that do not add up to the row's points", () => {
    const list = findings(table("阶段性重点报道任务（30分）", "一是……（7分）；二是……（5分）；三是……（4分）；四是……（4分）；五是……（4分）；六是……（2分）；七是……（3分）；八是……（2分）。"), ["A2:B2"]);
    expect(only(list, "inline-sum")).toEqual([["inline-sum", "error", "C2", "30", "31"]]);
  });

  test("near misses: numbers that are not points, a single matching sub-point", () => {
    expect(only(findings(table("报道任务（30分）", "全年发稿不少于30篇，考评未达到84分的扣分，时间控制在15分钟以内。"), ["A2:B2"]), "inline-sum")).toEqual([]);
    expect(only(findings(table("生态环保（3分）", "重点工作（3分）：完成减煤任务。"), ["A2:B2"]), "inline-sum")).toEqual([]);
  });

  test("quarter blocks each carry the full points and are checked block by block", () => {
    const good = "第一季度：甲（3分）；乙（2分）。\n第二季度：丙（5分）。\n第三季度：丁（4分）；戊（1分）。\n第四季度：己（5分）。";
    expect(findings(table("贯彻落实（5分）", good), ["A2:B2"]).filter((f) => f.rule === "quarter-sum" || f.rule === "inline-sum")).toEqual([]);
    const bad = "第一季度：甲（3分）；乙（2分）。\n第二季度：丙（4分）。";
    expect(only(findings(table("贯彻落实（5分）", bad), ["A2:B2"]), "quarter-sum")).toEqual([["quarter-sum", "error", "C2", "5", "4"]]);
  });

  test("an annual heading with points plus quarter blocks (14 = 9 + 5 a quarter)", () => {
    const text = "分季度（9分）：分析（1分）；生产总值（3分）；投资（3分）；能耗（2分）。\n第一季度：甲（1分）；乙（4分）。\n第二季度：丙（0.5分）；丁（0.5分）；戊（4分）。";
    expect(findings(table("经济综合工作（14分）", text), ["A2:B2"]).filter((f) => /sum/.test(f.rule))).toEqual([]);
    const wrongHeading = "分季度（9分）：分析（1分）；生产总值（3分）。\n第一季度：甲（5分）。";
    expect(only(findings(table("经济综合工作（14分）", wrongHeading), ["A2:B2"]), "inline-sum")).toEqual([["inline-sum", "error", "C2", "9", "4"]]);
  });
});

describe("target-sum", () => {
  const row = (target: string) => findings([["工作任务", null, "目标及质量要求"], ["重点项目建设（5分）", null, target]], ["A2:B2"]);
  test("quarterly figures that add up to the annual one are not flagged", () => {
    expect(only(row("固定资产投资完成1亿元（0.2亿元、0.37亿元、0.28亿元、0.15亿元）。"), "target-sum")).toEqual([]);
  });
  test("quarterly figures that do not add up are", () => {
    expect(only(row("固定资产投资完成1亿元（0.2亿元、0.37亿元、0.28亿元、0.25亿元）。"), "target-sum")).toEqual([["target-sum", "error", "C2", "1", "1.1"]]);
  });
  test("a cumulative series is recognised and not flagged", () => {
    expect(only(row("竞争性专项：第一季度、二季度、三季度、四季度分别为1200万元、2400万元、3600万元、4800万元。全年完成4800万元。"), "target-sum")).toEqual([]);
    expect(only(row("一二三四季度分别为1200万元、2400万元、3600万元、4800万元。"), "target-sum")).toEqual([]);
  });
  test("mixed units are converted (万元 and 亿元)", () => {
    expect(only(row("全年完成6.5亿元，一二三四季度分别为13000万元、19500万元、16250万元、16250万元。"), "target-sum")).toEqual([]);
  });
});

describe("unit-total", () => {
  test("a shortfall explained by a pending row is a warning that names it", () => {
    const list = findings([["工作任务", null, "目标及质量要求"], ["省考指标", null, "待省考目标任务确定后另行分解下达。"], ["其余工作（80分）", null, "完成。"]], ["A1:B1", "A2:B2", "A3:B3"]);
    const [total] = list.filter((f) => f.rule === "unit-total");
    expect([total.severity, total.stated!.toFixed(), total.computed!.toFixed()]).toEqual(["warning", "100", "80"]);
    expect(findingMessage(total, "zh")).toContain("省考指标");
  });
  test("an unexplained excess is an error; a book stating another base is checked against it", () => {
    expect(only(findings(decomposition([["甲（60分）", "甲指标（60分）", "A"], ["乙（50分）", "乙指标（50分）", "B"]])), "unit-total")).toEqual([["unit-total", "error", "A1", "100", "110"]]);
    expect(only(findings([["考核满分为110分。", null, null], ...decomposition([["甲（60分）", "甲指标（60分）", "A"], ["乙（50分）", "乙指标（50分）", "B"]])]), "unit-total")).toEqual([]);
  });
});

describe("bonus-cap, weights-sum, points-conflict, empty-target, missing-owner", () => {
  const method = (weights: string, bonusRows: CellValue[][]) => findings([
    [weights, null, null, null],
    ["项目", "序号", "考核内容及标准", "分值"],
    ["基础工作100分", 1, "完成任务", 100],
    ...bonusRows,
  ]);
  test("weights that do not add up to 100%", () => {
    expect(only(method("其中，领导评分占40%，部门评分占30%，同行评分占20%。", []), "weights-sum")).toEqual([["weights-sum", "error", "A2", "100", "90"]]);
    expect(only(method("其中，领导评分占40%，部门评分占30%，同行评分占30%。", []), "weights-sum")).toEqual([]);
  });
  test("a bonus item allowed more than the whole section", () => {
    const list = method("", [["加分项目10分", 1, "荣获表彰", "最高12分"]]);
    expect(only(list, "bonus-cap")).toEqual([["bonus-cap", "error", "D4", "10", "12"]]);
  });
  test("points stated in the column and in the text that disagree", () => {
    const list = findings([["类别", "指标及分值", "目标要求", "分值"], ["经济（10分）", "招商引资5分", "完成。", 4], [null, "项目建设6分", "完成。", 6], ["其余（90分）", "其余90分", "完成。", 90]], ["A2:A3"]);
    expect(only(list, "points-conflict")).toEqual([["points-conflict", "error", "D2", "4", "5"]]);
  });
  test("an indicator without a target, and a decomposition row without a responsible unit", () => {
    const list = findings([
      ["工作任务", null, "目标及质量要求"],
      ["招商引资到位资金（50分）", null, null],
      ["省部共建工作成效（50分）", "争取中省资金（50分）", "争取中省资金10亿元"],
    ], ["A1:B1", "A2:B2"]);
    expect(only(list, "empty-target")).toEqual([["empty-target", "warning", "C2", null, null]]);
    expect(only(findings(decomposition([["经济发展（100分）", "生产总值增长7%（100分）", null]])), "missing-owner")).toEqual([["missing-owner", "warning", "B2", null, null]]);
  });
});

describe("robustness", () => {
  const cell = fc.oneof(
    fc.constant(null), fc.integer({ min: -200, max: 200 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(),
    fc.constantFrom("类别", "考核指标", "分值", "责任单位", "序号", "部门", "组织保障（20分）", "（10分）", "最高4分", "-0.5", "第一季度：甲（3分）", "1.甲（2分）2.乙（3分）", "#REF!", "注：说明", "1．螅镇", "待定"),
    fc.string({ maxLength: 12 }),
  );
  const merge = fc.tuple(fc.nat(6), fc.nat(4), fc.nat(3), fc.nat(2)).map(([r, c, h, w]) => ({ top: r, left: c, bottom: r + h, right: c + w }));
  test("reading and checking never throw; books and findings always match their schemas", () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 9 }), fc.array(merge, { maxLength: 4 }), (values, merges) => {
      const { books } = readBooks([{ sheet: "S", values, merges }]);
      for (const book of books) expect(bookJsonSchema.safeParse(bookToJson(book)).success).toBe(true);
      for (const finding of checkBooks(books)) {
        expect(findingJsonSchema.safeParse(findingToJson(finding, "zh")).success).toBe(true);
      }
    }), { numRuns: 400 });
  });
});

describe("score-range", () => {
  test("entered scores above the points, below zero, over a bonus cap, or beyond a penalty", async () => {
    const { Decimal } = await import("../../src/core/decimal");
    const { scoreRange } = await import("../../src/core/rules");
    const { books } = readBooks([grid([
      ["项目", "序号", "考核内容及标准", "分值"],
      ["基础工作100分", 1, "完成任务", 100],
      ["加分项目10分", 1, "荣获表彰", "最高4分"],
    ])]);
    const [book] = books;
    const [basic] = book.categories[0].indicators;
    const [bonus] = book.categories[1].indicators;
    const entry = (indicator: typeof basic, score: string, cell: string) => ({ book, indicator, score: new Decimal(score), sheet: "评分表", cell });
    const list = scoreRange([entry(basic, "100", "F2"), entry(basic, "100.5", "F3"), entry(basic, "-1", "F4"), entry(bonus, "4", "F5"), entry(bonus, "5", "F6")]);
    expect(brief(list)).toEqual([
      ["score-range", "error", "F3", "100", "100.5"],
      ["score-range", "error", "F4", "0", "-1"],
      ["score-range", "error", "F6", "4", "5"],
    ]);
    expect(findingMessage(list[2], "zh")).toContain("最高加分4分");
  });
});
