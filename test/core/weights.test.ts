/**
 * Weights of the first level written as a percent ("50%") or as Excel keeps a percent (0.5): each weighted
 * category scores its children on 100, and the weights make the book's total.
 */
import { readBooks } from "../../src/core/layout";
import { categoriesOf } from "../../src/core/book";
import { checkBooks } from "../../src/core/rules";
import { grid } from "../helpers/grid";

const pts = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

test.each([
  ["percent text", ["50%", "30%", "20%"]],
  ["fractions", [0.5, 0.3, 0.2]],
  ["numbers", [50, 30, 20]],
])("weights as %s", (_, [a, b, c]) => {
  const rows = [
    ["一级指标", "权重", "二级指标", "分值", "评分标准"],
    ["产出指标", a, "数量指标", 50, "完成得分"],
    [null, null, "质量指标", 50, "达标得分"],
    ["效益指标", b, "社会效益", 100, "好评得分"],
    ["满意度", c, "满意度", 100, "调查得分"],
  ];
  const { books } = readBooks([grid(rows, ["A2:A3", "B2:B3"])]);
  expect(categoriesOf(books[0]).map((cat) => [cat.name, pts(cat.weight), pts(cat.points)])).toEqual([
    ["产出指标", "50", "100"], ["效益指标", "30", "100"], ["满意度", "20", "100"],
  ]);
  expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
});
