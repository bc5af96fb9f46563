/**
 * Header rows, recognised by what their labels mean (src/core/vocabulary/headers.ts), scored rather than all or
 * nothing: a row is a header when most of its cells are known labels; the unknown ones are kept as extra columns.
 */
import { parseNamedPoints, parsePointsCell } from "../points";
import { headerMeaning, type HeaderMeaning, type HeaderRole } from "../vocabulary/headers";
import { flat } from "./rows";

export type ColumnRole = HeaderRole;

/** The role a header label names, or null when it is not a known label. */
export function labelRole(text: string): ColumnRole | null {
  return headerMeaning(text)?.role ?? null;
}

/** A dimension header of a matrix: a short name with points ("组织保障（20分）"). */
export function isDimensionLabel(text: string): boolean {
  const named = parseNamedPoints(text);
  return named !== null && named.name.length > 0 && named.name.length <= 12;
}

export interface HeaderCell {
  col: number;
  /** Last column the header cell spans (merged header cells cover several data columns). */
  lastCol: number;
  text: string;
  meaning: HeaderMeaning | null;
  /** A matrix dimension ("组织保障（20分）"). */
  dimension: boolean;
}

/** Roles that name what a book is made of: a table with none of them is not a book. */
const BOOK_ROLES = new Set<ColumnRole>(["points", "categoryPoints", "weight", "criterion", "indicator", "level", "target", "text"]);

/**
 * How much a row looks like a header row, or 0 when it is not one: at least two known labels making up most of
 * the row, one of them naming what books are made of (or a unit column and two matrix dimensions), and no number. Exact labels
 * count more than labels that only contain a known word.
 */
export function headerScore(cells: HeaderCell[]): number {
  const filled = cells.filter((c) => flat(c.text) !== "");
  if (filled.length < 2 || filled.some((c) => parsePointsCell(c.text) !== null)) return 0;
  let score = 0;
  let known = 0;
  let dimensions = 0;
  let bookRole = false;
  let unitColumn = false;
  for (const cell of filled) {
    if (cell.meaning) {
      known++;
      score += cell.meaning.strength;
      if (BOOK_ROLES.has(cell.meaning.role)) bookRole = true;
      if (cell.meaning.role === "unit") unitColumn = true;
    } else if (cell.dimension) dimensions++;
  }
  // A matrix is units by dimensions: 部门 | 组织保障（20分） | 经费保障（20分）.
  if (unitColumn && dimensions >= 2) return score + dimensions;
  if (known < 2 || !bookRole || known * 2 < filled.length) return 0;
  return score;
}

/** Whether a known label of the row names what books are made of (a text, points, weight or criterion column). */
export function namesBookColumn(cells: HeaderCell[]): boolean {
  return cells.some((c) => c.meaning !== null && BOOK_ROLES.has(c.meaning.role));
}

/** Whether a row of distinct cells is a header row. */
export function isHeaderRow(cells: HeaderCell[]): boolean {
  return headerScore(cells) > 0;
}
