/**
 * The 未匹配的录入 (unmatched entries) sheet's name and header (unmatched.ts writes it), and how a reader knows
 * it: the book reader never takes it for a book.
 */

/** The sheet's name (a free one is taken when it exists). */
export const UNMATCHED_SHEET = "未匹配的录入";

/** The columns before the entered values: where each entry was. */
export const UNMATCHED_PLACE = ["原工作表", "原行", "考核单位", "类别", "指标"] as const;

/** Whether a sheet's values (row-major, from A1) are an unmatched entries' sheet Kaohe wrote: its header row (row 2)
 * starts with the place columns. */
export function isUnmatchedSheetValues(values: readonly (readonly unknown[])[]): boolean {
  const header = values[1];
  return header !== undefined && UNMATCHED_PLACE.every((label, i) => header[i] === label);
}
