/**
 * Every string of the task pane, Chinese first. The language follows Office's display language.
 */
import type { BookKind } from "../core/book";
import type { Language, RuleId, Severity } from "../core/rules";
import { summaryText } from "../core/summary/summarySheets";

export const MESSAGES = {
  zh: {
    title: "目标责任考核助手",
    recheck: "重新检查",
    summarize: "生成汇总",
    summarizing: "正在生成汇总…",
    summarized: (names: string[]) => `已新增工作表：${names.join("、")}（原有工作表未改动）`,
    readingList: "正在读取工作表列表…",
    reading: (done: number, total: number) => `正在读取工作表 ${done}/${total}…`,
    checking: "正在核对分值…",
    failed: "检查失败",
    summaryFailed: "生成汇总失败",
    counts: (sheets: number, books: number) => `${sheets} 个工作表 · ${books} 份责任书`,
    all: "全部",
    noFindings: "未发现问题：各类别分值与指标合计相符。",
    noneOfSeverity: "没有此类问题。",
    noBooks: "未找到目标责任书（需要含“类别”“考核指标”“分值”等表头的表格）。",
    stated: "标明",
    computed: "计算",
    goTo: (sheet: string, cell: string) => `定位到 ${sheet}!${cell}`,
    books: (n: number) => `已识别的责任书（${n}）`,
    bookColumns: { sheet: "工作表", unit: "考核单位", total: "合计/基础分", indicators: "指标数" },
    findings: "问题",
    filter: "按严重程度筛选",
    autoRecheck: "修改工作表后自动重新检查",
    severity: summaryText("zh").severities as Record<Severity, string>,
    rule: summaryText("zh").rules as Record<RuleId, string>,
    kind: summaryText("zh").kinds as Record<BookKind, string>,
    scoring: "评分与排名",
    scoreSheets: "生成评分表",
    scoringBusy: "正在生成评分表…",
    portable: "通用公式（无需加载项，WPS 与旧版 Excel 可计算）",
    scored: (names: string[], replaced: number, kept: number) =>
      `已生成评分表 ${names.length} 张：${names.slice(0, 3).join("、")}${names.length > 3 ? " 等" : ""}` + (replaced > 0 ? `（替换了原先生成的评分表 ${replaced} 张，保留已填写的 ${kept} 行）` : ""),
    scoringFailed: "生成评分表失败",
    rank: "生成排名",
    rankBusy: "正在生成排名…",
    ranked: (name: string, units: number) => `已新增工作表：${name}（${units} 个单位）`,
    rankFailed: "生成排名失败",
    noScoringSheets: "没有评分表：请先生成评分表，或选择各单位交回的工作簿。",
    otherWorkbooks: "各单位交回的工作簿（.xlsx，可多选）",
    picked: (n: number) => `已选择 ${n} 个文件`,
  },
  en: {
    title: "Kaohe - target responsibility assessment",
    recheck: "Check again",
    summarize: "Add summary sheets",
    summarizing: "Adding summary sheets…",
    summarized: (names: string[]) => `Added sheets: ${names.join(", ")} (existing sheets unchanged)`,
    readingList: "Reading the list of sheets…",
    reading: (done: number, total: number) => `Reading sheets ${done}/${total}…`,
    checking: "Checking the points…",
    failed: "The check failed",
    summaryFailed: "Adding the summary sheets failed",
    counts: (sheets: number, books: number) => `${sheets} sheets · ${books} books`,
    all: "All",
    noFindings: "No issues: every category's points match its indicators.",
    noneOfSeverity: "No issues of this kind.",
    noBooks: "No responsibility book found (a table with headers such as 类别, 考核指标, 分值 is needed).",
    stated: "stated",
    computed: "computed",
    goTo: (sheet: string, cell: string) => `Go to ${sheet}!${cell}`,
    books: (n: number) => `Books found (${n})`,
    bookColumns: { sheet: "Sheet", unit: "Unit", total: "Total/base", indicators: "Indicators" },
    findings: "Issues",
    filter: "Filter by severity",
    autoRecheck: "Checks again when a sheet changes",
    severity: summaryText("en").severities as Record<Severity, string>,
    rule: summaryText("en").rules as Record<RuleId, string>,
    kind: summaryText("en").kinds as Record<BookKind, string>,
    scoring: "Scoring and ranking",
    scoreSheets: "Generate scoring sheets",
    scoringBusy: "Generating the scoring sheets…",
    portable: "Portable formulas (compute without the add-in: WPS, older Excel)",
    scored: (names: string[], replaced: number, kept: number) =>
      `Generated ${names.length} scoring sheets: ${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""}` + (replaced > 0 ? ` (replaced ${replaced} generated earlier, keeping the values entered on ${kept} rows)` : ""),
    scoringFailed: "Generating the scoring sheets failed",
    rank: "Ranking",
    rankBusy: "Ranking the units…",
    ranked: (name: string, units: number) => `Added sheet: ${name} (${units} units)`,
    rankFailed: "The ranking failed",
    noScoringSheets: "No scoring sheet: generate the scoring sheets first, or pick the workbooks the units sent back.",
    otherWorkbooks: "Workbooks sent back by the units (.xlsx, several allowed)",
    picked: (n: number) => `${n} files picked`,
  },
};

export type Messages = (typeof MESSAGES)["zh"];

/** zh for a Chinese Office display language ("zh-CN", "zh-TW"…), en otherwise. */
export function languageOf(displayLanguage: string | null | undefined): Language {
  return /^zh\b/i.test(displayLanguage ?? "") ? "zh" : "en";
}
