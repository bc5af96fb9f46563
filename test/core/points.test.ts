import fc from "fast-check";
import { inlinePoints, parseNamedPoints, parsePointsCell } from "../../src/core/points";

describe("stated points", () => {
  test.each([
    ["经济发展（20分）", "经济发展", "20", "points"],
    ["经济发展\n\n（20分）", "经济发展", "20", "points"],
    ["民生保障           (10分)", "民生保障", "10", "points"],
    ["乡村振兴     (36分）", "乡村振兴", "36", "points"],
    ["乡村\n\n振兴\n\n50分", "乡村振兴", "50", "points"],
    ["脱贫攻坚分5分", "脱贫攻坚", "5", "points"],
    ["为科\n\n技工\n\n作者\n\n服务\n\n13分", "为科技工作者服务", "13", "points"],
    ["加分项目\n\n10分", "加分项目", "10", "points"],
    ["经济发展（２０分）", "经济发展", "20", "points"],
    ["最高\n\n4分", "", "4", "cap"],
    ["区政府领导评价（占20分）", "区政府领导评价", "20", "points"],
    ["班子建设（计10分）", "班子建设", "10", "points"],
    ["合计20分", "合计", "20", "points"],
    ["一、党建工作【20分】", "一、党建工作", "20", "points"],
    ["安全生产〔5分〕", "安全生产", "5", "points"],
    ["信息报送[10 分]", "信息报送", "10", "points"],
    ["招商引资【最高4分】", "招商引资", "4", "cap"],
  ])("%j -> %s %s", (text, name, points, form) => {
    const named = parseNamedPoints(text);
    expect(named).not.toBeNull();
    expect(named!.name).toBe(name);
    expect(named!.points.toFixed()).toBe(points);
    expect(named!.form).toBe(form);
  });

  test.each([
    "现场陈述时间控制在15分钟以内",
    "扫黑除恶专项斗争考评未达到84分的",
    "营商环境综合评分未达到80分以上的",
    "省考指标",
    "",
  ])("%j states no points", (text) => {
    expect(parseNamedPoints(text)).toBeNull();
  });

  test.each<[string | number, string | null, string | null]>([
    [10, "10", "points"],
    ["10", "10", "points"],
    ["4分", "4", "points"],
    ["最高\n\n4分", "4", "cap"],
    ["-0.5", "0.5", "deduction"],
    [-1.5, "1.5", "deduction"],
    ["扣1.5分", "1.5", "deduction"],
    ["０.５分", "0.5", "points"],
    ["待定", null, null],
    ["", null, null],
  ])("points column %j", (value, points, form) => {
    const statement = parsePointsCell(value);
    if (points === null) return expect(statement).toBeNull();
    expect(statement!.points.toFixed()).toBe(points);
    expect(statement!.form).toBe(form);
  });

  test("inline sub-points keep their order and spot headings", () => {
    const found = inlinePoints("分季度（9分）：按季度开展经济运行趋势分析（1分）；生产总值170亿元，增长8.5%（3分）；完成1(0.5分）");
    expect(found.map((f) => f.points.toFixed())).toEqual(["9", "1", "3", "0.5"]);
    expect(found.map((f) => f.heading)).toEqual([true, false, false, false]);
  });

  test("a space after the decimal point, as Word leaves it, is still one number", () => {
    expect(inlinePoints("设置消防器材（0. 5分）；建立台账（1 .5分）").map((f) => f.points.toFixed())).toEqual(["0.5", "1.5"]);
    expect(inlinePoints("按时报送【2分】；质量达标〔3分〕；无差错[1分]").map((f) => f.points.toFixed())).toEqual(["2", "3", "1"]);
    expect(parseNamedPoints("安全检查（0. 5分）")!.points.toFixed()).toBe("0.5");
    expect(parsePointsCell("0. 5分")!.points.toFixed()).toBe("0.5");
  });

  test("a points cell may name the points as a share or a count (占20分, 计6分)", () => {
    expect(parsePointsCell("占20分")).toEqual({ points: expect.anything(), form: "points" });
    expect(parsePointsCell("计 6 分")!.points.toFixed()).toBe("6");
    expect(parsePointsCell("统计6分")).toBeNull();
  });

  test("numbers that are not points are not inline points", () => {
    expect(inlinePoints("考评未达到84分的；时间控制在15分钟以内")).toEqual([]);
  });
});

describe("fuzz", () => {
  const pieces = fc.constantFrom("（", "）", "(", ")", "分", "最高", "扣", "-", "．", "５", "0.5", "12", "分钟", "：", "\n", "第一季度", "；", " ", "一是");
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.array(pieces, { maxLength: 20 }).map((p) => p.join("")));

  test("the point parsers never throw, and what they return is non-negative and where they say", () => {
    fc.assert(fc.property(text, (t) => {
      const named = parseNamedPoints(t);
      if (named) expect(named.points.isNegative()).toBe(false);
      const cell = parsePointsCell(t);
      if (cell) expect(cell.points.isNegative()).toBe(false);
      let last = -1;
      for (const found of inlinePoints(t)) {
        expect(found.index).toBeGreaterThan(last);
        expect(t.slice(found.index, found.index + found.length)).toMatch(/分/);
        last = found.index;
      }
    }), { numRuns: 2000 });
  });
});
