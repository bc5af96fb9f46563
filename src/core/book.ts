/**
 * The model: Workbook > Book (one unit's table of indicators) > Category > Indicator.
 * Every number is a Decimal; every node keeps its sheet and cell. `toJson` gives the stable JSON form
 * (decimals as strings) that the CLI prints and other tools read.
 */
import { z } from "zod";
import { Decimal, decimalString } from "./decimal";

/** What a book is: one unit's book, a city-to-county decomposition, a negative list, a table common to several
 * units, or one row of a units x dimensions matrix. */
export const BOOK_KINDS = ["unit", "decomposition", "penalty-list", "common", "matrix"] as const;
export type BookKind = (typeof BOOK_KINDS)[number];

/** normal: scored by its indicators; deduction: 扣分制; bonus: 加分项目; penalty: negative list; pending: points
 * to be set later (待…另行下达); reference: scored in another book (见专项责任书). */
/** What each kind of book is called on sheets and screens. */
export const BOOK_KIND_NAMES: Record<"zh" | "en", Record<BookKind, string>> = {
  zh: { unit: "单位责任书", decomposition: "任务分解", "penalty-list": "负面清单", common: "共性指标", matrix: "矩阵" },
  en: { unit: "unit", decomposition: "decomposition", "penalty-list": "negative list", common: "common", matrix: "matrix" },
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
}

export interface Category {
  name: string;
  kind: CategoryKind;
  points: Decimal | null;
  /** Bonus section: cap on the sum of its items ("加分项目10分"). */
  cap: Decimal | null;
  /** True when the row spans the category and indicator columns: the category is its own single indicator. */
  leaf: boolean;
  sheet: string;
  cell: string;
  indicators: Indicator[];
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
  /** Overall bonus cap stated in the text ("另设加分项目10分"), when there is no bonus category. */
  bonusCap: Decimal | null;
  weights: AssessorWeight[];
  /** The veto clause (一票否决), when the book has one. */
  veto: string | null;
  categories: Category[];
  notes: Note[];
}

/** Indicators of a book, in order. */
export function indicatorsOf(book: Book): Indicator[] {
  return book.categories.flatMap((c) => c.indicators);
}

// ---------------------------------------------------------------------------------------------------------
// JSON form

const decimalString_ = z.string().regex(/^-?\d+(\.\d+)?$/);
const nullableDecimal = decimalString_.nullable();

export const segmentJsonSchema = z.object({
  label: z.string().nullable(),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  points: nullableDecimal,
  items: z.array(decimalString_),
  text: z.string(),
});

export const indicatorJsonSchema = z.object({
  name: z.string(),
  target: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  points: nullableDecimal,
  pointsSource: z.enum(POINTS_SOURCES).nullable(),
  cap: nullableDecimal,
  tiers: z.array(decimalString_),
  owner: z.string().nullable(),
  number: z.string().nullable(),
  sheet: z.string(),
  cell: z.string(),
  targetCell: z.string(),
  pointsCell: z.string().nullable(),
  pointsConflict: nullableDecimal,
  segments: z.array(segmentJsonSchema),
});

export const categoryJsonSchema = z.object({
  name: z.string(),
  kind: z.enum(CATEGORY_KINDS),
  points: nullableDecimal,
  cap: nullableDecimal,
  leaf: z.boolean(),
  sheet: z.string(),
  cell: z.string(),
  indicators: z.array(indicatorJsonSchema),
});

export const bookJsonSchema = z.object({
  kind: z.enum(BOOK_KINDS),
  unit: z.string(),
  units: z.array(z.string()),
  group: z.string().nullable(),
  titles: z.array(z.string()),
  sheet: z.string(),
  cell: z.string(),
  base: decimalString_,
  baseStated: z.boolean(),
  bonusCap: nullableDecimal,
  weights: z.array(z.object({ label: z.string(), weight: decimalString_ })),
  veto: z.string().nullable(),
  categories: z.array(categoryJsonSchema),
  notes: z.array(z.object({ text: z.string(), cell: z.string() })),
});

export type BookJson = z.infer<typeof bookJsonSchema>;

const str = (d: Decimal | null): string | null => (d === null ? null : decimalString(d));

export function bookToJson(book: Book): BookJson {
  return {
    ...book,
    base: decimalString(book.base),
    bonusCap: str(book.bonusCap),
    weights: book.weights.map((w) => ({ label: w.label, weight: decimalString(w.weight) })),
    categories: book.categories.map((c) => ({
      ...c,
      points: str(c.points),
      cap: str(c.cap),
      indicators: c.indicators.map((i) => ({
        ...i,
        points: str(i.points),
        cap: str(i.cap),
        pointsConflict: str(i.pointsConflict),
        tiers: i.tiers.map(decimalString),
        segments: i.segments.map((s) => ({ ...s, points: str(s.points), items: s.items.map(decimalString) })),
      })),
    })),
  };
}

export function bookFromJson(json: BookJson): Book {
  const d = (s: string | null): Decimal | null => (s === null ? null : new Decimal(s));
  return {
    ...json,
    base: new Decimal(json.base),
    bonusCap: d(json.bonusCap),
    weights: json.weights.map((w) => ({ label: w.label, weight: new Decimal(w.weight) })),
    categories: json.categories.map((c) => ({
      ...c,
      points: d(c.points),
      cap: d(c.cap),
      indicators: c.indicators.map((i) => ({
        ...i,
        points: d(i.points),
        cap: d(i.cap),
        pointsConflict: d(i.pointsConflict),
        tiers: i.tiers.map((t) => new Decimal(t)),
        segments: i.segments.map((s) => ({ ...s, points: d(s.points), items: s.items.map((x) => new Decimal(x)) })),
      })),
    })),
  };
}
