/**
 * Add or regenerate the scoring sheets (评分表): one per assessed unit, from the books on the workbook's other
 * sheets. Scoring sheets generated before are replaced, every value entered on them kept (rows matched by their
 * key). The command line's `score-sheet`, the task pane and the preview generate through here.
 */
import type { Book } from "../core/book";
import { readBooks } from "../core/layout";
import { enteredCount, enteredFormulas, readScoringInputs, scoringSheets, type SheetInputs } from "../core/scoringSheet";
import type { WorkbookAdapter } from "../excel/adapter";
import { MessageError } from "../locales";

export interface GeneratedScoring {
  names: string[];
  /** Scoring sheets generated before and replaced. */
  replaced: number;
  /** Rows (and vetoes) whose entered values were carried over. */
  kept: number;
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
  const previous = new Map<string, SheetInputs>();
  for (const cells of old) {
    const read = readScoringInputs(cells);
    if (read) previous.set(read.sheetKey, read.inputs);
  }
  const oldNames = new Set(old.map((c) => c.name));
  const sources = books ?? readBooks((await adapter.readSheets()).filter((g) => !oldNames.has(g.sheet))).books;
  const scored = sources.filter((book) => !oldNames.has(book.sheet));
  if (scored.length === 0) throw new NothingToScoreError();
  const specs = scoringSheets(scored, options, previous).map(enteredFormulas);
  const names = await adapter.addSheets(specs, [...oldNames]);
  const kept = [...previous.values()].reduce((n, inputs) => n + enteredCount(inputs), 0);
  return { names, replaced: old.length, kept };
}
