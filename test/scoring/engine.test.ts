import { Decimal } from "../../src/core/decimal";
import {
  ScoringError,
  bonusItems,
  bonusTotal,
  completion,
  deduct,
  grade,
  normalizeToBest,
  quarterAverage,
  rankOf,
  ranks,
  scoreIndicator,
  scoreUnit,
  tierByLabel,
  tierByThreshold,
  unitTotal,
  weightFractions,
  weightedScore,
} from "../../src/core/scoring";
import { errorText } from "../../src/locales";

/** The call with its error worded in English (the engine's messages are data, in Chinese unless asked). */
function inEnglish(call: () => unknown): () => unknown {
  return () => {
    try {
      return call();
    } catch (error) {
      throw new Error(errorText(error, "en"));
    }
  };
}
import type { Direction, Method } from "../../src/core/scoring";

const d = (v: number | string) => new Decimal(v);
const ds = (...vs: (number | string)[]) => vs.map(d);
const str = (v: Decimal) => v.toFixed();

describe("scoreIndicator", () => {
  const cases: [string, number, number, number, Method, Direction, string][] = [
    ["ratio below target (SCORE(10,30,27))", 10, 30, 27, "ratio", "higher", "9"],
    ["ratio above target is capped at the points", 10, 30, 45, "ratio", "higher", "10"],
    ["ratio exactly on target", 2, 0.07, 0.07, "ratio", "higher", "2"],
    ["negative growth against a positive target earns 0", 2, 0.07, -0.01, "ratio", "higher", "0"],
    ["lower is better, over the limit (4.3% limit, 5% actual)", 2, 4.3, 5, "ratio", "lower", "1.72"],
    ["lower is better, under the limit", 1, 0.043, 0.04, "ratio", "lower", "1"],
    ["lower is better, actual 0 is full points", 0.5, 2, 0, "ratio", "lower", "0.5"],
    ["lower is better, target 0 met", 0.5, 0, 0, "ratio", "lower", "0.5"],
    ["lower is better, target 0 missed", 0.5, 0, 1, "ratio", "lower", "0"],
    ["threshold met", 3, 6, 6, "threshold", "higher", "3"],
    ["threshold missed", 3, 6, 5, "threshold", "higher", "0"],
    ["threshold lower met", 0.5, 2, 2, "threshold", "lower", "0.5"],
    ["threshold lower missed", 0.5, 2, 3, "threshold", "lower", "0"],
    ["threshold with target 0", 1, 0, 0, "threshold", "higher", "1"],
    ["zero points", 0, 10, 5, "ratio", "higher", "0"],
    ["decimal exactness", 0.1, 3, 1, "ratio", "higher", "0.03333333333333333333333333333333333333333"],
  ];
  it.each(cases)("%s", (_name, points, target, actual, method, direction, expected) => {
    expect(str(scoreIndicator({ points: d(points), target: d(target), actual: d(actual), method, direction }))).toBe(expected);
  });

  it("defaults to ratio, higher is better", () => {
    expect(str(scoreIndicator({ points: d(10), target: d(30), actual: d(27) }))).toBe("9");
  });

  const errors: [string, number, number, number, Method, Direction, RegExp][] = [
    ["negative points", -1, 10, 5, "ratio", "higher", /points must not be negative/],
    ["ratio against target 0", 1, 0, 5, "ratio", "higher", /greater than 0/],
    ["ratio against a negative target", 1, -2, 5, "ratio", "higher", /greater than 0/],
    ["lower is better against a negative target", 1, -2, 5, "ratio", "lower", /must not be negative/],
  ];
  it.each(errors)("rejects %s", (_name, points, target, actual, method, direction, message) => {
    expect(inEnglish(() => scoreIndicator({ points: d(points), target: d(target), actual: d(actual), method, direction }))).toThrow(message);
  });
});

describe("completion", () => {
  it.each([
    [30, 27, "higher", "0.9"],
    [30, 36, "higher", "1.2"],
    [4.3, 5, "lower", "0.86"],
    [2, 1, "lower", "2"],
  ] as const)("target %d actual %d %s -> %s", (target, actual, direction, expected) => {
    expect(str(completion(d(target), d(actual), direction))).toBe(expected);
  });
  it("rejects a lower-is-better actual of 0", () => {
    expect(inEnglish(() => completion(d(2), d(0), "lower"))).toThrow(/no value when the actual is 0/);
  });
  it("rejects a target of 0", () => {
    expect(() => completion(d(0), d(1))).toThrow(ScoringError);
  });
});

describe("deduct", () => {
  it.each([
    [5, [1, 1.5], "2.5"],
    [5, [-1, -1.5], "2.5"],
    [5, [], "5"],
    [2, [1.5, 1], "0"],
    [4, [4], "0"],
    [0.5, [0.1, 0.2], "0.2"],
  ])("%d minus %j is %s", (points, deductions, expected) => {
    expect(str(deduct(d(points), ds(...deductions)))).toBe(expected);
  });
  it("rejects negative points", () => expect(inEnglish(() => deduct(d(-5), []))).toThrow(/points must not be negative/));
});

describe("bonus", () => {
  it.each([
    [[5, 1, 3], [4, 4, 2], 10, "7"],
    [[4, 4, 2], [4, 4, 2], 10, "10"],
    [[4, 4, 2], [4, 4, 2], 8, "8"],
    [[1, 1, 1], [null, null, null], null, "3"],
    [[0, 0, 0], [4, 4, 2], 10, "0"],
    [[0.3, 0.2], [0.25, 1], null, "0.45"],
  ] as [number[], (number | null)[], number | null, string][])("claims %j caps %j total %s -> %s", (claims, caps, cap, expected) => {
    const items = bonusItems(ds(...claims), caps.map((c) => (c === null ? null : d(c))));
    expect(str(bonusTotal(items, cap === null ? null : d(cap)))).toBe(expected);
  });
  it("rejects mismatched sizes", () => expect(inEnglish(() => bonusItems(ds(1, 2), [d(1)]))).toThrow(/same size/));
  it("rejects a negative claim", () => expect(inEnglish(() => bonusItems(ds(-1), [d(1)]))).toThrow(/bonus claims must not be negative/));
  it("rejects a negative cap", () => expect(inEnglish(() => bonusTotal([{ claim: d(1), cap: d(-1) }]))).toThrow(/bonus caps must not be negative/));
  it("rejects a negative total cap", () => expect(inEnglish(() => bonusTotal([], d(-1)))).toThrow(/bonus caps must not be negative/));
});

describe("weights", () => {
  it.each([
    [[90, 80, 70], [0.4, 0.3, 0.3], "81"],
    [[90, 80, 70], [40, 30, 30], "81"],
    [[88.5, 92, 79.5], [0.4, 0.3, 0.3], "86.85"],
    [[100], [1], "100"],
  ])("scores %j weights %j -> %s", (scores, weights, expected) => {
    expect(str(weightedScore(ds(...scores), ds(...weights)))).toBe(expected);
  });
  it("accepts weights computed as 1/3 in binary floating point", () => {
    const third = 1 / 3;
    expect(weightedScore(ds(90, 90, 90), ds(third, third, third)).toNumber()).toBeCloseTo(90, 12);
  });
  it("turns percentages into fractions", () => {
    expect(weightFractions(ds(40, 30, 30)).map(str)).toEqual(["0.4", "0.3", "0.3"]);
  });
  it.each([
    [[0.4, 0.3, 0.2], /add up to 0.9, not 100%/],
    [[40, 30, 20], /add up to 90, not 100%/],
    [[40, 0.3, 0.3], /not 100%/],
    [[], /weights is empty/],
    [[1.2, -0.2], /weights must not be negative/],
  ])("rejects weights %j", (weights, message) => {
    expect(inEnglish(() => weightFractions(ds(...weights)))).toThrow(message);
  });
  it("rejects mismatched sizes", () => expect(inEnglish(() => weightedScore(ds(90, 80), ds(0.4, 0.3, 0.3)))).toThrow(/same size/));
  it("rejects a negative score", () => expect(inEnglish(() => weightedScore(ds(-1, 80), ds(0.5, 0.5)))).toThrow(/score must not be negative/));
});

describe("unitTotal", () => {
  it("adds quarterly figures exactly", () => {
    expect(str(unitTotal({ scores: ds(0.2, 0.37, 0.28, 0.15) }))).toBe("1");
  });
  it.each([
    [[20, 10, 36], [3], [-1.5, -0.5], "67"],
    [[20, 10, 36], [3], [1.5, 0.5], "67"],
    [[1], [], [-1.5, -0.5], "0"],
    [[], [], [], "0"],
  ])("scores %j bonus %j penalties %j -> %s", (scores, bonus, penalties, expected) => {
    expect(str(unitTotal({ scores: ds(...scores), bonus: ds(...bonus), penalties: ds(...penalties) }))).toBe(expected);
  });
  it("rejects a negative score", () => expect(inEnglish(() => unitTotal({ scores: ds(-1) }))).toThrow(/score must not be negative/));
  it("rejects a negative bonus", () => expect(inEnglish(() => unitTotal({ scores: [], bonus: ds(-1) }))).toThrow(/bonus claims must not be negative/));
});

describe("tiers", () => {
  const notice = ["省", "市", "县"];
  it.each([
    ["省", "1.5"],
    ["市", "1"],
    ["县", "0.5"],
  ])("notice from %s -> %s", (label, expected) => {
    expect(str(tierByLabel(label, notice, ds(1.5, 1, 0.5)))).toBe(expected);
  });
  it("rejects an unknown label", () => expect(inEnglish(() => tierByLabel("乡", notice, ds(1.5, 1, 0.5)))).toThrow(/not one of the levels: 省, 市, 县/));
  it.each([
    [1.05, "3"],
    [1, "3"],
    [0.95, "2"],
    [0.8, "1"],
    [0.5, "0"],
  ])("completion %d -> %s", (value, expected) => {
    expect(str(tierByThreshold(d(value), ds(1, 0.9, 0.8), ds(3, 2, 1)))).toBe(expected);
  });
  it("rejects ascending thresholds", () => expect(inEnglish(() => tierByThreshold(d(1), ds(0.8, 0.9), ds(1, 2)))).toThrow(/from the highest down/));
  it("rejects mismatched sizes", () => expect(inEnglish(() => tierByThreshold(d(1), ds(1, 0.9), ds(3)))).toThrow(/same size/));
  it("rejects no levels", () => expect(inEnglish(() => tierByLabel("省", [], []))).toThrow(/levels is empty/));
});

describe("grade", () => {
  it.each([
    [95, "优秀"],
    [90, "优秀"],
    [89.99, "良好"],
    [80, "良好"],
    [60, "合格"],
    [59.5, "不合格"],
    [0, "不合格"],
  ])("%d -> %s", (score, expected) => expect(grade(d(score))).toBe(expected));
  it("veto gives the lowest grade", () => expect(grade(d(98), undefined, true)).toBe("不合格"));
  it("custom scale", () => {
    expect(grade(d(85), { thresholds: ds(85, 70), labels: ["先进", "达标", "未达标"] })).toBe("先进");
  });
  it("rejects labels that do not fit the thresholds", () => {
    expect(inEnglish(() => grade(d(85), { thresholds: ds(85, 70), labels: ["先进", "达标"] }))).toThrow(/one more label than thresholds/);
  });
  it("rejects ascending thresholds", () => {
    expect(inEnglish(() => grade(d(85), { thresholds: ds(60, 90), labels: ["a", "b", "c"] }))).toThrow(/from the highest down/);
  });
  it("rejects a negative score", () => expect(inEnglish(() => grade(d(-1)))).toThrow(/score must not be negative/));
});

describe("ranking", () => {
  it("ties share a rank and skip the next", () => expect(ranks(ds(90, 85, 90, 70, 85))).toEqual([1, 3, 1, 5, 3]));
  it("exact decimals tie", () => expect(rankOf(d("0.3"), [d(0.1).plus(0.2), d(0.2)])).toBe(1));
  it("rejects a score not in the list", () => expect(inEnglish(() => rankOf(d(50), ds(90, 80)))).toThrow(/not among the scores/));
  it("rejects an empty list", () => expect(inEnglish(() => rankOf(d(50), []))).toThrow(/empty/));
});

describe("normalizeToBest", () => {
  it.each([
    [80, [80, 64, 72], 100, "100"],
    [64, [80, 64, 72], 100, "80"],
    [72, [80, 64, 72], 40, "36"],
    [0, [0, 0], 100, "0"],
  ])("%d among %j out of %d -> %s", (score, scores, full, expected) => {
    expect(str(normalizeToBest(d(score), ds(...scores), d(full)))).toBe(expected);
  });
  it("rejects negative scores", () => expect(inEnglish(() => normalizeToBest(d(1), ds(-1, 1)))).toThrow(/must not be negative/));
});

describe("quarterAverage", () => {
  it.each([
    [[20, 18, 19, 19], "19"],
    [[10, 9], "9.5"],
    [[5], "5"],
  ])("%j -> %s", (scores, expected) => expect(str(quarterAverage(ds(...scores)))).toBe(expected));
  it("rejects five quarters", () => expect(inEnglish(() => quarterAverage(ds(1, 2, 3, 4, 5)))).toThrow(/at most 4/));
  it("rejects none", () => expect(inEnglish(() => quarterAverage([]))).toThrow(/empty/));
});

describe("scoreUnit (seed 004: base 100, bonus 10 with items capped at 4/4/2, veto)", () => {
  const scores = ds(12, 26.5, 24, 7, 23.5);
  const items = bonusItems(ds(4, 5, 2), ds(4, 4, 2));
  it("totals with capped bonus and penalties", () => {
    const result = scoreUnit({ scores, bonusItems: items, bonusCap: d(10), penalties: ds(-0.5) });
    expect(str(result.bonus)).toBe("10");
    expect(str(result.total)).toBe("102.5");
    expect(result.grade).toBe("优秀");
    expect(result.vetoed).toBe(false);
  });
  it("a veto keeps the total and forces the lowest grade", () => {
    const result = scoreUnit({ scores, bonusItems: items, bonusCap: d(10), veto: true });
    expect(str(result.total)).toBe("103");
    expect(result.grade).toBe("不合格");
  });
});
