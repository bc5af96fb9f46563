/**
 * The workbook adapter over Office.js. Every function takes an Excel.RequestContext; only `officeWorkbook` (used by
 * the task pane's entry) calls Excel.run. Reading queues every sheet's loads and syncs twice in all (the sheet list,
 * then every sheet's used values and merged areas), or reads the values in row blocks of about 4 MB a sync when
 * Excel refuses a larger answer (Excel on the web); writing syncs once for the existing names and once per new
 * sheet. Existing sheets are never written to.
 */
import { chartPlaces } from "../core/chartPlacement";
import { a1, a1Range, columnLetters, type CellGrid, type CellValue, type MergeArea } from "../core/grid";
import type { EntryType } from "../core/scoringSheet/inputs";
import { arrayCells, type ScoringSheetCells } from "../core/scoringSheet/read";
import { HEADER_ROW, isScoringHeaderRow } from "../core/scoringSheet/columns";
import {
  PAGE_FOOTER, cellFills, chartSeries, freeSheetName, madeSheet, outOfRangeFormula, sheetRef, titleRowsRef, validationRange,
  type CellStyle, type ChartSpec, type InputRule, type InputValidation, type PrintSetup, type SheetSource, type SheetSpec, type SpecCell,
} from "../core/sheetSpec";
import { MessageError } from "../locales";
import type { ReadProgress, WorkbookAdapter } from "./adapter";
import { parseAreas } from "./addresses";
import { isPayloadTooLarge, nextBlocks, payloadBytes, SYNC_PAYLOAD_BUDGET, type SheetExtent } from "./readBlocks";

/** Excel.run's shape, passed in so that the adapter never touches the Excel global itself. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** Merges inside the grid, in grid coordinates; a merge whose top-left cell lies before the used range (so holds
 * no value) is left out. */
function gridMerges(areas: MergeArea[], origin: { row: number; col: number }): MergeArea[] {
  return areas
    .filter((m) => m.top >= origin.row && m.left >= origin.col && (m.bottom > m.top || m.right > m.left))
    .map((m) => ({ top: m.top - origin.row, left: m.left - origin.col, bottom: m.bottom - origin.row, right: m.right - origin.col }));
}

/** One sheet's values and merges as read. */
interface SheetRead {
  name: string;
  origin: { row: number; col: number } | null;
  values: unknown[][];
  merges: string;
}

function sheetGrid({ name, origin, values, merges }: SheetRead): CellGrid {
  if (!origin) return { sheet: name, values: [], merges: [] };
  return { sheet: name, values: values.map((row) => row.map(cellValue)), merges: gridMerges(parseAreas(merges), origin), origin };
}

/**
 * Every worksheet as a CellGrid. Two syncs when Excel answers them: the sheet list, then every sheet's used values
 * and merged areas. When Excel refuses that answer for its size (Excel on the web: 5 MB), the values come in row
 * blocks instead (readInBlocks).
 */
export async function readGrids(context: Excel.RequestContext, onProgress?: (p: ReadProgress) => void): Promise<CellGrid[]> {
  onProgress?.({ done: 0, total: 0 });
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const items = worksheets.items;
  onProgress?.({ done: 0, total: items.length });
  const sheets = items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["values", "rowIndex", "columnIndex"]);
    return { name: sheet.name, used, merged: mergedAreas(sheet) };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    return withVisibility(await readInBlocks(context, items, onProgress), items);
  }
  const grids = withVisibility(sheets.map(({ name, used, merged }) =>
    sheetGrid({
      name,
      origin: used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex },
      values: used.isNullObject ? [] : used.values,
      merges: merged.isNullObject ? "" : merged.address,
    }),
  ), items);
  onProgress?.({ done: grids.length, total: grids.length });
  return grids;
}

/** The grids with the sheets the workbook hides marked (Excel's "Hidden" and "VeryHidden"). */
function withVisibility(grids: CellGrid[], items: Excel.Worksheet[]): CellGrid[] {
  grids.forEach((grid, i) => {
    const visibility = String(items[i]?.visibility ?? "Visible");
    if (visibility === "Hidden") grid.hidden = "hidden";
    else if (visibility === "VeryHidden") grid.hidden = "veryHidden";
  });
  return grids;
}

/** Queues a sheet's merged areas (no sync). */
function mergedAreas(sheet: Excel.Worksheet): Excel.RangeAreas {
  const merged = sheet.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

/** Every sheet's used-range size and merged areas: one sync, or, when the merged areas of all sheets are more than
 * Excel answers at once, one for the sizes and one per sheet for its merged areas. */
async function sheetSizes(context: Excel.RequestContext, items: Excel.Worksheet[]) {
  const queueSizes = () =>
    items.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return used;
    });
  let used = queueSizes();
  let merged = items.map(mergedAreas);
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    used = queueSizes();
    await context.sync();
    merged = [];
    for (const sheet of items) {
      merged.push(mergedAreas(sheet));
      await context.sync();
    }
  }
  return items.map((sheet, i) => ({ sheet, used: used[i], merged: merged[i] }));
}

/**
 * The used ranges' sizes and merged areas (sheetSizes), then the values in row blocks of about 4 MB a sync, planned
 * at each sheet's measured bytes per cell (readBlocks.ts: its first rows are read first to weigh them).
 */
async function readInBlocks(context: Excel.RequestContext, items: Excel.Worksheet[], onProgress?: (p: ReadProgress) => void): Promise<CellGrid[]> {
  const sizes = await sheetSizes(context, items);
  const reads: SheetRead[] = sizes.map(({ sheet, used, merged }) => ({
    name: sheet.name,
    origin: used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex },
    values: [],
    merges: merged.isNullObject ? "" : merged.address,
  }));
  const extents: SheetExtent[] = sizes.map(({ used }) => ({
    rows: used.isNullObject ? 0 : used.rowCount,
    columns: used.isNullObject ? 0 : used.columnCount,
    bytesRead: 0,
    cellsRead: 0,
  }));
  const next = extents.map(() => 0);
  const done = () => extents.filter((e, i) => next[i] >= e.rows).length;
  onProgress?.({ done: done(), total: items.length });
  let budget = SYNC_PAYLOAD_BUDGET;
  for (;;) {
    const blocks = nextBlocks(extents, next, budget);
    if (blocks.length === 0) break;
    const ranges = blocks.map((block) => {
      const { row, col } = reads[block.sheet].origin ?? { row: 0, col: 0 };
      const area = { top: row + block.from, left: col, bottom: row + block.to - 1, right: col + extents[block.sheet].columns - 1 };
      const range = items[block.sheet].getRange(a1Range(area));
      range.load("values");
      return { block, range };
    });
    try {
      await context.sync();
    } catch (error) {
      // Rows heavier than those seen so far: the same rows again, in half the room (kept for the rest of the read).
      if (!isPayloadTooLarge(error) || blocks.every((b) => b.to - b.from === 1)) throw error;
      budget /= 2;
      continue;
    }
    for (const { block, range } of ranges) {
      const extent = extents[block.sheet];
      reads[block.sheet].values.push(...range.values);
      next[block.sheet] = block.to;
      extent.bytesRead += payloadBytes(range.values);
      extent.cellsRead += (block.to - block.from) * extent.columns;
    }
    onProgress?.({ done: done(), total: items.length });
  }
  onProgress?.({ done: items.length, total: items.length });
  return reads.map(sheetGrid);
}

/** Activates a sheet and selects a cell: one sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  await context.sync();
}

const FILLS = cellFills("#");
const CHART_TYPES: Record<ChartSpec["kind"], string> = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie" };
const STACKED_TYPES: Record<ChartSpec["kind"], string> = { column: "ColumnStacked", bar: "BarStacked", pie: "Pie" };

/** Adds a chart as the .xlsx writer draws it (src/xlsx/charts): its series with their names and fills, each point's
 * fill, bars listed from the top, values on the bars, a legend when there is more than one series (queued, no sync). */
function queueChart(worksheet: Excel.Worksheet, chartSpec: ChartSpec, place: MergeArea): void {
  const all = chartSeries(chartSpec);
  const types = chartSpec.stacked && all.length > 1 ? STACKED_TYPES : CHART_TYPES;
  const chart = worksheet.charts.add(types[chartSpec.kind] as Excel.ChartType, worksheet.getRange(chartSpec.values), "Columns" as Excel.ChartSeriesBy);
  chart.title.text = chartSpec.title;
  all.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i > 0) series.setValues(worksheet.getRange(s.values));
    series.name = s.name;
    series.setXAxisValues(worksheet.getRange(chartSpec.categories));
    if (s.color) series.format.fill.setSolidColor(`#${s.color}`);
    (s.pointColors ?? []).forEach((rgb, k) => series.points.getItemAt(k).format.fill.setSolidColor(`#${rgb}`));
  });
  chart.legend.visible = chartSpec.kind === "pie" || all.length > 1;
  if (chartSpec.kind === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
  if (chartSpec.kind === "pie") chart.dataLabels.showPercentage = true;
  else chart.dataLabels.showValue = true;
  chart.setPosition(a1(place.top, place.left), a1(place.bottom, place.right));
}
/** Points per character of a column width (a CJK character counts as two). */
const POINTS_PER_CHAR = 6;

function shownValue(cell: SpecCell | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.kind === "value") return cell.value ?? "";
  if (cell.kind === "link") return cell.text;
  return "";
}

/** Text as text ("@") so that "=…", "+…", "-…", "@…" stay values; formulas and numbers in General. */
function numberFormat(cell: SpecCell | undefined): string {
  if (!cell) return "General";
  if (cell.kind !== "link" && cell.format !== undefined) return cell.format;
  if (cell.style === "percent") return "0.00%";
  if (cell.kind === "link") return "@";
  // An error value's text in General: Excel takes "#N/A" as the error value.
  if (cell.kind === "value" && typeof cell.value === "string" && !cell.error) return "@";
  return "General";
}

/** Same-style runs of a row, so that formats go out per run rather than per cell. */
function styleRuns(row: SpecCell[]): { style: CellStyle; from: number; to: number }[] {
  const runs: { style: CellStyle; from: number; to: number }[] = [];
  row.forEach((cell, col) => {
    const style = cell.style;
    if (!style) return;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.to === col - 1) last.to = col;
    else runs.push({ style, from: col, to: col });
  });
  return runs;
}

const TABLE_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** The look of a style's run of cells beyond its fill: bold, size, wrapping, Word tables' borders, unlocked inputs. */
function queueStyle(range: Excel.Range, style: CellStyle): void {
  const fill = FILLS[style];
  if (fill) range.format.fill.color = fill;
  if (style === "header" || style === "total" || style === "title" || style === "table-header") range.format.font.bold = true;
  if (style === "title") {
    range.format.font.size = 14;
    range.format.wrapText = false;
  }
  if (style === "plain") range.format.wrapText = false;
  if (style === "table" || style === "table-header") {
    range.format.verticalAlignment = "Center";
    if (style === "table-header") range.format.horizontalAlignment = "Center";
    for (const edge of TABLE_EDGES) range.format.borders.getItem(edge).style = "Continuous";
  }
  if (style === "input") range.format.protection.locked = false;
}

/** One page wide and as many high as it takes, landscape where wide, header rows on every page, page numbers. */
function queuePrint(worksheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = worksheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  layout.centerHorizontally = true;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows > 0) layout.setPrintTitleRows(titleRowsRef(print.titleRows));
  layout.headersFooters.defaultForAllPages.centerFooter = PAGE_FOOTER;
}

/** An input rule as Office.js's data validation rule. */
function validationRule(rule: InputRule): Excel.DataValidationRule {
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  const basic: Excel.BasicDataValidation =
    rule.min !== null && rule.max !== null
      ? { formula1: rule.min, formula2: rule.max, operator: "Between" }
      : rule.max !== null
        ? { formula1: rule.max, operator: "LessThanOrEqualTo" }
        : { formula1: rule.min ?? -1e15, operator: "GreaterThanOrEqualTo" };
  return rule.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/** Data validation of input cells, and a tint on any of them holding what the validation refuses. */
function queueValidation(worksheet: Excel.Worksheet, validation: InputValidation): void {
  const range = worksheet.getRange(validationRange(validation));
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.rule = validationRule(validation.rule);
  range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: validation.title, message: validation.message };
  const highlight = range.conditionalFormats.add("Custom");
  highlight.custom.rule.formula = `=${outOfRangeFormula(validation)}`;
  highlight.custom.format.fill.color = FILLS.error!;
  highlight.custom.format.font.color = "#9C0006";
}

/** Queues one spec's content on a new, empty worksheet (no sync). */
export function queueSpec(worksheet: Excel.Worksheet, spec: SheetSpec): void {
  const width = Math.max(1, spec.widths.length, ...spec.rows.map((r) => r.length));
  const height = spec.rows.length;
  spec.widths.forEach((w, col) => {
    worksheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = w * POINTS_PER_CHAR;
  });
  if (height > 0) {
    const body = worksheet.getRange(`A1:${a1(height - 1, width - 1)}`);
    const grid = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => spec.rows[r][c]));
    body.numberFormat = grid.map((row) => row.map(numberFormat));
    body.values = grid.map((row) => row.map(shownValue));
    body.format.wrapText = true;
    body.format.verticalAlignment = "Top";
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell.kind === "formula") worksheet.getCell(r, c).formulas = [[`=${cell.formula}`]];
        if (cell.kind === "link") {
          const range = worksheet.getCell(r, c);
          range.hyperlink = { documentReference: sheetRef(cell.sheet, cell.cell), textToDisplay: cell.text };
          range.format.font.color = "#0563C1";
          range.format.font.underline = "Single";
        }
      });
      for (const run of styleRuns(row)) queueStyle(worksheet.getRange(`${a1(r, run.from)}:${a1(r, run.to)}`), run.style);
    });
  }
  spec.rowHeights?.forEach((points, r) => {
    if (points !== null) worksheet.getRange(`${r + 1}:${r + 1}`).format.rowHeight = points;
  });
  for (const merge of spec.merges) worksheet.getRange(a1Range(merge)).merge(false);
  for (const col of spec.hiddenColumns ?? []) worksheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`).columnHidden = true;
  if (spec.frozenRows > 0) worksheet.freezePanes.freezeRows(spec.frozenRows);
  for (const validation of spec.validations ?? []) queueValidation(worksheet, validation);
  if (spec.print) queuePrint(worksheet, spec.print);
  const places = chartPlaces(width, spec.charts);
  spec.charts.forEach((chartSpec, index) => queueChart(worksheet, chartSpec, places[index]));
  if (spec.protect) worksheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
}

/** The header row of a sheet as far as a scoring sheet reaches (queued, no sync). */
function headerRow(worksheet: Excel.Worksheet): Excel.Range {
  const range = worksheet.getRange(`A${HEADER_ROW}:${columnLetters(HEADER_WIDTH - 1)}${HEADER_ROW}`);
  range.load("values");
  return range;
}
const HEADER_WIDTH = 64;
const isScoringHeader = (range: Excel.Range) => isScoringHeaderRow(range.values[0]);

/**
 * Adds every spec as a new sheet under a free name: one sync for the existing names (and the header rows of the
 * sheets to replace), then one per sheet. Sheets in `replacing` are deleted in the first new sheet's sync, and only
 * when every one of them is a scoring sheet Kaohe generated; otherwise nothing is written.
 */
export async function addSpecSheets(context: Excel.RequestContext, sources: SheetSource[], replacing: string[] = []): Promise<string[]> {
  // Every sheet is made before anything changes: a sheet that cannot be made leaves the old scoring sheets in place.
  const specs = sources.map(madeSheet);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const old = replacing.map((name) => ({ name, sheet: worksheets.getItem(name), header: headerRow(worksheets.getItem(name)) }));
  await context.sync();
  const refused = old.filter((o) => !isScoringHeader(o.header)).map((o) => o.name);
  if (refused.length > 0) throw new MessageError({ key: "workbook.not-scoring-sheets", params: { sheets: refused } });
  const gone = new Set(replacing.map((n) => n.toLowerCase()));
  const taken = worksheets.items.map((w) => w.name).filter((n) => !gone.has(n.toLowerCase()));
  // The old sheets go first (in the first sync that follows), so that the new ones can take their names.
  for (const o of old) o.sheet.delete();
  const names: string[] = [];
  for (const [index, spec] of specs.entries()) {
    const name = freeSheetName(spec.name, taken);
    taken.push(name);
    names.push(name);
    queueSpec(worksheets.add(name), spec);
    // Show the first new sheet, in the last sheet's sync.
    if (index === specs.length - 1) worksheets.getItem(names[0]).activate();
    await context.sync();
  }
  if (specs.length === 0 && old.length > 0) await context.sync();
  return names;
}

/**
 * The scoring sheets Kaohe generated, with values and formulas: three syncs (the sheet list, every sheet's header
 * row, the used ranges of the scoring sheets); when the scoring sheets together are more than Excel on the web
 * sends in one answer (5 MB), one sync a scoring sheet instead of the third.
 */
export async function readScoringSheets(context: Excel.RequestContext): Promise<ScoringSheetCells[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const headers = worksheets.items.map((sheet) => ({ sheet, header: headerRow(sheet) }));
  await context.sync();
  const sheets = headers.filter((h) => isScoringHeader(h.header)).map(({ sheet }) => sheet);
  if (sheets.length === 0) return [];
  const scoring = sheets.map(scoringRange);
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    // More than Excel on the web sends in one answer (many scoring sheets): one sheet a sync.
    const cells: ScoringSheetCells[] = [];
    for (const sheet of sheets) {
      const one = scoringRange(sheet);
      await context.sync();
      cells.push(...scoringCells([one]));
    }
    return cells;
  }
  return scoringCells(scoring);
}

/** A scoring sheet's used range, its values, formulas, value types and number formats queued to load. */
function scoringRange(sheet: Excel.Worksheet): { name: string; used: Excel.Range } {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["values", "formulas", "valueTypes", "numberFormat", "rowIndex", "columnIndex"]);
  return { name: sheet.name, used };
}

/** A number format that shows a date (yyyy-mm-dd, m/d/yy, 2026年3月15日), quoted text and [colours] left out. */
const isDateFormat = (format: unknown): boolean =>
  typeof format === "string" && /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));

/** A date serial as its ISO day, as ExcelJS and the .xlsx reader give dates. */
const serialDay = (serial: number): string => new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 10);

/** The cells of a scoring sheet with each entry's type as Excel reports it: an error value (valueTypes), a date (a
 * number in a date format, read as its ISO day). */
function typedGrid(used: Excel.Range): { values: CellValue[][]; types: (EntryType | null)[][] } {
  const valueTypes = (used.valueTypes ?? []) as unknown[][];
  const formats = (used.numberFormat ?? []) as unknown[][];
  const types: (EntryType | null)[][] = [];
  const values = used.values.map((row, r) => {
    types.push([]);
    return row.map((raw, c) => {
      let type: EntryType | null = null;
      let value = cellValue(raw);
      if (valueTypes[r]?.[c] === "Error") type = "error";
      else if (typeof value === "number" && isDateFormat(formats[r]?.[c])) {
        type = "date";
        value = serialDay(value);
      }
      types[r].push(type);
      return value;
    });
  });
  return { values, types };
}

/** The formulas of the cells that hold one. Excel's `formulas` gives a cell without a formula its value: text typed
 * as text that starts with "=" reads there as it does in `values`, and is no formula. */
const cellFormulas = (used: Excel.Range): (string | null)[][] =>
  (used.formulas as unknown[][]).map((row, r) =>
    row.map((f, c) => (typeof f === "string" && f.startsWith("=") && f !== used.values[r]?.[c] ? f : null)),
  );

function scoringCells(ranges: { name: string; used: Excel.Range }[]): ScoringSheetCells[] {
  return ranges
    .filter(({ used }) => !used.isNullObject)
    .map(({ name, used }) => {
      const { values, types } = typedGrid(used);
      return arrayCells(name, values, cellFormulas(used), { row: used.rowIndex, col: used.columnIndex }, types);
    });
}

/** Calls `listener` on any cell change, sheet added or removed: one sync. Returns the handlers to remove. */
export async function subscribeChanges(context: Excel.RequestContext, listener: () => void): Promise<OfficeExtension.EventHandlerResult<unknown>[]> {
  const worksheets = context.workbook.worksheets;
  const handler = async () => listener();
  const results: OfficeExtension.EventHandlerResult<unknown>[] = [
    worksheets.onChanged.add(handler),
    worksheets.onAdded.add(handler),
    worksheets.onDeleted.add(handler),
  ];
  await context.sync();
  return results;
}

/** The adapter the task pane uses inside Excel: each operation in its own Excel.run batch. */
export function officeWorkbook(run: ExcelRun): WorkbookAdapter {
  return {
    readSheets: (onProgress) => run((context) => readGrids(context, onProgress)),
    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),
    addSheets: (specs, replacing) => run((context) => addSpecSheets(context, specs, replacing)),
    readScoringSheets: () => run((context) => readScoringSheets(context)),
    async onChange(listener) {
      const handlers = await run((context) => subscribeChanges(context, listener));
      return async () => {
        for (const h of handlers) h.remove();
        if (handlers.length > 0) await handlers[0].context.sync();
      };
    },
  };
}
