/**
 * A table that scores several units on the same points, each on its own block of rows, with a column naming the
 * unit: one book per unit, each held to its own total.
 */
import { readBooks } from "../../src/core/layout";
import { indicatorsOf } from "../../src/core/book";
import { checkBooks } from "../../src/core/rules";
import { grid } from "../helpers/grid";

const pts = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

describe("a unit column splits a table into the units' books", () => {
  const rows = [
    ["2021年度部门目标考核表", null, null, null],
    ["被考核单位", "考核项目", "考核内容", "分值"],
    ["县委办", "党建工作（40分）", "落实主体责任", 40],
    [null, "业务工作（60分）", "完成年度任务", 35],
    [null, null, "信息报送及时", 25],
    ["县政府办", "党建工作（40分）", "落实主体责任", 40],
    [null, "业务工作（60分）", "完成年度任务", 30],
    [null, null, "信息报送及时", 25],
  ];
  const { books } = readBooks([grid(rows, ["A3:A5", "A6:A8", "B4:B5", "B7:B8"])]);

  test("each unit is a book of its own rows, named by its cell", () => {
    expect(books.map((b) => [b.unit, b.cell, indicatorsOf(b).length])).toEqual([["县委办", "A3", 3], ["县政府办", "A6", 3]]);
    expect(books[0].columns.find((c) => c.label === "被考核单位")?.role).toBe("unit");
  });

  test("each unit's points are checked against its own total, not the table's", () => {
    const facts = checkBooks(books).filter((f) => f.severity === "error").map((f) => [f.rule, f.unit, f.cell, pts(f.stated), pts(f.computed)]);
    // Read as one book, the two units' 200 points would be a unit-total error against 100.
    expect(facts).toEqual([["category-sum", "县政府办", "B7", "60", "55"]]);
  });
});

test("a column of measures (单位: 万元, %) that come back row after row is not a list of units", () => {
  const rows = [
    ["考核指标", "单位", "目标值", "分值"],
    ["地区生产总值增速", "%", "7", 30],
    ["固定资产投资", "亿元", "120", 30],
    ["一般公共预算收入增速", "%", "6", 40],
  ];
  const { books } = readBooks([grid(rows)]);
  expect(books).toHaveLength(1);
  expect(indicatorsOf(books[0]).map((i) => pts(i.points))).toEqual(["30", "30", "40"]);
});
