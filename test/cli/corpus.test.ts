/**
 * The command line on two corpus books from other provinces: `tree --json` gives their nested categories with the
 * points each states, `check --json` the real mismatches with their stated and computed values.
 */
import path from "node:path";
import { kaohe } from "./run";

const corpus = (name: string) => path.join(__dirname, "..", "corpus", name);

interface CategoryJson { name: string; level: number; points: string | null; categories: CategoryJson[]; indicators: unknown[] }

test("tree --json: the three levels of a fund-performance evaluation, weights and points at each", () => {
  const result = kaohe("tree", corpus("26_quarantine_dog_fund_perf_eval.merged.xlsx"), "--json");
  expect(result.code).toBe(0);
  const books = (JSON.parse(result.stdout) as { files: { books: { categories: CategoryJson[] }[] }[] }).files[0].books;
  const budget = books.flatMap((b) => b.categories).find((c) => c.name === "预算绩效")!;
  expect(budget).toMatchObject({ level: 1, points: "100", weight: "50" });
  expect(budget.categories.map((c) => [c.name, c.level, c.points])).toEqual([["预算管理", 2, "75"], ["财务管理", 2, "25"]]);
  expect(budget.categories[0].indicators).toHaveLength(6);
});

test("check --json: a resident-training base evaluation's real mismatches, and exit 1", () => {
  const result = kaohe("check", corpus("22_jiangsu_resident_base_eval_2016.plain.xlsx"), "--json");
  expect(result.code).toBe(1);
  const findings = (JSON.parse(result.stdout) as { files: { findings: { rule: string; severity: string; category: string; stated: string; computed: string }[] }[] }).files[0].findings;
  const errors = findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.category, f.stated, f.computed]);
  expect(errors).toEqual(expect.arrayContaining([
    ["category-sum", "2.组织管理", "35", "37"],
    ["category-sum", "3.培训质量", "20", "19"],
    ["category-sum", "4.保障措施", "25", "24"],
  ]));
  expect(errors.filter(([rule]) => rule === "inline-sum")).toHaveLength(3);
  expect(errors.filter(([rule]) => rule === "unit-total")).toEqual([]);
});
