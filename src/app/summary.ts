/**
 * Add the summary sheets: 汇总, 问题清单 and 责任单位 over the books of one or more workbooks, and - where asked and
 * the workbooks have scoring sheets - the ranking (排名), into a target workbook. The command line's `summary` and
 * the task pane's 生成汇总 add them through here.
 */
import type { Language } from "../core/rules";
import { SUMMARY_SHEETS, summarySheets, type SheetBuilder } from "../core/summary/summarySheets";
import type { SheetSpec } from "../core/sheetSpec";
import type { WorkbookAdapter } from "../excel/adapter";
import { checkWorkbook } from "./check";
import { rankUnits, type RankedWorkbook } from "./ranking";

export interface SummaryRequest {
  language: Language;
  /** Links to the source cells: only when the summary sheets go into the (one) source workbook. */
  links: boolean;
  /** Add the ranking of the units by their scoring sheets (when any has one). */
  ranking: boolean;
}

/** The summary sheets of the workbooks, in order. */
export async function summarySpecs(workbooks: RankedWorkbook[], request: SummaryRequest): Promise<SheetSpec[]> {
  const checked = [];
  for (const workbook of workbooks) checked.push({ ...workbook, check: workbook.check ?? (await checkWorkbook(workbook.adapter)) });
  const ranking = request.ranking ? (await rankUnits(checked)).spec : null;
  const builders: SheetBuilder[] = [...SUMMARY_SHEETS, () => ranking];
  return summarySheets(checked.map((w) => ({ file: w.file, books: w.check.books })), request, builders);
}

/** Adds the summary sheets of the workbooks to `target` (new sheets only); the names used. */
export async function addSummarySheets(target: Pick<WorkbookAdapter, "addSheets">, workbooks: RankedWorkbook[], request: SummaryRequest): Promise<string[]> {
  return target.addSheets(await summarySpecs(workbooks, request));
}
