/**
 * The towns of seed 001 as a round of scoring starts: the towns' sheet (螅镇 and 坑镇, merges undone, one
 * indicator name with a typo to be fixed in the next round) with its common table and the negative list - the other
 * parts of the seed left out to keep the command-line runs short - and the scoring sheets `kaohe score-sheet`
 * generates for it. Shared by the tests that fill 螅镇's sheet and generate again.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { HEADER_ROW, KEY_HEADER, scoringColumns } from "../../src/core/scoringSheet";
import { cellValue } from "../../src/xlsx/worksheetGrid";
import { SEEDS, kaohe } from "../cli/run";

const SEED = path.join(SEEDS, "001_c9fa6fd301574412.xlsx");
export const SOURCE = "镇（办、中心）";
const KEPT_SHEETS = ["负面清单", "各镇（办、中心）共性", SOURCE];
export const UNIT_SHEET = "评分-螅镇";
export const VETO_LABEL = "一票否决（填 TRUE 或 1）";
/** The towns' sheet up to the second town's book (螅镇 on rows 2-23, 坑镇 on 24-45). */
const LAST_ROW = 45;
export const cols = scoringColumns(0);

export type Rows = ExcelJS.CellValue[][];

/** A sheet's rows as values (a merged area's value in each of its cells). */
export function readRows(ws: ExcelJS.Worksheet, last = ws.rowCount): Rows {
  return Array.from({ length: last }, (_, r) => Array.from((ws.getRow(r + 1).values as ExcelJS.CellValue[]).slice(1), (v) => v ?? null));
}

/** Writes rows over a sheet (no merges), clearing what is below them. */
export function writeRows(ws: ExcelJS.Worksheet, rows: Rows) {
  const height = Math.max(ws.rowCount, rows.length);
  for (let r = 1; r <= height; r++) ws.getRow(r).values = rows[r - 1] ?? [];
}

/** Index (0-based) of 螅镇's row whose indicator starts with `name`. */
export function rowIndex(rows: Rows, name: string): number {
  const i = rows.findIndex((row, k) => k < 23 && typeof row[1] === "string" && row[1].startsWith(name));
  if (i < 0) throw new Error(`no row ${name}`);
  return i;
}

/** The sheet row (1-based) of each row of a scoring sheet, by the indicator (指标) it shows. */
export function sheetRows(ws: ExcelJS.Worksheet): Map<string, number> {
  expect((ws.getRow(HEADER_ROW).values as unknown[])[cols.key + 1]).toBe(KEY_HEADER);
  const rows = new Map<string, number>();
  ws.eachRow((row, r) => {
    if (r > HEADER_ROW) rows.set(String(cellValue(row.getCell(cols.name + 1).value)), r);
  });
  return rows;
}

/** Writes the towns' source workbook and its generated scoring sheets in `dir`; the generated file's path. */
export async function generatedTowns(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SEED);
  for (const ws of [...workbook.worksheets]) if (!KEPT_SHEETS.includes(ws.name)) workbook.removeWorksheet(ws.id);
  const towns = workbook.getWorksheet(SOURCE)!;
  const rows = readRows(towns, LAST_ROW);
  for (const merge of [...((towns.model as { merges?: string[] }).merges ?? [])]) towns.unMergeCells(merge);
  rows[rowIndex(rows, "卫生健康工作")][1] = "卫生健康工做5分";
  writeRows(towns, rows);
  const source = path.join(dir, "source.xlsx");
  await workbook.xlsx.writeFile(source);
  const generated = path.join(dir, "generated.xlsx");
  const result = kaohe("score-sheet", source, "-o", generated);
  expect(result.stderr).toBe("");
  expect(result.stdout.trim()).toBe(`${generated}: 2 张评分表`);
  return generated;
}

/** Generates the scoring sheets of `file` again (after `edit` changed it, when given); the printed lines and the
 * workbook written. */
export async function regenerate(dir: string, file: string, name: string, edit?: (workbook: ExcelJS.Workbook) => void) {
  let input = file;
  if (edit) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    edit(workbook);
    input = path.join(dir, `${name}.xlsx`);
    await workbook.xlsx.writeFile(input);
  }
  const out = path.join(dir, `${name}.out.xlsx`);
  const result = kaohe("score-sheet", input, "-o", out);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const regenerated = new ExcelJS.Workbook();
  await regenerated.xlsx.readFile(out);
  return { input, out, lines: result.stdout.trim().split("\n"), regenerated };
}
