/**
 * Numbering as books write it: section numbers "一、" and "（一）", item numbers "1." "1．" "1、" "(1)".
 */
import { normalizeDigits } from "../points";

const CHINESE_NUMERAL = "一二三四五六七八九十";

/** "一、", "二、" … and "（一）", "(二)" … : section or group headings. */
export const SECTION_NUMBER = new RegExp(`^(?:[${CHINESE_NUMERAL}]+[、.．]|[（(][${CHINESE_NUMERAL}]+[）)])\\s*`);
/** "1.", "2．", "3、", "(1)", "（2）" at the start of a text (not "1.5"). */
export const ITEM_NUMBER = /^(?:(\d{1,3})\s*[.．、](?!\d)|[（(](\d{1,3})[）)])\s*/;

/** A text that is a number label and nothing else: "1", "2.", "1.2", "（3）", "③", "四、". */
const NUMBER_LABEL = new RegExp(`^(?:\\d{1,3}(?:\\.\\d{1,3})*[.．、]?|[（(]\\d{1,3}[）)]|[①-⑳]|[${CHINESE_NUMERAL}]+[、.．]?|[（(][${CHINESE_NUMERAL}]+[）)])$`);

export function isNumberLabel(text: string): boolean {
  return NUMBER_LABEL.test(normalizeDigits(text.trim()));
}

const OUTER_SECTION = new RegExp(`^[${CHINESE_NUMERAL}]+[、.．]`);

/** "1.1", "1.1.1" at the start of a text: a decimal outline number, deeper with each point. */
const OUTLINE_NUMBER = /^\d{1,3}((?:\.\d{1,3})+)(?![\d%％万亿千百元个])/;
/** "三" alone, as a 序号 cell writes a section. */
const BARE_SECTION = new RegExp(`^[${CHINESE_NUMERAL}]+$`);
const CIRCLED_NUMBER = /^[①-⑳]/;
/** How every numbering starts, after any white space: a digit, a Chinese numeral, a bracket or a circled number. */
const NUMBERING_START = new RegExp(`^\\s*[\\d０-９${CHINESE_NUMERAL}（(①-⑳]`);

/**
 * How deep a text's numbering goes in the order books nest them: 一、 (0), （一） (1), 1. (2), 1.1 (2.1), 1.1.1 (2.2),
 * （1） (3), ① (4); null for a text that starts with none. A bare number in a 序号 cell counts as "3." (or "三、").
 */
export function numberingRank(text: string): number | null {
  if (!NUMBERING_START.test(text)) return null;
  const t = normalizeDigits(text.trimStart());
  if (SECTION_NUMBER.test(t)) return OUTER_SECTION.test(t) ? 0 : 1;
  const outline = OUTLINE_NUMBER.exec(t);
  if (outline) return 2 + (outline[1].split(".").length - 1) / 10;
  const item = ITEM_NUMBER.exec(t);
  if (item) return item[1] !== undefined ? 2 : 3;
  if (CIRCLED_NUMBER.test(t)) return 4;
  const bare = t.trim();
  if (BARE_SECTION.test(bare)) return 0;
  return /^\d{1,3}$/.test(bare) ? 2 : null;
}

/** Kind of numbering a text starts with. */
export function numberingOf(text: string): "section" | "item" | null {
  const t = normalizeDigits(text.trimStart());
  if (SECTION_NUMBER.test(t)) return "section";
  if (ITEM_NUMBER.test(t)) return "item";
  return null;
}

/** The text without its leading numbering. */
export function stripNumbering(text: string): string {
  const t = text.trimStart();
  const normalized = normalizeDigits(t);
  const match = SECTION_NUMBER.exec(normalized) ?? ITEM_NUMBER.exec(normalized);
  return match ? t.slice(match[0].length) : t;
}

export interface NumberedItem {
  number: string;
  text: string;
}

/**
 * Splits a text at consecutive item numbers 1. 2. 3. … ("1.协助…（20分）；2.组织编制…"). Only a number that
 * continues the sequence, and is not part of a longer number, starts an item; text before "1." is dropped
 * when it is blank. Returns [] when the text does not start its first item with 1.
 */
export function splitNumberedItems(text: string): NumberedItem[] {
  const normalized = normalizeDigits(text);
  const starts: { index: number; contentStart: number; number: number }[] = [];
  let expected = 1;
  const pattern = /(\d{1,3})\s*[.．、](?!\d)/g;
  for (const match of normalized.matchAll(pattern)) {
    const index = match.index ?? 0;
    const before = index === 0 ? "" : normalized[index - 1];
    if (/[\d.]/.test(before)) continue;
    if (Number(match[1]) !== expected) continue;
    starts.push({ index, contentStart: index + match[0].length, number: expected });
    expected++;
  }
  if (starts.length === 0 || normalized.slice(0, starts[0].index).trim() !== "") return [];
  return starts.map((start, i) => ({
    number: String(start.number),
    text: text.slice(start.contentStart, i + 1 < starts.length ? starts[i + 1].index : text.length).trim(),
  }));
}
