/**
 * Decimal arithmetic for every number in core. Points, targets and scores are exact decimals:
 * 0.2 + 0.37 + 0.28 + 0.15 is 1, not 0.9999999999999999.
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Decimals of the short numerals books repeat ("10", "0.5"); a Decimal never changes, so one can be shared. */
const NUMERALS = new Map<string, Decimal>();
const MAX_NUMERALS = 4096;

/** A Decimal from a number or numeric string. Throws on anything that is not a finite number. */
export function dec(value: number | string | Decimal): Decimal {
  if (typeof value === "string" && value.length <= 12) {
    const known = NUMERALS.get(value);
    if (known) return known;
    const d = finite(value);
    if (NUMERALS.size >= MAX_NUMERALS) NUMERALS.clear();
    NUMERALS.set(value, d);
    return d;
  }
  return finite(value);
}

function finite(value: number | string | Decimal): Decimal {
  const d = new Decimal(value);
  if (!d.isFinite()) throw new Error(`Not a finite number: ${String(value)}`);
  return d;
}

/** Exact sum. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  // Adding a zero changes nothing (a scoring sheet's subtotals add up rows with nothing entered yet).
  for (const v of values) if (!v.isZero()) total = total.plus(v);
  return total;
}

/** Plain decimal string without exponent or trailing zeros ("30", "0.5", "-1.5"). */
export function decimalString(value: Decimal): string {
  return value.toFixed();
}
