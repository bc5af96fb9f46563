import * as kh from "../../src/functions/library";
import { ScoringError } from "../../src/functions/library";
import { errorText } from "../../src/locales";

/** The error a call throws (fails the test when it returns). */
function errorOf(call: () => unknown): ScoringError {
  try {
    call();
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
  throw new Error("expected a ScoringError");
}

describe("issue examples", () => {
  it("KH.SCORE(10,30,27) is 9", () => expect(kh.SCORE(10, 30, 27)).toBe(9));
  it('KH.SCORE(2,4.3,5,,"lower") is 1.72', () => expect(kh.SCORE(2, 4.3, 5, null, "lower")).toBe(1.72));
  it("KH.DEDUCT(5,{1,1.5}) is 2.5", () => expect(kh.DEDUCT(5, [[1, 1.5]])).toBe(2.5));
  it("KH.BONUS({5,1,3},{4,4,2},10) is 7", () => expect(kh.BONUS([[5, 1, 3]], [[4, 4, 2]], 10)).toBe(7));
  it("KH.WEIGHTED({90,80,70},{0.4,0.3,0.3}) is 81", () => expect(kh.WEIGHTED([[90, 80, 70]], [[0.4, 0.3, 0.3]])).toBe(81));
  it("KH.TOTAL({0.2,0.37,0.28,0.15}) is exactly 1", () => expect(kh.TOTAL([[0.2, 0.37, 0.28, 0.15]])).toBe(1));
  it('KH.POINTS("生产总值增长7%（2分）") is 2', () => expect(kh.POINTS("生产总值增长7%（2分）")).toBe(2));
  it('KH.TARGET("不少于30篇") is 30', () => expect(kh.TARGET("不少于30篇")).toBe(30));
  it('KH.TARGET("控制在4.3%以内") is 0.043, lower', () => {
    expect(kh.TARGET("控制在4.3%以内")).toBe(0.043);
    expect(kh.DIRECTION("控制在4.3%以内")).toBe("lower");
  });
  it("KH.SCORE(points, KH.TARGET(text), actual, , KH.DIRECTION(text)) composes", () => {
    const text = "城镇登记失业率控制在4.3%以内（1分）";
    expect(kh.SCORE(kh.POINTS(text), kh.TARGET(text), 0.05, null, kh.DIRECTION(text))).toBe(0.86);
  });
});

type Case = [string, () => unknown, unknown];
const table: Case[] = [
  // SCORE: methods and directions, English and Chinese option words
  ["SCORE ratio capped", () => kh.SCORE(10, 30, 45), 10],
  ["SCORE threshold met", () => kh.SCORE(3, 6, 6, "threshold"), 3],
  ["SCORE threshold missed", () => kh.SCORE(3, 6, 5, "达标"), 0],
  ["SCORE lower in Chinese", () => kh.SCORE(2, 4.3, 5, "比例", "越低越好"), 1.72],
  ["SCORE lower at 0 is full points", () => kh.SCORE(0.5, 2, 0, null, "lower"), 0.5],
  ["SCORE blank options are defaults", () => kh.SCORE(10, 30, 27, "", ""), 9],
  ["SCORE undefined options are defaults", () => kh.SCORE(10, 30, 27, undefined, undefined), 9],
  // COMPLETION
  ["COMPLETION higher", () => kh.COMPLETION(30, 27), 0.9],
  ["COMPLETION over 100%", () => kh.COMPLETION(30, 36), 1.2],
  ["COMPLETION lower", () => kh.COMPLETION(4.3, 5, "lower"), 0.86],
  // DEDUCT
  ["DEDUCT negative deductions", () => kh.DEDUCT(5, [[-1], [-1.5]]), 2.5],
  ["DEDUCT floor at 0", () => kh.DEDUCT(2, [[1.5, 1]]), 0],
  ["DEDUCT single value", () => kh.DEDUCT(5, 1.5), 3.5],
  ["DEDUCT empty cells", () => kh.DEDUCT(5, [["", 1], [null, ""]]), 4],
  ["DEDUCT 1-D array", () => kh.DEDUCT(5, [1, 1.5]), 2.5],
  // BONUS
  ["BONUS overall cap", () => kh.BONUS([[4], [5], [2]], [[4], [4], [2]], 8), 8],
  ["BONUS no total cap", () => kh.BONUS([[5, 1, 3]], [[4, 4, 2]]), 7],
  ["BONUS empty cap is none", () => kh.BONUS([[5, 1]], [["", 4]], null), 6],
  ["BONUS empty claim is 0", () => kh.BONUS([["", 3]], [[4, 2]], 10), 2],
  // WEIGHTED
  ["WEIGHTED percentages", () => kh.WEIGHTED([[90, 80, 70]], [[40, 30, 30]]), 81],
  ["WEIGHTED column against row", () => kh.WEIGHTED([[90], [80], [70]], [[0.4, 0.3, 0.3]]), 81],
  // TOTAL
  ["TOTAL bonus and penalties", () => kh.TOTAL([[20, 10, 36]], [[3]], [[-1.5], [-0.5]]), 67],
  ["TOTAL penalties written positive", () => kh.TOTAL([[20, 10, 36]], 3, [[1.5, 0.5]]), 67],
  ["TOTAL floor at 0", () => kh.TOTAL([[1]], null, [[-1.5, -0.5]]), 0],
  ["TOTAL skips empty cells", () => kh.TOTAL([[1, ""], [null, 2]]), 3],
  // GRADE
  ["GRADE 优秀", () => kh.GRADE(90), "优秀"],
  ["GRADE 良好", () => kh.GRADE(85.5), "良好"],
  ["GRADE 合格", () => kh.GRADE(60), "合格"],
  ["GRADE 不合格", () => kh.GRADE(59.9), "不合格"],
  ["GRADE veto", () => kh.GRADE(98, null, null, true), "不合格"],
  ["GRADE veto as 1", () => kh.GRADE(98, null, null, 1), "不合格"],
  ["GRADE custom scale", () => kh.GRADE(75, [[85, 70]], [["先进", "达标", "未达标"]]), "达标"],
  ["GRADE custom thresholds, default labels", () => kh.GRADE(75, [[95, 85, 70]]), "合格"],
  // POINTS and SUBPOINTS
  ["POINTS 最高4分", () => kh.POINTS("最高\n\n4分"), 4],
  ["POINTS -0.5", () => kh.POINTS("-0.5"), -0.5],
  ["POINTS 扣1.5分", () => kh.POINTS("扣1.5分"), -1.5],
  ["POINTS number cell", () => kh.POINTS(4), 4],
  ["POINTS 4分", () => kh.POINTS("4分"), 4],
  ["POINTS category name", () => kh.POINTS("民生保障           (10分)"), 10],
  ["POINTS vertical category text", () => kh.POINTS("为科\n\n技工\n\n作者\n\n服务\n\n13分"), 13],
  ["POINTS one inline mention", () => kh.POINTS("固定资产投资额增长15%（3分）：按季度开展分析"), 3],
  ["SUBPOINTS quarter block", () => kh.SUBPOINTS("第四季度：推动步长、东科医药产业园项目投产（3分）；出台《实施意见》（3分）；完成投资3亿元以上（4分）。"), 10],
  ["SUBPOINTS leaves out the heading", () => kh.SUBPOINTS("分季度（9分）：按季度开展经济运行趋势分析（1分）；生产总值170亿元，增长8.5%（3分）；固定资产投资额增长15%（3分）；单位生产总值能耗降低率2.9%（2分）。"), 9],
  ["SUBPOINTS exact", () => kh.SUBPOINTS("印发通知（0.5分）；印发实事（0.5分）；完成调整（1分）"), 2],
  // TARGET and DIRECTION
  ["TARGET growth", () => kh.TARGET("生产总值增长7%（2分）"), 0.07],
  ["TARGET 不超过2人", () => kh.TARGET("道路交通事故死亡人数不超过2人"), 2],
  ["TARGET second", () => kh.TARGET("生产总值170亿元，增长8.5%（3分）", 2), 0.085],
  ["TARGET 达到85%", () => kh.TARGET("县域内就诊率达到85%"), 0.85],
  ["DIRECTION 不超过", () => kh.DIRECTION("道路交通事故死亡人数不超过2人"), "lower"],
  ["DIRECTION 不少于", () => kh.DIRECTION("不少于30篇"), "higher"],
  ["DIRECTION 下降", () => kh.DIRECTION("下降3.1%"), "higher"],
  // TIER
  ["TIER notice level 市", () => kh.TIER("市", [["省", "市", "县"]], [[1.5, 1, 0.5]]), 1],
  ["TIER notice level 县", () => kh.TIER("县", [["省"], ["市"], ["县"]], [[1.5], [1], [0.5]]), 0.5],
  ["TIER empty level", () => kh.TIER("", [["省", "市", "县"]], [[1.5, 1, 0.5]]), 0],
  ["TIER by threshold", () => kh.TIER(0.92, [[1, 0.9, 0.8]], [[3, 2, 1]]), 2],
  ["TIER below every threshold", () => kh.TIER(0.5, [[1, 0.9, 0.8]], [[3, 2, 1]]), 0],
  // NORMALIZE, QUARTERAVG, RANK
  ["NORMALIZE to 100", () => kh.NORMALIZE(64, [[80, 64, 72]]), 80],
  ["NORMALIZE to 40", () => kh.NORMALIZE(72, [[80], [64], [72]], 40), 36],
  ["QUARTERAVG", () => kh.QUARTERAVG([[20, 18, 19, 19]]), 19],
  ["QUARTERAVG skips quarters not assessed", () => kh.QUARTERAVG([[10, 9, "", ""]]), 9.5],
  ["RANK first", () => kh.RANK(90, [[90, 85, 90, 70]]), 1],
  ["RANK after a tie", () => kh.RANK(85, [[90], [85], [90], [70]]), 3],
];

describe("every function", () => {
  it.each(table)("%s", (_name, call, expected) => expect(call()).toEqual(expected));
});

type ErrorCase = [string, () => unknown, RegExp];
const errors: ErrorCase[] = [
  ["SCORE text points", () => kh.SCORE("4分", 30, 27), /points must be a number, not "4分" \(KH.POINTS reads points from text\)/],
  ["SCORE text actual", () => kh.SCORE(10, 30, "二十七"), /actual must be a number/],
  ["SCORE empty actual", () => kh.SCORE(10, 30, ""), /actual is empty/],
  ["SCORE boolean target", () => kh.SCORE(10, true, 27), /target must be a number, not true/],
  ["SCORE negative points", () => kh.SCORE(-10, 30, 27), /points must not be negative: -10/],
  ["SCORE unknown method", () => kh.SCORE(10, 30, 27, "average"), /method "average" is not one of/],
  ["SCORE unknown direction", () => kh.SCORE(10, 30, 27, null, "down"), /direction "down" is not one of/],
  ["SCORE ratio with target 0", () => kh.SCORE(10, 0, 27), /greater than 0/],
  ["SCORE infinite", () => kh.SCORE(10, 30, Infinity), /not a finite number/],
  ["COMPLETION lower with actual 0", () => kh.COMPLETION(2, 0, "lower"), /no value when the actual is 0/],
  ["DEDUCT text deduction", () => kh.DEDUCT(5, [[1, "一分"]]), /deductions value 2 must be a number/],
  ["DEDUCT negative points", () => kh.DEDUCT(-5, [[1]]), /points must not be negative/],
  ["BONUS mismatched sizes", () => kh.BONUS([[5, 1, 3]], [[4, 4]], 10), /bonus claims has 3 values but bonus caps has 2/],
  ["BONUS negative claim", () => kh.BONUS([[-5]], [[4]], 10), /bonus claims must not be negative/],
  ["BONUS text total cap", () => kh.BONUS([[5]], [[4]], "10分"), /total cap must be a number/],
  ["WEIGHTED weights not 100%", () => kh.WEIGHTED([[90, 80, 70]], [[0.4, 0.3, 0.2]]), /weights add up to 0.9, not 100%/],
  ["WEIGHTED percentages not 100", () => kh.WEIGHTED([[90, 80, 70]], [[40, 30, 20]]), /weights add up to 90, not 100%/],
  ["WEIGHTED mismatched sizes", () => kh.WEIGHTED([[90, 80]], [[0.4, 0.3, 0.3]]), /same size/],
  ["WEIGHTED empty score", () => kh.WEIGHTED([[90, "", 70]], [[0.4, 0.3, 0.3]]), /scores value 2 is empty/],
  ["TOTAL text score", () => kh.TOTAL([[1, "x"]]), /scores value 2 must be a number/],
  ["TOTAL negative score", () => kh.TOTAL([[1, -2]]), /score must not be negative/],
  ["GRADE text score", () => kh.GRADE("优秀"), /score must be a number/],
  ["GRADE labels do not fit", () => kh.GRADE(75, [[85, 70]]), /one more label than thresholds/],
  ["GRADE ascending thresholds", () => kh.GRADE(75, [[60, 80, 90]]), /from the highest down/],
  ["GRADE text veto", () => kh.GRADE(75, null, null, "是"), /veto must be TRUE or FALSE/],
  ["TARGET which 0", () => kh.TARGET("不少于30篇", 0), /which target must be a whole number from 1/],
  ["TIER unknown level", () => kh.TIER("乡", [["省", "市", "县"]], [[1.5, 1, 0.5]]), /"乡" is not one of the levels/],
  ["TIER mismatched sizes", () => kh.TIER("省", [["省", "市", "县"]], [[1.5, 1]]), /same size/],
  ["TIER empty amount", () => kh.TIER("省", [["省", "市"]], [[1.5, ""]]), /amounts value 2 is empty/],
  ["NORMALIZE negative", () => kh.NORMALIZE(5, [[-1, 5]]), /must not be negative/],
  ["QUARTERAVG five quarters", () => kh.QUARTERAVG([[1, 2, 3, 4, 5]]), /at most 4 quarter scores/],
  ["QUARTERAVG none", () => kh.QUARTERAVG([["", ""]]), /quarter scores is empty/],
  ["RANK not among", () => kh.RANK(50, [[90, 80]]), /not among the scores/],
];

describe("every error is #VALUE! with a message", () => {
  it.each(errors)("%s", (_name, call, message) => {
    const error = errorOf(call);
    expect(error.kind).toBe("invalid-value");
    expect(errorText(error, "en")).toMatch(message);
  });

  it("a message is in one language: Chinese by default, English when asked", () => {
    const error = errorOf(() => kh.WEIGHTED([[90, 80, 70]], [[0.4, 0.3, 0.2]]));
    expect(error.message).toBe("权重合计为0.9，应为100%（小数合计1或百分数合计100）");
    expect(errorText(error, "zh")).toBe(error.message);
    expect(errorText(error, "en")).toBe("weights add up to 0.9, not 100% (fractions must add up to 1, percentages to 100)");
  });

  it.each([
    ["SCORE text points", () => kh.SCORE("4分", 30, 27), "分值应为数字，而不是“4分”（文字中的分值可用 KH.POINTS 读取）"],
    ["WEIGHTED empty score", () => kh.WEIGHTED([[90, "", 70]], [[0.4, 0.3, 0.3]]), "得分第2个值为空，应为数字"],
    ["BONUS mismatched sizes", () => kh.BONUS([[5, 1, 3]], [[4, 4]], 10), "申报加分有3个，加分上限有2个，个数应相同"],
    ["GRADE text veto", () => kh.GRADE(75, null, null, "是"), "一票否决应为 TRUE 或 FALSE，而不是“是”"],
    ["TIER unknown level", () => kh.TIER("乡", [["省", "市", "县"]], [[1.5, 1, 0.5]]), "“乡”不是档次之一：省、市、县"],
    ["TIER text threshold levels", () => kh.TIER(0.9, [[1, "九成"]], [[3, 2]]), "档次分数线第2个值应为数字，而不是“九成”（文字中的分值可用 KH.POINTS 读取）"],
    ["SCORE unknown method", () => kh.SCORE(10, 30, 27, "average"), "计分方法“average”无法识别，可用：ratio/比例/完成率/按比例，threshold/达标/全有全无/达标得分"],
  ] as [string, () => unknown, string][])("%s in Chinese", (_name, call, text) => {
    expect(errorOf(call).message).toBe(text);
  });

  it("the method's words are listed with English commas in English", () => {
    expect(errorText(errorOf(() => kh.SCORE(10, 30, 27, "average")), "en")).toBe(
      'method "average" is not one of: ratio/比例/完成率/按比例, threshold/达标/全有全无/达标得分',
    );
  });
});

describe("a result no Excel number holds is #NUM!, never Infinity", () => {
  it.each([
    ["TOTAL of two 1e308", () => kh.TOTAL(null, [[1e308, 1e308]])],
    ["TOTAL of scores beyond a double", () => kh.TOTAL([[1e308, 1e308]])],
    ["POINTS of a 400-digit number", () => kh.POINTS(`${"9".repeat(400)}分`)],
    ["POINTS of a 400-digit plain number", () => kh.POINTS("9".repeat(400))],
    ["TOTAL of a score and a bonus beyond a double", () => kh.TOTAL([[1e308]], [[1e308]])],
  ] as [string, () => unknown][])("%s", (_name, call) => {
    const error = errorOf(call);
    expect(error.kind).toBe("invalid-number");
    expect(error.message).toBe("结果超出了 Excel 能表示的数字范围");
    expect(errorText(error, "en")).toBe("the result is beyond the numbers Excel can hold");
  });

  it("the largest finite results still come back as numbers", () => {
    expect(kh.TOTAL([[1e308, 7e307]])).toBe(1.7e308);
  });
});

describe("nothing to read is #N/A", () => {
  it.each([
    ["POINTS no points", () => kh.POINTS("待省考目标任务确定后另行分解下达。")],
    ["POINTS empty", () => kh.POINTS("")],
    ["POINTS null", () => kh.POINTS(null)],
    ["POINTS several mentions", () => kh.POINTS("不少于5篇（2分）；二是……（2分）而后")],
    ["POINTS tiered penalty", () => kh.POINTS("受到省上通报批评的扣1.5分，被市上通报的扣1分，被县上通报的扣0.5分。")],
    ["SUBPOINTS none", () => kh.SUBPOINTS("详见优化提升营商环境任务分解表。")],
    ["TARGET none", () => kh.TARGET("详见重点项目建设任务分解表。")],
    ["TARGET beyond the last", () => kh.TARGET("不少于30篇", 2)],
    ["DIRECTION none", () => kh.DIRECTION("")],
  ] as [string, () => unknown][])("%s", (_name, call) => {
    expect(errorOf(call).kind).toBe("not-available");
  });

  it("says why in either language", () => {
    const error = errorOf(() => kh.POINTS("不少于5篇（2分）；二是……（2分）而后"));
    expect(error.message).toBe("文字中有2处分值，合计请用 KH.SUBPOINTS");
    expect(errorText(error, "en")).toBe("the text states points 2 times; KH.SUBPOINTS adds them up");
    expect(errorText(errorOf(() => kh.TARGET("不少于30篇", 2)), "en")).toBe("the text states only 1 numeric targets");
  });
});
