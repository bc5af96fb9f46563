/**
 * The words of targets and their periods, as data: which words make lower better ("控制在4.3%以内", "不超过2人")
 * or higher ("不低于", "达到"), the units a target or a period figure is counted in, and the words that state a
 * series of period figures ("各季度分别为") or the year's figure ("全年完成").
 */

/** Words before a number that make lower better. Checked after HIGHER_FIRST, so "不低于" is not read as "低于". */
export const LOWER_BEFORE = [
  "不超过", "不高于", "不大于", "不多于", "控制在", "控制到", "控制为", "下降到", "下降至", "降低到", "降低至", "降到", "降至",
  "减少到", "减少至", "压减到", "压减至", "压缩到", "压缩至", "低于", "少于", "小于", "≤", "<",
];
/** Words that contain a lower-is-better word but mean higher is better. */
export const HIGHER_FIRST = ["不低于", "不少于", "不小于"];
/** Words after a number that make lower better. */
export const LOWER_AFTER = ["以内", "以下", "之内"];
/** Words that start a higher-is-better target expression (only used to quote the expression). */
export const HIGHER_WORDS = ["达到", "增长", "提高", "超过", "完成", "至少", "新增", "净增", "下降", "降低", "减少"];
/** Units a target is counted in, after an optional 万 / 亿 / 千 / 百, in the order they are tried. */
export const TARGET_UNITS = ["美元", "元", "人次", "场次", "户次", "篇", "人", "名", "天", "家", "个", "项", "次", "场", "村", "亩", "吨", "户", "所", "件", "辆", "套", "座", "公里", "千米", "平方米", "米", "小时", "分钟", "分"];

/** Units of the figures in a series of period targets ("0.2亿元、0.37亿元…"), in the order they are tried. */
export const PERIOD_UNITS = ["亿元", "万元", "元", "万美元", "美元", "亿", "万", "个", "家", "人", "亩", "吨", "篇", "次", "场次", "场", "件", "项", "%"];
/** Words that introduce the period figures: "各季度分别为", "一二三四季度目标分别是", "月任务分别完成". */
export const PERIOD_SERIES = /(?:[一二三四1-4]{2,4}季度|各季度|季度|月)(?:目标)?(?:任务)?分别(?:为|是|完成|达到)/g;
/** Words that state the year's figure before it: "全年目标完成", "年度任务达到". */
export const ANNUAL_WORDS = String.raw`(?:全年|年度|年)(?:目标|任务)?(?:完成|达到|为|实现)?`;
