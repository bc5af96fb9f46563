/**
 * A book as the rows of its scoring sheet (评分表): the model. rows.ts builds it from a book, inputs.ts holds what
 * the assessor enters, evaluate.ts computes the sheet with the decimal engine, sheet.ts writes it as formulas; what
 * each row kind takes, computes and writes is in one table, kinds.ts.
 *
 * Row kinds: ratio (completion rate against a numeric target), manual (points minus deductions), reference (score
 * entered from another book, at most the points), weighted (assessor groups' scores weighted), quarter (a quarter
 * block, points minus deductions) or quarter-ratio (a quarter's figure, completion rate) under a quarter-main row
 * (average of the quarters, plus the text's other pointed parts, segment rows), deduction-only (扣分制
 * without points: its deductions are taken off the total), pending/unscored (no formula), bonus items, penalties
 * from the negative list (fixed per occurrence, or by tier).
 */
import type { Book } from "../book";
import type { Decimal } from "../decimal";
import type { Target } from "../target";

/** Key suffix of the row that holds a part's weight (a unit's own book, a common table). */
export const PART_WEIGHT_SUFFIX = "#权重";

export type RowKind =
  | "ratio"
  | "manual"
  | "reference"
  | "weighted"
  | "quarter-main"
  | "quarter"
  | "quarter-ratio"
  | "segment"
  | "deduction-only"
  | "pending"
  | "unscored"
  | "bonus"
  | "penalty"
  | "penalty-tier"
  | "subtotal"
  | "bonus-subtotal"
  | "section";

export interface PlanRow {
  kind: RowKind;
  /** Stable key of the source indicator: "sheet!cell|name", with a suffix for quarter rows and sections. */
  key: string;
  number: string;
  category: string;
  name: string;
  /** Points shown (bonus rows: the item's cap; penalty rows: the stated penalty, negative). */
  points: Decimal | null;
  targetText: string;
  target: Target | null;
  owner: string;
  /** Source cell of the row (null for rows the sheet adds). */
  source: { sheet: string; cell: string } | null;
  /** Penalty tiers, largest first. */
  tiers: Decimal[];
  /** subtotal / bonus-subtotal / quarter-main: indexes (into rows) of the rows it adds up. */
  members: number[];
  /** bonus-subtotal: the overall cap. */
  cap: Decimal | null;
}

/** One book of a unit's sheet: the unit's own (个性指标) or a common table (共性指标). */
export interface PlanPart {
  label: string;
  book: Book;
  /** Its rows: indexes first (inclusive) to end (exclusive). */
  first: number;
  end: number;
  /** Default weight, as a fraction; the weight entered on the sheet (keyed by `key`) takes its place. */
  weight: Decimal;
  key: string;
}

export interface ScoringPlan {
  /** The first part's book: the unit's own, or the common table of a unit that has none. */
  book: Book;
  unit: string;
  /** The unit's group, for ranking within it. */
  group: string | null;
  /** False for tables that are not a unit's (scored, not ranked). */
  ranked: boolean;
  /** The books scored; with more than one, the sheet combines their scores by weights. */
  parts: PlanPart[];
  /** Assessor groups (label, weight as a fraction); empty when the book weighs none. */
  groups: { label: string; weight: Decimal }[];
  rows: PlanRow[];
  veto: string | null;
}


/** Stable key of an indicator's row: "sheet!cell|name" (rows the indicator gives more than one add a suffix). */
export const indicatorKey = (i: { sheet: string; cell: string; name: string }): string => `${i.sheet}!${i.cell}|${i.name}`;
