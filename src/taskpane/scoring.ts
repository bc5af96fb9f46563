/**
 * The task pane's scoring actions over the adapter: generate the scoring sheets (keeping every value entered on the
 * ones generated before, which are replaced) and the ranking of the units by their scoring sheets' totals.
 */
import type { Book } from "../core/book";
import type { Finding } from "../core/rules";
import { enteredCount, enteredFormulas, readScoringInputs, readScoringTotal, scoringSheets, type SheetInputs } from "../core/scoringSheet";
import { rankedUnitOf, rankingSheet, type RankedUnit } from "../core/summary/ranking";
import type { SheetSpec } from "../core/sheetSpec";
import type { WorkbookAdapter } from "../excel/adapter";
import { checkWorkbook } from "./check";

export interface GeneratedScoring {
  names: string[];
  /** Scoring sheets generated before and replaced. */
  replaced: number;
  /** Rows (and vetoes) whose entered values were carried over. */
  kept: number;
}

export async function generateScoringSheets(adapter: WorkbookAdapter, books: Book[], portable: boolean): Promise<GeneratedScoring> {
  const old = await adapter.readScoringSheets();
  const previous = new Map<string, SheetInputs>();
  for (const cells of old) {
    const read = readScoringInputs(cells);
    if (read) previous.set(read.sheetKey, read.inputs);
  }
  const specs = scoringSheets(books, { portable }, previous).map(enteredFormulas);
  const names = await adapter.addSheets(specs, old.map((c) => c.name));
  const kept = [...previous.values()].reduce((n, inputs) => n + enteredCount(inputs), 0);
  return { names, replaced: old.length, kept };
}

/** A workbook's units as ranked: totals from its scoring sheets, findings counted from its books by unit. */
async function rankedUnits(adapter: WorkbookAdapter, file: string | null, findings: Finding[]): Promise<RankedUnit[]> {
  const sheets = await adapter.readScoringSheets();
  return sheets.flatMap((cells) => {
    const t = readScoringTotal(cells);
    const unit = t && rankedUnitOf(t, findings.filter((f) => f.unit === t.unit).length, file);
    return unit ? [unit] : [];
  });
}

export interface RankingSource {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * The ranking sheet over the open workbook's scoring sheets and the workbooks picked (read through the adapter's
 * file opener); null when none of them has a scoring sheet.
 */
export async function buildRanking(adapter: WorkbookAdapter, findings: Finding[], files: RankingSource[] = []): Promise<{ spec: SheetSpec | null; units: number }> {
  const units = await rankedUnits(adapter, null, findings);
  for (const file of files) {
    if (!adapter.openWorkbookFile) throw new Error("cannot read .xlsx files here");
    const other = await adapter.openWorkbookFile(file.bytes);
    const checked = await checkWorkbook(other);
    units.push(...(await rankedUnits(other, file.name, checked.findings)));
  }
  return { spec: units.length === 0 ? null : rankingSheet(units), units: units.length };
}
