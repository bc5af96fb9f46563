/**
 * Workbooks ExcelJS cannot open - Excel 97-2003 (.xls, BIFF8), WPS 表格 (.et, the same compound-file workbook) and
 * OpenDocument (.ods) - read with SheetJS (@e965/xlsx, the maintained 0.20 line) into the same CellGrid shape as
 * worksheetGrid.ts gives for .xlsx: values from A1 to the last used cell, merged non-master cells empty, formulas as
 * their cached results, error values as their text, dates as ISO dates. No Node or DOM imports.
 */
import * as XLSX from "@e965/xlsx";
import type { CellGrid, CellValue, MergeArea } from "../core/grid";

/** SheetJS reports the conditional number formats LibreOffice writes into .ods files ("value()>0") on
 * console.error while it reads them; they only affect how numbers are shown, so these lines are dropped. */
const ODS_FORMAT_NOTE = /^ODS number format may be incorrect/;

/** Parses the bytes of a workbook SheetJS reads; its errors are passed on. */
export function readSheetJsWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] !== "string" || !ODS_FORMAT_NOTE.test(args[0])) consoleError(...args);
  };
  try {
    return XLSX.read(bytes, { type: "array", dense: true, cellFormula: false, cellHTML: false, cellStyles: false });
  } finally {
    console.error = consoleError;
  }
}

function isoDate(serial: number): string {
  const parsed = XLSX.SSF.parse_date_code(serial) as { y: number; m: number; d: number } | null;
  if (!parsed) return "";
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(parsed.y, 4)}-${pad(parsed.m)}-${pad(parsed.d)}`;
}

function sheetJsValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v === undefined ? null : String(cell.v);
    case "n":
      if (typeof cell.v !== "number") return null;
      return cell.z !== undefined && XLSX.SSF.is_date(cell.z) ? isoDate(cell.v) : cell.v;
    case "b":
      return typeof cell.v === "boolean" ? cell.v : null;
    case "e":
      return cell.w ?? "#N/A";
    case "d":
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    default:
      return null;
  }
}

export function sheetJsSheetToGrid(name: string, sheet: XLSX.WorkSheet): CellGrid {
  const data = (sheet["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges: MergeArea[] = ((sheet["!merges"] ?? []) as XLSX.Range[]).map((m) => ({
    top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c,
  }));
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
  }
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let rowCount = 0;
  let colCount = 0;
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      const value = sheetJsValue(cell);
      if (value === null || value === "" || covered.has(`${r}:${c}`)) return;
      cells.push({ row: r, col: c, value });
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, c + 1);
    });
  });
  const values: CellValue[][] = Array.from({ length: rowCount }, () => new Array<CellValue>(colCount).fill(null));
  for (const { row, col, value } of cells) values[row][col] = value;
  return { sheet: name, values, merges };
}

/** Every worksheet of a SheetJS workbook as a CellGrid, in sheet order (chart sheets left out). */
export function sheetJsWorkbookToGrids(workbook: XLSX.WorkBook): CellGrid[] {
  const hiding = (index: number) => ({ 1: "hidden", 2: "veryHidden" } as const)[workbook.Workbook?.Sheets?.[index]?.Hidden as 1 | 2];
  return workbook.SheetNames.flatMap((name, index) => {
    if (workbook.Sheets[name]?.["!type"] === "chart") return [];
    const grid = sheetJsSheetToGrid(name, workbook.Sheets[name]);
    const hidden = hiding(index);
    if (hidden) grid.hidden = hidden;
    return [grid];
  });
}

/** The workbook as .xlsx bytes (values, merges, column widths), for the commands that copy a workbook and add
 * sheets to it. */
export function sheetJsWorkbookToXlsx(workbook: XLSX.WorkBook): Uint8Array {
  // type "array" gives an ArrayBuffer, not a Uint8Array.
  return new Uint8Array(XLSX.write(workbook, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
