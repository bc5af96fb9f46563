/**
 * The words of the domain that the reader looks for in rows and titles, as data: total rows, the kinds of
 * scoring a text implies (pending, reference, deduction, bonus), the words of a scoring criterion (awards,
 * deductions, tiers), the words that make a line a title, and the scoring terms above a table (base, bonus,
 * weights, veto). The words of targets and periods are in targets.ts.
 */

/** A row that states a total: "合计", "合 计", "共计", "小计", "总计", "总分", "综合得分：". */
export const TOTAL_ROW = /^(合计|共计|小计|总计|总分|总得分|综合得分|得分合计|合计得分|分值合计)(?:[:：].*)?$/;
/** Of the total rows, the ones that close one category rather than a run of categories. */
export const SUBTOTAL_ROW = /^小计/;
/** Of the total rows, the ones that cover the whole book. */
export const GRAND_TOTAL_ROW = /^(总计|总分|总得分|综合得分)/;

/** Points to be set later: "待省考目标任务确定后另行分解下达", "待定". */
export const PENDING = /待[\s\S]{0,24}(另行|确定后)|另行(分解)?下达|待定/;
/** Every DEDUCTION, PENDING and REFERENCE phrase holds one of these: a text with none is not looked at further. */
export const KIND_HINT = /扣分制|待|另行|见/;
/** Scored in another book: "见专项责任书", "详见附件". */
export const REFERENCE = /^\s*(?:详)?见[^，。；]{0,30}(?:责任书|分解表|任务表|方案|附件|附表)/;
/** Deduction-only scoring: "实行扣分制考核". */
export const DEDUCTION = /扣分制/;
/** A bonus section or item: "加分项目", "奖励分". */
export const BONUS = /加分|奖励分|奖分/;
/** A section of points taken from the unit's total: "扣分项目", "减分项", "负面清单". */
export const PENALTY_SECTION = /扣分项|减分项|扣分事项|负面清单/;
/** A deduction amount: "扣1.5分", "扣除2分". */
export const DEDUCTION_AMOUNT = /扣(?:除)?\s*(\d+(?:\.\d+)?)\s*分/g;
/** A deduction of some points, one amount or a range: "扣1.5分", "扣除2分", "扣5-10分". */
export const DEDUCTION_RULE = /扣(?:除)?\s*\d/;
/** Words that give points rather than take them: "得2分", "计满分", "加1分", "奖励"; "不得分" gives nothing. */
export const AWARD_WORDS = /(?<!不)得|计|给|加|奖|满分/;

/** Verbs that award points in a scoring criterion: "得1分", "计2分", "给1分", "最高1分". */
export const AWARD_VERBS = ["得", "计", "给", "最高"];
/** Nothing awarded: "不得分", "不计分". */
export const NOTHING = /不得分|不计分/g;
/** A deduction or a bonus word right after "最高" makes it no award ("最高扣10分", "最高奖励5分"). */
export const NOT_AWARD = /最高\s*(扣|奖|加)/;
/** Full marks named, not counted ("得满分"): the row's own points. */
export const FULL_MARKS = /满分/;
/** Awards for each of several things ("各得1分", "共4项，1项1分"): how many there are is not written. */
export const EACH = /各得|每项得|分别得|\d+\s*项\s*\d+(?:\.\d+)?\s*分|每.{1,6}得/;
/** Words that make an award depend on more than the row: "从总分扣1分" takes points from the book's total. */
export const TOTAL_DEDUCTION = /从总分|总分中扣|总分扣/;
/** A rule that only adds points ("每次加1分", "加5分"), and words that take points away: a row of the first
 * and none of the second is a bonus item. */
export const ADDS = /加\s*\d+(?:\.\d+)?\s*分/;
export const TAKES = /扣|减|不得分/;

/** Words that make a line a title of a table or document rather than a unit's name. */
export const TITLE_WORDS = /指标|考核|清单|责任书|分解|目标|通知|办法|附件|细则|任务|年度|工作|评价|评估|考评|计分|评分|标准|体系|一览表/;

/** A form line naming the assessed unit: "部门（单位）：示范区发展改革局  责任人：", "被考核单位：", "村名：". */
export const UNIT_LABEL = /(?:部门[（(]单位[）)]|被考核单位|被考核部门|考核单位|单位名称|村名)\s*[：:]\s*(.*?)(?:\s{2,}|责任人|$)/;

/** The base of a book's total: "考核基础分为100分", "起评分100分", "本考核表设应得分为100分". */
export const BASE = /(?:基础分|基本分|满分|起评分|应得分|标准分)(?:为|是)?(\d+(?:\.\d+)?)分/;
/** The bonus allowance: "另设加分项目10分", "奖励分为15分". */
export const BONUS_ALLOWANCE = /(?:(?:另设|设)?加分(?:项目|项)?(?:为|最高|上限)?|奖励分(?:为)?)(\d+(?:\.\d+)?)分/;
/** An assessor group's weight: "市科协领导评分占40%". */
export const WEIGHT = /^(?:其中)?(.+?)(?:评分|打分|评价|得分)?(?:占|权重为?)(\d+(?:\.\d+)?)%$/;
/** A page number carried into a sheet from a printed or PDF copy ("— 3 —", "-12-", "第3页 共8页"), spaces removed:
 * a line of the page, not of the table. */
export const PAGE_NUMBER = /^(?:[-—–－―]+\d+[-—–－―]+|第\d+页(?:[,，/、]?共\d+页)?|共\d+页[,，/、]?第\d+页)$/;
/** The veto clause. */
export const VETO = "一票否决";
