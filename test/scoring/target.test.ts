import { parseTarget, parseTargets } from "../../src/core/target";

describe("parseTarget", () => {
  // Target texts from the seed books.
  const cases: [string, string, "higher" | "lower", string][] = [
    ["不少于30篇", "30", "higher", "篇"],
    ["城镇登记失业率控制在4.3%以内（1分）", "0.043", "lower", "%"],
    ["道路交通事故死亡人数不超过2人（0.5分）", "2", "lower", "人"],
    ["生产总值增长7%（2分）", "0.07", "higher", "%"],
    ["县域内就诊率达到85%（0.5分）", "0.85", "higher", "%"],
    ["下降3.1%", "0.031", "higher", "%"],
    ["单位生产总值能耗降低率2.9%（2分）", "0.029", "higher", "%"],
    ["降至3%", "0.03", "lower", "%"],
    ["下降到5‰", "0.005", "lower", "‰"],
    ["城市环境空气质量优良天数不少于290天(3分）", "290", "higher", "天"],
    ["科普志愿服务率达85%以上", "0.85", "higher", "%"],
    ["省际项目到位资金比例不低于50%", "0.5", "higher", "%"],
    ["固定资产投资完成1亿元", "1", "higher", "亿元"],
    ["年内召开科学素质工作推进会1-2次", "1", "higher", "次"],
    ["控制在3-5%", "0.05", "lower", "%"],
    ["2018年度完成12场次", "12", "higher", "场次"],
    ["提高2个百分点", "0.02", "higher", "个百分点"],
    ["现场陈述时间控制在15分钟以内", "15", "lower", "分钟"],
    ["年内银行企业金融机构不良贷款率低于4%", "0.04", "lower", "%"],
  ];
  it.each(cases)("%s -> %s %s", (text, value, direction, unit) => {
    const target = parseTarget(text);
    expect(target).not.toBeNull();
    expect(target!.value.toFixed()).toBe(value);
    expect(target!.direction).toBe(direction);
    expect(target!.unit).toBe(unit);
  });

  it("quotes the target expression", () => {
    expect(parseTarget("城镇登记失业率控制在4.3%以内（1分）")!.text).toBe("控制在4.3%以内");
  });

  it.each([
    ["待省考目标任务确定后另行分解下达。"],
    ["受到省上通报批评的扣1.5分，被市上通报的扣1分，被县上通报的扣0.5分。"],
    ["6月底前完成"],
    ["《市场准入负面清单（2018年版）》"],
    [""],
  ])("finds no target in %s", (text) => expect(parseTarget(text)).toBeNull());

  it("finds every target in order", () => {
    expect(parseTargets("生产总值170亿元，增长8.5%（3分）").map((t) => [t.value.toFixed(), t.unit])).toEqual([
      ["170", "亿元"],
      ["0.085", "%"],
    ]);
    expect(parseTargets("竞争性专项：第一季度、二季度、三季度、四季度分别为1200万元、2400万元、3600万元、4800万元。").map((t) => t.value.toNumber())).toEqual([
      1200, 2400, 3600, 4800,
    ]);
  });

  it("reads full-width digits and spaces inside words", () => {
    expect(parseTarget("不少于 ３０ 篇")!.value.toFixed()).toBe("30");
  });
});
