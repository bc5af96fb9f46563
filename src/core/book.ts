/**
 * The model: Workbook > Book (one unit's table of indicators) > Category (nested to any depth) > Indicator.
 * Every number is a Decimal; every node keeps its sheet and cell. `toJson` gives the stable JSON form
 * (decimals as strings) that the CLI prints and other tools read.
 */
import { LOCALES } from "../locales";
import { Decimal, decimalString } from "./decimal";

/** What a book is: one unit's book, a city-to-county decomposition, a negative list, a table common to several
 * units, or one row of a units x dimensions matrix. */
export const BOOK_KINDS = ["unit", "decomposition", "penalty-list", "common", "matrix"] as const;
export type BookKind = (typeof BOOK_KINDS)[number];

/** normal: scored by its indicators; deduction: 扣分制; bonus: 加分项目; penalty: negative list; pending: points
 * to be set later (待…另行下达); reference: scored in another book (见专项责任书). */
/** What each kind of book is called on sheets and screens (src/locales, `summary.kinds`). */
export const BOOK_KIND_NAMES: Record<"zh" | "en", Record<BookKind, string>> = {
  zh: LOCALES.zh.summary.kinds,
  en: LOCALES.en.summary.kinds,
};

export const CATEGORY_KINDS = ["normal", "deduction", "bonus", "penalty", "pending", "reference"] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const INDICATOR_KINDS = ["score", "deduction", "pending", "reference", "penalty", "bonus"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Where an indicator's points were read: a points column, its name cell, its target text, or inherited from a
 * category that has this one indicator. */
export const POINTS_SOURCES = ["column", "name", "text", "category"] as const;
export type PointsSource = (typeof POINTS_SOURCES)[number];

/** A labelled part of a target text: a quarter block ("第一季度：…") or a heading with points ("分季度（9分）：…"),
 * or the unlabelled text. `items` are the inline sub-points inside it. */
export interface TextSegment {
  label: string | null;
  quarter: 1 | 2 | 3 | 4 | null;
  /** Points written on the label itself ("分季度（9分）"). */
  points: Decimal | null;
  items: Decimal[];
  /** The segment's text, its label included ("第一季度：…（3分）；…"). */
  text: string;
}

export interface Indicator {
  name: string;
  target: string;
  kind: IndicatorKind;
  points: Decimal | null;
  pointsSource: PointsSource | null;
  /** Per-item cap of a bonus item ("最高4分"). */
  cap: Decimal | null;
  /** Alternative penalties by level ("省上通报扣1.5分，市上扣1分，县上扣0.5分"), largest first. */
  tiers: Decimal[];
  owner: string | null;
  number: string | null;
  sheet: string;
  cell: string;
  /** The cell holding the target text (the name cell when name and target share one). */
  targetCell: string;
  pointsCell: string | null;
  /** Points stated a second time for the same row that disagree with `points` (column vs text). */
  pointsConflict: Decimal | null;
  /** The target text split into labelled segments with their inline sub-points. */
  segments: TextSegment[];
  /** Bonus points the row allows beside its points ("（12分，7分奖分）"). */
  bonus: Decimal | null;
  /** How the row is scored (评分标准, 计分方法), when the table has a column for it. */
  criterion: string | null;
  criterionCell: string | null;
  /** What full marks are worth by the criterion's own words ("得2分"; tiers count once, at their highest). */
  criterionPoints: Decimal | null;
  /** The criterion also takes points from the book's total ("从总分扣1分"): its award is then not the row's whole. */
  criterionAmbiguous: boolean;
  /** Weights given in weight columns (权重), one per column of `Book.columns` of role weight, null when blank. */
  weights: (Decimal | null)[];
  /** Values already entered in the table's score columns (自评分, 考核得分 …). */
  entries: Entry[];
}

/** A value found in a score column of the book (a returned score sheet). */
export interface Entry {
  label: string;
  cell: string;
  value: string | number | boolean | null;
}

export interface Category {
  name: string;
  kind: CategoryKind;
  points: Decimal | null;
  /** Bonus section: cap on the sum of its items ("加分项目10分"). */
  cap: Decimal | null;
  /** True when the row spans the category and indicator columns: the category is its own single indicator. */
  leaf: boolean;
  /** Depth in the book: 1 for a top-level category. */
  level: number;
  /** Bonus points the category allows beside its points ("信息报告（23分+10分）"). */
  bonus: Decimal | null;
  /** A weight in percent (权重 50) when the category is weighted rather than pointed; its points are then the
   * scale its children are scored on. */
  weight: Decimal | null;
  sheet: string;
  cell: string;
  indicators: Indicator[];
  /** Sub-categories, in order. */
  categories: Category[];
}

/** A row that states a total (合计, 小计, 总计): checked against what it covers, never counted as an item. */
export interface TotalRow {
  label: string;
  stated: Decimal;
  cell: string;
  /** Names of the top-level categories it covers, or of the one category a 小计 closes. */
  covers: string[];
  /** The category it closes (小计 inside a category), or null when it totals top-level categories. */
  category: string | null;
}

/** A header column as read: its label, the role given to it, and its cell. */
export interface BookColumn {
  label: string;
  role: string;
  cell: string;
}

export interface Note {
  text: string;
  cell: string;
}

export interface AssessorWeight {
  label: string;
  /** Fraction of 1 (40% -> 0.4). */
  weight: Decimal;
}

export interface Book {
  kind: BookKind;
  /** The unit assessed (for a table shared by several units, the table's title). */
  unit: string;
  /** Every unit the book applies to, when it lists them (the 16 units sharing one common table). */
  units: string[];
  /** The nearest section heading above the book ("党委工作部门", "镇（办、中心）目标责任考核指标"). */
  group: string | null;
  /** Title lines above the table, in order. */
  titles: string[];
  sheet: string;
  /** The cell of the header row's first cell (or of the matrix row). */
  cell: string;
  /** Base points of a unit's total: 100 unless the book states another. */
  base: Decimal;
  baseStated: boolean;
  /** The base is the usual 100 by default alone: neither stated nor what the other books of the workbook total. */
  baseAssumed: boolean;
  /** Overall bonus cap stated in the text ("另设加分项目10分"), when there is no bonus category. */
  bonusCap: Decimal | null;
  weights: AssessorWeight[];
  /** The veto clause (一票否决), when the book has one. */
  veto: string | null;
  categories: Category[];
  notes: Note[];
  /** Total rows of the table (合计, 小计, 总计). */
  totals: TotalRow[];
  /** Every header column with the role the reader gave it; unknown ones have role "extra". */
  columns: BookColumn[];
}

/** An indicator as a reader starts it: a name and a target at a cell, nothing else known yet. Every indicator is
 * made here, so all have one shape. */
export function newIndicator(place: { name: string; target: string; sheet: string; cell: string; targetCell: string; segments: TextSegment[] }): Indicator {
  return {
    name: place.name,
    target: place.target,
    kind: "score",
    points: null,
    pointsSource: null,
    cap: null,
    tiers: [],
    owner: null,
    number: null,
    sheet: place.sheet,
    cell: place.cell,
    targetCell: place.targetCell,
    pointsCell: null,
    pointsConflict: null,
    segments: place.segments,
    bonus: null,
    criterion: null,
    criterionCell: null,
    criterionPoints: null,
    criterionAmbiguous: false,
    weights: [],
    entries: [],
  };
}

/** Every category of a book, parents before their children. */
export function categoriesOf(book: Book): Category[] {
  const all: Category[] = [];
  const visit = (categories: Category[]) => {
    for (const category of categories) {
      all.push(category);
      if (category.categories.length) visit(category.categories);
    }
  };
  visit(book.categories);
  return all;
}

/** Indicators of a book, in order. */
export function indicatorsOf(book: Book): Indicator[] {
  return categoriesOf(book).flatMap((c) => c.indicators);
}

// ---------------------------------------------------------------------------------------------------------
// JSON form

// Decimals are strings ("12.5"); the schemas that validate this form are in jsonSchemas.ts (zod loads only there).

/** A model type in its JSON form: every Decimal a string. */
export type AsJson<T> = T extends Decimal ? string : T extends readonly (infer U)[] ? AsJson<U>[] : T extends object ? { [K in keyof T]: AsJson<T[K]> } : T;

export type SegmentJson = AsJson<TextSegment>;
export type IndicatorJson = AsJson<Indicator>;
export type CategoryJson = AsJson<Category>;
export type BookJson = AsJson<Book>;

const str = (d: Decimal | null): string | null => (d === null ? null : decimalString(d));

function categoryToJson(c: Category): CategoryJson {
  return {
    ...c,
    points: str(c.points),
    cap: str(c.cap),
    bonus: str(c.bonus),
    weight: str(c.weight),
    indicators: c.indicators.map((i) => ({
      ...i,
      points: str(i.points),
      cap: str(i.cap),
      pointsConflict: str(i.pointsConflict),
      bonus: str(i.bonus),
      criterionPoints: str(i.criterionPoints),
      weights: i.weights.map(str),
      tiers: i.tiers.map(decimalString),
      segments: i.segments.map((s) => ({ ...s, points: str(s.points), items: s.items.map(decimalString) })),
    })),
    categories: c.categories.map(categoryToJson),
  };
}

export function bookToJson(book: Book): BookJson {
  return {
    ...book,
    base: decimalString(book.base),
    bonusCap: str(book.bonusCap),
    weights: book.weights.map((w) => ({ label: w.label, weight: decimalString(w.weight) })),
    categories: book.categories.map(categoryToJson),
    totals: book.totals.map((t) => ({ ...t, stated: decimalString(t.stated) })),
  };
}

const d = (s: string | null): Decimal | null => (s === null ? null : new Decimal(s));

function categoryFromJson(c: CategoryJson): Category {
  return {
    ...c,
    points: d(c.points),
    cap: d(c.cap),
    bonus: d(c.bonus),
    weight: d(c.weight),
    indicators: c.indicators.map((i) => ({
      ...i,
      points: d(i.points),
      cap: d(i.cap),
      pointsConflict: d(i.pointsConflict),
      bonus: d(i.bonus),
      criterionPoints: d(i.criterionPoints),
      weights: i.weights.map(d),
      tiers: i.tiers.map((t) => new Decimal(t)),
      segments: i.segments.map((s) => ({ ...s, points: d(s.points), items: s.items.map((x) => new Decimal(x)) })),
    })),
    categories: c.categories.map(categoryFromJson),
  };
}

export function bookFromJson(json: BookJson): Book {
  return {
    ...json,
    base: new Decimal(json.base),
    bonusCap: d(json.bonusCap),
    weights: json.weights.map((w) => ({ label: w.label, weight: new Decimal(w.weight) })),
    categories: json.categories.map(categoryFromJson),
    totals: json.totals.map((t) => ({ ...t, stated: new Decimal(t.stated) })),
  };
}
