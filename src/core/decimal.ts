/**
 * Decimal arithmetic for every number in core. Points, targets and scores are exact decimals:
 * 0.2 + 0.37 + 0.28 + 0.15 is 1, not 0.9999999999999999.
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** A Decimal from a number or numeric string. Throws on anything that is not a finite number. */
export function dec(value: number | string | Decimal): Decimal {
  const d = new Decimal(value);
  if (!d.isFinite()) throw new Error(`Not a finite number: ${String(value)}`);
  return d;
}

/** Exact sum. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Plain decimal string without exponent or trailing zeros ("30", "0.5", "-1.5"). */
export function decimalString(value: Decimal): string {
  return value.toFixed();
}
