/**
 * Sheets pasted from Word, laid out as tables again. Excel pastes a Word cell of several paragraphs as one row per
 * paragraph, the row's other cells merged down over them; a label written vertically ("为科/技工/作者/服务/13分")
 * arrives as short lines. This finds both and lays the sheet out as one row per Word row, the paragraphs of a cell
 * joined with "\n" and vertical labels joined into one line, on a new sheet (the source is never changed). Pure.
 */
import { GridView, type CellGrid, type MergeArea } from "../core/grid";
import type { SheetLayout } from "./sheetLayout";

export interface PastedSigns {
  /** Word rows split over several sheet rows. */
  splitRows: number;
  /** Cells whose text is a label written vertically. */
  verticalLabels: number;
}

const CJK = /[\u3400-\u9fff]/;
const MAX_VERTICAL_PIECE = 3;

/** "为科\n技工\n作者\n服务\n13分" -> "为科技工作者服务13分"; other texts unchanged. */
export function joinVerticalLabel(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  if (lines.length < 3 || !CJK.test(text) || lines.some((l) => [...l].length > MAX_VERTICAL_PIECE)) return text;
  return lines.join("");
}

interface Block {
  top: number;
  bottom: number;
  /** Columns whose cells in the block are paragraphs of one cell. */
  paragraphs: Set<number>;
}

/** A Word row split over rows top..bottom: cells merged over exactly those rows, and cells of paragraphs, at least
 * one merged cell to the right of the first paragraph cell (a category merged over its indicators has none). */
function splitBlock(view: GridView, top: number, mergesAt: Map<number, MergeArea[]>): Block | null {
  const starting = (mergesAt.get(top) ?? []).filter((m) => m.bottom > m.top);
  if (starting.length === 0) return null;
  const bottom = Math.max(...starting.map((m) => m.bottom));
  const spanning = starting.filter((m) => m.bottom === bottom);
  const paragraphs = new Set<number>();
  for (let c = 0; c < view.colCount; c++) {
    for (let r = top; r <= bottom; r++) {
      const merge = view.mergeAt(r, c);
      if (merge && spanning.includes(merge)) break;
      if (merge && merge.bottom > merge.top) return null;
      if (r > top && view.text(r, c) !== "") paragraphs.add(c);
    }
  }
  if (paragraphs.size === 0) return null;
  const first = Math.min(...paragraphs);
  return spanning.some((m) => m.left > first) ? { top, bottom, paragraphs } : null;
}

function blocks(grid: CellGrid): { view: GridView; blocks: Block[] } {
  const view = new GridView(grid);
  const mergesAt = new Map<number, MergeArea[]>();
  for (const m of grid.merges) mergesAt.set(m.top, [...(mergesAt.get(m.top) ?? []), m]);
  const found: Block[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const block = splitBlock(view, r, mergesAt);
    if (block) {
      found.push(block);
      r = block.bottom;
    }
  }
  return { view, blocks: found };
}

export function pastedSigns(grid: CellGrid): PastedSigns {
  const { view, blocks: found } = blocks(grid);
  let verticalLabels = 0;
  for (let r = 0; r < view.rowCount; r++) {
    for (let c = 0; c < view.colCount; c++) {
      if (view.isMaster(r, c) && joinVerticalLabel(view.text(r, c)) !== view.text(r, c)) verticalLabels++;
    }
  }
  return { splitRows: found.length, verticalLabels };
}

export function looksPasted(grid: CellGrid): boolean {
  const signs = pastedSigns(grid);
  return signs.splitRows > 0 || signs.verticalLabels > 0;
}

/** The sheet laid out again as a table, named `name`. */
export function cleanPasted(grid: CellGrid, name: string): SheetLayout {
  const { view, blocks: found } = blocks(grid);
  const blockAt = new Map(found.map((b) => [b.top, b]));
  const newRow: number[] = new Array(view.rowCount);
  const values: string[][] = [];
  const text = (r: number, c: number) => (view.isMaster(r, c) ? joinVerticalLabel(view.text(r, c)) : "");
  for (let r = 0; r < view.rowCount; r++) {
    const block = blockAt.get(r);
    const row = Array.from({ length: view.colCount }, (_, c) => text(r, c));
    if (block) {
      for (const c of block.paragraphs) {
        const lines: string[] = [];
        for (let k = block.top; k <= block.bottom; k++) if (view.isMaster(k, c) && view.text(k, c) !== "") lines.push(view.text(k, c));
        row[c] = lines.join("\n");
      }
      for (let k = block.top; k <= block.bottom; k++) newRow[k] = values.length;
      r = block.bottom;
    } else {
      newRow[r] = values.length;
    }
    values.push(row);
  }
  const merges = grid.merges
    .filter((m) => m.top < view.rowCount)
    .map((m) => ({ top: newRow[m.top], left: m.left, bottom: newRow[Math.min(m.bottom, view.rowCount - 1)], right: m.right }))
    .filter((m) => m.bottom > m.top || m.right > m.left);
  const header = values.findIndex((row) => row.filter((t) => t !== "").length >= 2);
  const tables = header < 0 ? [] : [{ top: header, bottom: values.length - 1, width: view.colCount }];
  return { name, values, merges, tables };
}

