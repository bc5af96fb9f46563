/**
 * A Word document (.docx) into the document items of src/core/wordText.ts: the text between tables as title lines,
 * every table with its merged cells (w:gridSpan across, w:vMerge down) and the paragraphs inside its cells. The
 * sheets are then laid out exactly as `import-text` lays out Word-table text (layoutSheets), but without guessing:
 * a .docx says which cells are merged.
 *
 * The zip is read with fflate and document.xml with saxes (a streaming, namespace-aware XML parser), both pure
 * JavaScript, so the same code runs in the command line and in the task pane. Linear in the document's size.
 * Tabs read as spaces; every other character is kept as written.
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { MergeArea } from "../core/grid";
import type { SheetLayout } from "./sheetLayout";
import { layoutSheets, type SplitMode } from "./wordSheets";
import type { TableItem, WordItem } from "./wordText";
import { sniffFormat, UnreadableFormatError } from "./formats";

const WORD_NS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Word elements whose text is not document text: deleted runs, field codes, text boxes (drawn over the page). */
const SKIPPED = new Set(["delText", "instrText", "txbxContent", "footnoteReference", "endnoteReference"]);

interface OpenCell {
  span: number;
  /** "restart" opens a vertical merge, "continue" extends the one above, null is a plain cell. */
  vMerge: "restart" | "continue" | null;
  paragraphs: string[];
}

interface OpenRow {
  gridBefore: number;
  cells: OpenCell[];
}

interface OpenTable {
  gridColumns: number;
  rows: OpenRow[];
  row: OpenRow | null;
  cell: OpenCell | null;
}

function attribute(tag: SaxesTagNS, local: string): string | undefined {
  for (const attr of Object.values(tag.attributes)) if (attr.local === local && WORD_NS.has(attr.uri)) return attr.value;
  return undefined;
}

function count(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A cell's paragraphs as one cell text: trimmed, empty paragraphs dropped, joined with "\n" (as import-text). */
function cellText(paragraphs: string[]): string {
  return paragraphs
    .flatMap((p) => p.split("\n"))
    .map((p) => p.replace(/\t/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n");
}

/** A Word table as a grid: cells at their grid columns, vertical merges joined to the cell above them. */
export function tableToItem(table: Pick<OpenTable, "gridColumns" | "rows">): TableItem | null {
  const rows = table.rows.filter((r) => r.cells.length > 0);
  if (rows.length === 0) return null;
  let width = table.gridColumns;
  for (const row of rows) width = Math.max(width, row.gridBefore + row.cells.reduce((n, c) => n + c.span, 0));
  const values: string[][] = [];
  const texts: string[][] = [];
  const areas: MergeArea[] = [];
  /** The area holding each column in the row above. */
  let above: (MergeArea | undefined)[] = [];
  rows.forEach((row, r) => {
    const rowValues = new Array<string>(width).fill("");
    const rowTexts: string[] = [];
    const current: (MergeArea | undefined)[] = new Array(width);
    let col = row.gridBefore;
    for (const cell of row.cells) {
      const left = col;
      const right = col + cell.span - 1;
      col += cell.span;
      const holder = above[left];
      if (cell.vMerge === "continue" && holder !== undefined && holder.left === left && holder.right === right) {
        holder.bottom = r;
        for (let c = left; c <= right; c++) current[c] = holder;
        continue;
      }
      const text = cellText(cell.paragraphs);
      rowValues[left] = text;
      rowTexts.push(text);
      const area = { top: r, left, bottom: r, right };
      areas.push(area);
      for (let c = left; c <= right; c++) current[c] = area;
    }
    values.push(rowValues);
    texts.push(rowTexts);
    above = current;
  });
  const merges = areas.filter((a) => a.bottom > a.top || a.right > a.left);
  return { kind: "table", rows: texts, width, grid: { values, merges } };
}

/** The body of word/document.xml as title lines and tables, in document order. */
export function documentXmlToItems(xml: string): WordItem[] {
  const items: WordItem[] = [];
  const tables: OpenTable[] = [];
  /** Text of the paragraph being read. */
  let paragraph: string | null = null;
  let inText = false;
  let inRun = false;
  let skipDepth = 0;

  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    if (tag.uri === MC_NS && tag.local === "Fallback") {
      skipDepth = 1;
      return;
    }
    if (!WORD_NS.has(tag.uri)) return;
    if (SKIPPED.has(tag.local)) {
      skipDepth = 1;
      return;
    }
    const table = tables[tables.length - 1];
    switch (tag.local) {
      case "p":
        paragraph = "";
        break;
      case "t":
        inText = true;
        break;
      case "r":
        inRun = true;
        break;
      case "tab":
        // w:tab is also a tab stop of the paragraph's properties; only a run's w:tab is text.
        if (inRun && paragraph !== null) paragraph += "\t";
        break;
      case "br":
      case "cr":
        if (inRun && paragraph !== null) paragraph += "\n";
        break;
      case "noBreakHyphen":
        if (inRun && paragraph !== null) paragraph += "-";
        break;
      case "tbl":
        tables.push({ gridColumns: 0, rows: [], row: null, cell: null });
        break;
      case "gridCol":
        if (table && table.rows.length === 0 && table.row === null) table.gridColumns++;
        break;
      case "tr":
        if (table) table.row = { gridBefore: 0, cells: [] };
        break;
      case "gridBefore":
        if (table?.row && table.cell === null) table.row.gridBefore = count(attribute(tag, "val"), 0);
        break;
      case "tc":
        if (table?.row) table.cell = { span: 1, vMerge: null, paragraphs: [] };
        break;
      case "gridSpan":
        if (table?.cell) table.cell.span = Math.max(1, count(attribute(tag, "val"), 1));
        break;
      case "vMerge":
        if (table?.cell) table.cell.vMerge = attribute(tag, "val") === "restart" ? "restart" : "continue";
        break;
    }
  });
  parser.on("text", (text) => {
    if (inText && skipDepth === 0 && paragraph !== null) paragraph += text;
  });
  parser.on("closetag", (tag) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (!WORD_NS.has(tag.uri)) return;
    const table = tables[tables.length - 1];
    switch (tag.local) {
      case "t":
        inText = false;
        break;
      case "r":
        inRun = false;
        break;
      case "p": {
        const text = paragraph ?? "";
        paragraph = null;
        if (table?.cell) {
          table.cell.paragraphs.push(text);
        } else if (!table) {
          for (const line of text.split("\n")) {
            const title = line.replace(/\t/g, " ").trim();
            if (title !== "") items.push({ kind: "title", text: title });
          }
        }
        break;
      }
      case "tc":
        if (table?.row && table.cell) table.row.cells.push(table.cell);
        if (table) table.cell = null;
        break;
      case "tr":
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      case "tbl": {
        tables.pop();
        if (!table) break;
        const outer = tables[tables.length - 1];
        if (outer?.cell) {
          // A table inside a cell: its rows become paragraphs of that cell.
          for (const row of table.rows) outer.cell.paragraphs.push(row.cells.map((c) => cellText(c.paragraphs)).filter((t) => t !== "").join(" "));
        } else {
          const item = tableToItem(table);
          if (item) items.push(item);
        }
        break;
      }
    }
  });
  parser.write(xml).close();
  return items;
}

/** The document items of a .docx file's bytes. Files that are not a .docx raise UnreadableFormatError. */
export function docxToItems(bytes: Uint8Array): WordItem[] {
  const format = sniffFormat(bytes);
  if (format !== "docx") throw new UnreadableFormatError(format, "docx");
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" });
  } catch (error) {
    throw new UnreadableFormatError("corrupt-zip", "docx", error instanceof Error ? error.message : String(error));
  }
  const xml = files["word/document.xml"];
  if (!xml) throw new UnreadableFormatError("zip", "docx");
  try {
    return documentXmlToItems(strFromU8(xml));
  } catch (error) {
    throw new UnreadableFormatError("corrupt-zip", "docx", error instanceof Error ? error.message : String(error));
  }
}

/** A .docx file's bytes into sheet layouts, split as import-text splits (none, parts, units). */
export function docxToSheets(bytes: Uint8Array, split: SplitMode, fallbackName?: string): SheetLayout[] {
  return layoutSheets(docxToItems(bytes), split, fallbackName);
}
