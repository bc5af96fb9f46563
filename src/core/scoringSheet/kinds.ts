/**
 * The row kinds of a scoring sheet, one entry each: the columns the assessor enters numbers in (and what a number
 * there means for the range check), how the decimal engine computes the row, and the formulas the sheet writes for
 * it - a KH.* formula and a portable one of native Excel functions that gives the same numbers. The plan
 * (rows.ts) says which kind a row is; the engine (evaluate.ts), the sheet writer (sheet.ts), the entry check
 * (entered.ts) and the preview's recalculation (src/excel/memoryRecalc.ts) all read this table. A new row kind is
 * added here (and given to rows in rows.ts).
 */
import type { EntryWord } from "../../locales";
import { Decimal, ZERO, decimalString, sum } from "../decimal";
import {
  bonusTotal,
  completion,
  deduct,
  deductionAmount,
  quarterAverage,
  scoreIndicator,
  tierByThreshold,
  weightedScore,
  type Direction,
} from "../scoring";
import type { EntryKind } from "../rules/scores";
import { percentFormat, unitFormat, type CellStyle } from "../sheetSpec";
import type { Target } from "../target";
import type { ColumnId, InputColumn } from "./columns";
import { entryNumber, type RowInputs } from "./inputs";
import type { PlanRow, RowKind, ScoringPlan } from "./plan";

/** Values of one row as the sheet computes them (null: the cell stays empty). */
export interface RowResult {
  target: Decimal | null;
  completion: Decimal | null;
  /** A quarter's score, a bonus item's capped claim. */
  item: Decimal | null;
  score: Decimal | null;
  /** A penalty or a deduction taken off the total. */
  deduct: Decimal | null;
  subtotal: Decimal | null;
}

/** What a number entered in an input column means for the range check (null: any number will do), and the word
 * messages name the entry by (a group column is named by its own header). */
export interface InputMeaning {
  entry: EntryKind | null;
  word: EntryWord;
}

/** What the engine has at hand for a row. */
export interface EvalContext {
  plan: ScoringPlan;
  row: PlanRow;
  /** The row's result, filled in by `evaluate`. */
  result: RowResult;
  /** Every row's result (rows of earlier stages are complete). */
  results: RowResult[];
  given: RowInputs;
  actual: Decimal | null;
  deduction: Decimal | null;
  /** Sums of the groups' scores over the weighted rows. */
  groupTotals: Decimal[];
  /** What was entered on another row. */
  input(row: PlanRow): RowInputs;
}

/** What the sheet writer has at hand for a row. */
export interface FormulaContext {
  plan: ScoringPlan;
  row: PlanRow;
  /** The row's index in the plan. */
  index: number;
  /** The engine's result for the row (undefined when an entry stops the engine: the formulas show the error). */
  result: RowResult | undefined;
  /** This row's cell in a column. */
  ref(column: ColumnId): string;
  /** A column over plan rows from..to (indexes into the plan's rows). */
  range(column: ColumnId, from: number, to: number): string;
  /** This row's group score cells, and the groups' weights on row 2 (absolute). */
  groups: string;
  weights: string;
}

/** A computed cell of a row: a formula in each variant (null: the value itself is written), with the engine's
 * value as its cached result. */
export interface KindCell {
  column: ColumnId;
  kh: string | null;
  portable: string | null;
  cached: Decimal | null | undefined;
  style?: CellStyle;
  /** An Excel number format (a target shown with its unit). */
  format?: string;
}

export interface RowKindSpec {
  /** Input columns (besides 备注, which every scored row has) and what a number entered there means. */
  inputs: Partial<Record<InputColumn, InputMeaning>>;
  /** A row the sheet adds (subtotals, a part's heading): its name shown as a total, no 备注. */
  total: boolean;
  /** When the engine computes the row: 0 from its own entries, 1 from rows of stage 0, 2 from rows of stage 1. */
  stage: 0 | 1 | 2;
  evaluate(c: EvalContext): void;
  cells(c: FormulaContext): KindCell[];
  /** The 分值 cell, where it shows something other than the row's points. */
  points?(row: PlanRow): string;
}

const direction = (t: Target | null): Direction => t?.direction ?? "higher";

/** Whether a row's target text only repeats its indicator (a book without a target column): the sheet leaves the
 * 目标要求 cell empty, and reads the target from the indicator's name. */
export const targetRepeatsName = (row: PlanRow): boolean => row.targetText.trim() === row.name.trim();

/** How a target's number is shown: a percentage as a percentage (0.07: 7%), another unit after the number. */
export function targetFormat(target: Target | null): string | undefined {
  if (!target || target.unit === "") return undefined;
  return target.unit === "%" ? percentFormat(target.value.toNumber()) : target.unit === "‰" ? undefined : unitFormat(target.unit);
}

const ACTUAL: InputMeaning = { entry: null, word: "actual" };
const DEDUCTION: InputMeaning = { entry: null, word: "deduction" };
const nothing = (): void => undefined;
const none = (): KindCell[] => [];

/** Only what the formula says when something is entered in `cell`: IF(cell="","",…). */
const when = (cell: string, f: string) => `IF(${cell}="","",${f})`;

/** A completion rate, shown as a percentage. */
function completionCell(c: FormulaContext, cached: Decimal | null | undefined): KindCell {
  const [G, H] = [c.ref("target"), c.ref("actual")];
  return { column: "completion", kh: when(H, `KH.COMPLETION(${G},${H})`), portable: when(H, `${H}/${G}`), cached, style: "percent" };
}

/** Points times the completion rate, at most the points: KH.SCORE(points, target, actual). */
function higherScore(c: FormulaContext, column: ColumnId, cached: Decimal | null | undefined): KindCell {
  const [D, G, H] = [c.ref("points"), c.ref("target"), c.ref("actual")];
  return { column, kh: when(H, `KH.SCORE(${D},${G},${H})`), portable: when(H, `${D}*MAX(0,MIN(1,${H}/${G}))`), cached };
}

/** Points less the deduction entered, at least 0. */
const deductionRow = (column: ColumnId, pick: (r: RowResult) => Decimal | null): Pick<RowKindSpec, "inputs" | "cells"> => ({
  inputs: { deduction: { entry: "deduction", word: "deduction" } },
  cells: (c) => {
    const [D, I] = [c.ref("points"), c.ref("deduction")];
    return [{ column, kh: when(I, `KH.DEDUCT(${D},${I})`), portable: when(I, `MAX(0,${D}-ABS(${I}))`), cached: c.result && pick(c.result) }];
  },
});

function pointsLessDeduction(c: EvalContext, field: "score" | "item"): void {
  if (c.deduction !== null) c.result[field] = deduct(c.row.points!, [c.deduction]);
}

/** A plain row: nothing to enter but 备注, nothing computed. */
const plain: RowKindSpec = { inputs: {}, total: false, stage: 0, evaluate: nothing, cells: none };

export const ROW_KINDS: Record<RowKind, RowKindSpec> = {
  /** Completion rate against the one numeric target of the text; lower-is-better targets score target/actual. */
  ratio: {
    inputs: { actual: ACTUAL },
    total: false,
    stage: 0,
    evaluate: (c) => {
      const target = c.row.target!;
      c.result.target = target.value;
      if (c.actual === null) return;
      if (direction(target) === "higher") c.result.completion = completion(target.value, c.actual);
      c.result.score = scoreIndicator({ points: c.row.points!, target: target.value, actual: c.actual, direction: direction(target) });
    },
    cells: (c) => {
      const target = c.row.target!;
      const [D, G, H] = [c.ref("points"), c.ref("target"), c.ref("actual")];
      const text = c.ref(targetRepeatsName(c.row) ? "name" : "targetText");
      const cells: KindCell[] = [{ column: "target", kh: `KH.TARGET(${text})`, portable: null, cached: target.value, format: targetFormat(target) }];
      if (target.direction === "lower") {
        cells.push({
          column: "score",
          kh: when(H, `KH.SCORE(${D},${G},${H},,"lower")`),
          portable: when(H, `IF(${H}<=${G},${D},IF(${G}<=0,0,${D}*${G}/${H}))`),
          cached: c.result?.score,
        });
      } else {
        cells.push(completionCell(c, c.result?.completion), higherScore(c, "score", c.result?.score));
      }
      return cells;
    },
  },
  /** Points minus the deductions entered. */
  manual: { ...deductionRow("score", (r) => r.score), total: false, stage: 0, evaluate: (c) => pointsLessDeduction(c, "score") },
  /** A quarter block: points minus deductions, averaged by its quarter-main row. */
  quarter: { ...deductionRow("item", (r) => r.item), total: false, stage: 0, evaluate: (c) => pointsLessDeduction(c, "item") },
  /** A pointed part of a quarter-main row's text besides its quarters: points minus deductions, added. */
  segment: { ...deductionRow("item", (r) => r.item), total: false, stage: 0, evaluate: (c) => pointsLessDeduction(c, "item") },
  /** A quarter's figure of a quarterly target: completion rate. */
  "quarter-ratio": {
    inputs: { actual: ACTUAL },
    total: false,
    stage: 0,
    evaluate: (c) => {
      const target = c.row.target!.value;
      c.result.target = target;
      if (c.actual === null) return;
      c.result.completion = completion(target, c.actual);
      c.result.item = scoreIndicator({ points: c.row.points!, target, actual: c.actual });
    },
    cells: (c) => [
      { column: "target", kh: null, portable: null, cached: c.row.target!.value, format: targetFormat(c.row.target) },
      completionCell(c, c.result?.completion),
      higherScore(c, "item", c.result?.item),
    ],
  },
  /** A score entered from another book (见专项责任书), at most the points. */
  reference: {
    inputs: { actual: { entry: "score", word: "score" } },
    total: false,
    stage: 0,
    evaluate: (c) => {
      if (c.actual !== null) c.result.score = scoreIndicator({ points: c.row.points!, target: c.row.points!, actual: c.actual });
    },
    cells: (c) => {
      const [D, H] = [c.ref("points"), c.ref("actual")];
      return [{ column: "score", kh: when(H, `KH.SCORE(${D},${D},${H})`), portable: when(H, `MIN(${D},MAX(0,${H}))`), cached: c.result?.score }];
    },
  },
  /** Each assessor group's score, combined by the groups' weights once every group has scored. */
  weighted: {
    inputs: { groups: { entry: "score", word: "score" } },
    total: false,
    stage: 0,
    evaluate: (c) => {
      const scores = c.plan.groups.map((_, g) => entryNumber(c.given.groups[g]));
      scores.forEach((s, g) => {
        if (s !== null) c.groupTotals[g] = c.groupTotals[g].plus(s);
      });
      if (scores.every((s) => s !== null)) c.result.score = weightedScore(scores as Decimal[], c.plan.groups.map((g) => g.weight));
    },
    cells: (c) => {
      const n = c.plan.groups.length;
      const entered = (f: string) => `IF(COUNT(${c.groups})<${n},"",${f})`;
      return [{ column: "score", kh: entered(`KH.WEIGHTED(${c.groups},${c.weights})`), portable: entered(`SUMPRODUCT(${c.groups},${c.weights})`), cached: c.result?.score }];
    },
  },
  /** An indicator scored by quarter: the average of its quarters, plus its other pointed parts (segments). */
  "quarter-main": {
    inputs: {},
    total: false,
    stage: 1,
    evaluate: (c) => {
      const entered = (kinds: RowKind[]) =>
        c.row.members.filter((m) => kinds.includes(c.plan.rows[m].kind)).map((m) => c.results[m].item).filter((s): s is Decimal => s !== null);
      const quarters = entered(["quarter", "quarter-ratio"]);
      const others = entered(["segment"]);
      if (quarters.length + others.length > 0) c.result.score = sum(others).plus(quarters.length > 0 ? quarterAverage(quarters) : ZERO);
    },
    cells: (c) => {
      // Members: the text's other pointed parts (segment) first, then the quarters, each run contiguous.
      const { members } = c.row;
      const others = members.filter((m) => c.plan.rows[m].kind === "segment");
      const quarters = members.filter((m) => c.plan.rows[m].kind !== "segment");
      const q = c.range("item", quarters[0], quarters[quarters.length - 1]);
      if (others.length === 0) {
        return [{ column: "score", kh: `IF(COUNT(${q})=0,"",KH.QUARTERAVG(${q}))`, portable: `IF(COUNT(${q})=0,"",AVERAGE(${q}))`, cached: c.result?.score }];
      }
      const all = c.range("item", members[0], members[members.length - 1]);
      const o = c.range("item", others[0], others[others.length - 1]);
      const f = (average: string) => `IF(COUNT(${all})=0,"",SUM(${o})+IF(COUNT(${q})=0,0,${average}(${q})))`;
      return [{ column: "score", kh: f("KH.QUARTERAVG"), portable: f("AVERAGE"), cached: c.result?.score }];
    },
  },
  /** A deduction-only category without points (扣分制): its deductions are taken off the total. */
  "deduction-only": {
    inputs: { deduction: DEDUCTION },
    total: false,
    stage: 0,
    evaluate: (c) => {
      if (c.deduction !== null) c.result.deduct = deductionAmount(c.deduction);
    },
    cells: (c) => {
      const I = c.ref("deduction");
      return [{ column: "deduct", kh: when(I, `ABS(${I})`), portable: when(I, `ABS(${I})`), cached: c.result?.deduct }];
    },
  },
  pending: plain,
  unscored: plain,
  /** A bonus item: the claim entered, at most the item's cap. */
  bonus: {
    inputs: { actual: { entry: "score", word: "bonus-claim" } },
    total: false,
    stage: 0,
    evaluate: (c) => {
      if (c.actual !== null) c.result.item = c.row.points === null ? c.actual : Decimal.min(c.actual, c.row.points);
    },
    cells: (c) => {
      const [D, H] = [c.ref("points"), c.ref("actual")];
      const capped = c.row.points === null ? [H, H] : [`KH.BONUS(${H},${D})`, `MIN(${H},${D})`];
      return [{ column: "item", kh: when(H, capped[0]), portable: when(H, capped[1]), cached: c.result?.item }];
    },
  },
  /** A negative list's penalty: the stated penalty times the number of occurrences entered. */
  penalty: {
    inputs: { actual: { entry: "count", word: "count" } },
    total: false,
    stage: 0,
    evaluate: (c) => {
      if (c.actual !== null) c.result.deduct = c.row.points!.abs().times(c.actual);
    },
    cells: (c) => {
      const f = when(c.ref("actual"), `ABS(${c.ref("points")})*${c.ref("actual")}`);
      return [{ column: "deduct", kh: f, portable: f, cached: c.result?.deduct }];
    },
  },
  /** A penalty by tier (1.5 / 1 / 0.5 by the level of the notice): the largest tier the entry reaches. */
  "penalty-tier": {
    inputs: { deduction: DEDUCTION },
    total: false,
    stage: 0,
    evaluate: (c) => {
      if (c.deduction !== null) c.result.deduct = tierByThreshold(c.deduction.abs(), c.row.tiers, c.row.tiers);
    },
    cells: (c) => {
      const I = c.ref("deduction");
      const tiers = c.row.tiers.map(decimalString);
      const nested = tiers.reduceRight((acc, t) => `IF(ABS(${I})>=${t},${t},${acc})`, "0");
      return [{ column: "deduct", kh: when(I, `KH.TIER(ABS(${I}),{${tiers.join(",")}},{${tiers.join(",")}})`), portable: when(I, nested), cached: c.result?.deduct }];
    },
    points: (row) => `-${row.tiers.map(decimalString).join("/-")}`,
  },
  /** A category's subtotal: its rows' scores less their deductions. */
  subtotal: {
    inputs: {},
    total: true,
    stage: 2,
    evaluate: (c) => {
      const { members } = c.row;
      c.result.subtotal = sum(members.map((m) => c.results[m].score ?? ZERO)).minus(sum(members.map((m) => c.results[m].deduct ?? ZERO)));
    },
    cells: (c) => {
      const [a, b] = [c.row.members[0] ?? c.index, c.row.members[c.row.members.length - 1] ?? c.index];
      const f = `SUM(${c.range("score", a, b)})-SUM(${c.range("deduct", a, b)})`;
      return [{ column: "subtotal", kh: f, portable: f, cached: c.result?.subtotal, style: "total" }];
    },
  },
  /** A bonus section's total: the claims, each at most its cap, all at most the section's cap. */
  "bonus-subtotal": {
    inputs: {},
    total: true,
    stage: 2,
    evaluate: (c) => {
      const items = c.row.members.map((m) => ({ claim: entryNumber(c.input(c.plan.rows[m]).actual) ?? ZERO, cap: c.plan.rows[m].points }));
      c.result.subtotal = bonusTotal(items, c.row.cap);
    },
    cells: (c) => {
      const [a, b] = [c.row.members[0], c.row.members[c.row.members.length - 1]];
      const cap = c.row.cap === null ? null : decimalString(c.row.cap);
      return [{
        column: "subtotal",
        kh: `KH.BONUS(${c.range("actual", a, b)},${c.range("points", a, b)}${cap === null ? "" : `,${cap}`})`,
        portable: cap === null ? `SUM(${c.range("item", a, b)})` : `MIN(${cap},SUM(${c.range("item", a, b)}))`,
        cached: c.result?.subtotal,
        style: "total",
      }];
    },
  },
  /** The heading of a part of a unit's sheet (its own book, a common table). */
  section: { ...plain, total: true },
};

const INPUT_COLUMNS: InputColumn[] = ["actual", "deduction", "groups"];

/** The input columns of a row kind (besides 备注), in sheet order. */
export const inputColumns = (kind: RowKind): InputColumn[] => INPUT_COLUMNS.filter((c) => ROW_KINDS[kind].inputs[c] !== undefined);
