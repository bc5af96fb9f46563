/**
 * Rank units across workbooks: each workbook's scoring sheets give its units' totals and grades - recomputed by the
 * engine from what was entered, never taken from the total cells - its check the number of findings of each unit
 * (in the unit's books and on its scoring sheet); the ranking sheet (排名) lists them all. A unit whose sheet has
 * nothing entered is listed as 未录入 without a rank; a unit found on several sheets (the same unit sent back in two
 * workbooks) is ranked once, by the first sheet with entries, and each further one with entries is a finding
 * (duplicate-unit). The command line's `summary` and the task pane's 生成排名 rank through here.
 */
import { decimalString } from "../core/decimal";
import { findingMessage, finding, type Finding } from "../core/rules";
import type { GradeScale } from "../core/scoring";
import { plansByKey, recomputedTotal, totalMismatch } from "../core/scoringSheet/recompute";
import { placeOf, rankedUnitOf, rankingSheet, type RankedUnit } from "../core/summary/ranking";
import type { SheetSpec } from "../core/sheetSpec";
import type { WorkbookAdapter } from "../excel/adapter";
import { checkWorkbook, type WorkbookCheck } from "./check";

/** A workbook to rank: its adapter, its name (null: the workbook the ranking goes into) and, when the caller has
 * it, its check (else it is checked here). */
export interface RankedWorkbook {
  adapter: Pick<WorkbookAdapter, "readSheets" | "readScoringSheets">;
  file: string | null;
  check?: WorkbookCheck;
}

export interface RankingOptions {
  /** A grade scale the user chose for every unit (else each sheet's own: its books' table or its maximum). */
  grades?: GradeScale | null;
}

/** The ranking of the units and what it says about them. */
export interface Ranking {
  /** The ranking sheet; null when no workbook has a unit's scoring sheet. */
  spec: SheetSpec | null;
  /** Units listed: ranked, then without a rank. */
  units: number;
  ranked: number;
  /** Units whose sheets have nothing entered, and those whose entries cannot be computed. */
  unentered: string[];
  uncomputable: string[];
  /** Total cells that differ from their entries (total-mismatch) and further copies of a unit (duplicate-unit). */
  findings: Finding[];
}

/** The number of findings of each unit, in its books and on its scoring sheets: one pass over each. */
function findingsByUnit(check: WorkbookCheck): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (unit: string, n: number) => {
    if (n > 0) counts.set(unit, (counts.get(unit) ?? 0) + n);
  };
  check.books.forEach((book, i) => add(book.unit, check.perBook[i].length));
  for (const sheet of check.scoring) add(sheet.unit, sheet.findings.length);
  return counts;
}

/** The units of one workbook, as its scoring sheets' entries give them, with the totals that differ. */
export async function rankedUnits(workbook: RankedWorkbook, options: RankingOptions = {}): Promise<{ units: RankedUnit[]; findings: Finding[] }> {
  const check = workbook.check ?? (await checkWorkbook(workbook.adapter));
  const sheets = await workbook.adapter.readScoringSheets();
  const counts = findingsByUnit(check);
  const plans = sheets.length > 0 ? plansByKey(check.books) : new Map();
  const units: RankedUnit[] = [];
  const findings: Finding[] = [];
  for (const cells of sheets) {
    const total = recomputedTotal(cells, plans, options.grades ?? null);
    if (!total) continue;
    const mismatch = totalMismatch(total);
    const unit = rankedUnitOf(total, counts.get(total.unit) ?? 0, workbook.file, mismatch.map((f) => findingMessage(f, "zh")));
    if (!unit) continue;
    units.push(unit);
    findings.push(...mismatch);
  }
  return { units, findings };
}

/** duplicate-unit: a further sheet with entries for a unit already ranked by another. */
function duplicate(kept: RankedUnit, other: RankedUnit): Finding {
  const total = (u: RankedUnit) => (u.total === null ? null : decimalString(u.total));
  const same = kept.total !== null && other.total !== null && kept.total.eq(other.total);
  return finding(
    { rule: "duplicate-unit", severity: same ? "warning" : "error", sheet: other.sheet, cell: other.cell ?? "A1", unit: other.unit, category: null, stated: kept.total, computed: other.total },
    "duplicate-unit", { unit: kept.unit, kept: placeOf(kept), other: placeOf(other), keptTotal: total(kept), otherTotal: total(other) },
  );
}

/** Each unit once: the first of its sheets with entries (else its first sheet); the others with entries are
 * findings, counted and described on the unit's row. Copies with nothing entered (blank forms) are left out. */
function onePerUnit(units: RankedUnit[]): { units: RankedUnit[]; findings: Finding[] } {
  const byUnit = new Map<string, RankedUnit[]>();
  for (const u of units) {
    const copies = byUnit.get(u.unit);
    if (copies) copies.push(u);
    else byUnit.set(u.unit, [u]);
  }
  const result: RankedUnit[] = [];
  const findings: Finding[] = [];
  for (const copies of byUnit.values()) {
    const entered = copies.filter((u) => u.unranked !== "unentered");
    const [kept, ...others] = entered.length > 0 ? entered : copies.slice(0, 1);
    const found = others.map((other) => duplicate(kept, other));
    findings.push(...found);
    result.push(found.length === 0 ? kept : { ...kept, findings: kept.findings + found.length, remarks: [...kept.remarks, ...found.map((f) => findingMessage(f, "zh"))] });
  }
  return { units: result, findings };
}

/** The ranking over the workbooks' units; its sheet is null when none of them has a unit's scoring sheet. */
export async function rankUnits(workbooks: RankedWorkbook[], options: RankingOptions = {}): Promise<Ranking> {
  const all: RankedUnit[] = [];
  const findings: Finding[] = [];
  for (const workbook of workbooks) {
    const found = await rankedUnits(workbook, options);
    all.push(...found.units);
    findings.push(...found.findings);
  }
  const { units, findings: duplicates } = onePerUnit(all);
  const named = (why: RankedUnit["unranked"]) => units.filter((u) => u.unranked === why).map((u) => u.unit);
  return {
    spec: units.length === 0 ? null : rankingSheet(units),
    units: units.length,
    ranked: units.filter((u) => u.unranked === null).length,
    unentered: named("unentered"),
    uncomputable: named("uncomputable"),
    findings: [...findings, ...duplicates],
  };
}
