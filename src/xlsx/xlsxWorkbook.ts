/**
 * An .xlsx workbook's worksheets read straight from the zip (inflated by the caller's Inflater, fflate's by default)
 * and its XML, in time linear in what the file holds: each worksheet's CellGrid (the same grids ExcelJS gave, see worksheetGrid.ts) with its visibility,
 * hidden rows and columns, column widths, formulas and unlocked cells. Chart sheets and parts that are not
 * worksheets are left out. Used by the command line and by the task pane for picked workbooks; no Node or DOM
 * imports. Errors: XlsxFormatError (not a readable .xlsx), XlsxLimitError (beyond XLSX_LIMITS).
 */
import type { CellGrid } from "../core/grid";
import { readSheetXml, type SheetCells } from "./sheetXml";
import { sparseGrid } from "./sparseGrid";
import { message } from "../locales";
import { XlsxFormatError } from "./xlsxLimits";
import { parseRelationships, parseSharedStrings, parseStyles, parseWorkbook, type SheetState, type StylesPart } from "./xmlParts";
import { textOf, ZipParts, type Inflater } from "./zipParts";

export interface XlsxSheet {
  grid: CellGrid;
  state: SheetState;
  cells: SheetCells;
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const WORKSHEET_TYPE = /\/worksheet$/;

/** The worksheets of an .xlsx; `inflater` inflates its entries (fflate's when not given; a host may pass a native
 * one). */
export function readXlsxSheets(bytes: Uint8Array, inflater?: Inflater): XlsxSheet[] {
  const zip = new ZipParts(bytes, inflater);
  const top = zip.texts([WORKBOOK, WORKBOOK_RELS]);
  const workbookXml = top.get(WORKBOOK);
  const relsXml = top.get(WORKBOOK_RELS);
  if (workbookXml === undefined || relsXml === undefined) throw new XlsxFormatError(message("xlsx.missing-part", { part: workbookXml === undefined ? WORKBOOK : WORKBOOK_RELS }));
  const workbook = parseWorkbook(workbookXml);
  const rels = parseRelationships(WORKBOOK_RELS, relsXml, "xl/");
  const targetOf = (type: RegExp) => [...rels.values()].find((r) => type.test(r.type))?.target;
  const sharedStringsPart = targetOf(/\/sharedStrings$/) ?? "xl/sharedStrings.xml";
  const stylesPart = targetOf(/\/styles$/) ?? "xl/styles.xml";
  const sheets = workbook.sheets.flatMap((entry) => {
    const rel = rels.get(entry.relId);
    return rel && WORKSHEET_TYPE.test(rel.type) ? [{ ...entry, part: rel.target }] : [];
  });
  const parts = zip.entries([sharedStringsPart, stylesPart, ...sheets.map((s) => s.part)]);
  const text = (name: string) => {
    const data = parts.get(name);
    return data === undefined ? undefined : textOf(data);
  };
  const sharedXml = text(sharedStringsPart);
  const stylesXml = text(stylesPart);
  const sharedStrings = sharedXml === undefined ? [] : parseSharedStrings(sharedXml);
  const styles: StylesPart = stylesXml === undefined ? { dates: [], unlocked: [] } : parseStyles(stylesXml);
  const cellCount = { value: 0 };
  return sheets.flatMap((sheet) => {
    const data = parts.get(sheet.part);
    if (data === undefined) return [];
    parts.delete(sheet.part);
    const cells = readSheetXml(sheet.part, data, { sharedStrings, styles, date1904: workbook.date1904, cellCount });
    const grid = sparseGrid(sheet.name, cells);
    if (sheet.state !== "visible") grid.hidden = sheet.state;
    return [{ grid, state: sheet.state, cells }];
  });
}

/** Every worksheet of an .xlsx as a CellGrid, in sheet order. */
export function readXlsxGrids(bytes: Uint8Array, inflater?: Inflater): CellGrid[] {
  return readXlsxSheets(bytes, inflater).map((sheet) => sheet.grid);
}
