/**
 * A deduction-only book: every unit starts from a score and loses points by rules; a label over three columns
 * (group | number | item), one row with an allotment written as a share ("占20分"), and a 备注 row.
 */
import { readBooks } from "../../src/core/layout";
import { categoriesOf, indicatorsOf } from "../../src/core/book";
import { checkBooks } from "../../src/core/rules";
import { grid } from "../helpers/grid";

const rows = [
  ["附件3", null, null, null],
  ["信息报送工作考核细则", null, null, null],
  ["（起评分100分）", null, null, null],
  ["考核条目", null, null, "考核细则"],
  ["信息报送", "1", "按时报送月度信息。", "未报扣5分"],
  [null, "2", "信息质量不高，内容空泛。", "扣2-4分"],
  [null, "3", "分管领导对信息工作的评价。", "占30分"],
  ["专项调研", "4", "上报调研报告。", "每少一篇扣3分"],
  ["备注", "被通报批评的单位，扣分加倍。", null, "原扣5分-现扣10分"],
];
const { books } = readBooks([grid(rows, ["A5:A7", "B9:C9"])]);

test("the base line is a term, not the title; the numbers column numbers the rows", () => {
  expect(books).toHaveLength(1);
  expect(books[0].unit).toBe("信息报送工作考核细则");
  expect(books[0].base.toFixed()).toBe("100");
  expect(categoriesOf(books[0]).map((c) => c.name)).toEqual(["信息报送", "专项调研"]);
  expect(indicatorsOf(books[0]).map((i) => [i.number, i.name])).toEqual([
    ["1", "按时报送月度信息。"], ["2", "信息质量不高，内容空泛。"], ["3", "分管领导对信息工作的评价。"], ["4", "上报调研报告。"],
  ]);
});

test("rules that only take points away are deductions; a target that is only a share gives the row its points", () => {
  expect(indicatorsOf(books[0]).map((i) => [i.kind, i.points?.toFixed() ?? null])).toEqual([
    ["deduction", null], ["deduction", null], ["score", "30"], ["deduction", null],
  ]);
  expect(categoriesOf(books[0]).map((c) => c.kind)).toEqual(["normal", "deduction"]);
});

test("the 备注 row is a note; nothing is an error and no rule is asked for points", () => {
  expect(books[0].notes.map((n) => n.text)).toEqual(["备注 被通报批评的单位，扣分加倍。 原扣5分-现扣10分"]);
  const findings = checkBooks(books);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(findings.map((f) => f.rule)).not.toContain("missing-points");
});
