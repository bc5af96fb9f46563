/**
 * The 未匹配的录入 (unmatched entries) sheet: entries of the scoring sheets generated before that found no row on the
 * sheets generated again (a deleted indicator, a unit no longer in the books, an indicator renamed beyond a small
 * edit), each with its old place - sheet, row, unit, category, indicator - and its values as entered (a formula as
 * its text: the cells it referred to are gone). Nothing on it is scored, and the book reader skips it
 * (unmatchedHeader.ts); the assessor copies what still applies.
 */
import { type SheetSpec, type SpecCell, value } from "../sheetSpec";
import type { SetAsideEntry } from "./carry";
import { entryCell } from "./entries";
import type { EnteredCell } from "./inputs";
import { UNMATCHED_PLACE, UNMATCHED_SHEET } from "./unmatchedHeader";

export { UNMATCHED_SHEET, isUnmatchedSheetValues } from "./unmatchedHeader";

const TITLE = "未匹配的录入：重新生成评分表时找不到对应指标的录入，原样保留于此，未计入任何评分表";
const AFTER = ["实际完成", "扣分"];
const NOTE = "备注";

/** A set-aside entry as a cell: as entered, a formula shown as its text. */
function shown(entry: EnteredCell | null): SpecCell {
  if (entry === null) return value(null);
  if (entry.type === "formula") return value(entry.formula ?? null);
  return entryCell(entry, undefined);
}

/** The unmatched-entries sheet for the entries set aside (one row each, in the order of the old sheets). */
export function unmatchedSheet(entries: SetAsideEntry[]): SheetSpec {
  const groups = Math.max(0, ...entries.map((e) => e.entries.groups.length));
  const groupHeaders = Array.from({ length: groups }, (_, g) => entries.find((e) => e.groups[g])?.groups[g] ?? `评分${g + 1}`);
  const header = [...UNMATCHED_PLACE, ...AFTER, ...groupHeaders, NOTE];
  const rows: SpecCell[][] = [
    [value(TITLE, "title")],
    header.map((h) => value(h, "header")),
    ...entries.map((e) => [
      value(e.sheet),
      value(e.row),
      value(e.unit),
      value(e.category),
      value(e.name),
      shown(e.entries.actual),
      shown(e.entries.deduction),
      ...Array.from({ length: groups }, (_, g) => shown(e.entries.groups[g] ?? null)),
      shown(e.entries.note),
    ]),
  ];
  const widths = [16, 6, 16, 16, 30, 10, 10, ...groupHeaders.map(() => 10), 24];
  return { name: UNMATCHED_SHEET, rows, merges: [], widths, frozenRows: 2, protect: false, charts: [] };
}
