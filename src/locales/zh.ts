/**
 * Every message in Chinese, the language Kaohe speaks first.
 */
import { renderIn, type EntryLabel, type EntryWord, type InputKind, type Locale, type MessageParams, type Quantity, type QuantityWord, type XmlProblem } from "./keys";

const entryWord: Record<EntryWord, string> = {
  score: "得分",
  actual: "实际完成",
  deduction: "扣分",
  "bonus-claim": "加分",
  count: "次数",
  weight: "权重",
};

const inputKind: Record<InputKind, string> = { workbook: "工作簿（.xlsx、.xls、.et、.ods）", docx: "Word 文档 (.docx)", text: "文本文件" };

const SAVE_XLSX = "请在 Excel 或 WPS 表格中打开，选择“文件 > 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”";
const SAVE_DOCX = "请在 Word 或 WPS 文字中打开，选择“文件 > 另存为”，保存类型选“Word 文档 (*.docx)”，再用 import-docx 导入";

function unreadable(p: MessageParams["unreadable"]): string {
  if (p.wanted === "docx") {
    switch (p.format) {
      case "empty": return "文件为空，不是 Word 文档 (.docx)";
      case "doc": return `这是 Word 97-2003 文档 (.doc)，无法直接读取：${SAVE_DOCX}`;
      case "xlsx": case "ods": case "xls": return "这是工作簿而不是 Word 文档：请直接用 check 或 tree 读取";
      case "odt": return `这是 OpenDocument 文本 (.odt)：${SAVE_DOCX}`;
      case "encrypted": return "文档设有打开密码：请打开后取消密码，另存为 .docx";
      case "corrupt-zip": return "Word 文档已损坏或不完整";
      case "text": return "这是文本文件而不是 Word 文档：Word 表格文本请用 import-text 导入";
      case "pdf": return "这是 PDF 文件：请使用 Word 原件";
      default: return "不是 Word 文档 (.docx)";
    }
  }
  switch (p.format) {
    case "empty": return "文件为空，不是工作簿";
    case "docx": return "这是 Word 文档：请用 import-docx 转为工作簿";
    case "doc": return `这是 Word 97-2003 文档 (.doc)：${SAVE_DOCX}`;
    case "odt": return "这是 OpenDocument 文本 (.odt)：请另存为 .docx 后用 import-docx 导入";
    case "encrypted": return "工作簿设有打开密码：请打开后取消密码，另存为 .xlsx";
    case "xls": return p.et ? `无法读取此 WPS 表格文件 (.et)：${SAVE_XLSX}` : `Excel 97-2003 工作簿 (.xls) 已损坏或不完整：${SAVE_XLSX}`;
    case "ods": return `OpenDocument 工作簿 (.ods) 已损坏或不完整：${SAVE_XLSX}`;
    case "cfb": return p.et ? `无法读取此格式的 WPS 表格文件 (.et)：${SAVE_XLSX}` : `这是不含工作簿或已损坏的 Office 97-2003 文件：${SAVE_XLSX}`;
    case "zip": return "不是工作簿（压缩包中没有工作表）";
    case "corrupt-zip": return "工作簿已损坏或不完整";
    case "pdf": return "这是 PDF 文件：请使用 Excel 或 Word 原件";
    case "text": return "这是文本文件而不是工作簿：Word 表格文本请用 import-text 导入；CSV 或网页文件请另存为 .xlsx";
    default: return `不是可读取的工作簿：${SAVE_XLSX}`;
  }
}

const label = (l: EntryLabel): string => `${l.prefix ?? ""}${l.word ? entryWord[l.word] : (l.column ?? "")}`;

const quantityWord: Record<QuantityWord, string> = {
  points: "分值", score: "得分", scores: "得分", target: "目标值", actual: "实际完成值", deductions: "扣分", claims: "申报加分",
  caps: "加分上限", "total-cap": "加分总上限", bonus: "加分", "bonus-claims": "申报加分", "bonus-caps": "加分上限",
  penalties: "负面清单扣分", weights: "权重", thresholds: "等级分数线", veto: "一票否决", which: "第几个目标", level: "档次",
  levels: "档次", "level-thresholds": "档次分数线", amounts: "分值", "tier-amounts": "各档分值", "quarter-scores": "季度得分",
  full: "满分", method: "计分方法", direction: "方向",
};

const quantity = (q: Quantity): string => `${quantityWord[q.word]}${q.position === undefined ? "" : `第${q.position}个值`}`;
const quoted = (value: string, text: boolean): string => (text ? `“${value}”` : value);
/** A count as the reader's limits are written: 20,000,000. */
const count = (n: number): string => n.toLocaleString("en-US");

function xmlProblem(p: XmlProblem): string {
  switch (p.kind) {
    case "text-outside-root": return "根元素之外有文本";
    case "closing-cut-off": return "结束标签不完整";
    case "instruction-cut-off": return "处理指令不完整";
    case "comment-cut-off": return "注释不完整";
    case "cdata": return "CDATA 段不完整或在根元素之外";
    case "doctype": return "含有文档类型声明";
    case "no-name": return "标签没有名称";
    case "second-root": return "有第二个根元素";
    case "no-root": return "没有根元素";
    case "bare-amp": return "有单独的“&”";
    case "cell-never-closed": return "单元格没有结束";
    case "tag-cut-off": return "标签不完整";
    case "closes-nothing": return `</${p.name}> 没有对应的开始标签`;
    case "cut-off": return `<${p.name}> 不完整`;
    case "never-closed": return `<${p.name}> 没有结束`;
    case "no-value": return `<${p.name}> 的属性没有值`;
    case "unquoted": return `<${p.name}> 的属性 ${p.attribute} 没有引号`;
    case "attribute-cut-off": return `<${p.name}> 的属性 ${p.attribute} 不完整`;
    case "holds-lt": return `<${p.name}> 的属性 ${p.attribute} 含有“<”`;
    case "unknown-entity": return `未知的实体 ${p.entity}`;
    case "parser": return `解析器报告：${p.detail}`;
  }
}

export const zh: Locale = {
  entryWord,
  quantity: quantityWord,
  tree: {
    file: "文件", sheet: "工作表", books: (n) => `${n} 份责任书`, noBook: (reason) => `未找到责任书（${reason}）`,
    book: "责任书", kind: "类型", at: "位置", base: "基准分", baseAssumed: "（未标明）", otherColumns: "其他列",
    category: "类别", cap: "上限", bonus: "奖励分", weight: "权重", cell: "单元格", indicator: "指标", owner: "责任单位",
    parts: "分项", criterion: "评分标准满分", noPoints: "未标分值", points: (p) => `${p}分`, headingPoints: (label, p) => `${label}（${p}分）`,
    colon: "：", list: "、", partList: "；",
    categoryKinds: { normal: "计分", deduction: "扣分制", bonus: "加分项目", penalty: "负面清单", pending: "待下达", reference: "见专项责任书" },
    indicatorKinds: { score: "计分", deduction: "扣分", pending: "待下达", reference: "见专项责任书", penalty: "扣分项", bonus: "加分" },
  },
  summary: {
    summary: "汇总",
    findings: "问题清单",
    owners: "责任单位",
    summaryTitle: "责任书汇总",
    findingsTitle: "问题清单",
    ownersTitle: "责任单位分解指标",
    summaryHeader: ["序号", "文件", "工作表", "考核单位", "类型", "基础分", "计算合计", "差额", "指标数", "错误", "警告", "位置"],
    findingsHeader: ["序号", "严重程度", "规则", "文件", "工作表", "考核单位", "类别", "标明分值", "计算分值", "说明", "位置"],
    ownersHeader: ["责任单位", "考核内容", "考核指标", "分值", "位置"],
    ownerTotalsHeader: ["责任单位", "分值合计", "指标数"],
    categoryTotalsHeader: ["考核内容", "分值"],
    total: "合计",
    subtotal: "小计",
    noOwner: "（未指定）",
    ownersShared: "共同负责单位",
    ownerLeads: "（牵头）",
    ownerList: "、",
    totalOnce: "合计（共同负责的指标计一次）",
    noFindings: "未发现问题",
    chartOwners: "各责任单位分值",
    chartCategories: "各考核内容分值",
    chartFindings: "有问题的责任书（错误、警告数）",
    chartCategoryPoints: "各考核内容分值合计（全部责任书）",
    findingsChartHeader: ["考核单位", "错误", "警告"],
    categoryChartHeader: ["考核内容", "责任书数", "分值合计"],
    kinds: { unit: "单位责任书", decomposition: "任务分解", "penalty-list": "负面清单", common: "共性指标", matrix: "矩阵" },
    severities: { error: "错误", warning: "警告", info: "提示" },
    rules: {
      "category-sum": "类别合计", "inline-sum": "分项合计", "quarter-sum": "季度分值", "target-sum": "分期目标合计",
      "missing-points": "未标分值", "unit-total": "总分", "points-conflict": "分值不一致", "bonus-cap": "加分上限",
      "weights-sum": "权重合计", "score-range": "得分范围", "empty-target": "目标为空", "missing-owner": "未指定责任单位",
      "penalty-tiers": "分档扣分", "entered-value": "填写内容",
      "negative-points": "负分值", "total-mismatch": "总分不符", "duplicate-unit": "单位重复",
    },
  },
  report: {
    file: "文件", sheet: "工作表", total: "合计", base: "基础分", noBook: "未找到责任书",
    severity: { error: "错误", warning: "警告", info: "提示" },
    counts: (books, e, w, i) => `共 ${books} 份责任书：错误 ${e} 项，警告 ${w} 项，提示 ${i} 项`,
    clean: "各项分值相符",
    scoringSheet: "评分表",
    scoringClean: "填写的分值都在范围内",
    scoringCounts: (sheets, e, w, i) => `共 ${sheets} 张评分表：错误 ${e} 项，警告 ${w} 项，提示 ${i} 项`,
    cleanBooks: (n, others) => `${others ? "另有 " : ""}${n} 份责任书各项分值相符`,
    cleanScoringSheets: (n, others) => `${others ? "另有 " : ""}${n} 张评分表填写无误`,
    hidden: { hidden: "（已隐藏）", veryHidden: "（已深度隐藏）" },
    noBooks: (file, sheets) => `${file}：未找到责任书，${sheets} 个工作表中没有可识别的责任书表格，未做任何检查`,
  },
  pane: {
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
    hiddenSheet: { hidden: "已隐藏", veryHidden: "已深度隐藏" },
    findings: "问题",
    filter: "按严重程度筛选",
    autoRecheck: "修改工作表后自动重新检查",
    scoring: "评分与排名",
    scoreSheets: "生成评分表",
    scoringBusy: "正在生成评分表…",
    portable: "通用公式（无需加载项，WPS 与旧版 Excel 可计算）",
    scored: (names: string[], replaced: number, kept: number) =>
      `已生成评分表 ${names.length} 张：${names.slice(0, 3).join("、")}${names.length > 3 ? " 等" : ""}` + (replaced > 0 ? `（替换了原先生成的评分表 ${replaced} 张，保留已填写的 ${kept} 行）` : ""),
    carried: (moved: number, setAside: number, sheet: string | null) =>
      `；已填写的录入移到改名或挪动后的指标 ${moved} 项，未匹配 ${setAside} 项${sheet ? `（原样放在“${sheet}”表）` : ""}`,
    scoringFailed: "生成评分表失败",
    rank: "生成排名",
    rankBusy: "正在生成排名…",
    ranked: (name: string, units: number) => `已新增工作表：${name}（${units} 个单位）`,
    rankFailed: "生成排名失败",
    noScoringSheets: "没有评分表：请先生成评分表，或选择各单位交回的工作簿。",
    rankedUnentered: (units: number) => `，其中 ${units} 个单位未录入得分，未参与排名`,
    otherWorkbooks: "各单位交回的工作簿（.xlsx，可多选）",
    picked: (n: number) => `已选择 ${n} 个文件`,
    wordImport: "从 Word 导入",
    wordImportHint: "选择目标责任书的 Word 原件（.docx），每个表格连同标题、单位名称新增为工作表",
    wordImportBusy: "正在导入 Word 文档…",
    wordImported: (names: string[], tables: number) => `已从 Word 导入 ${tables} 个表格，新增工作表：${names.slice(0, 5).join("、")}${names.length > 5 ? ` 等 ${names.length} 张` : ""}`,
    wordImportFailed: "导入 Word 文档失败",
    pasted: (sheet: string, rows: number, labels: number) => `“${sheet}”像是从 Word 粘贴的：${rows > 0 ? `${rows} 处单元格的段落被拆成多行` : ""}${rows > 0 && labels > 0 ? "，" : ""}${labels > 0 ? `${labels} 个竖排标签` : ""}`,
    cleanPasted: "整理为表格（新工作表）",
    cleaned: (name: string) => `已新增工作表：${name}（原工作表未改动）`,
    cleanFailed: "整理失败",
    cleanedSuffix: "（整理）",
  },
  preview: {
    title: "目标责任考核助手 · 预览", open: "打开 .xlsx 文件", loading: "正在载入工作簿…", failed: "无法打开工作簿：", selected: "已选中：",
    none: "未选中单元格", sheets: "工作表", file: "文件：", editable: "填写单元格：直接键入或双击，Enter 确认，Esc 取消", editor: "编辑单元格",
  },
  cli: {
    title: "kaohe - 目标责任考核助手",
    usage: "用法：",
    commands: {
      "import-text": "Word 表格文本转为工作簿 (docs/LAYOUT.md)",
      "import-docx": "Word 文档 (.docx) 中的表格和标题转为工作簿 (docs/LAYOUT.md)",
      "build-seeds": "由 seeds/*.txt 重建 seeds/*.xlsx（替换原文件）",
      tree: "列出每份责任书的类别与指标",
      check: "检查分值是否相符、评分表填写是否有误（有错误时退出码为 1）",
      summary: "生成汇总、问题清单、责任单位工作表，写入新的 .xlsx",
      "score-sheet": "生成评分表（每个考核单位一张，含适用的共性指标；--portable：用 Excel 原生公式，无需加载项）",
    },
    options: "每个命令都接受 --lang zh|en（默认按系统语言）和 --help；kaohe --version 显示版本",
    exitCodes: "退出码：0 正常，1 检查发现错误，2 输入无法读取或用法有误",
  },
  "category-sum": (p) =>
    `类别“${p.category}”标明${p.stated}分，${p.nested ? "所含各项" : "所列指标"}合计${p.computed}分` +
    (p.unpointed ? `（另有${p.unpointed}项未标分值）` : ""),
  "category-sum.bonus": (p) => `类别“${p.category}”标明奖励分${p.stated}分，所列奖励分合计${p.computed}分`,
  "category-sum.total-row": (p) => `“${p.label}”行写${p.stated}分，所计各项合计${p.computed}分`,
  "unit-total": (p) => {
    const reasons = [
      p.pending.length ? `待定项目（${p.pending.join("、")}）尚未分配分值` : "",
      p.deduction.length ? `扣分制类别（${p.deduction.join("、")}）不计基础分` : "",
    ].filter(Boolean);
    return `“${p.unit}”各类别合计${p.computed}分，与基础分${p.base}分不符` + (reasons.length ? `；${reasons.join("；")}` : "");
  },
  "unit-total.no-base": (p) => `“${p.unit}”未标明总分，各类别合计${p.computed}分`,
  "missing-points": (p) =>
    `指标“${p.indicator}”未标分值` + (p.categoryPoints !== null ? `（类别“${p.category}”${p.categoryPoints}分）` : ""),
  "empty-target": (p) => `“${p.indicator}”没有填写目标要求，无法据此考核`,
  "missing-owner": (p) => `指标“${p.indicator}”没有责任单位`,
  "penalty-tiers": (p) => `“${p.category}”扣分按通报级别而定：${p.tiers.join(" / ")}分，评分时需选定`,
  "points-conflict": (p) => `“${p.indicator}”分值列为${p.column}分，文字中写${p.text}分，前后不一致`,
  "points-conflict.bonus-cap": (p) => `考核办法写加分项目${p.method}分，加分项目表中为${p.section}分`,
  "bonus-cap": (p) => `加分项“${p.item}”最高${p.cap}分，超过加分总上限${p.overall}分`,
  "bonus-cap.unreachable": (p) => `加分项目上限${p.cap}分，各项最高分合计只有${p.total}分，上限无法达到`,
  "bonus-cap.allowance": (p) => `考核办法写奖励分${p.allowance}分，各项所列奖励分合计${p.total}分`,
  "weights-sum": (p) => `评分权重（${p.weights.map((w) => `${w.label}${w.percent}%`).join("、")}）合计${p.total}%，不是100%`,
  "weights-sum.column": (p) => `“${p.column}”列各指标权重合计${p.total}，不是100`,
  "weights-sum.parts": (p) => `个性指标与共性指标的权重合计为${p.total}，应为1（即100%），且不能为负`,
  "inline-sum": (p) => `“${p.indicator}”标明${p.stated}分，目标要求中的分项分值合计${p.computed}分`,
  "inline-sum.heading": (p) => `“${p.heading}”标明${p.stated}分，其下各项合计${p.computed}分`,
  "inline-sum.criterion": (p) =>
    `“${p.indicator}”标明${p.stated}分，评分标准中满分为${p.computed}分` + (p.ambiguous ? "（另有从总分扣分的规定）" : ""),
  "quarter-sum": (p) =>
    `“${p.indicator}”${p.quarter}应为${p.expected}分` + (p.annual === null ? "" : `（扣除全年部分${p.annual}分）`) +
    `，所列分项合计${p.computed}分`,
  "target-sum": (p) => `“${p.indicator}”全年目标${p.annual}${p.unit}，${p.cumulative ? "累计末期" : "分期合计"}${p.computed}${p.unit}`,
  "score-range.count": (p) => `“${p.indicator}”${label(p.label)}${p.score}，不能为负数`,
  "score-range.deduction": (p) => `“${p.indicator}”${label(p.label)}${p.score}，超过该项分值${p.max}分（得分按0分计，请核对是否填错）`,
  "score-range.penalty": (p) => `“${p.indicator}”扣分${p.score}，应在${p.floor ?? ""}到0之间`,
  "score-range.below": (p) => `“${p.indicator}”${label(p.label)}${p.score}，低于0分`,
  "score-range.above": (p) => `“${p.indicator}”${label(p.label)}${p.score}，超过该项${p.bonus ? "最高加分" : "分值"}${p.max}分`,
  "entered-value": (p) => `“${p.indicator}”${label(p.label)}填写了“${p.value}”，应填数字`,
  "entered-value.book": (p) => `“${p.indicator}”${p.label}填写“${p.value}”，不是数字`,
  "entered-value.veto": (p) => `一票否决填写了“${p.value}”，评分表只认 TRUE 或 1（否决），不否决请留空`,
  "negative-points": (p) => `“${p.indicator}”分值为${p.points}分：负分只用于扣分项和负面清单，请核对是否写错`,
  "total-mismatch": (p) => `总分显示为${p.shown}，按填写的得分重新计算为${p.computed}（公式未重新计算，或被改写），排名按${p.computed}计`,
  "duplicate-unit": (p) =>
    `“${p.unit}”在${p.other}中又有一份评分表（${p.otherTotal === p.keptTotal ? `总分同为${p.keptTotal ?? "空"}` : `总分${p.otherTotal ?? "空"}，与${p.keptTotal ?? "空"}不同`}），只按${p.kept}排名一次`,
  "cli.ranked": (p) =>
    `排名：${p.ranked} 个单位参与排名` +
    (p.unentered.length > 0 ? `；${p.unentered.length} 个单位未录入得分，未参与排名：${p.unentered.slice(0, 10).join("、")}${p.unentered.length > 10 ? " 等" : ""}` : "") +
    (p.uncomputable.length > 0 ? `；${p.uncomputable.length} 个单位的得分无法计算：${p.uncomputable.slice(0, 10).join("、")}${p.uncomputable.length > 10 ? " 等" : ""}` : "") +
    (p.duplicates > 0 ? `；${p.duplicates} 份重复的评分表只计一次` : ""),
  "input.title": () => "超出范围",
  "input.rule": (p) =>
    p.kind === "list"
      ? `请填 ${p.values.join(" 或 ")}，或留空`
      : `请填${p.kind === "whole" ? "整数" : "数字"}${p.min !== null && p.max !== null ? `，${p.min} 到 ${p.max}` : p.min !== null ? `，不小于 ${p.min}` : p.max !== null ? `，不大于 ${p.max}` : ""}`,
  "sheet.empty": () => "工作表为空",
  "sheet.header-only": () => "只有表头，没有指标行",
  "sheet.summary": () => "Kaohe 生成的汇总表，不是责任书",
  "sheet.scoring": () => "Kaohe 生成的评分表，不是责任书",
  "sheet.no-header": () => "未找到表头行（如“类别”“考核指标”“分值”），不像目标责任书",
  "sheet.closest-header": (p) =>
    `未找到表头行：最接近的是第${p.row}行（${p.labels.join("、")}），其中只认得${p.known.join("、")}，表头须有两个以上认得的列名且占多数`,
  "workbook.no-sheet": (p) => `工作表“${p.sheet}”不存在`,
  "workbook.not-scoring-sheet": (p) => `工作表“${p.sheet}”不是 Kaohe 生成的评分表，不能替换`,
  "workbook.not-input-cell": (p) => `${p.sheet}!${p.cell} 不是评分表的填写单元格`,
  "workbook.no-worksheets": () => "工作簿中没有工作表",
  "workbook.nothing-to-score": () => "工作簿中没有找到责任书，无从生成评分表",
  "workbook.not-scoring-sheets": (p) => `不是 Kaohe 生成的评分表，不能替换：${p.sheets.join("、")}`,
  "workbook.read-only": () => "此工作簿只读",
  "scoring.negative": (p) => `${quantity(p.what)}不能为负数：${p.value}`,
  "scoring.same-size": (p) => `${quantity(p.first)}有${p.firstCount}个，${quantity(p.second)}有${p.secondCount}个，个数应相同`,
  "scoring.empty": (p) => `${quantity(p.what)}为空`,
  "scoring.descending": (p) => `${quantity(p.what)}应从高到低排列：${p.values.join("、")}`,
  "scoring.not-a-level": (p) => `“${p.label}”不是档次之一：${p.labels.join("、")}`,
  "scoring.target-not-positive": (p) => `完成率的目标值必须大于0：${p.target}`,
  "scoring.lower-actual": (p) => `越低越好的指标，实际值为${p.actual}时完成率无意义`,
  "scoring.lower-target-negative": (p) => `越低越好的目标值不能为负数：${p.target}`,
  "scoring.weights-total": (p) => `权重合计为${p.total}，应为100%（小数合计1或百分数合计100）`,
  "scoring.quarter-count": (p) => `季度得分最多4个，给出了${p.count}个`,
  "scoring.grade-labels": (p) => `等级名称应比分数线多一个：分数线${p.thresholds}个，等级${p.labels}个`,
  "scoring.not-ranked": (p) => `得分${p.score}不在参与排名的得分中`,
  "function.blank": (p) => `${quantity(p.name)}为空，应为数字`,
  "function.not-number": (p) =>
    `${quantity(p.name)}应为数字，而不是${quoted(p.value, p.text)}${p.text ? "（文字中的分值可用 KH.POINTS 读取）" : ""}`,
  "function.not-finite": (p) => `${quantity(p.name)}不是有限数字`,
  "function.not-boolean": (p) => `${quantity(p.name)}应为 TRUE 或 FALSE，而不是${quoted(p.value, p.text)}`,
  "function.not-ordinal": (p) => `${quantity(p.name)}应为大于0的整数：${p.value}`,
  "function.unknown-word": (p) => `${quantity(p.name)}“${p.value}”无法识别，可用：${p.words.map((w) => w.join("/")).join("，")}`,
  "function.result-not-finite": () => "结果超出了 Excel 能表示的数字范围",
  "function.boolean-points": () => "逻辑值中没有分值",
  "function.tiered-points": (p) => `扣分按级别而定（${p.amounts.join(" / ")}），请用 KH.TIER 选定`,
  "function.several-points": (p) => `文字中有${p.count}处分值，合计请用 KH.SUBPOINTS`,
  "function.no-points": () => "文字中没有分值",
  "function.no-subpoints": () => "文字中没有分项分值",
  "function.no-target": () => "文字中没有数字目标",
  "function.few-targets": (p) => `文字中只有${p.count}个数字目标`,
  "xlsx.grid-area": (p) =>
    `工作表“${p.sheet}”的范围为 ${p.range}${p.at === null ? "" : `（${p.at} 有值）`}，共 ${count(p.cells)} 个单元格` +
    `（上限：从 A1 到工作表最后一个使用的单元格共 ${count(p.limit)} 个单元格）`,
  "xlsx.cells": (p) => `工作簿中有值的单元格超过 ${count(p.limit)} 个（上限：${count(p.limit)} 个单元格）`,
  "xlsx.text-length": (p) => `${p.where}：文本长 ${count(p.length)} 个字符（上限：每个单元格 ${count(p.limit)} 个字符）`,
  "xlsx.inflated": (p) => `工作簿的 XML 解压后超过 ${count(p.limit)} 字节（上限：解压 ${count(p.limit)} 字节）`,
  "xlsx.copy-merge": (p) => `工作表“${p.sheet}”合并了 ${p.range}，单元格多于工作簿副本能容纳的数量（上限：${count(p.limit)} 个单元格）`,
  "xlsx.missing-part": (p) => `压缩包中没有 ${p.part}`,
  "xlsx.zip": (p) => `无法读取压缩包（${p.detail}）`,
  "xlsx.damaged": (p) => `工作簿已损坏（${p.detail}）`,
  "xlsx.xml": (p) => `${p.part} 不是格式正确的 XML（${xmlProblem(p.problem)}）`,
  "cli.in-file": (p) => `${p.file}：${renderIn(zh, p.message)}`,
  "cli.unknown-command": (p) =>
    `没有“${p.name}”这个命令` + (p.nearest ? `，是否要用 ${p.nearest}？` : "") + `（命令：${p.commands.join("、")}）`,
  "cli.unknown-option": (p) => `${p.command}：没有 ${p.option} 这个选项（见 ${p.command} --help）`,
  "cli.option-value": (p) => `${p.command}：选项 ${p.option} 的值有误（见 ${p.command} --help）`,
  "cli.unexpected-argument": (p) => `${p.command}：多余的参数“${p.argument}”`,
  "cli.bad-lang": (p) => `--lang 只能是 zh 或 en，而不是“${p.value}”`,
  "cli.arguments": (p) => (p.count === "none" ? `${p.command} 不接受参数` : `${p.command} 需要且只需要一个输入文件`),
  "cli.files-missing": () => "请指定至少一个工作簿（.xlsx、.xls、.et、.ods）",
  "cli.one-file": () => "请指定一个工作簿文件",
  "cli.output-missing": () => "请用 -o <out.xlsx> 指定输出文件",
  "cli.output-xlsx": () => "-o 须是 .xlsx 文件（输出总是 .xlsx）",
  "cli.input-txt": () => "输入须是 .txt 文本文件",
  "cli.split": (p) => `--split 只能是 ${p.modes.join("、")} 之一`,
  "cli.bad-argument": (p) => `参数有误：${p.field}（${p.detail}）`,
  "cli.empty-argument": (p) => `参数有误：${p.field}（数值过小：期望 string >=1 字符）`,
  "cli.file-not-found": (p) => `${p.file}：找不到文件`,
  "cli.is-directory": (p) => `${p.file}：这是文件夹，不是${inputKind[p.wanted]}`,
  "cli.cannot-read": (p) => `${p.file}：无法读取文件（${p.code}）`,
  "cli.not-text": (p) => `${p.file}：不是文本文件（含二进制内容）`,
  "cli.no-worksheets": (p) => `${p.file}：工作簿中没有工作表`,
  "cli.docx-empty": (p) => `${p.file}：文档中没有文字，也没有表格`,
  "cli.nothing-to-score": (p) => `${p.file}：工作簿中没有找到责任书，无从生成评分表`,
  "cli.nothing-to-summarize": (p) => `${p.file}：工作簿中没有找到责任书，未生成汇总（kaohe check 列出每个工作表的原因）`,
  "cli.output-is-input": (p) => `${p.file}：这是输入文件，输出须写入新文件`,
  "cli.exists": (p) => `${p.file}：文件已存在（加 --force 替换）`,
  "cli.no-output-folder": (p) => `${p.file}：输出文件夹不存在`,
  "cli.cannot-write": (p) => `${p.file}：无法写入文件（${p.code}）`,
  "cli.output-workbook": () => "-o 须是 .xlsx 文件（含宏的工作簿用 .xlsm）",
  "cli.macros-need-xlsm": (p) => `${p.file}：含宏（VBA），输出须命名为 .xlsm 才能保留宏`,
  "cli.xlsm-needs-macros": (p) => `${p.file}：只有含宏的工作簿才输出为 .xlsm，请改用 .xlsx`,
  "cli.not-kept": (p) => `${p.sheet}：已重新生成，旧表上另加的内容未能保留（${p.parts.join("、")}）`,
  "cli.no-repository": () => "在命令所在位置之上找不到 kaohe 代码库（其 package.json）",
  unreadable: (p) => (p.file ? `${p.file}: ${unreadable(p)}` : unreadable(p)),
  "cli.imported-text": (p) => `${p.file}: ${p.sheets.length} 个工作表, ${p.rows} 行 (${p.sheets.join(" / ")})`,
  "cli.imported-docx": (p) => `${p.file}: ${p.sheets.length} 个工作表, ${p.tables} 个表格, ${p.rows} 行 (${p.sheets.join(" / ")})`,
  "cli.scored": (p) => `${p.file}: ${p.sheets} 张评分表${p.portable ? "（通用公式）" : ""}`,
  "cli.carried": (p) =>
    `已填写的录入：保留 ${p.kept} 项，移到改名或挪动后的指标 ${p.moved} 项，未匹配 ${p.setAside} 项${p.sheet ? `（原样放在“${p.sheet}”表）` : ""}`,
};
