/**
 * The one ExcelJS writer: SheetSpec -> ExcelJS worksheets. The .xlsx adapter (exceljsAdapter.ts) adds its sheets
 * through `writeSpecs`, and so do imported sheet layouts (Word tables, turned into specs by
 * src/import/layoutSpec.ts) in a new workbook with fixed properties (import-text, import-docx, build-seeds). Values
 * as values (text that Excel would take for a formula as text, "@"), formulas with the engine's cached result,
 * links to cells, styles and number formats, widths and row heights, frozen header rows, hidden columns, the print
 * setup (one page wide, landscape where wide, header rows on every page, page numbers), data validation of the
 * input cells with a highlight of what is out of range, protection with the input cells left unlocked. Sheets are
 * always added under a free name; an existing sheet is never replaced. (ExcelJS cannot write charts: each sheet's
 * ChartSpecs are noted in exceljsCharts.ts and added to the saved bytes as native charts.)
 */
import type ExcelJS from "exceljs";
import type { SheetLayout } from "../import/sheetLayout";
import { layoutToSpec } from "../import/layoutSpec";
import { cellLook, OUT_OF_RANGE_LOOK, SHEET_FONT } from "../core/cellLook";
import { excelJs } from "./excelJs";
import { noteCharts } from "./exceljsCharts";
import {
  PAGE_FOOTER, SheetNames, freeSheetName, madeSheet, numberFormat, outOfRangeFormula, sheetRef, titleRowsRef, validationRange,
  type CellStyle, type InputValidation, type PrintSetup, type SheetSource, type SheetSpec, type SpecCell,
} from "../core/sheetSpec";

export { SHEET_FONT } from "../core/cellLook";

const thin: Partial<ExcelJS.Border> = { style: "thin" };
const TABLE_BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const STYLES = new Map<string, Partial<ExcelJS.Style>>();

/** A cell's look (src/core/cellLook.ts) as ExcelJS's style. */
function styleOf(kind: SpecCell["kind"], style: CellStyle | undefined): Partial<ExcelJS.Style> {
  const look = cellLook(kind, style);
  const { size, bold, underline, color } = look.font;
  const font: Partial<ExcelJS.Font> = { name: SHEET_FONT };
  if (color !== undefined) font.color = { argb: `FF${color}` };
  if (underline) font.underline = true;
  if (size !== undefined) font.size = size;
  if (bold !== undefined) font.bold = bold;
  const out: Partial<ExcelJS.Style> = { font };
  if (look.alignment) {
    const { vertical, horizontal, wrap } = look.alignment;
    out.alignment = { vertical, ...(horizontal ? { horizontal } : {}), ...(wrap !== undefined ? { wrapText: wrap } : {}) };
  }
  if (look.border) out.border = TABLE_BORDER;
  if (look.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } };
  if (look.unlocked) out.protection = { locked: false };
  return out;
}

/** The one style object of each kind of cell, shared by every cell of that kind (ExcelJS keeps a cell's style by
 * reference, and writes each distinct style once). */
function sharedStyle(kind: SpecCell["kind"], style: CellStyle | undefined, format: string | undefined): Partial<ExcelJS.Style> {
  const id = `${kind === "link" ? "link" : "cell"}:${style ?? ""}:${format ?? ""}`;
  let shared = STYLES.get(id);
  if (!shared) {
    shared = styleOf(kind, style);
    if (format !== undefined) shared.numFmt = format;
    STYLES.set(id, shared);
  }
  return shared;
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell) {
  switch (spec.kind) {
    case "value":
      // Strings are stored as shared strings, formula-like text formatted as text ("@"): it stays text.
      cell.value = spec.error && typeof spec.value === "string" ? { error: spec.value as ExcelJS.CellErrorValue["error"] } : spec.value;
      break;
    case "formula":
      cell.value = spec.cached === undefined || spec.cached === null
        ? { formula: spec.formula, date1904: false }
        : ({ formula: spec.formula, result: spec.cached, date1904: false } as ExcelJS.CellFormulaValue);
      break;
    case "link":
      cell.value = { text: spec.text, hyperlink: `#${sheetRef(spec.sheet, spec.cell)}` };
      break;
  }
  cell.style = sharedStyle(spec.kind, spec.style, numberFormat(spec)) as ExcelJS.Style;
}

/** One page wide and as many high as it takes, landscape where wide, header rows on every page, page numbers. */
function writePrint(sheet: ExcelJS.Worksheet, print: PrintSetup): void {
  sheet.pageSetup.paperSize = 9; // A4
  sheet.pageSetup.orientation = print.landscape ? "landscape" : "portrait";
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
  sheet.pageSetup.horizontalCentered = true;
  if (print.titleRows > 0) sheet.pageSetup.printTitlesRow = titleRowsRef(print.titleRows).replace(/\$/g, "");
  sheet.headerFooter.oddFooter = `&C${PAGE_FOOTER}`;
}


/** An input rule as ExcelJS's data validation. */
function dataValidation(v: InputValidation): ExcelJS.DataValidation {
  const alert = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: v.title, error: v.message, showInputMessage: false };
  const { rule } = v;
  if (rule.kind === "list") return { ...alert, type: "list", formulae: [`"${rule.values.join(",")}"`] } as ExcelJS.DataValidation;
  const type = rule.kind === "whole" ? "whole" : "decimal";
  if (rule.min !== null && rule.max !== null) return { ...alert, type, operator: "between", formulae: [rule.min, rule.max] } as ExcelJS.DataValidation;
  if (rule.max !== null) return { ...alert, type, operator: "lessThanOrEqual", formulae: [rule.max] } as ExcelJS.DataValidation;
  return { ...alert, type, operator: "greaterThanOrEqual", formulae: [rule.min ?? -1e15] } as ExcelJS.DataValidation;
}

/** Data validation of the input cells, and a tint on any of them holding what the validation refuses. */
function writeValidations(sheet: ExcelJS.Worksheet, validations: InputValidation[]): void {
  validations.forEach((v, index) => {
    const validation = dataValidation(v);
    for (let r = v.area.top; r <= v.area.bottom; r++) {
      for (let c = v.area.left; c <= v.area.right; c++) sheet.getRow(r + 1).getCell(c + 1).dataValidation = validation;
    }
    sheet.addConditionalFormatting({
      ref: validationRange(v),
      rules: [{
        type: "expression",
        // Each rule its own priority, as Excel writes them.
        priority: index + 1,
        formulae: [outOfRangeFormula(v)],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${OUT_OF_RANGE_LOOK.fill}` } }, font: { color: { argb: `FF${OUT_OF_RANGE_LOOK.color}` } } },
      }],
    });
  });
}

/** Adds one worksheet for a spec under a free name (`name`: one already picked); returns the name used. */
export async function addSpecSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, name = freeSheetName(spec.name, workbook.worksheets.map((w) => w.name))): Promise<string> {
  const sheet = workbook.addWorksheet(name, {
    views: spec.frozenRows > 0 ? [{ state: "frozen", ySplit: spec.frozenRows }] : [],
  });
  spec.widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  for (const col of spec.hiddenColumns ?? []) sheet.getColumn(col + 1).hidden = true;
  spec.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(r + 1);
    row.forEach((cellSpec, c) => writeCell(sheetRow.getCell(c + 1), cellSpec));
    const height = spec.rowHeights?.[r];
    if (height !== undefined && height !== null) sheetRow.height = height;
  });
  for (const merge of spec.merges) sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  if (spec.validations) writeValidations(sheet, spec.validations);
  if (spec.print) writePrint(sheet, spec.print);
  noteCharts(sheet, spec);
  if (spec.protect) {
    await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return name;
}

/** Adds every spec as a new sheet, in order; returns the names used. The one entry point of the ExcelJS writer. */
export async function writeSpecs(workbook: ExcelJS.Workbook, specs: SheetSource[]): Promise<string[]> {
  const names: string[] = [];
  const taken = new SheetNames(workbook.worksheets.map((w) => w.name));
  for (const spec of specs) names.push(await addSpecSheet(workbook, madeSheet(spec), taken.take(spec.name)));
  return names;
}

/** Fixed workbook properties, so that building the same input twice gives the same workbook. */
const CREATOR = "Kaohe";
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** A new workbook with fixed properties holding the given sheet layouts (imported Word tables, docs/LAYOUT.md),
 * written as specs (layoutToSpec) by the one writer. */
export async function layoutWorkbook(layouts: SheetLayout[]): Promise<ExcelJS.Workbook> {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  await writeSpecs(workbook, layouts.map(layoutToSpec));
  return workbook;
}
