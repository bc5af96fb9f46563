/**
 * Header rows, recognised by their labels, and the role each column plays.
 */
import { parseNamedPoints } from "../points";
import { flat } from "./rows";

export type ColumnRole = "number" | "points" | "owner" | "unit" | "text" | "ignored" | "dimension";

/** Labels and their roles. Text labels name category, indicator and target columns; which is which depends on
 * their order (see `assignTextRoles`). */
const LABELS: { pattern: RegExp; role: ColumnRole }[] = [
  { pattern: /^(序号|编号|序)$/, role: "number" },
  { pattern: /^(扣分)?(分值|分数|标准分|权重分|扣分|满分)$/, role: "points" },
  { pattern: /^(责任单位|责任部门|牵头单位|负责考核部门|考核部门|牵头部门|主责单位|责任领导)$/, role: "owner" },
  { pattern: /^(部门|单位|考核单位|被考核单位|部门名称|单位名称)$/, role: "unit" },
  { pattern: /^(得分|备注|实际完成|完成情况|自评得分|考核得分)$/, role: "ignored" },
  {
    pattern:
      /^(类别|项目|考核项目|考核类别|考核内容|考核指标|指标|指标及分值|主要指标及分值|主要指标|工作任务|目标任务|目标要求|目标及质量要求|考核内容及标准|目标责任指标|考核标准|评分标准|工作目标|具体目标|任务|内容|指标内容|考核要点)$/,
    role: "text",
  },
];

/** The role a header label names, or null when it is not a known label. */
export function labelRole(text: string): ColumnRole | null {
  const label = flat(text);
  if (!label) return null;
  for (const { pattern, role } of LABELS) if (pattern.test(label)) return role;
  return null;
}

/** A dimension header of a matrix: a short name with points ("组织保障（20分）"). */
export function isDimensionLabel(text: string): boolean {
  const named = parseNamedPoints(text);
  return named !== null && named.name.length > 0 && named.name.length <= 12;
}

export interface HeaderCell {
  col: number;
  /** Last column the header cell spans (merged header cells cover several data columns). */
  lastCol: number;
  text: string;
  role: ColumnRole | null;
}

/**
 * Whether a row of distinct cells is a header row: at least two known labels, or one known label and at least
 * two dimension headers (a matrix), and no cell that is neither a label nor a dimension.
 */
export function isHeaderRow(cells: HeaderCell[]): boolean {
  const nonEmpty = cells.filter((c) => flat(c.text) !== "");
  if (nonEmpty.length < 2) return false;
  let labels = 0;
  let dimensions = 0;
  for (const cell of nonEmpty) {
    if (cell.role !== null) labels++;
    else if (isDimensionLabel(cell.text)) dimensions++;
    else return false;
  }
  return labels >= 2 || (labels >= 1 && dimensions >= 2);
}
