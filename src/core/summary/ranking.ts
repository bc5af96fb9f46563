/**
 * 排名: every unit by its total, highest first; equal totals share a rank (1, 2, 2, 4). With each unit's grade,
 * the number of findings in its book and a column chart of the totals.
 */
import { Decimal } from "../decimal";
import { ranks } from "../scoring";
import { link, value, type SheetSpec, type SpecCell } from "./sheetSpec";

export interface RankedUnit {
  unit: string;
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

export const RANKING_HEADER = ["名次", "考核单位", "总分", "等级", "问题数", "来源"];

export function rankingSheet(units: RankedUnit[], name = "排名"): SheetSpec {
  const scored = units.filter((u) => u.total !== null).sort((a, b) => b.total!.comparedTo(a.total!));
  const unscored = units.filter((u) => u.total === null);
  const rankOf = ranks(scored.map((u) => u.total!));
  const rows: SpecCell[][] = [
    [value("考核单位排名", "title"), ...Array.from({ length: RANKING_HEADER.length - 1 }, () => value(null))],
    RANKING_HEADER.map((h) => value(h, "header")),
  ];
  [...scored, ...unscored].forEach((u, i) => {
    const place = u.file ? `${u.file} · ${u.sheet}` : u.sheet;
    rows.push([
      value(i < scored.length ? rankOf[i] : null),
      value(u.unit),
      value(u.total === null ? null : u.total.toNumber()),
      value(u.grade),
      value(u.findings),
      u.file === null && u.cell !== null ? link(place, u.sheet, u.cell) : value(place),
    ]);
  });
  const last = Math.max(3, scored.length + 2);
  return {
    name,
    rows,
    merges: [],
    widths: [6, 24, 10, 10, 8, 40],
    frozenRows: 2,
    protect: false,
    charts: scored.length > 0 ? [{ kind: "column", title: "各单位总分", categories: `B3:B${last}`, values: `C3:C${last}` }] : [],
  };
}
