import fc from "fast-check";
import { Decimal } from "../../src/core/decimal";
import { bonusItems, bonusTotal, deduct, scoreIndicator, unitTotal, weightedScore } from "../../src/core/scoring";

/** Decimals with up to 2 places, as books write points and scores. */
const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => new Decimal(n).div(100));
const signedAmount = fc.integer({ min: -1000, max: 1000 }).map((n) => new Decimal(n).div(100));
const positive = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Decimal(n).div(100));

describe("properties", () => {
  it("DEDUCT is never below 0 and never above the points", () => {
    fc.assert(
      fc.property(amount(100), fc.array(signedAmount, { maxLength: 10 }), (points, deductions) => {
        const left = deduct(points, deductions);
        return left.gte(0) && left.lte(points);
      }),
    );
  });

  it("SCORE is never above the points and never below 0", () => {
    fc.assert(
      fc.property(
        amount(100),
        positive,
        fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => new Decimal(n).div(100)),
        fc.constantFrom("ratio" as const, "threshold" as const),
        fc.constantFrom("higher" as const, "lower" as const),
        (points, target, actual, method, direction) => {
          const score = scoreIndicator({ points, target, actual, method, direction });
          return score.lte(points) && score.gte(0);
        },
      ),
    );
  });

  it("SCORE grows with the actual when higher is better", () => {
    fc.assert(
      fc.property(amount(100), positive, positive, positive, (points, target, a, b) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        return scoreIndicator({ points, target, actual: low }).lte(scoreIndicator({ points, target, actual: high }));
      }),
    );
  });

  it("BONUS is never above the total cap nor the sum of the item caps, and never below 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amount(20), amount(10)), { maxLength: 8 }),
        amount(10),
        (pairs, totalCap) => {
          const items = bonusItems(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
          const bonus = bonusTotal(items, totalCap);
          const capSum = pairs.reduce((s, p) => s.plus(p[1]), new Decimal(0));
          return bonus.lte(totalCap) && bonus.lte(capSum) && bonus.gte(0);
        },
      ),
    );
  });

  it("TOTAL is never below 0 and is exact", () => {
    fc.assert(
      fc.property(fc.array(amount(50), { maxLength: 10 }), fc.array(signedAmount, { maxLength: 5 }), (scores, penalties) => {
        const total = unitTotal({ scores, penalties });
        const cents = scores.reduce((s, x) => s + Math.round(x.toNumber() * 100), 0) -
          penalties.reduce((s, x) => s + Math.abs(Math.round(x.toNumber() * 100)), 0);
        return total.gte(0) && total.eq(new Decimal(Math.max(cents, 0)).div(100));
      }),
    );
  });

  it("WEIGHTED lies between the lowest and the highest score", () => {
    fc.assert(
      fc.property(fc.array(amount(100), { minLength: 3, maxLength: 3 }), (scores) => {
        const result = weightedScore(scores, [new Decimal(40), new Decimal(30), new Decimal(30)]);
        return result.gte(Decimal.min(...scores)) && result.lte(Decimal.max(...scores));
      }),
    );
  });
});
