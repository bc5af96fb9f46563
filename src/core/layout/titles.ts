/**
 * The lines above a table: document titles, section headings ("二、县直部门…", "（一）党委工作部门"), the unit's
 * name ("1．螅镇", "2.县委办公室", "部门（单位）：示范区发展改革局"), lists of units, and notes ("注：…").
 */
import { normalizeDigits } from "../points";
import { flat } from "./rows";
import { TITLE_WORDS } from "../vocabulary/words";
import { ITEM_NUMBER, numberingOf, stripNumbering } from "./numbering";

/** Words that make a line a title of a table or document rather than a unit's name. */
import { BASE, PAGE_NUMBER, UNIT_LABEL } from "../vocabulary/words";
const MAX_UNIT_NAME = 24;

export function isNote(line: string): boolean {
  return /^注\s*[：:]/.test(flat(line));
}

/** A page number that came along with a printed or PDF copy ("— 3 —", "第3页 共8页"). */
export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(flat(normalizeDigits(line)));
}

/** A line that only states the base score, in brackets or not ("(起评分100分)", "满分100分"): a term, not a title. */
export function isBaseLine(line: string): boolean {
  const text = flat(normalizeDigits(line)).replace(/[（()）]/g, "");
  const match = BASE.exec(text);
  return match !== null && match[0].length === text.length;
}

/** "部门（单位）：X  责任人：Y" -> X ("" when the form is left blank); null when the line is not such a label. */
export function labelledUnit(line: string): string | null {
  const match = UNIT_LABEL.exec(line);
  if (!match) return null;
  // A form left blank runs on into its next field ("被考核单位: 2012年11月30日制", "村名: 考核日期:"): no name.
  const value = flat(match[1]);
  return /\d|[：:]/.test(value) ? "" : value;
}

/** Several numbered unit names on one line: "1.县税务局           2.县环保局". */
export function unitList(line: string): string[] {
  const parts = normalizeDigits(line)
    .split(/\s{2,}|\u3000+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => ITEM_NUMBER.test(p))) return [];
  return parts.map((p) => flat(stripNumbering(p)));
}

/**
 * The unit a title line names, or null: an arabic-numbered short name ("1．螅镇"), or an unnumbered short name
 * that is not a title ("县自然资源和规划局"). Section headings ("（一）党委工作部门") are groups, not units.
 */
export function unitName(line: string): string | null {
  const labelled = labelledUnit(line);
  if (labelled !== null) return labelled || null;
  const kind = numberingOf(line);
  if (kind === "section") return null;
  const name = flat(stripNumbering(line));
  if (!name || name.length > MAX_UNIT_NAME || TITLE_WORDS.test(name)) return null;
  if (/[，。；：:、]/.test(name) || /\d/.test(name)) return null;
  return name;
}

/** A section heading that groups the books below it: "二、县直部门目标责任考核指标", "（一）党委工作部门". */
export function groupName(line: string): string | null {
  if (numberingOf(line) === "section") return flat(stripNumbering(line));
  return null;
}
