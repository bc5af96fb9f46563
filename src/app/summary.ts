/**
 * Add the summary sheets: 汇总, 问题清单 and 责任单位 over the books of one or more workbooks, and - where asked and
 * the workbooks have scoring sheets - the ranking (排名), into a target workbook. The command line's `summary` and
 * the task pane's 生成汇总 add them through here.
 */
import type { Language } from "../core/rules";
import type { GradeScale } from "../core/scoring";
import { aliasesFromSheets, mergeAliases, type OwnerAliases } from "../core/summary/owners";
import { SUMMARY_SHEETS, summarySheets, type SheetBuilder } from "../core/summary/summarySheets";
import type { SheetSpec } from "../core/sheetSpec";
import type { WorkbookAdapter } from "../excel/adapter";
import { checkWorkbook } from "./check";
import { rankUnits, type RankedWorkbook, type Ranking } from "./ranking";

export interface SummaryRequest {
  language: Language;
  /** Links to the source cells: only when the summary sheets go into the (one) source workbook. */
  links: boolean;
  /** Add the ranking of the units by their scoring sheets (when any has one). */
  ranking: boolean;
  /** The user's names of offices for the 责任单位 sheet (an alias file); the workbooks' 单位别名 sheets add theirs. */
  owners?: OwnerAliases;
  /** A grade scale the user chose for the ranking (else each scoring sheet's own). */
  grades?: GradeScale | null;
}

/** The summary sheets of the workbooks, in order, and the ranking when one was asked for. */
export async function summaryOf(workbooks: RankedWorkbook[], request: SummaryRequest): Promise<{ specs: SheetSpec[]; ranking: Ranking | null }> {
  const checked = [];
  for (const workbook of workbooks) checked.push({ ...workbook, check: workbook.check ?? (await checkWorkbook(workbook.adapter)) });
  const ranking = request.ranking ? await rankUnits(checked, { grades: request.grades }) : null;
  const builders: SheetBuilder[] = [...SUMMARY_SHEETS, () => ranking?.spec ?? null];
  const owners = mergeAliases(...checked.map((w) => aliasesFromSheets(w.check.grids)), request.owners);
  return { specs: summarySheets(checked.map((w) => ({ file: w.file, books: w.check.books })), { ...request, owners }, builders), ranking };
}

/** The summary sheets of the workbooks, in order. */
export async function summarySpecs(workbooks: RankedWorkbook[], request: SummaryRequest): Promise<SheetSpec[]> {
  return (await summaryOf(workbooks, request)).specs;
}

/** Adds the summary sheets of the workbooks to `target` (new sheets only): the names used, and the ranking. */
export async function addSummary(target: Pick<WorkbookAdapter, "addSheets">, workbooks: RankedWorkbook[], request: SummaryRequest): Promise<{ names: string[]; ranking: Ranking | null }> {
  const { specs, ranking } = await summaryOf(workbooks, request);
  return { names: await target.addSheets(specs), ranking };
}

/** Adds the summary sheets of the workbooks to `target` (new sheets only); the names used. */
export async function addSummarySheets(target: Pick<WorkbookAdapter, "addSheets">, workbooks: RankedWorkbook[], request: SummaryRequest): Promise<string[]> {
  return (await addSummary(target, workbooks, request)).names;
}
