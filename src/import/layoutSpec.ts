/**
 * Sheet layouts (imported Word tables, cleaned pasted tables) as SheetSpecs, what every sink writes: text stays
 * text, plain decimals become numbers, bordered tables with bold centred header rows, column widths from the
 * content. The .xlsx files of import-text, import-docx and build-seeds and the task pane's Word import all go
 * through the one spec writer of their host. Pure.
 */
import type { SheetLayout } from "./sheetLayout";
import { textWidth, value, type SheetSpec, type SpecCell } from "../core/sheetSpec";

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** Plain decimals that round-trip through a double ("10", "-1.5", "0.25"); "007" or "1.50" stay text. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{0,14}[1-9])?$/;

/** A cell's text as the value to write: a number when the text is a plain decimal, else the text itself. */
export function valueOfText(text: string): string | number | null {
  if (text === "") return null;
  return PLAIN_NUMBER.test(text) ? Number(text) : text;
}

/** Display width of a text's longest line: CJK and full-width characters count as two. */
export function displayWidth(text: string): number {
  return Math.max(0, ...text.split("\n").map(textWidth));
}

/** Column widths from the single-column cells of the tables: narrow for numbers and points, wide for text. */
export function columnWidths(layout: SheetLayout): number[] {
  const widths: number[] = [];
  const spanning = new Set<string>();
  for (const m of layout.merges) if (m.right > m.left) spanning.add(`${m.top}:${m.left}`);
  for (const table of layout.tables) {
    for (let row = table.top; row <= table.bottom; row++) {
      layout.values[row].forEach((text, col) => {
        if (text === "" || spanning.has(`${row}:${col}`)) return;
        widths[col] = Math.max(widths[col] ?? 0, displayWidth(text) + 2);
      });
    }
  }
  return Array.from(widths, (w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w ?? MIN_WIDTH)));
}

/** A layout as a new sheet: values only (never formulas); every cell of a table bordered, across the table's width,
 * its first row a header; the lines outside the tables (titles, notes) plain. */
export function layoutToSpec(layout: SheetLayout): SheetSpec {
  const tableOfRow = new Map<number, { header: boolean; width: number }>();
  for (const table of layout.tables) {
    for (let row = table.top; row <= table.bottom; row++) tableOfRow.set(row, { header: row === table.top, width: table.width });
  }
  const rows = layout.values.map((texts, r): SpecCell[] => {
    const table = tableOfRow.get(r);
    const style = table ? (table.header ? "table-header" : "table") : "plain";
    return Array.from({ length: table ? table.width : texts.length }, (_, c) => value(valueOfText(texts[c] ?? ""), style));
  });
  return {
    name: layout.name,
    rows,
    merges: layout.merges,
    widths: columnWidths(layout),
    frozenRows: 0,
    protect: false,
    charts: [],
  };
}
