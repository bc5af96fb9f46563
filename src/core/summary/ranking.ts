/**
 * 排名: every unit by its total, highest first; equal totals share a rank (1, 2, 2, 4). Where units belong to
 * groups (towns, the kinds of departments), each also gets its rank within its group, as offices rank like with
 * like. With each unit's grade, the number of findings in its book and a column chart of the totals.
 */
import { Decimal } from "../decimal";
import { ranks } from "../scoring";
import { GRADE_LABEL, GROUP_LABEL, TOTAL_LABEL } from "../scoringSheet/columns";
import type { ScoringTotal } from "../scoringSheet/read";
import { link, value, type SheetSpec, type SpecCell } from "../sheetSpec";

export interface RankedUnit {
  unit: string;
  /** The unit's group (镇（办、中心）, 党委工作部门 …); null when its books name none. */
  group: string | null;
  /** null: the unit's scoring sheet has no total yet (listed last, without a rank). */
  total: Decimal | null;
  grade: string | null;
  findings: number;
  /** Where the total came from: a workbook file (several workbooks) and its scoring sheet. */
  file: string | null;
  sheet: string;
  /** The total's cell, for a link when the ranking lives in the same workbook. */
  cell: string | null;
}

/** A scoring sheet's result as a ranked unit (`file`: the workbook it came from, when several are ranked); null
 * for a sheet that is not a unit's. */
export function rankedUnitOf(total: ScoringTotal, findings: number, file: string | null): RankedUnit | null {
  if (!total.ranked) return null;
  return {
    unit: total.unit,
    group: total.group,
    total: total.total === null ? null : new Decimal(String(total.total)),
    grade: total.grade,
    findings,
    file,
    sheet: total.sheet,
    cell: total.cell,
  };
}

export const RANK_LABEL = "名次";
export const UNIT_LABEL = "考核单位";
export const GROUP_RANK_LABEL = "组内名次";
export { TOTAL_LABEL } from "../scoringSheet/columns";

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
  const header = [RANK_LABEL, UNIT_LABEL, ...(grouped ? [GROUP_LABEL, GROUP_RANK_LABEL] : []), TOTAL_LABEL, GRADE_LABEL, "问题数", "来源"];
  const rows: SpecCell[][] = [
    [value("考核单位排名", "title"), ...header.slice(1).map(() => value(null))],
    header.map((h) => value(h, "header")),
  ];
  ordered.forEach((u, i) => {
    const place = u.file ? `${u.file} · ${u.sheet}` : u.sheet;
    rows.push([
      value(i < scored.length ? rankOf[i] : null),
      value(u.unit),
      ...(grouped ? [value(u.group), value(withinGroup[i])] : []),
      value(u.total === null ? null : u.total.toNumber()),
      value(u.grade),
      value(u.findings),
      u.file === null && u.cell !== null ? link(place, u.sheet, u.cell) : value(place),
    ]);
  });
  const last = Math.max(3, scored.length + 2);
  const totalColumn = grouped ? "E" : "C";
  return {
    name,
    rows,
    merges: [],
    widths: [6, 24, ...(grouped ? [16, 8] : []), 10, 10, 8, 40],
    frozenRows: 2,
    protect: false,
    charts: scored.length > 0 ? [{ kind: "column", title: "各单位总分", categories: `B3:B${last}`, values: `${totalColumn}3:${totalColumn}${last}` }] : [],
  };
}
