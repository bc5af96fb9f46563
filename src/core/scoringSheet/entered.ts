/**
 * What an assessor entered on a scoring sheet, checked against the books the sheet was generated from:
 * - score-range: a group score or a score from another book below 0 or above the row's points, a bonus claim above
 *   the item's cap or below 0, a deduction larger than the row's points (a warning: the score stops at 0, but the
 *   entry is likely a typo), a negative count of penalised events;
 * - entered-value: text where a number belongs ("十二", "12分"), and a veto entry the sheet does not read ("是");
 * - weights-sum: the weights of a unit's own book and common tables that do not add up to 100%.
 * Rows are matched to the book by the key in the hidden key column (what the row stands for: its part, category
 * path, name and order among same-named indicators, identity.ts), never by position or cell, so a sheet generated
 * from an older book is checked row by row as far as its rows still exist.
 * Findings name the scoring sheet's input cell and the unit the sheet scores.
 */
import { clipText } from "../clip";
import type { Book } from "../book";
import { type Decimal, dec, decimalString, sum } from "../decimal";
import { a1, type CellGrid } from "../grid";
import type { EntryLabel } from "../../locales";
import { bySeverity, finding, type Finding } from "../rules/finding";
import { scoreRange, type EnteredScore, type EntryKind, type ScoredItem } from "../rules/scores";
import { GROUP_HEADER, HEADER_ROW, VETO_KEY, type InputColumn } from "./columns";
import { scoringPlans } from "./index";
import { isVeto, type InputValue } from "./inputs";
import { ROW_KINDS, inputColumns, type InputMeaning } from "./kinds";
import { indicatorsByKey, legacyKeys } from "./identity";
import { PART_WEIGHT_SUFFIX, type PlanRow, type ScoringPlan } from "./plan";
import { arrayCells, scoringSheetHeader, scoringSheetUnit, type ScoringSheetCells } from "./read";
import { partScoreLabel } from "./sheet";

/** A row of a scoring sheet as the books define it: its input columns, and for a row of a book the plan row
 * (kind, points) and what it scores. */
export interface KeyedRow {
  plan: ScoringPlan;
  /** The plan row; null for rows the sheet adds around the book's (a part's weight). */
  row: PlanRow | null;
  item: ScoredItem | null;
  /** 指标 and 类别 as the sheet shows them. */
  name: string;
  category: string | null;
  /** The columns where this row takes input (备注 left out: any text goes there). */
  inputs: InputColumn[];
}

/** Every row with input cells that a scoring sheet of these books can have, by row key: the input columns of each
 * row's kind (kinds.ts), and a part's weight; a table shared by several units gives the same rows to each unit's
 * sheet. */
export function keyedRows(books: Book[]): Map<string, KeyedRow> {
  const indicators = indicatorsByKey(books);
  const rows = new Map<string, KeyedRow>();
  const plans = scoringPlans(books);
  for (const plan of plans) {
    for (const row of plan.rows) {
      const inputs = inputColumns(row.kind);
      if (inputs.length === 0 || rows.has(row.key)) continue;
      const suffix = row.key.lastIndexOf("#");
      const indicator = indicators.get(row.key) ?? (suffix > 0 ? indicators.get(row.key.slice(0, suffix)) : undefined);
      // The book's overall bonus allowance ("另设加分项目10分") is a row of its own, with no indicator behind it.
      const item: ScoredItem | null = indicator ?? (row.kind === "bonus" ? { name: row.name, kind: "bonus", points: row.points, cap: row.points, tiers: [] } : null);
      rows.set(row.key, { plan, row, item, name: item?.name ?? row.name, category: row.category, inputs });
    }
    // A part's weight, on the sheet of a unit's own book with common tables.
    for (const part of plan.parts.length > 1 ? plan.parts : []) {
      if (!rows.has(part.key)) rows.set(part.key, { plan, row: null, item: null, name: partScoreLabel(part), category: null, inputs: ["actual"] });
    }
  }
  // A sheet generated before rows were keyed by what they stand for holds the source cells' keys.
  for (const plan of plans) {
    for (const [legacy, key] of legacyKeys(plan)) {
      const keyed = rows.get(key);
      if (keyed && !rows.has(legacy)) rows.set(legacy, keyed);
    }
  }
  return rows;
}

/** A grid read from Excel or a file, as the scoring-sheet reader sees it. */
export function gridCells(grid: CellGrid): ScoringSheetCells {
  return arrayCells(grid.sheet, grid.values, null, grid.origin ?? { row: 0, col: 0 });
}

export { scoringSheetUnit };

type Reading = { kind: "blank" } | { kind: "number"; value: Decimal } | { kind: "text"; text: string };

/** A cell as the scoring sheet's formulas and the engine read it: a number (also one stored as text, "12"), empty,
 * or something else. */
function readNumber(v: InputValue): Reading {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { kind: "blank" };
  if (typeof v === "number" && Number.isFinite(v)) return { kind: "number", value: dec(v) };
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return { kind: "number", value: dec(v.trim()) };
  return { kind: "text", text: shownText(v) };
}

function shownText(v: InputValue): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const text = String(v);
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** A veto cell reads TRUE or 1 as vetoed; empty, FALSE or 0 as not. */
function vetoRead(v: InputValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "") || isVeto(v) || v === false || v === 0;
}

const WEIGHT: { entry: null; label: EntryLabel } = { entry: null, label: { word: "weight" } };

/** What a number entered in one of a row's input columns means (kinds.ts), and how messages name it: a group's
 * column by its header ("<group>评分"), in English "<group> score". */
function entryOf(row: PlanRow, column: InputColumn, group: string | null): { entry: EntryKind | null; label: EntryLabel } {
  const { entry, word }: InputMeaning = ROW_KINDS[row.kind].inputs[column]!;
  return { entry, label: group !== null ? { column: GROUP_HEADER.zh(group), group } : { word } };
}

/**
 * Findings about the values entered on one scoring sheet (none when the sheet is not a scoring sheet). `rows` may
 * be passed when several sheets of the same books are checked.
 */
export function enteredFindings(books: Book[], cells: ScoringSheetCells, rows: Map<string, KeyedRow> = keyedRows(books)): Finding[] {
  const header = scoringSheetHeader(cells);
  if (!header) return [];
  const keyCol = header.at.get("key")!;
  const actualCol = header.at.get("actual");
  const unit = scoringSheetUnit(cells);
  const sheet = cells.name;
  const findings: Finding[] = [];
  const scores: EnteredScore[] = [];
  const weights: { cell: string; value: Decimal }[] = [];

  for (let r = HEADER_ROW + 1; r <= cells.rowCount; r++) {
    const key = cells.value(r, keyCol);
    if (typeof key !== "string" || key === "") continue;
    if (key === VETO_KEY) {
      if (actualCol === undefined) continue;
      const v = cells.value(r, actualCol);
      if (vetoRead(v)) continue;
      const text = shownText(v);
      findings.push(finding(
        { rule: "entered-value", severity: "warning", sheet, cell: a1(r - 1, actualCol - 1), unit, category: "一票否决", stated: null, computed: null },
        "entered-value.veto", { value: text },
      ));
      continue;
    }
    if (key.endsWith(PART_WEIGHT_SUFFIX) && actualCol !== undefined) {
      const read = readNumber(cells.value(r, actualCol));
      if (read.kind === "number") weights.push({ cell: a1(r - 1, actualCol - 1), value: read.value });
    }
    const keyed = rows.get(key);
    if (!keyed) continue;
    const { row, plan, item, category } = keyed;
    // Clipped only for a message: most rows have none.
    const name = () => clipText(keyed.name, 20);
    // A quarter row scores its block of the indicator: messages say which block.
    const prefix = row && row.key.includes("#Q") ? row.name : undefined;
    const entries = keyed.inputs.flatMap((column): { column: InputColumn; col: number | undefined; group: string | null }[] =>
      column === "groups"
        ? header.groups.map((col, g) => ({ column, col, group: plan.groups[g]?.label ?? null }))
        : [{ column, col: header.at.get(column), group: null }],
    );
    for (const { column, col, group } of entries) {
      if (col === undefined) continue;
      const read = readNumber(cells.value(r, col));
      if (read.kind === "blank") continue;
      const cell = a1(r - 1, col - 1);
      const meaning = key.endsWith(PART_WEIGHT_SUFFIX) || row === null ? WEIGHT : entryOf(row, column, group);
      const label: EntryLabel = { ...meaning.label, prefix };
      if (read.kind === "text") {
        findings.push(finding(
          { rule: "entered-value", severity: "error", sheet, cell, unit, category, stated: null, computed: null },
          "entered-value", { indicator: name(), label, value: read.text },
        ));
        continue;
      }
      if (meaning.entry === null || item === null) continue;
      scores.push({ book: plan.book, indicator: item, score: read.value, sheet, cell, entry: meaning.entry, label, unit, category });
    }
  }
  findings.push(...partWeights(weights, sheet, unit));
  // Errors first, then in the order of the sheet's rows.
  return [...scoreRange(scores), ...findings].sort((a, b) => bySeverity(a, b) || rowOf(a.cell) - rowOf(b.cell));
}

const WEIGHT_TOLERANCE = dec("1e-9");

/** weights-sum: the weights of a unit's own book and common tables, as entered, must add up to 1 (or 100). */
function partWeights(weights: { cell: string; value: Decimal }[], sheet: string, unit: string): Finding[] {
  if (weights.length < 2) return [];
  const total = sum(weights.map((w) => w.value));
  const adds = total.minus(1).abs().lte(WEIGHT_TOLERANCE) || total.minus(100).abs().lte(WEIGHT_TOLERANCE.times(100));
  if (adds && weights.every((w) => !w.value.isNegative())) return [];
  return [finding(
    { rule: "weights-sum", severity: "error", sheet, cell: weights[0].cell, unit, category: null, stated: dec(1), computed: total },
    "weights-sum.parts", { total: decimalString(total) },
  )];
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

/** The findings of one scoring sheet. */
export interface ScoringSheetCheck {
  sheet: string;
  unit: string;
  findings: Finding[];
}

/** Every scoring sheet among the grids (sheets of one workbook), with the findings about its entries; `keyed`: the
 * books' keyedRows when the caller has them already. */
export function checkScoringSheets(books: Book[], grids: CellGrid[], keyed?: Map<string, KeyedRow>): ScoringSheetCheck[] {
  let rows: Map<string, KeyedRow> | null = keyed ?? null;
  return grids.flatMap((grid) => {
    const cells = gridCells(grid);
    if (!scoringSheetHeader(cells)) return [];
    rows ??= keyedRows(books);
    return [{ sheet: grid.sheet, unit: scoringSheetUnit(cells), findings: enteredFindings(books, cells, rows) }];
  });
}
