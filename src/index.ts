/**
 * The library entry (package `main`): the core model, the grid shape and readers, for use from Node.
 */
export * from "./core/grid";
export * from "./core/decimal";
export * from "./core/points";
export * from "./core/book";
export { readBooks, readSheet } from "./core/layout";
export type { Reading, SheetReading } from "./core/layout";
export { parseWordText, type WordItem } from "./import/wordText";
export { layoutSheets, wordTextToSheets, SPLIT_MODES, type SplitMode } from "./import/wordSheets";
export type { SheetLayout } from "./import/sheetLayout";
export { checkBook, checkBooks, summarizeBook, findingToJson, RULE_IDS } from "./core/rules";
export { findingJsonSchema } from "./core/jsonSchemas";
export type { Finding, FindingJson, RuleId, Severity, Language, BookSummary } from "./core/rules";
/** The same implementations the KH.* custom functions use, called with plain numbers, strings and 2-D arrays. */
export * as functions from "./functions/library";
