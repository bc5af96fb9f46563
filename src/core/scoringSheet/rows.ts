/**
 * A book as the rows of its scoring sheet: which row kind each indicator takes, the quarter blocks and segments
 * of a row, the subtotals, bonus sections and the negative list's penalties, and the parts of a unit's sheet.
 */
import { categoriesOf, indicatorsOf, type Book, type Category, type Indicator, type TextSegment } from "../book";
import { Decimal, decimalString, sum } from "../decimal";
import { byText } from "../memo";
import { periodSeries, type PeriodSeries } from "../periods";
import { parseTargets, type Target } from "../target";
import { PART_WEIGHT_SUFFIX, indicatorKey, type PlanPart, type PlanRow, type RowKind, type ScoringPlan } from "./plan";
import { keepKeysBefore, type StableKeys } from "./identity";
import type { AssessedUnit } from "./units";

const ONE = new Decimal(1);
const PENALTY_SECTION = "负面清单";

/** The row indexes first (inclusive) to end (exclusive). */
const indexes = (first: number, end: number): number[] => Array.from({ length: end - first }, (_, k) => first + k);

/** Indicators of a negative list (负面清单), whose penalties apply to every unit. */
export function penaltyIndicators(books: Book[]): Indicator[] {
  return books.filter((b) => b.kind === "penalty-list").flatMap(indicatorsOf);
}

function targetTextOf(indicator: Indicator): string {
  return indicator.target.trim() !== "" ? indicator.target : indicator.name;
}

function baseRow(indicator: Indicator, category: Category, kind: RowKind): PlanRow {
  return {
    kind,
    key: indicatorKey(indicator),
    number: indicator.number ?? "",
    category: category.name,
    name: indicator.name,
    points: indicator.points,
    targetText: targetTextOf(indicator),
    target: null,
    owner: indicator.owner ?? "",
    source: { sheet: indicator.sheet, cell: indicator.cell },
    tiers: [],
    members: [],
    cap: null,
  };
}

function quarterSegments(indicator: Indicator) {
  const quarters = indicator.segments.filter((s) => s.quarter !== null);
  return quarters.length >= 2 ? quarters : [];
}

/** Points of a segment: written on its label ("分季度（9分）"), else the sum of its items, else none. */
function segmentPoints(segment: TextSegment): Decimal | null {
  return segment.points ?? (segment.items.length > 0 ? sum(segment.items) : null);
}

/**
 * Quarter blocks: a row per quarter, points minus deductions, averaged by the indicator's row. Each block carries
 * the indicator's full points, unless the blocks state their own and, with the text's other pointed parts, make up
 * the indicator's points ("分季度（9分）" and 5 a quarter for 14): then those parts are rows of their own
 * (segment), added to the quarters' average.
 */
function quarterRows(indicator: Indicator, category: Category, quarters: TextSegment[], rows: PlanRow[]): void {
  const points = indicator.points!;
  const main = baseRow(indicator, category, "quarter-main");
  rows.push(main);
  const blocks = quarters.map(segmentPoints);
  const others = indicator.segments.filter((s) => s.quarter === null && segmentPoints(s) !== null);
  const own = blocks.every((p) => p !== null && p.eq(blocks[0]!)) && sum(others.map((s) => segmentPoints(s)!)).plus(blocks[0]!).eq(points);
  const sub = (segment: TextSegment, kind: RowKind, key: string, name: string, subPoints: Decimal) => {
    const row = baseRow(indicator, category, kind);
    row.key = `${main.key}#${key}`;
    row.name = name;
    row.number = "";
    row.points = subPoints;
    row.targetText = segment.text || row.targetText;
    main.members.push(rows.length);
    rows.push(row);
  };
  if (own && others.length > 0) others.forEach((segment, k) => sub(segment, "segment", `P${k + 1}`, segment.label ?? "其他", segmentPoints(segment)!));
  for (const segment of quarters) {
    sub(segment, "quarter", `Q${segment.quarter}`, segment.label ?? `第${segment.quarter}季度`, own ? segmentPoints(segment)! : points);
  }
}

/**
 * The one target a completion rate can be computed against. A text that states several ("新增高新技术企业1家，净增
 * 科技型中小企业10家") does not say how they weigh: such a row is scored by deductions, which the assessor judges.
 */
const ratioTarget = byText((text: string): Target | null => {
  const targets = parseTargets(text);
  if (targets.length !== 1) return null;
  const [target] = targets;
  if (target.direction === "higher" && target.value.lte(0)) return null;
  return target;
});

/** Quarterly figures of a target ("一二三四季度分别为13000万元、19500万元…"): a completion rate per quarter. */
const quarterSeries = byText((text: string): PeriodSeries | null =>
  periodSeries(text).find((s) => s.values.length === 4 && s.text.includes("季度") && s.values.every((v) => v.gt(0))) ?? null);

function indicatorRows(indicator: Indicator, category: Category, weighted: boolean, rows: PlanRow[]): void {
  const points = indicator.points;
  if (indicator.kind === "pending" || category.kind === "pending") {
    rows.push(baseRow(indicator, category, "pending"));
    return;
  }
  if (indicator.kind === "deduction" || category.kind === "deduction") {
    rows.push(baseRow(indicator, category, points === null ? "deduction-only" : "manual"));
    return;
  }
  if (points === null || points.lte(0)) {
    rows.push(baseRow(indicator, category, "unscored"));
    return;
  }
  if (indicator.kind === "reference" || category.kind === "reference") {
    rows.push(baseRow(indicator, category, "reference"));
    return;
  }
  if (weighted) {
    rows.push(baseRow(indicator, category, "weighted"));
    return;
  }
  const quarters = quarterSegments(indicator);
  if (quarters.length > 0) {
    quarterRows(indicator, category, quarters, rows);
    return;
  }
  const series = quarterSeries(targetTextOf(indicator));
  if (series) {
    const main = baseRow(indicator, category, "quarter-main");
    rows.push(main);
    series.values.forEach((value, q) => {
      const row = baseRow(indicator, category, "quarter-ratio");
      row.key = `${main.key}#Q${q + 1}`;
      row.name = `第${"一二三四"[q]}季度${series.cumulative ? "（累计）" : ""}`;
      row.number = "";
      row.targetText = `${decimalString(value)}${series.unit}`;
      row.target = { value, direction: "higher", unit: series.unit, text: row.targetText };
      main.members.push(rows.length);
      rows.push(row);
    });
    return;
  }
  const target = ratioTarget(targetTextOf(indicator));
  const row = baseRow(indicator, category, target ? "ratio" : "manual");
  row.target = target;
  rows.push(row);
}

function subtotalRow(key: string, category: string, kind: RowKind, members: number[], cap: Decimal | null, points: Decimal | null): PlanRow {
  return {
    kind, key, number: "", category, name: "小计", points, targetText: "", target: null, owner: "",
    source: null, tiers: [], members, cap,
  };
}

/** The rows of one book: its categories with their subtotals, then its bonus sections. */
function bookRows(book: Book, weighted: boolean, rows: PlanRow[], categories: Category[] = categoriesOf(book)): void {
  // Categories nested in others are scored where their indicators are: each category with indicators of its own.
  const scored = categories.filter((c) => c.indicators.length > 0);
  const bonusCategories = scored.filter((c) => c.kind === "bonus");
  for (const category of scored) {
    if (category.kind === "bonus" || category.kind === "penalty") continue;
    const first = rows.length;
    for (const indicator of category.indicators) indicatorRows(indicator, category, weighted, rows);
    const members = indexes(first, rows.length);
    rows.push(subtotalRow(`${book.sheet}!${category.cell}|${category.name}#小计`, category.name, "subtotal", members, null, category.points));
  }
  const bonusItems = (category: Category) => {
    const first = rows.length;
    for (const indicator of category.indicators) {
      const row = baseRow(indicator, category, "bonus");
      row.points = indicator.cap ?? indicator.points;
      rows.push(row);
    }
    return indexes(first, rows.length);
  };
  for (const category of bonusCategories) {
    const members = bonusItems(category);
    const cap = category.cap ?? category.points ?? book.bonusCap;
    rows.push(subtotalRow(`${book.sheet}!${category.cell}|${category.name}#加分`, category.name, "bonus-subtotal", members, cap, cap));
  }
  if (bonusCategories.length === 0 && book.bonusCap !== null) {
    const row: PlanRow = {
      ...subtotalRow(`${book.sheet}!${book.cell}|加分项目`, "加分项目", "bonus", [], null, book.bonusCap),
      name: "加分项目",
      source: { sheet: book.sheet, cell: book.cell },
    };
    rows.push(row);
    rows.push(subtotalRow(`${book.sheet}!${book.cell}|加分项目#加分`, "加分项目", "bonus-subtotal", [rows.length - 1], book.bonusCap, book.bonusCap));
  }
}

function penaltyRows(penalties: Indicator[], rows: PlanRow[]): void {
  if (penalties.length === 0) return;
  const first = rows.length;
  for (const indicator of penalties) {
    const tiers = indicator.tiers.map((t) => t.abs());
    const row: PlanRow = {
      ...baseRow(indicator, { name: PENALTY_SECTION } as Category, tiers.length > 1 ? "penalty-tier" : indicator.points ? "penalty" : "unscored"),
      category: PENALTY_SECTION,
      tiers,
    };
    rows.push(row);
  }
  const members = indexes(first, rows.length);
  rows.push(subtotalRow(`${PENALTY_SECTION}#小计`, PENALTY_SECTION, "subtotal", members, null, null));
}

/** A category and every category under it, parents first. */
function subtree(category: Category): Category[] {
  return [category, ...category.categories.flatMap(subtree)];
}

/** The top-level categories of a book scored by weight (一级指标 | 权重 50, 100 points inside), when all of them are. */
function weightedCategories(book: Book): Category[] | null {
  const top = book.categories.filter((c) => c.kind !== "penalty");
  return top.length >= 2 && top.every((c) => c.weight !== null && c.kind !== "bonus") ? top : null;
}

/** Rows a book or the negative list gives a unit's sheet, made once and copied onto the sheet of every unit that
 * scores them (a common table and the negative list are on every unit's sheet). Rows are numbered from the block's
 * first, keyed by what they stand for (identity.ts); the copies are numbered from where they go. */
interface Block {
  rows: readonly PlanRow[];
  /** The rows' keys before they were made stable (legacyKeys). */
  keysBefore: readonly string[];
}

/** The blocks made so far for one workbook's plans (scoringPlans), by the book (or category, or negative list) and
 * whether the rows are scored by assessor groups. */
export type PlanBlocks = WeakMap<object, Map<boolean, Block>>;

function blockOf(blocks: PlanBlocks, owner: object, weighted: boolean, keys: StableKeys, make: (rows: PlanRow[]) => void): Block {
  let byWeight = blocks.get(owner);
  if (!byWeight) blocks.set(owner, (byWeight = new Map()));
  let block = byWeight.get(weighted);
  if (!block) {
    const rows: PlanRow[] = [];
    make(rows);
    const keysBefore = rows.map((row) => row.key);
    for (const row of rows) row.key = keys(row.key, row);
    byWeight.set(weighted, (block = { rows, keysBefore }));
  } else {
    SHARED.add(block);
  }
  return block;
}

/** Blocks copied onto more than one plan. */
const SHARED = new WeakSet<Block>();

/** A block's rows added to a plan's: a row that adds up others as a row of its own, its members counted from where
 * the block starts; any other row as it is, shared by every plan that copies the block (rows are never changed once
 * made). The copy is noted in `copies`, the keys before in `before`. */
function append(rows: PlanRow[], block: Block, copies: BlockCopy[], before: string[]): void {
  const offset = rows.length;
  copies.push({ first: offset, block });
  for (const row of block.rows) rows.push(row.members.length === 0 || offset === 0 ? row : { ...row, members: row.members.map((m) => m + offset) });
  for (const key of block.keysBefore) before.push(key);
}

/** Where a plan copied a block's rows: from its row `first` on. */
interface BlockCopy {
  first: number;
  block: Block;
}

const COPIES = new WeakMap<ScoringPlan, BlockCopy[]>();

/** The block row each row of a plan is a copy of, for blocks copied onto other plans too (undefined: a row of the
 * plan's own): such rows are alike on every unit's sheet but for where they stand. */
export function sharedBlockRows(plan: ScoringPlan): (PlanRow | undefined)[] {
  const origins = new Array<PlanRow | undefined>(plan.rows.length);
  for (const { first, block } of COPIES.get(plan) ?? []) {
    if (SHARED.has(block)) block.rows.forEach((row, k) => (origins[first + k] = row));
  }
  return origins;
}

const bookKey = (book: Book) => `${book.sheet}!${book.cell}|${book.unit}`;

/** The label of a part of a unit's sheet: its own book (个性指标) or a common table (共性指标). */
export const partLabel = (book: Book): string => (book.kind === "common" ? "共性指标" : "个性指标");

/**
 * The rows of a unit's scoring sheet: each of its books (its own, then the common tables that apply) as a part,
 * then the negative list's penalties (`penalties`; none: no such section). Several parts are combined by weights the
 * assessor may change, equal by default: the books do not say how a unit's own and common scores combine. Rows and
 * parts are keyed by what they stand for (`keys`), their keys from before kept for legacyKeys.
 */
export function scoringPlan(assessed: AssessedUnit, penalties: Indicator[], keys: StableKeys, blocks: PlanBlocks = new WeakMap()): ScoringPlan {
  const book = assessed.books[0];
  const groups = book.weights.map((w) => ({ label: w.label, weight: w.weight }));
  const rows: PlanRow[] = [];
  const parts: PlanPart[] = [];
  const copies: BlockCopy[] = [];
  const before: string[] = [];
  const several = assessed.books.length > 1;
  const share = ONE.div(assessed.books.length);
  const weightedParts = several ? null : weightedCategories(book);
  // A book weighted by its first level: each weighted category is a part, scored on its 100 and combined by weight.
  for (const category of weightedParts ?? []) {
    const first = rows.length;
    append(rows, blockOf(blocks, category, groups.length > 0, keys, (block) => bookRows(book, groups.length > 0, block, subtree(category))), copies, before);
    const key = `${book.sheet}!${category.cell}|${category.name}${PART_WEIGHT_SUFFIX}`;
    parts.push({ label: category.name, book, first, end: rows.length, weight: category.weight!.div(100), key });
  }
  for (const part of weightedParts ? [] : assessed.books) {
    const first = rows.length;
    const label = partLabel(part);
    if (several) {
      const section: PlanRow = {
        ...subtotalRow(`${bookKey(part)}#部分`, label, "section", [], null, null),
        name: `${label}：${part.unit}`,
        source: { sheet: part.sheet, cell: part.cell },
      };
      before.push(section.key);
      section.key = keys(section.key, section);
      rows.push(section);
    }
    append(rows, blockOf(blocks, part, groups.length > 0, keys, (block) => bookRows(part, groups.length > 0, block)), copies, before);
    parts.push({ label, book: part, first, end: rows.length, weight: share, key: `${bookKey(part)}${PART_WEIGHT_SUFFIX}` });
  }
  append(rows, blockOf(blocks, penalties, false, keys, (block) => penaltyRows(penalties, block)), copies, before);
  for (const part of parts) {
    before.push(part.key);
    part.key = keys(part.key, null);
  }
  const veto = assessed.books.map((b) => b.veto).find((v) => v !== null) ?? null;
  const plan: ScoringPlan = { book, unit: assessed.unit, group: assessed.group, ranked: assessed.ranked, parts, groups, rows, veto };
  COPIES.set(plan, copies);
  keepKeysBefore(plan, before);
  return plan;
}
