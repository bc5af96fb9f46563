/**
 * Reading big sheets through Office.js in row blocks that keep each sync's response under a payload budget
 * (Excel on the web refuses a request or a response over 5 MB). Pure arithmetic: which rows of which sheet go into
 * which sync, and how many bytes a block of values weighs once Office has serialised it.
 */

/** What each sync of values may carry: 4 MB, a margin under Excel on the web's 5 MB. */
export const SYNC_PAYLOAD_BUDGET = 4 * 2 ** 20;
/** Rows of a sheet read first, to measure how much a cell of that sheet weighs; planned at UNSEEN_BYTES_PER_CELL. */
export const PROBE_ROWS = 50;
const UNSEEN_BYTES_PER_CELL = 512;
/** Margin on the bytes per cell measured on a sheet, for rows longer than those already read. */
const SAFETY = 1.1;

/** The size of one sheet's used range, and the bytes and cells of it read so far. */
export interface SheetExtent {
  rows: number;
  columns: number;
  bytesRead: number;
  cellsRead: number;
}

/** Rows [from, to) of sheet `sheet` (an index into the extents). */
export interface RowBlock {
  sheet: number;
  from: number;
  to: number;
}

/** Bytes per cell to plan a sheet's next rows with: what its rows read so far weighed, with a margin. */
function bytesPerCell(extent: SheetExtent): number {
  return extent.cellsRead === 0 ? UNSEEN_BYTES_PER_CELL : Math.max(8, (extent.bytesRead / extent.cellsRead) * SAFETY);
}

/**
 * The next sync's blocks: rows from `next` on (per sheet, the first row not read yet), as many as fit in `budget`
 * bytes at each sheet's own bytes per cell (a sheet not read yet: its first PROBE_ROWS rows only); at least one row,
 * so that every sync advances.
 */
export function nextBlocks(extents: SheetExtent[], next: number[], budget: number): RowBlock[] {
  const blocks: RowBlock[] = [];
  let left = budget;
  for (let sheet = 0; sheet < extents.length; sheet++) {
    const extent = extents[sheet];
    if (next[sheet] >= extent.rows) continue;
    const rowBytes = Math.max(1, extent.columns) * bytesPerCell(extent);
    const fit = Math.floor(left / rowBytes);
    const rows = Math.min(extent.rows - next[sheet], extent.cellsRead === 0 ? PROBE_ROWS : Infinity);
    const count = Math.min(rows, blocks.length === 0 ? Math.max(1, fit) : fit);
    if (count <= 0) break;
    blocks.push({ sheet, from: next[sheet], to: next[sheet] + count });
    left -= count * rowBytes;
  }
  return blocks;
}

/** UTF-8 bytes of values as JSON: a string's characters (up to 3 bytes each, plus quotes and escapes), numbers and
 * booleans as written, a separator per cell. */
export function payloadBytes(values: unknown[][]): number {
  let bytes = 2;
  for (const row of values) {
    bytes += 3;
    for (const value of row) {
      if (typeof value === "string") {
        let text = 2;
        for (let i = 0; i < value.length; i++) {
          const code = value.charCodeAt(i);
          text += code < 0x80 ? (code === 0x22 || code === 0x5c || code < 0x20 ? 2 : 1) : code < 0x800 ? 2 : 3;
        }
        bytes += text + 1;
      } else {
        bytes += String(value).length + 1;
      }
    }
  }
  return bytes;
}

/** Whether an Office.js error is Excel refusing a request or response for its size. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}
