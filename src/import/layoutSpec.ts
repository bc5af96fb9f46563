/**
 * Sheet layouts (imported Word tables, cleaned pasted tables) as what a sink writes: text stays text, plain decimals
 * become numbers, table header rows bold, column widths from the content. Shared by the .xlsx writer (src/cli) and
 * the task pane (SheetSpec through the adapter). Pure.
 */
import type { SheetLayout } from "./sheetLayout";
import { value, type SheetSpec } from "../core/sheetSpec";

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
  let widest = 0;
  for (const line of text.split("\n")) {
    let width = 0;
    for (const ch of line) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
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

/** A layout as a new sheet: values only (never formulas), the header row of each table styled as a header. */
export function layoutToSpec(layout: SheetLayout): SheetSpec {
  const headers = new Set(layout.tables.map((t) => t.top));
  return {
    name: layout.name,
    rows: layout.values.map((row, r) => row.map((text) => value(valueOfText(text), headers.has(r) && text !== "" ? "header" : undefined))),
    merges: layout.merges,
    widths: columnWidths(layout),
    frozenRows: 0,
    protect: false,
    charts: [],
  };
}
