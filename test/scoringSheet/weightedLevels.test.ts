/**
 * A book weighted by its first level (一级指标 | 权重 50 / 25 / 25, 100 points inside each): its scoring sheet scores
 * each weighted category on its 100 and combines them by the weights, which the assessor may change.
 */
import { join } from "path";
import { readBooks } from "../../src/core/layout";
import { scoringPlans } from "../../src/core/scoringSheet";
import { emptyInputs, evaluatePlan } from "../../src/core/scoringSheet";
import { readXlsx } from "../../src/cli/xlsxRead";

test("the fund-performance evaluation: three parts by weight, deductions inside each part", async () => {
  const { books } = readBooks(await readXlsx(join(__dirname, "..", "corpus", "26_quarantine_dog_fund_perf_eval.merged.xlsx")));
  const [plan] = scoringPlans(books);
  expect(plan.parts.map((p) => [p.label, p.weight.toFixed()])).toEqual([["预算绩效", "0.5"], ["项目产出", "0.25"], ["项目效果", "0.25"]]);
  const inputs = emptyInputs();
  // Every row scored in full but the first, which loses its 7 points: 预算绩效 93 of 100.
  plan.rows.forEach((row, i) => {
    if (row.kind === "manual") inputs.rows.set(row.key, { actual: null, deduction: i === 0 ? 7 : 0, groups: [], note: null });
  });
  const result = evaluatePlan(plan, inputs);
  expect(result.parts.map((p) => p.score.toFixed())).toEqual(["93", "100", "100"]);
  expect(result.combined?.toFixed()).toBe("96.5");
  expect(result.total.toFixed()).toBe("96.5");
});
