/**
 * The numeric target in a target text (目标要求) and which way is better:
 *   "不少于30篇"       -> 30, higher is better
 *   "控制在4.3%以内"   -> 0.043, lower is better
 *   "不超过2人"        -> 2, lower is better
 *   "增长7%"           -> 0.07, higher is better
 *   "达到85%"          -> 0.85, higher is better
 *   "下降3.1%"         -> 0.031, higher is better: the target is the size of the fall, and the actual to score
 *                          against it is the fall achieved (a fall of 3.5% beats 3.1%). Books write such targets as
 *                          rates of decrease ("能耗降低率2.9%"), which are higher-is-better numbers. A text that
 *                          names a level to fall to ("下降到3%", "降至3%") is lower is better.
 * Percentages become fractions (7% -> 0.07, 5‰ -> 0.005, 2个百分点 -> 0.02); other units stay as written
 * (0.2亿元 -> 0.2). Points mentions ("（2分）", "扣1.5分"), years ("2018年") and dates ("6月底") are not targets.
 */
import { Decimal, dec } from "./decimal";
import { compact, normalizeDigits, POINTS_CLOSE, POINTS_OPEN } from "./points";
import { HIGHER_FIRST, HIGHER_WORDS, LOWER_AFTER, LOWER_BEFORE, TARGET_UNITS } from "./vocabulary/targets";
import type { Direction } from "./scoring/methods";

export interface Target {
  value: Decimal;
  direction: Direction;
  /** The unit written after the number ("篇", "%", "亿元"), "" when none. */
  unit: string;
  /** The target expression as written, from its direction words to its unit ("控制在4.3%以内"). */
  text: string;
}

const SEPARATORS = "，,；;。：:、！!？?\n";
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`[万亿千百]?(?:${TARGET_UNITS.join("|")})`;
/** A number, an optional range ("1-2次"), a percent sign or unit, and an optional 以内/以上/以下. */
const EXPRESSION = new RegExp(
  String.raw`(${NUMBER})(?:[-~～至到](${NUMBER}))?(%|％|‰|个百分点)?(${UNIT})?(以内|以下|之内|以上)?`,
  "g",
);
/** What follows a number that is a date or a year, not a target. */
const NOT_A_TARGET_AFTER = /^(?:年|月|日|号|时|届|期|版)/;
/** A parenthesised points mention, or points after 扣/加/最高 ("扣1.5分"). */
const POINTS_MENTION = new RegExp(String.raw`${POINTS_OPEN}\s*(?:最高|扣|加|-)?\s*\d+(?:\.\d+)?\s*分\s*${POINTS_CLOSE}|(?:扣|加|最高)\s*\d+(?:\.\d+)?\s*分`, "g");

const SCALE: Record<string, Decimal> = {
  "%": dec(100), "％": dec(100), "‰": dec(1000), "个百分点": dec(100),
};

/** Direction from the words around a number: the clause before it and what follows its unit. */
function directionOf(before: string, after: string): Direction {
  if (LOWER_AFTER.includes(after)) return "lower";
  if (after === "以上") return "higher";
  let clause = before;
  for (const word of HIGHER_FIRST) clause = clause.split(word).join("");
  return LOWER_BEFORE.some((word) => clause.includes(word)) ? "lower" : "higher";
}

/** Start of the clause a number belongs to: just after the last separator or the previous target before it. */
function clauseStart(text: string, from: number, index: number): number {
  let start = from;
  for (let i = index - 1; i >= from; i--) {
    if (SEPARATORS.includes(text[i])) {
      start = i + 1;
      break;
    }
  }
  return start;
}

/** Every target in the text, in order. */
export function parseTargets(text: string): Target[] {
  // Blank out points mentions (same length, so offsets hold) and compact white space.
  const flat = compact(normalizeDigits(text)).replace(POINTS_MENTION, (m) => "，".repeat(m.length));
  const targets: Target[] = [];
  let previousEnd = 0;
  for (const match of flat.matchAll(EXPRESSION)) {
    const index = match.index ?? 0;
    const [whole, first, second, percent, unitWord, after] = match;
    if (NOT_A_TARGET_AFTER.test(flat.slice(index + whole.length)) || /[第\d.]$/.test(flat.slice(0, index))) continue;
    const start = clauseStart(flat, previousEnd, index);
    const before = flat.slice(start, index);
    const direction = directionOf(before, after ?? "");
    const bound = second === undefined ? first : direction === "higher" ? first : second;
    const scale = percent ? SCALE[percent] : null;
    const value = scale ? dec(bound).div(scale) : dec(bound);
    const wordStart = [...LOWER_BEFORE, ...HIGHER_FIRST, ...HIGHER_WORDS]
      .map((w) => before.lastIndexOf(w))
      .filter((i) => i >= 0);
    const exprStart = wordStart.length > 0 ? start + Math.min(...wordStart) : index;
    targets.push({
      value,
      direction,
      unit: (percent ?? "") + (unitWord ?? ""),
      text: flat.slice(exprStart, index + whole.length),
    });
    previousEnd = index + whole.length;
  }
  return targets;
}

/** The first target in the text, or null when it states none. */
export function parseTarget(text: string): Target | null {
  return parseTargets(text)[0] ?? null;
}
