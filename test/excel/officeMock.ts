/**
 * An Excel.RequestContext made of office-addin-mock objects for what is read (loads take effect only at sync),
 * plus recording objects for what the mock cannot model (collections, events, writes). Counts syncs and weighs
 * each one's response (the loaded properties as UTF-8 JSON); like Excel on the web, a sync whose response would
 * pass `payloadLimit` bytes (5 MB unless told) is refused with ResponsePayloadSizeLimitExceeded and loads nothing.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, a1Range, parseA1, parseA1Range, type CellGrid } from "../../src/core/grid";
import { ERROR_VALUES } from "../../src/core/scoringSheet/inputs";
import { sheetRef } from "../../src/core/sheetSpec";

export interface RecordedRange {
  address: string;
  values?: unknown[][];
  numberFormat?: unknown[][];
  formulas?: unknown[][];
  hyperlink?: { documentReference: string; textToDisplay: string };
  merged?: boolean;
  selected?: boolean;
  format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    protection: Record<string, unknown>;
    /** Border styles set, by edge ("EdgeTop": "Continuous"). */
    edges: Record<string, string>;
    [k: string]: unknown;
  };
  dataValidation: { rule?: unknown; errorAlert?: { showAlert: boolean; style: string; title: string; message: string }; ignoreBlanks?: boolean };
  /** Conditional formats added: a custom rule's formula and its format. */
  conditionalFormats: RecordedConditionalFormat[];
}

export interface RecordedConditionalFormat {
  type: string;
  custom: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string } } };
}

/** What a new sheet's page layout was set to. */
export interface RecordedPageLayout {
  paperSize?: string;
  orientation?: string;
  centerHorizontally?: boolean;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  headersFooters: { defaultForAllPages: { centerFooter?: string } };
}

export interface RecordedSeries {
  name?: string;
  values?: string;
  xAxis?: string;
  fill?: string;
  /** Fills set on points, by point index. */
  pointFills: Record<number, string>;
}

export interface RecordedChart {
  type: string;
  source: string;
  seriesBy: string;
  title: { text?: string };
  xAxis?: string;
  legend: { visible?: boolean };
  position?: [string, string];
  series: RecordedSeries[];
  axes: { categoryAxis: { reversePlotOrder?: boolean } };
  dataLabels: { showValue?: boolean; showPercentage?: boolean };
}

/** A write of a range's values, number formats or formulas, in the order the adapter queued them. */
export interface RecordedWrite {
  address: string;
  property: "values" | "numberFormat" | "formulas";
  rows: unknown[][];
}

export interface NewSheet {
  name: string;
  ranges: RecordedRange[];
  writes: RecordedWrite[];
  charts: RecordedChart[];
  pageLayout: RecordedPageLayout;
  frozenRows?: number;
  protected?: boolean;
  activated: number;
}

/** Excel on the web's limit on a request or a response. */
export const WEB_PAYLOAD_LIMIT = 5 * 2 ** 20;

export interface MockExcel {
  context: Excel.RequestContext;
  syncs: () => number;
  /** Bytes of each sync's response, in order (0 for a refused one). */
  payloads: () => number[];
  /** Syncs refused for their size. */
  refusedSyncs: () => number;
  added: NewSheet[];
  /** Every method called on a sheet that was there before, by name ("getRange", "activate"...). */
  existingCalls: { sheet: string; method: string; args: unknown[] }[];
  handlers: { event: string; handler: () => Promise<void> }[];
  loads: { on: string; what: unknown }[];
}

function recordingRange(address: string, writes: RecordedWrite[] = []): RecordedRange {
  const edges: Record<string, string> = {};
  const conditionalFormats: RecordedConditionalFormat[] = [];
  const range = {
    address,
    format: {
      font: {},
      fill: {},
      protection: {},
      edges,
      borders: { getItem: (edge: string) => ({ set style(style: string) { edges[edge] = style; } }) },
    },
    dataValidation: {},
    conditionalFormats: Object.assign(conditionalFormats, {
      add(type: string) {
        const format: RecordedConditionalFormat = { type, custom: { rule: {}, format: { fill: {}, font: {} } } };
        conditionalFormats.push(format);
        return format;
      },
    }),
    merge() {
      this.merged = true;
    },
    select() {
      this.selected = true;
    },
  } as RecordedRange;
  for (const property of ["values", "numberFormat", "formulas"] as const) {
    let rows: unknown[][] | undefined;
    Object.defineProperty(range, property, {
      enumerable: true,
      get: () => rows,
      set: (set: unknown[][]) => {
        rows = set;
        writes.push({ address, property, rows: set });
      },
    });
  }
  return range;
}

function newSheet(name: string): NewSheet & Record<string, unknown> {
  const pageLayout: RecordedPageLayout & Record<string, unknown> = {
    headersFooters: { defaultForAllPages: {} },
    setPrintTitleRows: (rows: string) => (pageLayout.printTitleRows = rows),
  };
  const sheet: NewSheet & Record<string, unknown> = { name, ranges: [], writes: [], charts: [], pageLayout, activated: 0 };
  const range = (address: string) => {
    const r = recordingRange(address, sheet.writes);
    sheet.ranges.push(r);
    return r;
  };
  sheet.getRange = (address: string) => range(address);
  sheet.getCell = (row: number, col: number) => range(a1(row, col));
  sheet.activate = () => sheet.activated++;
  sheet.freezePanes = { freezeRows: (n: number) => (sheet.frozenRows = n) };
  sheet.protection = { protect: () => (sheet.protected = true) };
  const charts: RecordedChart[] = [];
  sheet.charts = Object.assign(charts, {
    add(type: string, source: RecordedRange, seriesBy: string) {
      const chart: RecordedChart = { type, source: source.address, seriesBy, title: {}, legend: {}, series: [], axes: { categoryAxis: {} }, dataLabels: {} };
      charts.push(chart);
      const series = (recorded: RecordedSeries) => {
        chart.series.push(recorded);
        return Object.assign(recorded, {
          setValues: (r: RecordedRange) => (recorded.values = r.address),
          setXAxisValues: (r: RecordedRange) => {
            recorded.xAxis = r.address;
            if (chart.series[0] === recorded) chart.xAxis = r.address;
          },
          format: { fill: { setSolidColor: (color: string) => (recorded.fill = color) } },
          points: { getItemAt: (k: number) => ({ format: { fill: { setSolidColor: (color: string) => (recorded.pointFills[k] = color) } } }) },
        });
      };
      const first = series({ values: source.address, pointFills: {} });
      return {
        title: chart.title,
        legend: chart.legend,
        axes: chart.axes,
        dataLabels: chart.dataLabels,
        series: { getItemAt: () => first, add: (name: string) => series({ name, pointFills: {} }) },
        setPosition: (from: string, to: string) => (chart.position = [from, to]),
      };
    },
  });
  return sheet;
}

/** A workbook holding `grids` (values placed at each grid's origin, merges in sheet coordinates); `formulas` by
 * "sheet!A1" are what the cells' formulas read (the value otherwise, as Excel does); `numberFormats` by "sheet!A1"
 * the cells' number formats (General otherwise). */
export function mockExcel(
  grids: CellGrid[],
  formulas: Record<string, string> = {},
  payloadLimit = WEB_PAYLOAD_LIMIT,
  numberFormats: Record<string, string> = {},
): MockExcel {
  let syncs = 0;
  const payloads: number[] = [];
  /** What the loads queued since the last sync would bring back: each loaded property's data. */
  let pendingData: unknown[] = [];
  let refusedSyncs = 0;
  const mocks: OfficeMockObject[] = [];
  const added: NewSheet[] = [];
  const existingCalls: MockExcel["existingCalls"] = [];
  const handlers: MockExcel["handlers"] = [];
  const loads: MockExcel["loads"] = [];
  const track = (mock: OfficeMockObject, isNullObject: boolean, name: string, data: Record<string, unknown> = {}) => {
    (mock as unknown as { isNullObject: boolean }).isNullObject = isNullObject;
    const load = mock.load.bind(mock);
    (mock as unknown as { load: (what: unknown) => unknown }).load = (what: unknown) => {
      loads.push({ on: name, what });
      const names = Array.isArray(what) ? what : String(what).split(",");
      if (!isNullObject) pendingData.push(...names.map((n: string) => data[n.trim()]));
      return load(what as string);
    };
    mocks.push(mock);
    return mock;
  };
  const existing = grids.map((grid) => {
    const origin = grid.origin ?? { row: 0, col: 0 };
    const empty = grid.values.length === 0;
    const item = new OfficeMockObject({ name: grid.sheet, visibility: grid.hidden === "veryHidden" ? "VeryHidden" : grid.hidden ? "Hidden" : "Visible" });
    const calls = (method: string, args: unknown[]) => existingCalls.push({ sheet: grid.sheet, method, args });
    Object.assign(item, {
      getUsedRangeOrNullObject(valuesOnly: boolean) {
        calls("getUsedRangeOrNullObject", [valuesOnly]);
        const width = Math.max(1, ...grid.values.map((r) => r.length));
        const values = grid.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
        const cellFormulas = values.map((r, i) => r.map((v, c) => formulas[`${grid.sheet}!${a1(origin.row + i, origin.col + c)}`] ?? v));
        const numberFormat = values.map((r, i) => r.map((_, c) => numberFormats[`${grid.sheet}!${a1(origin.row + i, origin.col + c)}`] ?? "General"));
        // Each cell's type as Excel reports it (an error value's text in these grids is the error, unless the cell
        // is formatted as text).
        const valueTypes = values.map((r, i) =>
          r.map((v, c) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : numberFormat[i][c] !== "@" && /^#[A-Z/0!?]+[!?A]?$/.test(String(v)) ? "Error" : "String")),
        );
        const data = empty
          ? { values: [[""]], formulas: [[""]], valueTypes: [["Empty"]], numberFormat: [["General"]], rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 1 }
          : { values, formulas: cellFormulas, valueTypes, numberFormat, rowIndex: origin.row, columnIndex: origin.col, rowCount: values.length, columnCount: width };
        return track(new OfficeMockObject(data), empty, `${grid.sheet} used range`, data);
      },
      delete() {
        calls("delete", []);
      },
      getRange(address?: string) {
        calls("getRange", [address]);
        const area = address && /^[A-Z]+\d+:[A-Z]+\d+$/.test(address) ? parseA1Range(address) : null;
        if (area) {
          // A block's values (sheet coordinates), as a mock that loads them.
          const values = Array.from({ length: area.bottom - area.top + 1 }, (_, r) =>
            Array.from({ length: area.right - area.left + 1 }, (_, c) => grid.values[area.top + r - origin.row]?.[area.left + c - origin.col] ?? ""),
          );
          return track(new OfficeMockObject({ values }), false, `${grid.sheet}!${address}`, { values });
        }
        return {
          getMergedAreasOrNullObject() {
            const address = grid.merges.map((m) => sheetRef(grid.sheet, a1Range(m))).join(", ");
            return track(new OfficeMockObject({ address }), !address, `${grid.sheet} merged areas`, { address });
          },
          select() {
            calls("select", [address]);
          },
        };
      },
      activate() {
        calls("activate", []);
      },
    });
    mocks.push(item);
    return item;
  });
  const items = () => [...existing, ...added.map((s) => Object.assign(new OfficeMockObject({ name: s.name, visibility: "Visible" }), s))];
  let loadedItems: unknown[] = [];
  const worksheets = {
    get items() {
      return loadedItems;
    },
    load(what: string) {
      loads.push({ on: "worksheets", what });
      const list = items();
      for (const item of list) item.load(what.replace(/items\//g, ""));
      pendingData.push(...list.map((item) => (item as unknown as { name: string }).name));
      mocks.push(...list);
      pending = list;
    },
    getItem(name: string) {
      const sheet = existing[grids.findIndex((g) => g.sheet === name)] ?? added.find((s) => s.name === name);
      if (!sheet) throw new Error(`ItemNotFound: ${name}`);
      return sheet;
    },
    add(name: string) {
      const sheet = newSheet(name);
      added.push(sheet);
      return sheet;
    },
    onChanged: { add: (handler: () => Promise<void>) => register("onChanged", handler) },
    onAdded: { add: (handler: () => Promise<void>) => register("onAdded", handler) },
    onDeleted: { add: (handler: () => Promise<void>) => register("onDeleted", handler) },
  };
  let pending: unknown[] | null = null;
  const context = {
    workbook: { worksheets },
    async sync() {
      syncs++;
      const payload = Buffer.byteLength(JSON.stringify(pendingData));
      pendingData = [];
      if (payload > payloadLimit) {
        refusedSyncs++;
        payloads.push(0);
        pending = null;
        throw Object.assign(new Error(`The response payload size has exceeded the limit (${payload} bytes)`), { code: "ResponsePayloadSizeLimitExceeded" });
      }
      payloads.push(payload);
      for (const mock of mocks) await mock.sync();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (pending) loadedItems = pending;
      pending = null;
    },
  };
  function register(event: string, handler: () => Promise<void>) {
    handlers.push({ event, handler });
    return { context, remove: () => handlers.splice(handlers.findIndex((h) => h.handler === handler), 1) };
  }
  return {
    context: context as unknown as Excel.RequestContext,
    syncs: () => syncs,
    payloads: () => [...payloads],
    refusedSyncs: () => refusedSyncs,
    added,
    existingCalls,
    handlers,
    loads,
  };
}

/** A cell of a new sheet as Excel holds it once the adapter's writes are done. */
export interface ExcelCell {
  /** What the cell shows (null for a formula: the mock does not calculate). */
  value: string | number | boolean | null;
  /** The formula ("=…"), null for a constant. */
  formula: string | null;
  numberFormat: string;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
}

const emptyCell = (): ExcelCell => ({ value: null, formula: null, numberFormat: "General", valueType: "Empty" });

/** What Excel makes of a value written to a cell (Range.values and Range.formulas take it as if typed): in a cell
 * formatted as text ("@") it is text; else "=…" is a formula, and so is "+…" or "-…" that is not a number; an error
 * value's text is that error value; a number's text is a number; null leaves the cell as it was. */
function enter(cell: ExcelCell, written: unknown): void {
  if (written === null || written === undefined) return;
  const constant = (value: ExcelCell["value"], valueType: ExcelCell["valueType"]) => Object.assign(cell, { value, formula: null, valueType });
  if (typeof written === "number") return void constant(written, "Double");
  if (typeof written === "boolean") return void constant(written, "Boolean");
  const text = String(written);
  if (text === "") return void constant(null, "Empty");
  if (cell.numberFormat === "@") return void constant(text, "String");
  const number = text.trim() === "" ? NaN : Number(text);
  if (Number.isFinite(number)) return void constant(number, "Double");
  if (/^[=+-]/.test(text)) return void Object.assign(cell, { value: null, formula: text.startsWith("=") ? text : `=${text}`, valueType: "Empty" });
  if (ERROR_VALUES.has(text)) return void constant(text, "Error");
  constant(text, "String");
}

/** The cells of a new sheet, by A1 address, as Excel holds them after the writes, replayed in the order queued. */
export function excelCells(sheet: NewSheet): Map<string, ExcelCell> {
  const cells = new Map<string, ExcelCell>();
  for (const { address, property, rows } of sheet.writes) {
    const { row, col } = parseA1(address.split(":")[0]);
    rows.forEach((values, r) =>
      values.forEach((written, c) => {
        const at = a1(row + r, col + c);
        const cell = cells.get(at) ?? emptyCell();
        cells.set(at, cell);
        if (property === "numberFormat") cell.numberFormat = String(written);
        else enter(cell, written);
      }),
    );
  }
  return cells;
}
