/**
 * Books the seeds do not show: three category levels under 一级/二级/三级 headers, a second header row, total rows,
 * weights, score columns already filled in, and a sheet whose closest header is named in the message.
 */
import { readBooks } from "../../src/core/layout";
import { categoriesOf, indicatorsOf } from "../../src/core/book";
import { checkBooks } from "../../src/core/rules";
import { render } from "../../src/locales";
import { grid } from "../helpers/grid";

const pts = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

describe("nested categories", () => {
  const rows = [
    ["考核评价表", null, null, null, null, null],
    ["评估项目", null, null, "评估内容", "分值", "自评分"],
    ["一级指标", "二级指标", "三级指标", null, null, null],
    ["1.基本条件（5分）", "1.1医院情况", "1.1.1科室设置", "科室齐全", 3, 3],
    [null, null, "1.1.2床位", "床位充足", 2, 4],
    [null, "1.2图书馆", "1.2.1开放", "对学员开放", 1, "满分"],
    ["合计", null, null, null, 6, null],
  ];
  const { books } = readBooks([grid(rows, ["A2:C2"])]);
  const findings = checkBooks(books);

  test("levels from the second header row, indicators from the deepest column", () => {
    expect(books).toHaveLength(1);
    expect(categoriesOf(books[0]).map((c) => [c.level, c.name, pts(c.points)])).toEqual([
      [1, "1.基本条件", "5"], [2, "1.1医院情况", null], [2, "1.2图书馆", null],
    ]);
    expect(indicatorsOf(books[0]).map((i) => [i.name, pts(i.points)])).toEqual([["1.1.1科室设置", "3"], ["1.1.2床位", "2"], ["1.2.1开放", "1"]]);
    expect(books[0].columns.map((c) => c.role)).toEqual(["category", "category", "indicator", "target", "points", "entry"]);
  });

  test("sums checked at the level that states them; the total row against the items; entered scores checked", () => {
    const facts = findings.map((f) => [f.rule, f.severity, f.cell, pts(f.stated), pts(f.computed)]);
    expect(facts).toContainEqual(["category-sum", "error", "A4", "5", "6"]);
    expect(facts).not.toContainEqual(expect.arrayContaining(["unit-total"]));
    expect(facts).toContainEqual(["score-range", "error", "F5", "2", "4"]);
    expect(facts).toContainEqual(["entered-value", "error", "F6", null, null]);
    expect(books[0].totals.map((t) => [t.label, pts(t.stated), t.covers])).toEqual([["合计", "6", ["1.基本条件"]]]);
  });
});

test("a weighted first level is scored on 100 inside; its weights make the total", () => {
  const { books } = readBooks([grid([
    ["一级指标", "权重", "二级指标", "分值", "三级指标", "分值"],
    ["预算", 60, "预算管理", 70, "执行进度", 70],
    [null, null, "财务管理", 30, "差错率", 30],
    ["产出", 40, "产出数量", 100, "截获率", 100],
    ["总分", 100, null, null, null, null],
  ])]);
  expect(categoriesOf(books[0]).map((c) => [c.name, pts(c.points), pts(c.weight)])).toEqual([
    ["预算", "100", "60"], ["预算管理", "70", null], ["财务管理", "30", null], ["产出", "100", "40"], ["产出数量", "100", null],
  ]);
  expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
});

test("a sheet that is no book names the row that came closest to a header", () => {
  const { sheets } = readBooks([grid([["项目", "名称", "金额"], ["办公用品", "纸", 12]])]);
  expect(render(sheets[0].reason!, "zh")).toContain("最接近的是第1行（项目、名称、金额），其中只认得项目");
  expect(render(sheets[0].reason!, "en")).toContain("no header row: row 1 (项目、名称、金额) came closest, but only 项目 are known labels");
});

describe("levels from numbering", () => {
  test("section headings 一、 and （一） in one text column nest, with points at each", () => {
    const { books } = readBooks([grid([
      ["考核内容", null, "分值"],
      ["一、党的建设（30分）", null, null],
      ["（一）组织建设（20分）", null, null],
      ["1.", "健全党组织", 12],
      ["2.", "发展党员", 8],
      ["（二）宣传工作（10分）", null, null],
      ["1.", "理论学习", 9],
      ["二、经济发展（70分）", null, null],
      ["1.", "招商引资", 70],
    ], ["A2:B2", "A3:B3", "A6:B6", "A8:B8"])]);
    expect(categoriesOf(books[0]).map((c) => [c.level, c.name, pts(c.points)])).toEqual([
      [1, "党的建设", "30"], [2, "组织建设", "20"], [2, "宣传工作", "10"], [1, "经济发展", "70"],
    ]);
    const sums = checkBooks(books).filter((f) => f.rule === "category-sum").map((f) => [f.category, pts(f.stated), pts(f.computed)]);
    // 党的建设 states 30 and its sections state 20 + 10: it adds up at its level; 宣传工作 does not at its own.
    expect(sums).toEqual([["宣传工作", "10", "9"]]);
  });

  test("section numbers in a 序号 column: 一、 | 党的建设 | 30 is a category", () => {
    const { books } = readBooks([grid([
      ["序号", "考核内容", "分值"],
      ["一、", "党的建设", 30],
      ["1", "健全党组织", 12],
      ["2", "发展党员", 18],
      ["二、", "经济发展", 70],
      ["1", "招商引资", 70],
    ])]);
    expect(categoriesOf(books[0]).map((c) => [c.level, c.name, pts(c.points), c.indicators.length])).toEqual([
      [1, "党的建设", "30", 2], [1, "经济发展", "70", 1],
    ]);
    expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
  });
});
