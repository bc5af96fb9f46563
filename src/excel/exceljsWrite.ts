/**
 * The one ExcelJS writer. SheetSpec -> ExcelJS worksheets (the .xlsx adapter, exceljsAdapter.ts, adds sheets through
 * it): values as values, formulas with the engine's cached result, links to cells,
 * styles, widths, frozen header rows, protection with the input cells left unlocked. Sheets are always added
 * under a free name; an existing sheet is never replaced. (ExcelJS cannot write charts: ChartSpecs are drawn by
 * the add-in only.) And imported sheet layouts (Word tables) -> a new workbook with fixed properties (import-text,
 * import-docx, build-seeds).
 */
import type ExcelJS from "exceljs";
import type { SheetLayout } from "../import/sheetLayout";
import { columnWidths, valueOfText } from "../import/layoutSpec";
import { excelJs } from "./excelJs";
import { SheetNames, cellFills, freeSheetName, sheetRef, type CellStyle, type SheetSpec, type SpecCell } from "../core/sheetSpec";

/** The font of every sheet Kaohe writes to an .xlsx. */
export const SHEET_FONT = "宋体";

const FILLS = cellFills("FF");

const STYLES = new Map<string, Partial<ExcelJS.Style>>();

/** The one style object of each kind of cell, shared by every cell of that kind (ExcelJS keeps a cell's style by
 * reference, and writes each distinct style once). */
function sharedStyle(kind: SpecCell["kind"], style: CellStyle | undefined): Partial<ExcelJS.Style> {
  const id = `${kind === "link" ? "link" : "cell"}:${style ?? ""}`;
  let shared = STYLES.get(id);
  if (!shared) {
    shared = kind === "link"
      ? { font: { name: SHEET_FONT, color: { argb: "FF0563C1" }, underline: true } }
      : {
        font: { name: SHEET_FONT, size: style === "title" ? 14 : 11, bold: style === "header" || style === "total" || style === "title" },
        alignment: { vertical: "top", wrapText: style !== "title" },
      };
    const fill = kind !== "link" && style ? FILLS[style] : undefined;
    if (fill) shared.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    if (kind !== "link" && style === "percent") shared.numFmt = "0.00%";
    if (style === "input") shared.protection = { locked: false };
    STYLES.set(id, shared);
  }
  return shared;
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell) {
  switch (spec.kind) {
    case "value":
      // Strings are stored as shared strings: text that starts with "=" stays text.
      cell.value = spec.value;
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
  cell.style = sharedStyle(spec.kind, spec.style) as ExcelJS.Style;
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
  });
  for (const merge of spec.merges) sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  if (spec.protect) {
    await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return name;
}

/** Adds every spec as a new sheet, in order; returns the names used. */
export async function writeSpecs(workbook: ExcelJS.Workbook, specs: SheetSpec[]): Promise<string[]> {
  const names: string[] = [];
  const taken = new SheetNames(workbook.worksheets.map((w) => w.name));
  for (const spec of specs) names.push(await addSpecSheet(workbook, spec, taken.take(spec.name)));
  return names;
}

/** Fixed workbook properties, so that building the same input twice gives the same workbook. */
const CREATOR = "Kaohe";
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** Text Excel would take for a formula when a user edits the cell. */
const FORMULA_LIKE = /^[=+\-@]/;

const thin: Partial<ExcelJS.Border> = { style: "thin" };
const TABLE_BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Adds an imported sheet layout (Word tables laid out, docs/LAYOUT.md) as a worksheet: text stays text, numbers
 * become numbers, merges, wrap text, bordered tables with bold centred header rows, column widths from the content. */
export function addLayoutSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(layout.name);
  columnWidths(layout).forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
  const tableOfRow = new Map<number, { header: boolean; width: number }>();
  for (const table of layout.tables) {
    for (let row = table.top; row <= table.bottom; row++) tableOfRow.set(row, { header: row === table.top, width: table.width });
  }
  layout.values.forEach((rowValues, rowIndex) => {
    const table = tableOfRow.get(rowIndex);
    const row = worksheet.getRow(rowIndex + 1);
    const cellCount = table ? table.width : rowValues.length;
    for (let col = 0; col < cellCount; col++) {
      const text = rowValues[col] ?? "";
      const cell = row.getCell(col + 1);
      cell.value = valueOfText(text);
      if (typeof cell.value === "string" && FORMULA_LIKE.test(text)) cell.numFmt = "@";
      cell.font = { name: SHEET_FONT, size: 11, bold: table?.header ?? false };
      if (table) {
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: table.header ? "center" : undefined };
        cell.border = TABLE_BORDER;
      }
    }
  });
  for (const m of layout.merges) worksheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return worksheet;
}

/** A workbook of the given sheets with fixed properties. */
export function layoutWorkbook(layouts: SheetLayout[]): ExcelJS.Workbook {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const layout of layouts) addLayoutSheet(workbook, layout);
  return workbook;
}
