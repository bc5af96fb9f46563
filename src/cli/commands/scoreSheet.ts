/**
 * `score-sheet <file.xlsx> -o <out.xlsx> [--portable] [--force]`: a copy of the workbook with a scoring sheet
 * (评分表) per book added. Existing sheets stay as they are; scoring sheets already in the workbook are generated
 * again with every value entered on them kept (rows matched by their source indicator).
 *
 * Also reads scoring sheets back: the values entered (for regeneration) and each unit's total and grade (for the
 * ranking across workbooks).
 */
import type ExcelJS from "exceljs";
import path from "node:path";
import { z } from "zod";
import { rankedUnitOf, rankingSheet } from "../../core/summary/ranking";
import type { SheetBuilder } from "../../core/summary/summarySheets";
import { readBooks } from "../../core/layout";
import { checkScoringSheets } from "../../core/scoringSheet/entered";
import {
  enteredFormulas,
  readScoringInputs as readInputs,
  readScoringTotal,
  scoringSheetHeader,
  scoringSheets,
  type ScoringSheetCells,
  type ScoringTotal,
  type SheetInputs,
} from "../../core/scoringSheet";
import { type Command, EXIT_OK, validate } from "../command";
import { InputError } from "../inputError";
import { writeSpecs } from "../specWrite";
import { cellValue, loadWorkbook, worksheetToGrid } from "../xlsxRead";
import { saveWorkbook } from "../xlsxWrite";

const args = z.object({
  files: z.array(z.string().min(1)).length(1, "cli.one-file"),
  output: z.string({ error: "cli.output-missing" }).min(1, "cli.output-missing").regex(/\.xlsx$/i, "cli.output-xlsx"),
  portable: z.boolean().default(false),
  force: z.boolean().default(false),
  lang: z.enum(["zh", "en"], { error: "--lang must be zh or en" }).default("zh"),
});

/** A worksheet as the shared scoring-sheet reader sees it. ExcelJS reads a cached formula result of 0 as no
 * result: a formula without a result reads as 0 (the total formula always gives a number). */
function worksheetCells(worksheet: ExcelJS.Worksheet): ScoringSheetCells {
  return {
    name: worksheet.name,
    rowCount: worksheet.rowCount,
    value(row, col) {
      const raw = worksheet.getRow(row).getCell(col).value;
      return raw !== null && typeof raw === "object" && "formula" in raw && raw.result === undefined ? 0 : cellValue(raw);
    },
    entered(row, col) {
      const v = worksheet.getRow(row).getCell(col).value;
      if (v !== null && typeof v === "object" && "formula" in v && typeof v.formula === "string") return `=${v.formula}`;
      return cellValue(v);
    },
  };
}

export function isScoringSheet(worksheet: ExcelJS.Worksheet): boolean {
  return scoringSheetHeader(worksheetCells(worksheet)) !== null;
}

/** The values entered on a scoring sheet, by row key, and the sheet's key (null when it is not a scoring sheet). */
export function readScoringInputs(worksheet: ExcelJS.Worksheet): { sheetKey: string; inputs: SheetInputs } | null {
  return readInputs(worksheetCells(worksheet));
}

/** A unit's result as its scoring sheet shows it (the values last computed in Excel, or when generated). */
export interface ScoredUnit extends ScoringTotal {
  file: string;
}

/** Totals and grades of every scoring sheet of a workbook. */
export function readScoringTotals(workbook: ExcelJS.Workbook, file: string): ScoredUnit[] {
  return workbook.worksheets.flatMap((worksheet) => {
    const total = readScoringTotal(worksheetCells(worksheet));
    return total ? [{ file, ...total }] : [];
  });
}

/** Adds the scoring sheets to a loaded workbook (replacing earlier scoring sheets, keeping their entries). */
export async function addScoringSheets(workbook: ExcelJS.Workbook, options: { portable: boolean }): Promise<string[]> {
  const previous = new Map<string, SheetInputs>();
  const old: ExcelJS.Worksheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const read = readScoringInputs(worksheet);
    if (!read) continue;
    old.push(worksheet);
    previous.set(read.sheetKey, read.inputs);
  }
  const grids = workbook.worksheets.filter((w) => !old.includes(w)).map(worksheetToGrid);
  const { books } = readBooks(grids);
  if (books.length === 0) throw new InputError({ key: "workbook.nothing-to-score", params: {} });
  const specs = scoringSheets(books, options, previous);
  for (const worksheet of old) workbook.removeWorksheet(worksheet.id);
  return writeSpecs(workbook, specs.map(enteredFormulas));
}

/**
 * The ranking (排名) as a summary sheet builder over the scoring sheets of the given workbooks (one workbook: links
 * to each total; several: places as text). A unit's findings are those of its book and of the values entered on
 * its scoring sheet, as in the task pane. Null when no workbook has a scoring sheet.
 */
export function scoringRankingBuilder(workbooks: { file: string; workbook: ExcelJS.Workbook }[]): SheetBuilder {
  const single = workbooks.length === 1;
  const scored = workbooks.flatMap(({ file, workbook }) => {
    const grids = workbook.worksheets.map(worksheetToGrid);
    const entered = checkScoringSheets(readBooks(grids).books, grids);
    return readScoringTotals(workbook, path.basename(file)).map((unit) => ({
      ...unit,
      entered: entered.filter((s) => s.unit === unit.unit).reduce((n, s) => n + s.findings.length, 0),
    }));
  });
  return (books) => {
    if (scored.length === 0) return null;
    const findings = (unit: string) => books.filter((b) => b.book.unit === unit).reduce((n, b) => n + b.findings.length, 0);
    const units = scored.map((u) => rankedUnitOf(u, findings(u.unit) + u.entered, single ? null : u.file)).filter((u) => u !== null);
    return units.length === 0 ? null : rankingSheet(units);
  };
}

export const scoreSheetCommand: Command = {
  usage: "score-sheet <file.xlsx|.xls|.et|.ods> -o <out.xlsx> [--portable] [--force] [--lang zh|en]",
  summary: "生成评分表（每个考核单位一张，含适用的共性指标）/ add a scoring sheet per assessed unit, with the common tables that apply (--portable: native Excel formulas, no add-in needed)",
  options: { output: { type: "string", short: "o" }, portable: { type: "boolean" }, force: { type: "boolean" }, lang: { type: "string" } },
  async run(values, positionals) {
    const a = validate(args, { ...values, files: positionals });
    const workbook = await loadWorkbook(a.files[0], a.lang);
    const names = await addScoringSheets(workbook, { portable: a.portable }).catch((error: unknown) => {
      throw error instanceof InputError ? new InputError({ key: "cli.nothing-to-score", params: { file: a.files[0] } }) : error;
    });
    await saveWorkbook(workbook, a.output, { force: a.force });
    console.log(`${a.output}: ${names.length} 张评分表 / scoring sheets${a.portable ? "（通用公式 / portable）" : ""}`);
    return EXIT_OK;
  },
};
