/**
 * 排名: every unit by its total, highest first; equal totals share a rank (1, 2, 2, 4). Where units belong to
 * groups (towns, the kinds of departments), each also gets its rank within its group, as offices rank like with
 * like. With each unit's grade, the number of findings in its book and a bar chart of the totals in the grades'
 * colours. Totals are the engine's for the entries (scoringSheet/recompute.ts), never what a total cell shows; a unit
 * with nothing entered is listed as 未录入 without a rank, one whose entries cannot be computed as 无法计算; 说明 says
 * why a total was not taken as shown, or which other copies of the unit's sheet were left out.
 */
import { Decimal } from "../decimal";
import { ranks } from "../scoring";
import { GRADE_LABEL, GROUP_LABEL, TOTAL_LABEL } from "../scoringSheet/columns";
import type { RecomputedTotal } from "../scoringSheet/recompute";
import { link, printable, value, type SheetSpec, type SpecCell } from "../sheetSpec";
import { gradeChart } from "./summaryCharts";

/** Why a unit has no rank: nothing entered on its sheet, or entries the engine cannot compute. */
export type Unranked = "unentered" | "uncomputable";

export interface RankedUnit {
  unit: string;
  /** The unit's group (镇（办、中心）, 党委工作部门 …); null when its books name none. */
  group: string | null;
  /** The engine's total for the entries; null for a unit without a rank. */
  total: Decimal | null;
  grade: string | null;
  /** null: ranked. */
  unranked: Unranked | null;
  findings: number;
  /** What the ranking says about the unit: a total cell that showed another number, copies left out. */
  remarks: string[];
  /** Where the total came from: a workbook file (several workbooks) and its scoring sheet. */
  file: string | null;
  sheet: string;
  /** The total's cell, for a link when the ranking lives in the same workbook. */
  cell: string | null;
}

/** A scoring sheet's recomputed result as a ranked unit (`file`: the workbook it came from, when several are
 * ranked); null for a sheet that is not a unit's. */
export function rankedUnitOf(total: RecomputedTotal, findings: number, file: string | null, remarks: string[] = []): RankedUnit | null {
  if (!total.ranked) return null;
  const unranked: Unranked | null = total.status === "scored" ? null : total.status;
  return {
    unit: total.unit,
    group: total.group,
    total: unranked === null ? total.total : null,
    grade: unranked === null ? total.grade : null,
    unranked,
    findings,
    remarks,
    file,
    sheet: total.sheet,
    cell: total.cell,
  };
}

export const RANK_LABEL = "名次";
export const UNIT_LABEL = "考核单位";
export const GROUP_RANK_LABEL = "组内名次";
export const REMARK_LABEL = "说明";
/** What the rank cell of a unit without a rank says. */
export const UNRANKED_LABELS: Record<Unranked, string> = { unentered: "未录入", uncomputable: "无法计算" };
export { TOTAL_LABEL } from "../scoringSheet/columns";

/** Where a unit's total came from, as the ranking names it. */
export const placeOf = (u: Pick<RankedUnit, "file" | "sheet">): string => (u.file ? `${u.file} · ${u.sheet}` : u.sheet);

/** The rank of each unit within its group (null for units without a group or a total), by unit index. */
function groupRanks(units: RankedUnit[]): (number | null)[] {
  const result: (number | null)[] = units.map(() => null);
  const groups = new Map<string, { total: Decimal; index: number }[]>();
  units.forEach((u, index) => {
    if (u.group === null || u.total === null) return;
    const members = groups.get(u.group) ?? [];
    if (members.length === 0) groups.set(u.group, members);
    members.push({ total: u.total, index });
  });
  for (const members of groups.values()) {
    const rankOf = ranks(members.map((m) => m.total));
    members.forEach(({ index }, k) => (result[index] = rankOf[k]));
  }
  return result;
}

export function rankingSheet(units: RankedUnit[], name = "排名"): SheetSpec {
  const scored = units.filter((u) => u.total !== null).sort((a, b) => b.total!.comparedTo(a.total!));
  const ordered = [...scored, ...units.filter((u) => u.total === null)];
  const rankOf = ranks(scored.map((u) => u.total!));
  const grouped = ordered.some((u) => u.group !== null);
  const withinGroup = groupRanks(ordered);
  const header = [RANK_LABEL, UNIT_LABEL, ...(grouped ? [GROUP_LABEL, GROUP_RANK_LABEL] : []), TOTAL_LABEL, GRADE_LABEL, "问题数", REMARK_LABEL, "来源"];
  const rows: SpecCell[][] = [
    [value("考核单位排名", "title"), ...header.slice(1).map(() => value(null))],
    header.map((h) => value(h, "header")),
  ];
  ordered.forEach((u, i) => {
    const place = placeOf(u);
    rows.push([
      value(i < scored.length ? rankOf[i] : u.unranked === null ? null : UNRANKED_LABELS[u.unranked]),
      value(u.unit),
      ...(grouped ? [value(u.group), value(withinGroup[i])] : []),
      value(u.total === null ? null : u.total.toNumber()),
      value(u.grade),
      value(u.findings),
      value(u.remarks.length > 0 ? u.remarks.join("；") : null),
      u.file === null && u.cell !== null ? link(place, u.sheet, u.cell) : value(place),
    ]);
  });
  const last = Math.max(3, scored.length + 2);
  const totalColumn = grouped ? "E" : "C";
  return printable({
    name,
    rows,
    merges: [],
    widths: [8, 24, ...(grouped ? [16, 8] : []), 10, 10, 8, 40, 40],
    frozenRows: 2,
    protect: false,
    charts: scored.length > 0 ? [gradeChart(scored.map((u) => ({ total: u.total!.toNumber(), grade: u.grade })), `B3:B${last}`, `${totalColumn}3:${totalColumn}${last}`)] : [],
  });
}
