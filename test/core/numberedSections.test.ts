/**
 * Sections by numbering alone, in a table whose only text column is the target: 一、 over （一） over 1. over （1）
 * over ①, each heading with its points in the points column, summed at every level.
 */
import { readBooks } from "../../src/core/layout";
import { categoriesOf, indicatorsOf } from "../../src/core/book";
import { checkBooks } from "../../src/core/rules";
import { grid } from "../helpers/grid";

const pts = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

describe("numbering in the text column nests the sections", () => {
  const rows = [
    ["考核内容", "分值"],
    ["一、党的建设", 30],
    ["（一）组织建设", 18],
    ["1.班子建设", 10],
    ["（1）班子团结", 6],
    ["（2）民主生活会", 4],
    ["2.党员管理", 8],
    ["（二）作风建设", 12],
    ["1.落实八项规定", 12],
    ["二、经济发展", 70],
    ["1.招商引资", 30],
    ["①引进项目", 20],
    ["②到位资金", 10],
    ["2.项目建设", 30],
  ];
  const { books } = readBooks([grid(rows)]);

  test("a numbered row heads a section when the next numbered row goes deeper; its points come from the points column", () => {
    expect(categoriesOf(books[0]).map((c) => [c.level, c.name, pts(c.points)])).toEqual([
      [1, "党的建设", "30"], [2, "组织建设", "18"], [3, "班子建设", "10"], [2, "作风建设", "12"],
      [1, "经济发展", "70"], [2, "招商引资", "30"],
    ]);
    expect(categoriesOf(books[0])[1].indicators.map((i) => i.name)).toEqual(["2.党员管理"]);
    expect(indicatorsOf(books[0])).toHaveLength(7);
  });

  test("sums are checked at every level: only the real shortfall is flagged", () => {
    const errors = checkBooks(books).filter((f) => f.severity === "error").map((f) => [f.rule, f.category, pts(f.stated), pts(f.computed)]);
    expect(errors).toEqual([["category-sum", "经济发展", "70", "60"]]);
  });
});

test("numbering in a 序号 column nests the same way", () => {
  const rows = [
    ["序号", "考核内容", "分值"],
    ["一", "安全生产", 20],
    ["1", "责任落实", 12],
    ["（1）", "签订责任书", 6],
    ["（2）", "定期研判", 6],
    ["2", "隐患排查", 8],
  ];
  const { books } = readBooks([grid(rows)]);
  expect(categoriesOf(books[0]).map((c) => [c.level, c.name, pts(c.points)])).toEqual([[1, "安全生产", "20"], [2, "责任落实", "12"]]);
  expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
});

test("a name column numbered at two depths holds the sections and their items", () => {
  const rows = [
    ["考核内容", "考核要求", "标准分", "扣分细则"],
    ["一、组织领导", null, 15, null],
    ["1.领导重视", "主要领导亲自抓", 5, "未落实扣1分"],
    ["2.机构健全", "有专门机构", 10, "无机构扣5分"],
    ["二、工作落实", null, 85, null],
    ["1.任务完成", "全面完成", 80, "每少一项扣5分"],
    ["三、加分项", null, 5, null],
    ["1.获上级表彰", "省级表彰加5分", 5, null],
  ];
  const { books } = readBooks([grid(rows)]);
  expect(categoriesOf(books[0]).map((c) => [c.name, pts(c.points), c.kind, c.indicators.map((i) => [i.name, i.target, pts(i.points)])])).toEqual([
    ["组织领导", "15", "normal", [["1.领导重视", "主要领导亲自抓", "5"], ["2.机构健全", "有专门机构", "10"]]],
    ["工作落实", "85", "normal", [["1.任务完成", "全面完成", "80"]]],
    ["加分项", "5", "bonus", [["1.获上级表彰", "省级表彰加5分", "5"]]],
  ]);
  const errors = checkBooks(books).filter((f) => f.severity === "error").map((f) => [f.rule, f.category, pts(f.stated), pts(f.computed)]);
  expect(errors).toEqual([["category-sum", "工作落实", "85", "80"]]);
});
