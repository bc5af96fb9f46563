/**
 * The custom function wrappers: same results as the library, and library errors turned into CustomFunctions.Error
 * with the right code and the library's message, in Office's display language (Chinese when Office has not told it).
 */
class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const fakeRuntime = {
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  Error: FakeCustomFunctionsError,
};

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: typeof fakeRuntime }).CustomFunctions = fakeRuntime;
});

afterAll(() => {
  delete (globalThis as unknown as { CustomFunctions?: typeof fakeRuntime }).CustomFunctions;
});

/** Office as the shared runtime shows it: its display language, or no Office at all. */
function officeIn(displayLanguage: string | undefined): void {
  const global = globalThis as unknown as { Office?: { context: { displayLanguage: string } } };
  if (displayLanguage === undefined) delete global.Office;
  else global.Office = { context: { displayLanguage } };
}

afterEach(() => officeIn(undefined));

import * as wrappers from "../../src/functions/functions";

function thrown(call: () => unknown): FakeCustomFunctionsError {
  try {
    call();
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return error;
    throw error;
  }
  throw new Error("expected an Excel error");
}

describe("custom function wrappers", () => {
  it.each([
    ["score", () => wrappers.score(10, 30, 27, null, null), 9],
    ["completion", () => wrappers.completion(30, 27, null), 0.9],
    ["deduct", () => wrappers.deduct(5, [[1, 1.5]]), 2.5],
    ["bonus", () => wrappers.bonus([[5, 1, 3]], [[4, 4, 2]], 10), 7],
    ["weighted", () => wrappers.weighted([[90, 80, 70]], [[0.4, 0.3, 0.3]]), 81],
    ["total", () => wrappers.total([[0.2, 0.37, 0.28, 0.15]]), 1],
    ["grade", () => wrappers.grade(91), "优秀"],
    ["points", () => wrappers.points("生产总值增长7%（2分）"), 2],
    ["subpoints", () => wrappers.subpoints("一是（2分）；二是（2分）"), 4],
    ["target", () => wrappers.target("控制在4.3%以内", null), 0.043],
    ["direction", () => wrappers.direction("控制在4.3%以内", null), "lower"],
    ["tier", () => wrappers.tier("市", [["省", "市", "县"]], [[1.5, 1, 0.5]]), 1],
    ["normalize", () => wrappers.normalize(64, [[80, 64]], null), 80],
    ["quarterAverage", () => wrappers.quarterAverage([[20, 18, 19, 19]]), 19],
    ["rank", () => wrappers.rank(85, [[90, 85, 90]]), 3],
  ] as [string, () => unknown, unknown][])("%s", (_name, call, expected) => expect(call()).toEqual(expected));

  it("bad arguments become #VALUE! with the message, in Chinese when Office has not said its language", () => {
    const error = thrown(() => wrappers.weighted([[90, 80, 70]], [[0.4, 0.3, 0.2]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("权重合计为0.9，应为100%（小数合计1或百分数合计100）");
  });

  it.each([
    ["zh-CN", "权重合计为0.9，应为100%（小数合计1或百分数合计100）"],
    ["zh-TW", "权重合计为0.9，应为100%（小数合计1或百分数合计100）"],
    ["en-US", "weights add up to 0.9, not 100% (fractions must add up to 1, percentages to 100)"],
    ["fr-FR", "weights add up to 0.9, not 100% (fractions must add up to 1, percentages to 100)"],
    ["", "权重合计为0.9，应为100%（小数合计1或百分数合计100）"],
  ])("Office in %j: the message in its language", (displayLanguage, message) => {
    officeIn(displayLanguage);
    expect(thrown(() => wrappers.weighted([[90, 80, 70]], [[0.4, 0.3, 0.2]])).message).toBe(message);
  });

  it("a text without points becomes #N/A", () => {
    const error = thrown(() => wrappers.points("详见重点项目建设任务分解表。"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("文字中没有分值");
    officeIn("en-US");
    expect(thrown(() => wrappers.points("详见重点项目建设任务分解表。")).message).toBe("the text states no points");
  });

  it("a result beyond Excel's numbers becomes #NUM!, not Infinity", () => {
    officeIn("en-US");
    const total = thrown(() => wrappers.total([[1e308]], [[1e308]]));
    expect({ code: total.code, message: total.message }).toEqual({ code: "#NUM!", message: "the result is beyond the numbers Excel can hold" });
    officeIn("zh-CN");
    const points = thrown(() => wrappers.points(`${"9".repeat(400)}分`));
    expect({ code: points.code, message: points.message }).toEqual({ code: "#NUM!", message: "结果超出了 Excel 能表示的数字范围" });
  });
});
