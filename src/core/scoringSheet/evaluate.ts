/**
 * The engine's own result for the values entered on a scoring sheet: each row by its kind (kinds.ts), then the
 * parts, the bonus, the deductions, the total and the grade - every number in decimal arithmetic. The sheet
 * (sheet.ts) writes the same as formulas; tests compare both.
 */
import { type Decimal, ZERO, sum } from "../decimal";
import { type GradeScale, floorAtZero, grade, unitTotal, weightedScore } from "../scoring";
import { planGradeScale } from "./gradeScale";
import { blankRowInputs, entryNumber, isVeto, type SheetInputs } from "./inputs";
import { ROW_KINDS, type RowResult } from "./kinds";
import type { PlanRow, ScoringPlan } from "./plan";

export type { RowResult } from "./kinds";

export interface PlanResult {
  rows: RowResult[];
  /** Each part's score (its scores less its deductions, at least 0) and weight, when the sheet has several. */
  parts: { score: Decimal; weight: Decimal }[];
  /** The parts' weighted score (null with one part). */
  combined: Decimal | null;
  groupTotals: Decimal[];
  weighted: Decimal | null;
  bonus: Decimal;
  penalties: Decimal;
  total: Decimal;
  grade: string;
  vetoed: boolean;
}

function emptyResult(): RowResult {
  return { target: null, completion: null, item: null, score: null, deduct: null, subtotal: null };
}

const STAGES = [0, 1, 2] as const;
/** What a row without entries reads (never changed). */
const NOTHING = Object.freeze(blankRowInputs());

/** Every computed value of the sheet for the entered values, by the decimal engine; graded on the sheet's scale
 * (gradeScale.ts) unless another is given. */
export function evaluatePlan(plan: ScoringPlan, inputs: SheetInputs, scale: GradeScale = planGradeScale(plan)): PlanResult {
  const results: RowResult[] = plan.rows.map(() => emptyResult());
  const input = (row: PlanRow) => inputs.rows.get(row.key) ?? NOTHING;
  const fractions = plan.groups.map((g) => g.weight);
  const groupTotals = plan.groups.map(() => ZERO);
  for (const stage of STAGES) {
    plan.rows.forEach((row, i) => {
      const kind = ROW_KINDS[row.kind];
      // Entries are read on every row first: text where a number belongs stops the engine wherever it is.
      const given = stage === 0 ? input(row) : null;
      const actual = given && entryNumber(given.actual);
      const deduction = given && entryNumber(given.deduction);
      if (kind.stage !== stage) return;
      kind.evaluate({ plan, row, result: results[i], results, given: given ?? input(row), actual, deduction, groupTotals, input });
    });
  }
  const present = (values: (Decimal | null)[]) => values.filter((s): s is Decimal => s !== null);
  const scores = present(results.map((r) => r.score));
  const bonus = sum(plan.rows.map((row, i) => (row.kind === "bonus-subtotal" ? results[i].subtotal! : ZERO)));
  const deductions = present(results.map((r) => r.deduct));
  const parts = plan.parts.length > 1 ? plan.parts.map((part) => {
    const own = results.slice(part.first, part.end);
    const score = floorAtZero(sum(present(own.map((r) => r.score))).minus(sum(present(own.map((r) => r.deduct)))));
    return { score, weight: entryNumber(inputs.rows.get(part.key)?.actual) ?? part.weight };
  }) : [];
  const combined = parts.length > 0 ? weightedScore(parts.map((p) => p.score), parts.map((p) => p.weight)) : null;
  // With several parts the parts' deductions are inside their scores; only the negative list's are left.
  const taken = combined === null ? deductions : present(results.slice(plan.parts[plan.parts.length - 1].end).map((r) => r.deduct));
  const total = unitTotal({ scores: combined === null ? scores : [combined], bonus: [bonus], penalties: taken });
  const vetoed = isVeto(inputs.veto);
  return {
    rows: results,
    parts,
    combined,
    groupTotals,
    weighted: plan.groups.length > 0 ? weightedScore(groupTotals, fractions) : null,
    bonus,
    penalties: sum(taken),
    total,
    grade: grade(total, scale, vetoed),
    vetoed,
  };
}
