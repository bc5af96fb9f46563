/**
 * Schemas of the JSON forms other tools read: books (bookToJson) and findings (findingToJson, check --json). Kept
 * apart so that only who validates such JSON loads zod (the command line and the task pane never do). Built on first
 * use (z.lazy) and marked pure, so that a bundle importing this file without calling them leaves zod out.
 */
import { z } from "zod";
import {
  BOOK_KINDS, CATEGORY_KINDS, INDICATOR_KINDS, POINTS_SOURCES,
  type BookJson, type CategoryJson, type IndicatorJson, type SegmentJson,
} from "./book";
import { RULE_IDS, SEVERITIES, type FindingJson } from "./rules/finding";

const decimalString_ = () => z.string().regex(/^-?\d+(\.\d+)?$/);
const nullableDecimal = () => decimalString_().nullable();

export const segmentJsonSchema: z.ZodType<SegmentJson> = /*#__PURE__*/ z.lazy(() =>
  z.object({
    label: z.string().nullable(),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
    points: nullableDecimal(),
    items: z.array(decimalString_()),
    text: z.string(),
  }),
);

export const indicatorJsonSchema: z.ZodType<IndicatorJson> = /*#__PURE__*/ z.lazy(() =>
  z.object({
    name: z.string(),
    target: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    points: nullableDecimal(),
    pointsSource: z.enum(POINTS_SOURCES).nullable(),
    cap: nullableDecimal(),
    tiers: z.array(decimalString_()),
    owner: z.string().nullable(),
    number: z.string().nullable(),
    sheet: z.string(),
    cell: z.string(),
    targetCell: z.string(),
    pointsCell: z.string().nullable(),
    pointsConflict: nullableDecimal(),
    segments: z.array(segmentJsonSchema),
    bonus: nullableDecimal(),
    criterion: z.string().nullable(),
    criterionCell: z.string().nullable(),
    criterionPoints: nullableDecimal(),
    criterionAmbiguous: z.boolean(),
    weights: z.array(nullableDecimal()),
    entries: z.array(z.object({ label: z.string(), cell: z.string(), value: z.union([z.string(), z.number(), z.boolean()]).nullable() })),
  }),
);


export const categoryJsonSchema: z.ZodType<CategoryJson> = /*#__PURE__*/ z.lazy(() =>
  z.object({
    name: z.string(),
    kind: z.enum(CATEGORY_KINDS),
    points: nullableDecimal(),
    cap: nullableDecimal(),
    leaf: z.boolean(),
    level: z.number().int().positive(),
    bonus: nullableDecimal(),
    weight: nullableDecimal(),
    sheet: z.string(),
    cell: z.string(),
    indicators: z.array(indicatorJsonSchema),
    categories: z.array(categoryJsonSchema),
  }),
);

export const bookJsonSchema: z.ZodType<BookJson> = /*#__PURE__*/ z.lazy(() =>
  z.object({
    kind: z.enum(BOOK_KINDS),
    unit: z.string(),
    units: z.array(z.string()),
    group: z.string().nullable(),
    titles: z.array(z.string()),
    sheet: z.string(),
    cell: z.string(),
    base: decimalString_(),
    baseStated: z.boolean(),
    baseAssumed: z.boolean(),
    bonusCap: nullableDecimal(),
    weights: z.array(z.object({ label: z.string(), weight: decimalString_() })),
    veto: z.string().nullable(),
    categories: z.array(categoryJsonSchema),
    notes: z.array(z.object({ text: z.string(), cell: z.string() })),
    totals: z.array(z.object({ label: z.string(), stated: decimalString_(), cell: z.string(), covers: z.array(z.string()), category: z.string().nullable() })),
    columns: z.array(z.object({ label: z.string(), role: z.string(), cell: z.string() })),
  }),
);

export const findingJsonSchema: z.ZodType<FindingJson> = /*#__PURE__*/ z.lazy(() =>
  z.object({
    rule: z.enum(RULE_IDS),
    severity: z.enum(SEVERITIES),
    sheet: z.string(),
    cell: z.string(),
    unit: z.string(),
    category: z.string().nullable(),
    stated: z.string().nullable(),
    computed: z.string().nullable(),
    message: z.string(),
  }),
);
