/**
 * Period targets in a target text: quarterly figures ("一二三四季度分别为0.2、0.37、0.28、0.15亿元"), an annual
 * figure with its quarters in brackets ("固定资产投资完成1亿元（0.2亿元、0.37亿元、0.28亿元、0.15亿元）"), and
 * cumulative series ("1200万元、2400万元、3600万元、4800万元"), whose last figure is the year's.
 */
import { Decimal, dec, sum } from "./decimal";
import { normalizeDigits } from "./points";
import { ANNUAL_WORDS, PERIOD_SERIES, PERIOD_UNITS } from "./vocabulary/targets";

export interface PeriodSeries {
  /** The figures in the unit of the first one. */
  values: Decimal[];
  unit: string;
  /** The annual figure the text states for the series, in the same unit, if any. */
  annual: Decimal | null;
  /** Each figure includes the ones before it (strictly increasing): the last one is the year's. */
  cumulative: boolean;
  /** The text of the series, for messages. */
  text: string;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNIT = String.raw`(?:${PERIOD_UNITS.join("|")})`;
/** A list of 3 to 12 figures separated by 、 or ，, with a unit after the last one or after each. */
const LIST = new RegExp(String.raw`(${NUM}\s*(${UNIT})?(?:\s*[、，,]\s*${NUM}\s*(?:${UNIT})?){2,11})`);
const ANNUAL_WITH_BRACKETS = new RegExp(String.raw`(${NUM})\s*(${UNIT})\s*[（(]\s*` + LIST.source + String.raw`\s*[）)]`, "g");
const ANNUAL_STATEMENT = new RegExp(ANNUAL_WORDS + String.raw`\s*(${NUM})\s*(${UNIT})`);

const SCALE: Record<string, Decimal> = { 亿元: dec(100000000), 万元: dec(10000), 元: dec(1), 亿: dec(100000000), 万: dec(10000) };

/** The figure converted into `unit` when both are amounts of money or plain magnitudes; null when incompatible. */
function convert(value: Decimal, from: string, to: string): Decimal | null {
  if (from === to || from === "") return value;
  const a = SCALE[from];
  const b = SCALE[to];
  return a && b ? value.times(a).div(b) : null;
}

function parseList(text: string): { values: Decimal[]; unit: string } | null {
  const parts = text.split(/[、，,]/).map((p) => p.trim()).filter(Boolean);
  const parsed = parts.map((p) => new RegExp(String.raw`^(${NUM})\s*(${UNIT})?$`).exec(p));
  if (parsed.some((m) => m === null)) return null;
  const unit = [...parsed].reverse().find((m) => m![2])?.[2] ?? "";
  const values: Decimal[] = [];
  for (const m of parsed) {
    const converted = convert(dec(m![1]), m![2] ?? unit, unit);
    if (converted === null) return null;
    values.push(converted);
  }
  return { values, unit };
}

function isIncreasing(values: Decimal[]): boolean {
  return values.every((v, i) => i === 0 || v.gt(values[i - 1]));
}

/** Period series stated in a text. */
export function periodSeries(rawText: string): PeriodSeries[] {
  const text = normalizeDigits(rawText);
  const found: PeriodSeries[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(ANNUAL_WITH_BRACKETS)) {
    const list = parseList(match[3]);
    if (!list) continue;
    const annual = convert(dec(match[1]), match[2], list.unit);
    found.push({ ...list, annual, cumulative: isIncreasing(list.values) && list.values.length > 1 && annual !== null && list.values[list.values.length - 1].eq(annual), text: match[0] });
    taken.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  for (const match of text.matchAll(PERIOD_SERIES)) {
    const start = (match.index ?? 0) + match[0].length;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    const list = LIST.exec(text.slice(start));
    if (!list || list.index > 2) continue;
    const parsed = parseList(list[1]);
    if (!parsed) continue;
    const rest = text.slice(start + list.index + list[0].length);
    const statement = ANNUAL_STATEMENT.exec(text.slice(0, match.index)) ?? ANNUAL_STATEMENT.exec(rest);
    const annual = statement ? convert(dec(statement[1]), statement[2], parsed.unit) : null;
    found.push({ ...parsed, annual, cumulative: isIncreasing(parsed.values), text: match[0] + list[0] });
  }
  return found;
}

/** What the series adds up to for the year: the sum, or the last figure of a cumulative series. */
export function seriesTotal(series: PeriodSeries): Decimal {
  return series.cumulative ? series.values[series.values.length - 1] : sum(series.values);
}
