/**
 * Header labels as real books write them, and the role each names; scoring criteria and the full marks they give.
 */
import { headerMeaning } from "../../src/core/vocabulary/headers";
import { criterionPoints } from "../../src/core/criterion";
import { AWARD_WORDS, DEDUCTION_RULE } from "../../src/core/vocabulary/words";

describe("header labels", () => {
  test.each([
    ["分值", "points"], ["分值（分）", "points"], ["标准分", "points"], ["应得分数", "points"], ["满分", "points"],
    ["项目分值", "categoryPoints"], ["标准分值", "points"], ["分值(planScore)", "points"], ["信用赋分", "points"],
    ["权重", "weight"], ["目标任务考核指标权重", "weight"],
    ["考 核 内 容", "text"], ["考核内容(examineContent)", "text"], ["考核内容和要求", "target"], ["考核内容及标准", "target"],
    ["目标要求", "target"], ["工作要求", "target"], ["评估内容", "target"],
    ["评分标准", "criterion"], ["计分方法", "criterion"], ["扣 分 标 准", "criterion"], ["计分方式(scoreWayDetail)", "criterion"],
    ["考核指标", "indicator"], ["考评细项", "indicator"], ["考核要点", "indicator"], ["指标及分值", "indicator"],
    ["类别", "level"], ["考核项目", "level"], ["评估项目", "level"], ["工作内容", "level"],
    ["责任单位", "owner"], ["牵头单位", "owner"], ["部门", "unit"], ["序号", "number"], ["序号(index)", "number"],
    ["自评分", "entry"], ["核准分", "entry"], ["实得分数", "entry"], ["扣减分数", "entry"], ["得分", "entry"],
    ["合计 得分", "subtotal"], ["备注", "remark"], ["数据来源", "remark"], ["评分指导点", "remark"], ["层级", "levelName"],
    ["C_CATEGORY", "level"], ["C_PROJECT", "level"], ["C_CONTENT", "text"], ["N_SCORE", "points"], ["C_METHOD", "criterion"],
    ["check_item", "level"], ["check_require", "target"], ["item_score", "points"], ["check_standard", "criterion"],
    ["考核要素", "indicator"], ["考核细目", "indicator"], ["工作措施", "target"], ["考核办法", "criterion"], ["检查方法", "criterion"],
    ["评分依据", "criterion"], ["完成时限", "remark"], ["时间节点", "remark"], ["证明材料", "remark"], ["分管领导", "owner"],
    ["配合部门", "owner"], ["考核主体", "owner"], ["基本分", "points"], ["项目分", "categoryPoints"], ["扣分理由", "entry"],
    ["考核项目及分值", "level"], ["考核内容及分值", "text"], ["考核指标及评分标准", "indicator"], ["评分标准及分值", "criterion"], ["扣分细则", "criterion"],
  ])("%s is a %s column", (label, role) => {
    expect(headerMeaning(label)?.role).toBe(role);
  });

  test.each([["一级指标", 1], ["二级指标", 2], ["三级指标 ★为核心指标", 3]])("%s names category level %d", (label, level) => {
    expect(headerMeaning(label)).toMatchObject({ role: "level", levelNumber: level });
  });

  test.each(["1.安全生产目标", "一、组织领导", "10", "组织领导和工作机构建设情况，明确分管领导", "examineType", "", "重点工作（60分）", "工作措施20分"])("%s is no label", (text) => {
    expect(headerMeaning(text)).toBeNull();
  });
});

describe("full marks by a scoring criterion", () => {
  test.each([
    ["有，并落实，得1分 无，不得分", "1"],
    ["1.目标明确,分阶段落实有效,2分; 2.规划合理,3分。", "5"],
    ["1.机构成立,2分; 2.分工有序, 2分。", "4"],
    ["1、工作机制健全,得10分; 2、工作机制不健全,得 6分; 3、工作机制未建立,得0分。", "10"],
    ["评估分值≥90分，得6分； 80分≤评估分值＜90分，得5分； 评估分值＜60分，不得分", "6"],
    ["通过率≥平均通过率，得2分；低于平均通过率5个百分点，得1 分，其他情况不得分", "2"],
    ["车行15分钟内可到达得0.5分,15—30分钟到达得0.3分,30分钟以上不得分;内部交通组织合理得0.5分;人均道路面积达15平方米得0.5分", "1.5"],
    ["通达性好得 0.5分(其中有公路连接得 0.2 分;道路畅通得 0.2分);管养机制健全得 0.5 分", "1"],
    ["视情况酌情给分,最高1分;普及率达95%以上,得0.5分;处理率达70%得0.5分;实施雨污分流改造得0.5分", "2.5"],
    ["防洪排涝设施建设完善得0.3分;人均面积达1.5平方米得0. 5分;建立消防队伍得0.2分", "1"],
    ["有文件，得1分 有学员已获得学位，得1分", "2"],
  ])("%s -> %s", (text, points) => {
    expect(criterionPoints(text)?.points.toFixed()).toBe(points);
  });

  test.each([
    "未提出职业病的预防措施的扣10分;未提出改善劳动卫生条件的扣10分。",
    "有计划并实施，得满分；有计划，部分落实，得1分",
    "符合标准，各得1分",
    "共4项，1项1分 落实，得1分 未落实无，不得分",
    "无该项制度的，不得分；未以文件形式发布生效的，不得分",
    "每一项扣0.5分，最高扣10分，最高奖励5分",
  ])("%s gives no total", (text) => {
    expect(criterionPoints(text)).toBeNull();
  });

  test("a criterion that also deducts from the book's total is marked ambiguous", () => {
    expect(criterionPoints("符合要求，得1分，不符合不得分；非紧缺专业每1个专业招收人数超过计划数，从总分扣1分")).toMatchObject({ ambiguous: true });
  });
});

describe("rules that only take points away", () => {
  test.each([
    ["未报扣10分", true], ["扣5-10分", true], ["每次扣 5 分", true], ["实行扣分制考核", false],
  ])("%s states a deduction: %s", (text, deduction) => {
    expect(DEDUCTION_RULE.test(text)).toBe(deduction);
  });

  test.each([
    ["达标得2分，每缺一项扣0.5分", true], ["计满分", true], ["每次加1分", true], ["不得分", false], ["未报扣10分", false],
  ])("%s awards points: %s", (text, award) => {
    expect(AWARD_WORDS.test(text)).toBe(award);
  });
});
