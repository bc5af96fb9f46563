/**
 * Add or regenerate the scoring sheets (评分表): one per assessed unit, from the books on the workbook's other
 * sheets. Scoring sheets generated before are replaced, every value entered on them carried to its own indicator's
 * row as it was entered (core/scoringSheet/carry.ts: rows matched by what they stand for, never by cell), or - when
 * no row is its own - kept on a 未匹配的录入 sheet. The command line's `score-sheet`, the task pane and the preview
 * generate through here.
 */
import type { Book } from "../core/book";
import { readBooks } from "../core/layout";
import { carryEntries, readScoringSheet, scoringPlans, scoringSheet, scoringSheetName, unmatchedSheet, withEntries, type ReadScoringSheet } from "../core/scoringSheet";
import type { SheetSource } from "../core/sheetSpec";
import { emptyInputs } from "../core/scoringSheet/inputs";
import type { WorkbookAdapter } from "../excel/adapter";
import { MessageError } from "../locales";

export interface GeneratedScoring {
  /** The scoring sheets' names, then the unmatched entries' sheet's when there is one. */
  names: string[];
  /** Scoring sheets generated before and replaced. */
  replaced: number;
  /** Entries (rows with something entered, and vetoes) put back on their own indicator's row. */
  kept: number;
  /** Entries put back on a row found by the tolerant pass: the indicator's name or category changed. */
  moved: number;
  /** Entries with no row of their own, kept on the unmatched entries' sheet. */
  setAside: number;
  /** That sheet's name, null when nothing was set aside. */
  unmatchedSheet: string | null;
}

/** The workbook holds no book to score. */
export class NothingToScoreError extends MessageError {
  constructor() {
    super({ key: "workbook.nothing-to-score", params: {} });
    this.name = "NothingToScoreError";
  }
}

/**
 * Adds the scoring sheets. `books`: the workbook's books when the caller has just read them (the task pane's last
 * check); else the sheets are read here. Books on the old scoring sheets are never scored.
 */
export async function addScoringSheets(adapter: WorkbookAdapter, options: { portable: boolean }, books?: Book[]): Promise<GeneratedScoring> {
  const old = await adapter.readScoringSheets();
  const read = old.map(readScoringSheet).filter((s): s is ReadScoringSheet => s !== null);
  const oldNames = new Set(old.map((c) => c.name));
  const sources = books ?? readBooks((await adapter.readSheets()).filter((g) => !oldNames.has(g.sheet))).books;
  const scored = sources.filter((book) => !oldNames.has(book.sheet));
  if (scored.length === 0) throw new NothingToScoreError();
  const plans = scoringPlans(scored);
  const carried = carryEntries(plans, read);
  // Each sheet is made when it is written: a workbook of thousands of units never holds all of them at once.
  const specs: SheetSource[] = plans.map((plan) => ({
    name: scoringSheetName(plan),
    make: () => {
      const sheet = carried.sheets.get(plan);
      return withEntries(scoringSheet(plan, options, sheet?.inputs ?? emptyInputs()), sheet);
    },
  }));
  if (carried.setAside.length > 0) specs.push(unmatchedSheet(carried.setAside));
  const names = await adapter.addSheets(specs, [...oldNames]);
  return {
    names,
    replaced: old.length,
    kept: carried.kept,
    moved: carried.moved,
    setAside: carried.setAside.length,
    unmatchedSheet: carried.setAside.length > 0 ? names[names.length - 1] : null,
  };
}
