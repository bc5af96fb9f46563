/**
 * The columns of a scoring sheet as data: each column's id, its place, and its header text in each language. The
 * writer places cells by id, and every reader finds a column by id in the header row it reads (the header text in
 * any language), never by its Chinese text or a bare index.
 */
import type { Language } from "../rules/finding";

/** Header of the hidden key column: marks a sheet as a scoring sheet and keys its rows to source indicators. */
export const KEY_HEADER = "KH-KEY";
/** Key of the veto row (its entry goes in the actual column). */
export const VETO_KEY = "#一票否决";
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;

/** Columns before the assessor groups' columns, then after them, in sheet order. */
const BEFORE_GROUPS = ["number", "category", "name", "points", "targetText", "owner", "target", "actual", "deduction"] as const;
const AFTER_GROUPS = ["note", "completion", "item", "score", "deduct", "subtotal", "source", "key"] as const;

export type ColumnId = (typeof BEFORE_GROUPS)[number] | (typeof AFTER_GROUPS)[number];
/** The columns an assessor enters numbers in: one of the fixed ones, or the groups' scores (one column a group). */
export type InputColumn = "actual" | "deduction" | "groups";

/** Header text of each column, by language. */
export const COLUMN_HEADERS: Record<ColumnId, Record<Language, string>> = {
  number: { zh: "序号", en: "no." },
  category: { zh: "类别", en: "category" },
  name: { zh: "指标", en: "indicator" },
  points: { zh: "分值", en: "points" },
  targetText: { zh: "目标要求", en: "target" },
  owner: { zh: "责任单位", en: "responsible unit" },
  target: { zh: "目标值", en: "target value" },
  actual: { zh: "实际完成", en: "actual" },
  deduction: { zh: "扣分", en: "deduction" },
  note: { zh: "备注", en: "note" },
  completion: { zh: "完成率", en: "completion" },
  item: { zh: "分项得分", en: "item score" },
  score: { zh: "得分", en: "score" },
  deduct: { zh: "扣减", en: "deducted" },
  subtotal: { zh: "小计", en: "subtotal" },
  source: { zh: "来源", en: "source" },
  key: { zh: KEY_HEADER, en: KEY_HEADER },
};

/** A group's score column: "<group>评分". */
export const GROUP_HEADER: Record<Language, (group: string) => string> = {
  zh: (group) => `${group}评分`,
  en: (group) => `${group} score`,
};

/** Labels of the sheet's own rows and cells. */
export const TOTAL_LABEL = "总分";
export const GRADE_LABEL = "等级";
export const WEIGHTED_LABEL = "加权得分";
/** The parts' weighted score, on a sheet with a unit's own book and common tables. */
export const COMBINED_LABEL = "折算得分";
/** Row 2: the label before the unit's group, and the mark of a sheet left out of the ranking. */
export const GROUP_LABEL = "分组";
export const NOT_RANKED = "不参与排名";

/** Column indexes (0-based) of a scoring sheet with `groups` assessor groups. */
export type ScoringColumns = Record<ColumnId, number> & { groups: number[]; count: number };

export function scoringColumns(groups: number): ScoringColumns {
  const at = {} as Record<ColumnId, number>;
  BEFORE_GROUPS.forEach((id, i) => (at[id] = i));
  AFTER_GROUPS.forEach((id, i) => (at[id] = BEFORE_GROUPS.length + groups + i));
  const count = BEFORE_GROUPS.length + groups + AFTER_GROUPS.length;
  return { ...at, groups: Array.from({ length: groups }, (_, i) => BEFORE_GROUPS.length + i), count };
}

/** The header row of a sheet whose assessor groups are `groupLabels`. */
export function scoringHeader(groupLabels: string[], language: Language = "zh"): string[] {
  const text = (id: ColumnId) => COLUMN_HEADERS[id][language];
  return [...BEFORE_GROUPS.map(text), ...groupLabels.map(GROUP_HEADER[language]), ...AFTER_GROUPS.map(text)];
}

/** Column ids by their header text in any language. */
const ID_OF_HEADER = new Map<string, ColumnId>(
  (Object.entries(COLUMN_HEADERS) as [ColumnId, Record<Language, string>][]).flatMap(([id, texts]) => Object.values(texts).map((t) => [t, id] as const)),
);

/** Whether a header row (its cells' values) is a scoring sheet's: it holds the key column's header. */
export function isScoringHeaderRow(values: readonly unknown[] | undefined): boolean {
  return values?.includes(KEY_HEADER) ?? false;
}

/** Whether a sheet's values (row-major, from A1) are a scoring sheet Kaohe generated. */
export const isScoringSheetValues = (values: readonly (readonly unknown[])[]): boolean => isScoringHeaderRow(values[HEADER_ROW - 1]);

/** The columns a scoring sheet's header row shows (1-based, as on the sheet): each column id found, and the group
 * columns (those between 扣分 and 备注). */
export interface SheetColumns {
  at: Map<ColumnId, number>;
  groups: number[];
}

/** The columns of a header row given as (1-based column, text) pairs; null when it has no key column. */
export function sheetColumns(header: Iterable<[number, string]>): SheetColumns | null {
  const at = new Map<ColumnId, number>();
  const all: number[] = [];
  for (const [col, text] of header) {
    const id = ID_OF_HEADER.get(text);
    if (id !== undefined && !at.has(id)) at.set(id, col);
    all.push(col);
  }
  if (!at.has("key")) return null;
  const after = at.get("deduction"), before = at.get("note");
  const groups = after === undefined || before === undefined ? [] : all.filter((c) => c > after && c < before);
  return { at, groups };
}
