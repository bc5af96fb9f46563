/**
 * Shapes of books beyond the seeds and the corpus: a data row that only looks like a header, a section of
 * penalties, and a unit named by a numbered section heading above its table.
 */
import { readBooks } from "../../src/core/layout";
import { categoriesOf, indicatorsOf } from "../../src/core/book";
import { checkBooks } from "../../src/core/rules";
import { grid } from "../helpers/grid";

const pts = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

test("a row of short texts with points (廉政教育（10分） | 未开展不得分) under a merged category is data, not a header", () => {
  const rows = [
    ["考核项目", "考核内容", "评分标准"],
    ["党风廉政（20分）", "落实一岗双责（10分）", "未落实扣2分"],
    [null, "廉政教育（10分）", "未开展不得分"],
    ["业务工作（80分）", "完成主要任务（50分）", "按完成比例得分"],
    [null, "创新工作（30分）", "有创新得满分"],
  ];
  const { books } = readBooks([grid(rows, ["A2:A3", "A4:A5"])]);
  expect(books).toHaveLength(1);
  expect(categoriesOf(books[0]).map((c) => [c.name, pts(c.points), c.indicators.map((i) => pts(i.points))])).toEqual([
    ["党风廉政", "20", ["10", "10"]], ["业务工作", "80", ["50", "30"]],
  ]);
  expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
});

test("a section of negative points (扣分项目) is a penalty list outside the base", () => {
  const rows = [
    ["类别", "考核内容", "分值"],
    ["基础工作", "完成任务", 100],
    ["加分项目（最高10分）", "获国家级表彰", 5],
    [null, "获省级表彰", 5],
    ["扣分项目", "发生安全事故", -10],
    [null, "被通报批评", -5],
  ];
  const { books } = readBooks([grid(rows, ["A3:A4", "A5:A6"])]);
  expect(categoriesOf(books[0]).map((c) => [c.name, c.kind])).toEqual([["基础工作", "normal"], ["加分项目", "bonus"], ["扣分项目", "penalty"]]);
  expect(checkBooks(books).map((f) => f.rule)).not.toContain("unit-total");
});

test("a numbered section heading right above a table names its unit", () => {
  const rows = [
    ["2023年度县直部门目标考核细则"],
    ["一、县发展和改革局"],
    ["类别", "考核内容", "分值"],
    ["党建", "从严治党", 20],
    ["业务", "项目建设", 80],
    ["二、县财政局"],
    ["类别", "考核内容", "分值"],
    ["党建", "从严治党", 20],
    ["业务", "预算管理", 80],
  ];
  const { books } = readBooks([grid(rows)]);
  expect(books.map((b) => [b.unit, b.kind, indicatorsOf(b).length])).toEqual([["县发展和改革局", "unit", 2], ["县财政局", "unit", 2]]);
  expect(checkBooks(books)).toEqual([]);
});

test("小计 in the category column closes the category it follows; 合计 covers the book", () => {
  const rows = [
    ["序号", "考核项目", "考核内容", "分值", "考核方法", "得分"],
    [1, "党建工作", "落实主体责任", 10, "查资料", null],
    [2, null, "意识形态", 10, "查资料", null],
    [null, "小计", null, 20, null, null],
    [3, "业务工作", "完成任务", 50, "查资料", null],
    [4, null, "创新", 25, "查资料", null],
    [null, "小计", null, 80, null, null],
    [null, "合计", null, 100, null, null],
  ];
  const { books } = readBooks([grid(rows, ["B2:B3", "B5:B6"])]);
  expect(books[0].base.toFixed()).toBe("100");
  expect(categoriesOf(books[0]).map((c) => [c.name, pts(c.points)])).toEqual([["党建工作", "20"], ["业务工作", "80"]]);
  const errors = checkBooks(books).filter((f) => f.severity === "error").map((f) => [f.rule, f.cell, pts(f.stated), pts(f.computed)]);
  expect(errors).toContainEqual(["category-sum", "B5", "80", "75"]);
  expect(errors.map((e) => e[0])).not.toContain("unit-total");
});
