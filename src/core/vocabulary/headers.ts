/**
 * Header labels and the role each names. A label is matched after its spaces are removed ("考 核 内 容") and
 * with any bracketed note set aside ("分值（分）", "考核内容(examineContent)"): first the whole label against the
 * exact words, then the words it contains, most specific first, then the note (often the field's English name).
 */
import { compact } from "../points";

/** What a column holds. `text` is a text column whose part (category, indicator or target) depends on its place
 * among the other text columns; `level` is a category column, `levelNumber` its depth when the label says it;
 * `levelName` a column naming each row's level (大则 / 项目 / 细则). */
export type HeaderRole =
  | "number"
  | "level"
  | "levelName"
  | "indicator"
  | "target"
  | "text"
  | "criterion"
  | "points"
  | "categoryPoints"
  | "subtotal"
  | "weight"
  | "owner"
  | "unit"
  | "entry"
  | "remark";

export interface HeaderMeaning {
  role: HeaderRole;
  /** 1 for 一级指标, 2 for 二级指标 …: the category depth the label names, when it names one. */
  levelNumber: number | null;
  /** How sure the match is: 2 for an exact label, 1 for a label that contains a known word. */
  strength: 1 | 2;
}

interface Entry {
  role: HeaderRole;
  words: string[];
}

/** Whole labels, compared exactly. */
const EXACT: Entry[] = [
  { role: "levelName", words: ["层级", "层次", "级别", "level"] },
  { role: "number", words: ["序号", "编号", "序", "序列", "id", "no", "index", "编码"] },
  { role: "points", words: ["分值", "分数", "标准分", "标准分值", "满分", "应得分", "应得分数", "权重分", "扣分分值", "赋分", "计分", "基础分", "基本分", "小项分", "指标分值", "分值分", "score", "points"] },
  { role: "categoryPoints", words: ["项目分值", "类别分值", "总分值", "项目分"] },
  { role: "weight", words: ["权重", "权数", "weight"] },
  { role: "owner", words: ["责任单位", "责任部门", "牵头单位", "牵头部门", "负责考核部门", "考核部门", "主责单位", "责任领导", "配合单位", "评分部门", "考核单位（部门）"] },
  { role: "unit", words: ["部门", "单位", "考核单位", "被考核单位", "部门名称", "单位名称", "考核对象", "被考核部门"] },
  { role: "entry", words: ["得分", "自评分", "自评得分", "考核得分", "实得分", "实得分数", "核准分", "扣分", "扣减分数", "考核分", "评分", "考核结果", "合计", "扣分原因", "扣分情况", "实际完成", "完成情况", "自查情况", "自评情况", "复核分"] },
  { role: "subtotal", words: ["合计得分", "小计", "小计分值", "合计分值"] },
  { role: "remark", words: ["备注", "说明", "数据来源", "附件", "佐证材料", "计量单位", "单位名称及计量", "指标值", "目标值", "评分指导点", "详细情况", "考核方式", "现场评估方式", "remark", "note"] },
  { role: "criterion", words: ["评分标准", "计分方法", "计分方式", "考核方法", "评分办法", "扣分标准", "考核细则", "评价标准", "评分细则", "计分标准", "评分方法", "考评方法", "考评标准", "method", "standard"] },
  { role: "target", words: ["目标要求", "考核内容及要求", "考核内容和要求", "工作任务", "目标任务", "工作要求", "内容要求", "评估内容", "目标及质量要求", "考核内容及标准", "考核标准", "工作目标", "具体目标", "任务", "指标内容", "考核要求", "目标内容", "require", "requirement", "target"] },
  { role: "indicator", words: ["考核指标", "指标", "考评指标", "考评细项", "细项", "考核点", "考核要点", "指标及分值", "主要指标及分值", "主要指标", "目标责任指标", "指标名称", "考核事项", "具体指标", "考评项目内容"] },
  { role: "level", words: ["类别", "项目", "考核项目", "考核类别", "评估项目", "考评项目", "考核条目", "工作内容", "指标类别", "大类", "category", "project", "item", "group"] },
  { role: "text", words: ["考核内容", "内容", "content", "考核事项及内容"] },
];

/** Words a label may contain, most specific first: the first word found decides. */
const CONTAINS: Entry[] = [
  { role: "weight", words: ["权重"] },
  { role: "subtotal", words: ["合计得分", "小计"] },
  { role: "entry", words: ["自评", "核准", "实得", "扣减", "考核得分", "得分", "扣分原因", "扣分理由", "复核", "考核分"] },
  { role: "criterion", words: ["评分标准", "计分方法", "计分方式", "评分办法", "扣分标准", "评价标准", "评分细则", "考核方法", "考核细则", "评分", "计分", "标准", "细则", "办法", "方法", "依据"] },
  { role: "categoryPoints", words: ["项目分值", "类别分值"] },
  { role: "points", words: ["分值", "分数", "标准分", "应得分", "满分", "赋分", "score"] },
  { role: "owner", words: ["责任单位", "责任部门", "牵头", "考核部门", "主责", "责任", "配合", "协办", "分管", "主体"] },
  { role: "remark", words: ["备注", "说明", "来源", "附件", "佐证", "材料", "计量", "指导", "方式", "形式", "数据项", "时限", "时间", "节点"] },
  { role: "target", words: ["要求", "目标", "任务", "措施", "require", "target"] },
  { role: "indicator", words: ["指标", "细项", "细目", "要点", "要素", "重点", "考核点", "事项"] },
  { role: "level", words: ["类别", "项目", "条目", "category", "project", "item"] },
  { role: "text", words: ["内容", "content"] },
];

const LEVEL_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5 };
/** "一级指标", "二级指标 ★为核心指标", "三级": a category level by its depth. */
const LEVEL_LABEL = /^([一二三四五1-5])级/;
const WHITE_SPACE = /[\s\u3000\u00a0]/;
const LATIN = /[A-Z]/;
/** A text that may carry a bracketed note or a star. */
const NOTED = /[（()）★☆※*]/;
/** A field name: "c_category", "item_score". */
const FIELD = /^[a-z]+(?:[_-][a-z]+)+$/;
/** Sentence punctuation: a label is a word or two, never a clause. */
const SENTENCE = /[，。；;！？]/;
/** A text that starts with numbering: "1.", "1.1", "一、", "（一）", "①". */
const NUMBERED = /^(?:\d+(?:\.\d+)*[.、．]?(?=\D)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|[①-⑳])/;
/** A bracketed note: "（分）", "(examineContent)", "★为核心指标". */
const NOTE = /[（(]([^（()）]*)[）)]|[★☆※*].*$/g;

/** Points written in a text ("60分"): labels name columns, they carry no points. */
const POINTS_IN_LABEL = /\d\s*分/;
/** Two labels joined in one ("考核项目及分值", "考核指标和评分标准"): the first part. */
const JOINED = /^(.{2,8}?)[及和与]/;
/** The roles of the text columns: a joined label is one of them when its first part is. */
const TEXT_ROLES = new Set<HeaderRole>(["level", "indicator", "target", "text"]);

/** The exact words as one map: most texts a sheet holds are looked up once each. */
const EXACT_ROLES = new Map<string, HeaderRole>();
for (const { role, words } of EXACT) for (const word of words) if (!EXACT_ROLES.has(word)) EXACT_ROLES.set(word, role);

function lookup(entries: Entry[], label: string): HeaderRole | null {
  for (const { role, words } of entries) {
    for (const word of words) if (label.includes(word)) return role;
  }
  return null;
}

/** The role a text names as a whole word ("备注", "说 明", "备注："), or null: a quick look, without notes or parts. */
export function exactRole(text: string): HeaderRole | null {
  const compacted = WHITE_SPACE.test(text) ? compact(text) : text;
  return EXACT_ROLES.get(compacted.replace(/[：:]$/, "")) ?? null;
}

/** What a header label means, or null when it names nothing this reader knows. */
export function headerMeaning(text: string): HeaderMeaning | null {
  // Header rows repeat on every sheet and book of a workbook, and the pane reads a workbook again after each entry.
  let known = MEANINGS.get(text);
  if (known === undefined) {
    if (MEANINGS.size >= MAX_MEANINGS) MEANINGS.clear();
    MEANINGS.set(text, (known = meaningOf(text)));
  }
  return known;
}

/** Meanings of the texts looked up so far (labels are short and few; a long text is looked up once, then dropped). */
const MEANINGS = new Map<string, HeaderMeaning | null>();
const MAX_MEANINGS = 4096;

function meaningOf(text: string): HeaderMeaning | null {
  const compacted = WHITE_SPACE.test(text) ? compact(text) : text;
  const flat = LATIN.test(compacted) ? compacted.toLowerCase() : compacted;
  // Labels are words: a numbered text ("1.安全生产目标", "一、党建") or a number is a row's content.
  if (!flat || flat.length > 24 || SENTENCE.test(flat) || NUMBERED.test(flat) || /^[\d.%-]+$/.test(flat)) return null;
  const whole = EXACT_ROLES.get(flat);
  if (whole) return { role: whole, levelNumber: null, strength: 2 };
  const level = LEVEL_LABEL.exec(flat);
  if (level) return { role: "level", levelNumber: LEVEL_NUMBERS[level[1]], strength: 2 };
  const notes: string[] = [];
  const main = NOTED.test(flat)
    ? flat.replace(NOTE, (_, note: string | undefined) => {
      if (note) notes.push(note);
      return "";
    })
    : flat;
  const labels = notes.length ? [main, ...notes] : [main];
  for (const label of labels) {
    const exact = label ? EXACT_ROLES.get(label) : undefined;
    if (exact) return { role: exact, levelNumber: null, strength: label === main ? 2 : 1 };
  }
  // A name with points ("重点工作（60分）") is a matrix dimension or a row's text, whatever words it holds.
  if (POINTS_IN_LABEL.test(flat)) return null;
  // "考核项目及分值", "考核内容及分值": a text column whose cells carry their points; its first part names it.
  const joined = JOINED.exec(main);
  const first = joined ? meaningOf(joined[1]) : null;
  if (first && TEXT_ROLES.has(first.role)) return { role: first.role, levelNumber: first.levelNumber, strength: 1 };
  for (const label of labels) {
    if (!label || label.length > 12) continue;
    const contained = lookup(CONTAINS, label);
    if (contained) return { role: contained, levelNumber: null, strength: 1 };
  }
  // Field names such as C_CATEGORY, N_SCORE, check_item, item_score: their last English word decides.
  if (FIELD.test(main)) {
    for (const word of main.split(/[_-]/).reverse()) {
      const role = EXACT_ROLES.get(word);
      if (role) return { role, levelNumber: null, strength: 1 };
    }
  }
  return null;
}
