/** Bonus items (加分项目): each claim capped by its item's cap ("最高4分"), the sum capped by the overall cap ("10分"). */
import { Decimal, sum } from "../decimal";
import { Quantity, requireAllNonNegative, requireNonNegative, requireSameLength } from "./checks";

export const BONUS_CLAIM: Quantity = { word: "bonus-claims" };
export const BONUS_CAP: Quantity = { word: "bonus-caps" };

export interface BonusItem {
  claim: Decimal;
  /** The item's cap; null for an item without one. */
  cap: Decimal | null;
}

/** One item's bonus: the claim, at most the cap. */
export function cappedClaim(item: BonusItem): Decimal {
  requireNonNegative(item.claim, BONUS_CLAIM);
  if (item.cap === null) return item.claim;
  requireNonNegative(item.cap, BONUS_CAP);
  return Decimal.min(item.claim, item.cap);
}

/** The bonus a unit gets: each item capped, then the sum capped by the overall cap (null: no overall cap). */
export function bonusTotal(items: readonly BonusItem[], totalCap: Decimal | null = null): Decimal {
  const capped = sum(items.map(cappedClaim));
  if (totalCap === null) return capped;
  requireNonNegative(totalCap, BONUS_CAP);
  return Decimal.min(capped, totalCap);
}

/** Claims and caps given as two parallel lists (two columns of a sheet). */
export function bonusItems(claims: readonly Decimal[], caps: readonly (Decimal | null)[]): BonusItem[] {
  requireSameLength(claims, BONUS_CLAIM, caps, BONUS_CAP);
  requireAllNonNegative(claims, BONUS_CLAIM);
  return claims.map((claim, i) => ({ claim, cap: caps[i] ?? null }));
}
