/**
 * A document of titles and tables as HTML, the way a Word original looks: each title a paragraph, each table with
 * its merged cells (rowspan, colspan) and one paragraph per line of a cell. LibreOffice Writer turns this into a
 * .docx (w:gridSpan, w:vMerge); the `docx` package builds one from the same cells.
 */
import type { MergeArea } from "../../src/core/grid";
import { layoutItems } from "../../src/import/sheetLayout";
import type { WordItem } from "../../src/import/wordText";

export interface DocTable {
  values: string[][];
  merges: MergeArea[];
  width: number;
}

export type DocBlock = { kind: "title"; text: string } | { kind: "table"; table: DocTable };

/** Titles and tables with the merges import-text would give each table (its reading of Word's text export). */
export function documentBlocks(items: WordItem[]): DocBlock[] {
  return items.map((item) => {
    if (item.kind === "title") return item;
    const { values, merges } = layoutItems([item]);
    return { kind: "table", table: { values, merges, width: item.width } };
  });
}

/** For each cell of a table: its span when it starts a merge, "covered" inside one, null when plain. */
export function cellSpans(table: DocTable): (MergeArea | "covered" | null)[][] {
  const spans: (MergeArea | "covered" | null)[][] = table.values.map(() => new Array(table.width).fill(null));
  for (const m of table.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) spans[r][c] = "covered";
    spans[m.top][m.left] = m;
  }
  return spans;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One paragraph. HTML collapses runs of spaces and Word keeps them (headers spaced out as "考    核    内    容"), so
 * a line with a run of spaces is preformatted, which Writer keeps as typed. */
const paragraph = (text: string) => (/\s\s/.test(text) ? `<pre>${escape(text)}</pre>` : `<p>${escape(text)}</p>`);

export function documentHtml(blocks: DocBlock[], title: string): string {
  const body: string[] = [];
  for (const block of blocks) {
    if (block.kind === "title") {
      body.push(paragraph(block.text));
      continue;
    }
    const spans = cellSpans(block.table);
    body.push('<table border="1" cellspacing="0" cellpadding="2">');
    block.table.values.forEach((row, r) => {
      const cells: string[] = [];
      for (let c = 0; c < block.table.width; c++) {
        const span = spans[r][c];
        if (span === "covered") continue;
        const attrs = span === null ? "" : `${span.bottom > span.top ? ` rowspan="${span.bottom - span.top + 1}"` : ""}${span.right > span.left ? ` colspan="${span.right - span.left + 1}"` : ""}`;
        const lines = (row[c] ?? "").split("\n").filter((l) => l !== "");
        cells.push(`<td${attrs}>${lines.map(paragraph).join("")}</td>`);
      }
      body.push(`<tr>${cells.join("")}</tr>`);
    });
    body.push("</table>");
  }
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>\n${body.join("\n")}\n</body></html>\n`;
}
