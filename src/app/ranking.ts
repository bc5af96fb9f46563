/**
 * Rank units across workbooks: each workbook's scoring sheets give its units' totals and grades, its check the
 * number of findings of each unit (in the unit's books and on its scoring sheet); the ranking sheet (排名) lists
 * them all. The command line's `summary` and the task pane's 生成排名 rank through here.
 */
import type { RankedUnit } from "../core/summary/ranking";
import { rankedUnitOf, rankingSheet } from "../core/summary/ranking";
import { readScoringTotal } from "../core/scoringSheet";
import type { SheetSpec } from "../core/sheetSpec";
import type { WorkbookAdapter } from "../excel/adapter";
import { checkWorkbook, type WorkbookCheck } from "./check";

/** A workbook to rank: its adapter, its name (null: the workbook the ranking goes into) and, when the caller has
 * it, its check (else it is checked here). */
export interface RankedWorkbook {
  adapter: Pick<WorkbookAdapter, "readSheets" | "readScoringSheets">;
  file: string | null;
  check?: WorkbookCheck;
}

/** A unit's findings: those of its books and those about the values entered on its scoring sheets. */
function unitFindings(check: WorkbookCheck, unit: string): number {
  const inBooks = check.books.reduce((n, book, i) => (book.unit === unit ? n + check.perBook[i].length : n), 0);
  return check.scoring.reduce((n, s) => (s.unit === unit ? n + s.findings.length : n), inBooks);
}

/** The units of one workbook, as its scoring sheets show them. */
export async function rankedUnits(workbook: RankedWorkbook): Promise<RankedUnit[]> {
  const check = workbook.check ?? (await checkWorkbook(workbook.adapter));
  const sheets = await workbook.adapter.readScoringSheets();
  return sheets.flatMap((cells) => {
    const total = readScoringTotal(cells);
    const unit = total && rankedUnitOf(total, unitFindings(check, total.unit), workbook.file);
    return unit ? [unit] : [];
  });
}

/** The ranking sheet over the workbooks' units; null when none of them has a scoring sheet. */
export async function rankUnits(workbooks: RankedWorkbook[]): Promise<{ spec: SheetSpec | null; units: number }> {
  const units: RankedUnit[] = [];
  for (const workbook of workbooks) units.push(...(await rankedUnits(workbook)));
  return { spec: units.length === 0 ? null : rankingSheet(units), units: units.length };
}
