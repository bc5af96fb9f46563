/**
 * A Word document's items split into sheets (docs/LAYOUT.md "Sheets"): one sheet, one per part (a title line such
 * as 县直部门考核指标 opens a part) or one per unit's table; each sheet named after its title line, the names unique.
 */
import { freeSheetName } from "../core/sheetSpec";
import { layoutItems, type SheetLayout } from "./sheetLayout";
import { parseWordText, type TableItem, type TitleItem, type WordItem } from "./wordText";

export const SPLIT_MODES = ["none", "parts", "units"] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

const ARABIC_NUMBERING = /^\d+\s*[.．、]/;
const GROUP_HEADING = /^[（(][一二三四五六七八九十]+[）)]/;
const NOTE = /^注/;
const PART_WORDS = /指标|考核|清单|责任书|分解/;

/** A title line that opens a part of the document (a new sheet with `--split parts`). */
export function isPartTitle(text: string): boolean {
  return (
    !ARABIC_NUMBERING.test(text) && !GROUP_HEADING.test(text) && !NOTE.test(text) && PART_WORDS.test(text)
  );
}

const LEADING_NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[）)])\s*/;
const YEAR = /\d{4}\s*年度?/g;
const TRAILING_WORDS = /(?:目标责任考核指标|考核指标|指标)$/;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/** A sheet name from a title line: numbering, year and a trailing 考核指标 removed, Excel's rules applied. */
export function sheetNameFromTitle(title: string): string {
  const name = title
    .replace(LEADING_NUMBERING, "")
    .replace(YEAR, "")
    .replace(FORBIDDEN_IN_SHEET_NAME, "")
    .trim()
    .replace(TRAILING_WORDS, "")
    .trim();
  return name.slice(0, MAX_SHEET_NAME);
}

/** Makes each name unique in order: the second "县直部门" becomes "县直部门 (2)" (freeSheetName, as every sheet
 * Kaohe adds). */
export function uniqueSheetNames(names: string[], fallback = "Sheet"): string[] {
  const used: string[] = [];
  return names.map((wanted) => {
    const name = freeSheetName(wanted === "" ? fallback : wanted, used);
    used.push(name);
    return name;
  });
}

interface Part {
  items: WordItem[];
  /** The title line the sheet is named after, if any. */
  nameTitle: string | null;
}

/** Parts open at part titles; part titles before the part's first table all belong to it, the last names it. */
function splitParts(items: WordItem[]): Part[] {
  const parts: Part[] = [];
  let current: Part = { items: [], nameTitle: null };
  let opener: string | null = null;
  let hasTable = false;
  for (const item of items) {
    if (item.kind === "table") {
      hasTable = true;
    } else if (isPartTitle(item.text)) {
      if (hasTable && item.text !== opener) {
        parts.push(current);
        current = { items: [], nameTitle: null };
        opener = item.text;
        hasTable = false;
      }
      if (!hasTable) {
        current.nameTitle = item.text;
        opener ??= item.text;
      }
    }
    current.items.push(item);
  }
  parts.push(current);
  return parts;
}

/** One part per table, with the title lines since the previous table; notes (注…) right after a table stay with
 * it, and title lines after the last table too. The last title line names the part. */
function splitUnits(items: WordItem[]): Part[] {
  const parts: Part[] = [];
  let pending: TitleItem[] = [];
  let last: Part | null = null;
  for (const item of items) {
    if (item.kind === "table") {
      const nameTitle = pending.length > 0 ? pending[pending.length - 1].text : null;
      last = { items: [...pending, item], nameTitle };
      parts.push(last);
      pending = [];
    } else if (last !== null && pending.length === 0 && NOTE.test(item.text)) {
      last.items.push(item);
    } else {
      pending.push(item);
    }
  }
  if (last === null) return [{ items: pending, nameTitle: null }];
  last.items.push(...pending);
  return parts;
}

/** The last line of a table's one-cell first row: the title Word kept inside the table ("附件2\n安康市…（台账）"). */
function tableTitleRow(items: WordItem[]): string | null {
  const table = items.find((i): i is TableItem => i.kind === "table");
  if (!table || table.width < 2 || table.rows[0].length !== 1) return null;
  const lines = table.rows[0][0].split("\n");
  return lines[lines.length - 1] || null;
}

/** Splits the document into sheets and lays each out. `fallbackName` names a sheet that has no title. */
export function layoutSheets(items: WordItem[], split: SplitMode, fallbackName = "Sheet1"): SheetLayout[] {
  const split_ = split === "units" ? splitUnits(items) : splitParts(items);
  const parts = split === "none" ? [{ items, nameTitle: split_[0].nameTitle }] : split_;
  const names = uniqueSheetNames(
    parts.map((p) => {
      const title = p.nameTitle ?? tableTitleRow(p.items);
      return title === null ? "" : sheetNameFromTitle(title);
    }),
    sheetNameFromTitle(fallbackName) || "Sheet1",
  );
  return parts.map((part, index) => ({ name: names[index], ...layoutItems(part.items) }));
}

/** Text to sheet layouts in one call. */
export function wordTextToSheets(text: string, split: SplitMode, fallbackName?: string): SheetLayout[] {
  return layoutSheets(parseWordText(text), split, fallbackName);
}
