/**
 * The charts of the sheets written into an ExcelJS workbook, kept beside it: ExcelJS cannot write charts, so the
 * writer notes each sheet's ChartSpecs here and the saved bytes get them as native chart parts
 * (src/xlsx/charts/addCharts.ts). Kept by worksheet, so a sheet renamed or removed before the save is followed.
 */
import type ExcelJS from "exceljs";
import type { SheetSpec } from "../core/sheetSpec";
import { addCharts, sheetCharts, type SheetCharts } from "../xlsx/charts/addCharts";

const CHARTS = new WeakMap<ExcelJS.Worksheet, Omit<SheetCharts, "sheet">>();

/** Notes the charts of the sheet `worksheet` was written from. */
export function noteCharts(worksheet: ExcelJS.Worksheet, spec: Pick<SheetSpec, "charts" | "widths" | "rows">): void {
  if (spec.charts.length === 0) return;
  const { charts, columns } = sheetCharts(spec, worksheet.name);
  CHARTS.set(worksheet, { charts, columns });
}

/** The charts of the workbook's sheets, under the names the sheets have now. */
export function chartsOf(workbook: ExcelJS.Workbook): SheetCharts[] {
  return workbook.worksheets.flatMap((worksheet) => {
    const noted = CHARTS.get(worksheet);
    return noted ? [{ sheet: worksheet.name, ...noted }] : [];
  });
}

/** The workbook's bytes (as ExcelJS or a splice of them wrote it) with the noted charts of its sheets added. */
export function withCharts(bytes: Uint8Array, workbook: ExcelJS.Workbook): Uint8Array {
  return addCharts(bytes, chartsOf(workbook));
}
