/**
 * `score-sheet <file.xlsx> -o <out.xlsx> [--portable] [--force]`: a copy of the workbook with a scoring sheet
 * (评分表) per book added. Existing sheets stay as they are; scoring sheets already in the workbook are generated
 * again with every value entered on them kept (rows matched by their source indicator).
 *
 * Also reads scoring sheets back: the values entered (for regeneration) and each unit's total and grade (for the
 * ranking across workbooks).
 */
import { writeFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import path from "node:path";
import { z } from "zod";
import { Decimal } from "../../core/decimal";
import { rankingSheet } from "../../core/summary/ranking";
import type { SheetBuilder } from "../../core/summary/summarySheets";
import { readBooks } from "../../core/layout";
import {
  GRADE_LABEL,
  HEADER_ROW,
  KEY_HEADER,
  TOTAL_LABEL,
  VETO_KEY,
  emptyInputs,
  scoringSheets,
  type InputValue,
  type RowInputs,
  type SheetInputs,
} from "../../core/scoringSheet";
import { type Command, EXIT_OK, validate } from "../command";
import { InputError } from "../inputError";
import { writeSpecs } from "../specWrite";
import { cellValue, loadWorkbook, worksheetToGrid } from "../xlsxRead";
import { withFixedZipTimes } from "../zipTimes";

const args = z.object({
  files: z.array(z.string().min(1)).length(1, "name one .xlsx file"),
  output: z.string().min(1, "name the output file with -o"),
  portable: z.boolean().default(false),
  force: z.boolean().default(false),
});

/** Header columns of a scoring sheet (1-based), or null when the worksheet is not one. */
function scoringHeader(worksheet: ExcelJS.Worksheet): Map<string, number> | null {
  const header = new Map<string, number>();
  worksheet.getRow(HEADER_ROW).eachCell((cell, col) => {
    const v = cellValue(cell.value);
    if (typeof v === "string" && !header.has(v)) header.set(v, col);
  });
  return header.has(KEY_HEADER) ? header : null;
}

export function isScoringSheet(worksheet: ExcelJS.Worksheet): boolean {
  return scoringHeader(worksheet) !== null;
}

/** An entered cell as it should be kept: its value, or its formula when the assessor typed one. */
function entered(cell: ExcelJS.Cell): InputValue {
  const v = cell.value;
  if (v !== null && typeof v === "object" && "formula" in v && typeof v.formula === "string") return `=${v.formula}`;
  return cellValue(v);
}

/** The values entered on a scoring sheet, by row key, and the sheet's key (null when it is not a scoring sheet). */
export function readScoringInputs(worksheet: ExcelJS.Worksheet): { sheetKey: string; inputs: SheetInputs } | null {
  const header = scoringHeader(worksheet);
  if (!header) return null;
  const keyCol = header.get(KEY_HEADER)!;
  const col = (name: string) => header.get(name)!;
  const groupCols = [...header.entries()].filter(([, c]) => c > col("扣分") && c < col("备注")).map(([, c]) => c);
  const sheetKey = String(cellValue(worksheet.getRow(2).getCell(keyCol).value) ?? "");
  const inputs = emptyInputs();
  for (let r = HEADER_ROW + 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const key = cellValue(row.getCell(keyCol).value);
    if (typeof key !== "string" || key === "") continue;
    if (key === VETO_KEY) {
      inputs.veto = entered(row.getCell(col("实际完成")));
      continue;
    }
    const values: RowInputs = {
      actual: entered(row.getCell(col("实际完成"))),
      deduction: entered(row.getCell(col("扣分"))),
      groups: groupCols.map((c) => entered(row.getCell(c))),
      note: entered(row.getCell(col("备注"))),
    };
    if ([values.actual, values.deduction, values.note, ...values.groups].some((v) => v !== null && v !== "")) inputs.rows.set(key, values);
  }
  return { sheetKey, inputs };
}

/** A unit's result as its scoring sheet shows it (the values last computed in Excel, or when generated). */
export interface ScoredUnit {
  file: string;
  sheet: string;
  unit: string;
  total: number | null;
  grade: string | null;
  /** The total's cell. */
  cell: string | null;
}

/** Totals and grades of every scoring sheet of a workbook. */
export function readScoringTotals(workbook: ExcelJS.Workbook, file: string): ScoredUnit[] {
  const units: ScoredUnit[] = [];
  for (const worksheet of workbook.worksheets) {
    const header = scoringHeader(worksheet);
    if (!header) continue;
    const nameCol = header.get("指标")!;
    const subtotalCol = header.get("小计")!;
    let total: number | null = null;
    let grade: string | null = null;
    let cell: string | null = null;
    for (let r = HEADER_ROW + 1; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      const label = cellValue(row.getCell(nameCol).value);
      const raw = row.getCell(subtotalCol).value;
      // ExcelJS reads a cached formula result of 0 as no result: the total formula always gives a number.
      const v = raw !== null && typeof raw === "object" && "formula" in raw && raw.result === undefined && label === TOTAL_LABEL ? 0 : cellValue(raw);
      if (label === TOTAL_LABEL && typeof v === "number") {
        total = v;
        cell = row.getCell(subtotalCol).address;
      }
      if (label === GRADE_LABEL && typeof v === "string") grade = v;
    }
    const unit = String(cellValue(worksheet.getRow(2).getCell(2).value) ?? worksheet.name);
    units.push({ file, sheet: worksheet.name, unit, total, grade, cell });
  }
  return units;
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
  if (books.length === 0) throw new InputError("no responsibility book found in the workbook (nothing to score)");
  const specs = scoringSheets(books, options, previous);
  for (const worksheet of old) workbook.removeWorksheet(worksheet.id);
  const names = await writeSpecs(workbook, specs);
  for (const name of names) {
    restoreFormulas(workbook.getWorksheet(name)!);
  }
  return names;
}

/** Entries kept as "=…" text were formulas the assessor typed into input cells: write them back as formulas. */
function restoreFormulas(worksheet: ExcelJS.Worksheet) {
  worksheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.startsWith("=") && cell.protection?.locked === false) {
        cell.value = { formula: cell.value.slice(1), date1904: false } as ExcelJS.CellFormulaValue;
      }
    }),
  );
}

/**
 * The ranking (排名) as a summary sheet builder over the scoring sheets of the given workbooks (one workbook: links
 * to each total; several: places as text). Findings are counted from the checked books of the same unit. Null when
 * no workbook has a scoring sheet.
 */
export function scoringRankingBuilder(workbooks: { file: string; workbook: ExcelJS.Workbook }[]): SheetBuilder {
  const single = workbooks.length === 1;
  const scored = workbooks.flatMap(({ file, workbook }) => readScoringTotals(workbook, path.basename(file)));
  return (books) => {
    if (scored.length === 0) return null;
    const findings = (unit: string) => books.filter((b) => b.book.unit === unit).reduce((n, b) => n + b.findings.length, 0);
    return rankingSheet(
      scored.map((u) => ({
        unit: u.unit,
        total: u.total === null ? null : new Decimal(String(u.total)),
        grade: u.grade,
        findings: findings(u.unit),
        file: single ? null : u.file,
        sheet: u.sheet,
        cell: u.cell,
      })),
    );
  };
}

export const scoreSheetCommand: Command = {
  usage: "score-sheet <file.xlsx> -o <out.xlsx> [--portable] [--force]",
  summary: "生成评分表（每份责任书一张）/ add a scoring sheet per book (--portable: native Excel formulas, no add-in needed)",
  options: { output: { type: "string", short: "o" }, portable: { type: "boolean" }, force: { type: "boolean" } },
  async run(values, positionals) {
    const a = validate(args, { ...values, files: positionals });
    const workbook = await loadWorkbook(a.files[0]);
    const names = await addScoringSheets(workbook, { portable: a.portable });
    const bytes = withFixedZipTimes(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    try {
      await writeFile(a.output, bytes, { flag: a.force ? "w" : "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new InputError(`${a.output}: already exists (use --force to replace it)`);
      if (code === "ENOENT") throw new InputError(`${a.output}: the output folder does not exist`);
      throw new InputError(`${a.output}: cannot write the file (${code ?? String(error)})`);
    }
    console.log(`${a.output}: ${names.length} 张评分表 / scoring sheets${a.portable ? "（通用公式 / portable）" : ""}`);
    return EXIT_OK;
  },
};
