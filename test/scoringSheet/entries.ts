/**
 * Known entries for a scoring plan, shared by the tests that fill scoring sheets (ExcelJS files recalculated by
 * LibreOffice, the preview's in-memory workbook) and compare what they compute with the engine.
 */
import { emptyInputs, type InputValue, type ScoringPlan, type SheetInputs } from "../../src/core/scoringSheet";

const round = (x: number) => Number(x.toFixed(6));

/** Known entries for every input row of a plan, varied so that every branch of every formula is taken. */
export function knownEntries(plan: ScoringPlan, salt: number): SheetInputs {
  const inputs = emptyInputs();
  plan.rows.forEach((row, i) => {
    const n = i + salt;
    const p = row.points?.toNumber() ?? 0;
    const put = (actual: InputValue, deduction: InputValue, groups: InputValue[] = []) =>
      inputs.rows.set(row.key, { actual, deduction, groups: groups.length ? groups : plan.groups.map(() => null), note: `备注${n}` });
    switch (row.kind) {
      case "ratio": {
        const t = row.target!.value.toNumber();
        const factors = row.target!.direction === "higher" ? [0.5, 0.9, 1, 1.25] : [0, 1, 1.25, 2];
        put(round(t * factors[n % 4]), null);
        break;
      }
      case "quarter-ratio": {
        const t = row.target!.value.toNumber();
        put(n % 5 === 4 ? null : round(t * [0.5, 0.9, 1, 1.25][n % 4]), null);
        break;
      }
      case "manual":
        put(null, [0, 0.5, 1, 100][n % 4]);
        break;
      case "quarter":
      case "segment":
        put(null, n % 5 === 4 ? null : [0, 0.5, 1, 3][n % 4]);
        break;
      case "reference":
        put(round(p * [0.8, 1.2][n % 2]), null);
        break;
      case "weighted":
        put(null, null, plan.groups.map((_, g) => round(p * [1, 0.75, 0.5][(n + g) % 3])));
        break;
      case "deduction-only":
        put(null, 1.5);
        break;
      case "bonus":
        put([5, 1, 3][n % 3], null);
        break;
      case "penalty":
        put([0, 1, 2][n % 3], null);
        break;
      case "penalty-tier":
        put(null, [1, 1.5, 0.7][n % 3]);
        break;
      default:
        break;
    }
  });
  // A unit's own book and common tables: equal weights by default, other weights entered on some sheets.
  if (plan.parts.length === 2 && salt % 2 === 1) {
    plan.parts.forEach((part, k) => inputs.rows.set(part.key, { actual: [0.3, 0.7][k], deduction: null, groups: plan.groups.map(() => null), note: null }));
  }
  inputs.veto = salt % 7 === 3 ? true : null;
  return inputs;
}
