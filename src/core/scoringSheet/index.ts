/**
 * Scoring sheets (评分表): one per assessed unit (its own book with the common tables that apply to it; one per
 * unit for a table shared by several units), each row keyed to what it stands for in the book (identity.ts) so that
 * generating again keeps what was entered (carry.ts).
 */
import type { Book } from "../book";
import type { SheetSpec } from "../sheetSpec";
import { stableKeys } from "./identity";
import { emptyInputs, type SheetInputs } from "./inputs";
import type { ScoringPlan } from "./plan";
import { penaltyIndicators, scoringPlan, type PlanBlocks } from "./rows";
import { scoringSheet, sheetKey, type ScoringSheetOptions } from "./sheet";
import { assessedUnits } from "./units";

export * from "./carry";
export * from "./columns";
export * from "./entries";
export * from "./evaluate";
export * from "./identity";
export * from "./inputs";
export * from "./kinds";
export * from "./plan";
export * from "./read";
export * from "./rows";
export * from "./sheet";
export * from "./units";
export * from "./unmatched";

/** Every scoring plan of a workbook's books: negative lists give no sheet, their penalties go to every ranked unit. */
export function scoringPlans(books: Book[]): ScoringPlan[] {
  const penalties = penaltyIndicators(books);
  const blocks: PlanBlocks = new WeakMap();
  const keys = stableKeys(books);
  return assessedUnits(books).map((unit) => scoringPlan(unit, unit.ranked ? penalties : [], keys, blocks));
}

/** The scoring sheets of a workbook; `previous` holds values entered on earlier scoring sheets, by sheet key. */
export function scoringSheets(books: Book[], options: ScoringSheetOptions, previous: Map<string, SheetInputs> = new Map()): SheetSpec[] {
  return scoringPlans(books).map((plan) => scoringSheet(plan, options, previous.get(sheetKey(plan)) ?? emptyInputs()));
}
