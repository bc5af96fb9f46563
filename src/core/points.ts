/**
 * Stated points (分值) in the ways books write them: "（10分）", "(2分）", "10分", "10", "4分", "最高4分", "-0.5",
 * "扣1.5分", full-width digits. Numbers that are not points ("15分钟", "考评未达到84分的") are not taken.
 */
import { Decimal, dec } from "./decimal";
import type { CellValue } from "./grid";

/** How points were written: as a plain allotment, as a cap ("最高4分"), or as a deduction ("扣1.5分", "-0.5"). */
export type PointsForm = "points" | "cap" | "deduction";

export interface PointsStatement {
  /** The points, always as written in magnitude; `form` says whether they are a cap or a deduction. */
  points: Decimal;
  form: PointsForm;
}

export interface InlinePoints {
  points: Decimal;
  /** Offset of the match in the text, and its length. */
  index: number;
  length: number;
  /** True when the points directly precede a colon ("分季度（9分）：") and so head the items that follow. */
  heading: boolean;
}

const FULL_WIDTH: Record<string, string> = {
  "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8", "９": "9",
  "．": ".", "－": "-", "（": "（", "）": "）",
};

/** Full-width digits, dot and minus to ASCII; everything else unchanged. Keeps string length. */
const FULL_WIDTH_CHARS = /[０-９．－]/g;

export function normalizeDigits(text: string): string {
  FULL_WIDTH_CHARS.lastIndex = 0;
  return FULL_WIDTH_CHARS.test(text) ? text.replace(FULL_WIDTH_CHARS, (ch) => FULL_WIDTH[ch] ?? ch) : text;
}

/** Text with all white space removed (Word tables put line breaks and spaces inside words). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, "");
}

/** A number as books write it, "0. 5" (a space after the point, from Word) included: read it with numeral(). */
export const NUMBER = String.raw`\d+(?:\s*\.\s*\d+)?`;

/** The Decimal of a number NUMBER matched. */
export function numeral(text: string): Decimal {
  return dec(/\s/.test(text) ? text.replace(/\s+/g, "") : text);
}
/** The brackets points are written in: "（10分）", "(10分)", "【10分】", "〔10分〕", "[10分]". */
export const POINTS_OPEN = "[（(【〔\\[]";
export const POINTS_CLOSE = "[）)】〕\\]]";
const OPENS_POINTS = new RegExp(`${POINTS_OPEN}$`);
const CLOSING_BRACKETS = "）)】〕]";

/** Words that state a row's points before the number: "占20分" (its share of the total), "（计6分）", "共计4分";
 * a 计 inside a word (合计, 小计, 统计) is not one. */
const SHARE = String.raw`占|共计|(?<=^|[（(\s，,、：:])计`;
/** "（10分）", "(2分）", "（扣1分）", "（最高4分）": parenthesised points, either kind of parenthesis. */
const PARENTHESISED = new RegExp(String.raw`${POINTS_OPEN}\s*(最高|扣|-)?\s*(${NUMBER})\s*分\s*${POINTS_CLOSE}`, "g");
/** Points at the very end of a name cell: "乡村振兴20分", "经济发展（20分）", "最高4分". */
const TRAILING = new RegExp(String.raw`(?:${POINTS_OPEN}\s*)?(最高|扣|-|${SHARE})?\s*(${NUMBER})\s*分\s*(?:${POINTS_CLOSE})?\s*[。；;，,]?$`);
/** A points column: "10", "4分", "最高4分", "-0.5", "扣1.5分", "10.0". */
const POINTS_CELL = new RegExp(String.raw`^(最高|扣|-|\+|${SHARE})?\s*(${NUMBER})\s*(?:分)?$`);
/** How every points cell ends (a digit or 分): a text that ends otherwise is not compacted and parsed. */
const POINTS_CELL_END = /^[\d０-９分]$/;

function formOf(prefix: string | undefined): PointsForm {
  if (prefix === "最高") return "cap";
  if (prefix === "扣" || prefix === "-") return "deduction";
  return "points";
}

/**
 * Points written in a points column (分值 / 扣分分值). Numbers are taken as they are (negative = deduction);
 * text must be a points expression and nothing else. Returns null for empty or non-points cells.
 */
export function parsePointsCell(value: CellValue): PointsStatement | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const d = dec(value);
    return d.isNegative() ? { points: d.abs(), form: "deduction" } : { points: d, form: "points" };
  }
  if (typeof value !== "string" || !POINTS_CELL_END.test(value[lastNonSpace(value)] ?? "")) return null;
  const text = compact(normalizeDigits(value));
  const match = POINTS_CELL.exec(text);
  if (!match) return null;
  return { points: dec(match[2]), form: formOf(match[1]) };
}

/** A weight as a weight column writes it: 50, "50", "50%", "50分"; null for anything else. */
export function parseWeightCell(value: CellValue): Decimal | null {
  if (typeof value === "string") {
    const percent = PERCENT.exec(compact(normalizeDigits(value)));
    if (percent) return numeral(percent[1]);
  }
  const statement = parsePointsCell(value);
  return statement && statement.form === "points" ? statement.points : null;
}
const PERCENT = new RegExp(String.raw`^(${NUMBER})[%％]$`);

export interface NamedPoints extends PointsStatement {
  /** The text without the points ("经济发展（20分）" -> "经济发展"). */
  name: string;
  /** Bonus points stated beside the points ("信息报告（23分+10分）"). */
  bonus?: Decimal;
}

/** "（23分+10分）" at the end of a name: points plus bonus points. */
const POINTS_PLUS_BONUS = new RegExp(String.raw`${POINTS_OPEN}\s*(${NUMBER})\s*分?\s*[+＋]\s*(${NUMBER})\s*分\s*${POINTS_CLOSE}\s*$`);
/** The characters a range or a points-plus-bonus statement needs: most names have none. */
const RANGE_OR_PLUS = /[-~～—至+＋]/;
/** "（1-10分）", "(1～5分)": a range of points, worth at most its upper end. */
const POINTS_RANGE = new RegExp(String.raw`${POINTS_OPEN}\s*(${NUMBER})\s*分?\s*[-~～—至]\s*(${NUMBER})\s*分\s*${POINTS_CLOSE}\s*$`);
/** "（12分，7分奖分）", "（2分，为奖励分）": a row's points and the bonus points among or beside them. */
const CLOSING_BONUS = new RegExp(String.raw`${POINTS_OPEN}\s*(${NUMBER})\s*分\s*[，,]\s*(?:(${NUMBER})\s*分\s*)?为?奖(?:励)?分?\s*${POINTS_CLOSE}\s*[。；;，,.]?\s*$`);

export interface ClosingBonus {
  points: Decimal;
  bonus: Decimal;
  /** The text before the bracket. */
  rest: string;
}

/** Points and bonus points closing a text ("…（12分，7分奖分）" -> 12 and 7; "…（2分，为奖励分）" -> 0 and 2). */
export function closingBonus(text: string): ClosingBonus | null {
  if (!text.includes("奖")) return null;
  const normalized = normalizeDigits(text);
  const match = CLOSING_BONUS.exec(normalized);
  if (!match) return null;
  const rest = text.slice(0, match.index);
  return match[2] === undefined
    ? { points: dec(0), bonus: numeral(match[1]), rest }
    : { points: numeral(match[1]), bonus: numeral(match[2]), rest };
}

/**
 * Points stated at the end of a name cell (category or indicator name): "经济发展（20分）", "乡村振兴\n\n20分",
 * "脱贫攻坚分5分", "加分项目\n\n10分". A number followed by 分 in the middle of a sentence is not taken.
 */
export function parseNamedPoints(text: string): NamedPoints | null {
  if (!endsWithPoints(text)) return null;
  const flat = compact(normalizeDigits(text));
  if (RANGE_OR_PLUS.test(flat)) {
    const range = POINTS_RANGE.exec(flat);
    if (range) return { points: dec(range[2]), form: "cap", name: flat.slice(0, range.index) };
    const plus = POINTS_PLUS_BONUS.exec(flat);
    if (plus) return { points: dec(plus[1]), form: "points", name: flat.slice(0, plus.index), bonus: dec(plus[2]) };
  }
  const match = TRAILING.exec(flat);
  if (!match) return null;
  // "15分钟" and "84分的" cannot match: the pattern is anchored to the end of the cell.
  let name = flat.slice(0, match.index);
  // "脱贫攻坚分5分": a stray 分 before the points belongs to the points, not the name.
  if (name.endsWith("分") && !OPENS_POINTS.test(name)) name = name.slice(0, -1);
  return { points: dec(match[2]), form: formOf(match[1]), name };
}

/** Punctuation a name's points may be followed by ("…20分。", "…（5分）；"). */
const CLOSING_MARKS = "。；;，,";

/**
 * Whether a text ends the way every named-points form ends: 分, then at most a closing bracket and one closing
 * mark, white space anywhere between. Most texts do not, and skip the patterns below.
 */
function endsWithPoints(text: string): boolean {
  let i = lastNonSpace(text);
  if (i >= 0 && CLOSING_MARKS.includes(text[i])) i = lastNonSpace(text, i - 1);
  if (i >= 0 && CLOSING_BRACKETS.includes(text[i])) i = lastNonSpace(text, i - 1);
  return i >= 0 && text[i] === "分";
}

const SPACE = /\s/;

/** Index of the last character at or before `from` that is not white space; -1 when there is none. */
function lastNonSpace(text: string, from = text.length - 1): number {
  let i = from;
  while (i >= 0 && SPACE.test(text[i])) i--;
  return i;
}

/** The name with any trailing points removed, white space compacted. */
export function stripPoints(text: string): string {
  const named = parseNamedPoints(text);
  return named ? named.name : compact(text);
}

/** Every parenthesised points mention inside a text ("……不少于5篇（2分）；二是……（2分）"), in order. */
export function inlinePoints(text: string): InlinePoints[] {
  const normalized = normalizeDigits(text);
  const found: InlinePoints[] = [];
  for (const match of normalized.matchAll(PARENTHESISED)) {
    const index = match.index ?? 0;
    const after = normalized.slice(index + match[0].length).trimStart();
    found.push({
      points: numeral(match[2]),
      index,
      length: match[0].length,
      heading: /^[：:]/.test(after),
    });
  }
  return found;
}

/** Decimal or null from a points statement, with deductions negative. */
export function signedPoints(statement: PointsStatement): Decimal {
  return statement.form === "deduction" ? statement.points.negated() : statement.points;
}
