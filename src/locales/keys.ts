/**
 * Every message Kaohe shows, as data: a key and its parameters. zh.ts and en.ts render each key; the type below
 * is what both must implement, and test/locales/parity.test.ts checks at run time that neither misses a key.
 * Numbers arrive already written as a clerk writes them ("20", "0.5"); this folder imports nothing from src.
 */

export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The words a scoring sheet's input columns are named by in messages. */
export type EntryWord = "score" | "actual" | "deduction" | "bonus-claim" | "count" | "weight";

/** How a message names the column a value was entered in: one of Kaohe's words, or the column's own label
 * (a group column "<group>评分" is "<group> score" in English); a quarter row's block name goes first. */
export interface EntryLabel {
  word?: EntryWord;
  column?: string;
  group?: string;
  prefix?: string;
}

/** The parameters of every message, by key. Keys of findings start with their rule id. */
export interface MessageParams {
  // category-sum
  "category-sum": { category: string; stated: string; computed: string; nested: boolean; unpointed: number };
  "category-sum.bonus": { category: string; stated: string; computed: string };
  "category-sum.total-row": { label: string; stated: string; computed: string };
  // unit-total
  "unit-total": { unit: string; computed: string; base: string; pending: string[]; deduction: string[] };
  "unit-total.no-base": { unit: string; computed: string };
  // completeness
  "missing-points": { indicator: string; category: string; categoryPoints: string | null };
  "empty-target": { indicator: string };
  "missing-owner": { indicator: string };
  "penalty-tiers": { category: string; tiers: string[] };
  // terms
  "points-conflict": { indicator: string; column: string; text: string };
  "points-conflict.bonus-cap": { method: string; section: string };
  "bonus-cap": { item: string; cap: string; overall: string };
  "bonus-cap.unreachable": { cap: string; total: string };
  "bonus-cap.allowance": { allowance: string; total: string };
  "weights-sum": { weights: { label: string; percent: string }[]; total: string };
  "weights-sum.column": { column: string; total: string };
  "weights-sum.parts": { total: string };
  // text
  "inline-sum": { indicator: string; stated: string; computed: string };
  "inline-sum.heading": { heading: string; stated: string; computed: string };
  "inline-sum.criterion": { indicator: string; stated: string; computed: string; ambiguous: boolean };
  "quarter-sum": { indicator: string; quarter: string; expected: string; annual: string | null; computed: string };
  "target-sum": { indicator: string; annual: string; computed: string; unit: string; cumulative: boolean };
  // entered values
  "score-range.count": { indicator: string; label: EntryLabel; score: string };
  "score-range.deduction": { indicator: string; label: EntryLabel; score: string; max: string };
  "score-range.penalty": { indicator: string; score: string; floor: string | null };
  "score-range.below": { indicator: string; label: EntryLabel; score: string };
  "score-range.above": { indicator: string; label: EntryLabel; score: string; max: string; bonus: boolean };
  "entered-value": { indicator: string; label: EntryLabel; value: string };
  "entered-value.book": { indicator: string; label: string; value: string };
  "entered-value.veto": { value: string };
  // totals and units the ranking does not take as they stand, and points below 0 where nothing takes points away
  "negative-points": { indicator: string; points: string };
  "total-mismatch": { shown: string; computed: string };
  "duplicate-unit": { unit: string; kept: string; other: string; keptTotal: string | null; otherTotal: string | null };
  "cli.ranked": { ranked: number; unentered: string[]; uncomputable: string[]; duplicates: number };
  // what a scoring sheet's input cell accepts (Excel's data validation message)
  "input.title": Record<string, never>;
  "input.rule": { kind: "decimal" | "whole" | "list"; min: string | null; max: string | null; values: string[] };
  // why a sheet gave no book
  "sheet.empty": Record<string, never>;
  "sheet.header-only": Record<string, never>;
  "sheet.summary": Record<string, never>;
  "sheet.scoring": Record<string, never>;
  "sheet.no-header": Record<string, never>;
  "sheet.closest-header": { row: number; labels: string[]; known: string[] };
  // workbooks in memory (the preview) and the workbooks they are read from
  "workbook.no-sheet": { sheet: string };
  "workbook.not-scoring-sheet": { sheet: string };
  "workbook.not-input-cell": { sheet: string; cell: string };
  "workbook.no-worksheets": Record<string, never>;
  "workbook.nothing-to-score": Record<string, never>;
  "workbook.not-scoring-sheets": { sheets: string[] };
  "workbook.read-only": Record<string, never>;
  // the scoring engine and the custom functions (a #VALUE!, #N/A or #NUM! cell's message)
  "scoring.negative": { what: Quantity; value: string };
  "scoring.same-size": { first: Quantity; firstCount: number; second: Quantity; secondCount: number };
  "scoring.empty": { what: Quantity };
  "scoring.descending": { what: Quantity; values: string[] };
  "scoring.not-a-level": { label: string; labels: string[] };
  "scoring.target-not-positive": { target: string };
  "scoring.lower-actual": { actual: string };
  "scoring.lower-target-negative": { target: string };
  "scoring.weights-total": { total: string };
  "scoring.quarter-count": { count: number };
  "scoring.grade-labels": { thresholds: number; labels: number };
  "scoring.not-ranked": { score: string };
  "function.blank": { name: Quantity };
  "function.not-number": { name: Quantity; value: string; text: boolean };
  "function.not-finite": { name: Quantity };
  "function.not-boolean": { name: Quantity; value: string; text: boolean };
  "function.not-ordinal": { name: Quantity; value: string };
  "function.unknown-word": { name: Quantity; value: string; words: string[][] };
  "function.result-not-finite": Record<string, never>;
  "function.boolean-points": Record<string, never>;
  "function.tiered-points": { amounts: string[] };
  "function.several-points": { count: number };
  "function.no-points": Record<string, never>;
  "function.no-subpoints": Record<string, never>;
  "function.no-target": Record<string, never>;
  "function.few-targets": { count: number };
  // the .xlsx reader: a file beyond its limits, or not a readable .xlsx
  "xlsx.grid-area": { sheet: string; range: string; at: string | null; cells: number; limit: number };
  "xlsx.cells": { limit: number };
  "xlsx.text-length": { where: string; length: number; limit: number };
  "xlsx.inflated": { limit: number };
  "xlsx.copy-merge": { sheet: string; range: string; limit: number };
  "xlsx.missing-part": { part: string };
  "xlsx.zip": { detail: string };
  "xlsx.damaged": { detail: string };
  "xlsx.xml": { part: string; problem: XmlProblem };
  /** A message about one file: "a.xlsx: …". */
  "cli.in-file": { file: string; message: Message };
  // the command line: usage and input it cannot use (one line on stderr, exit 2)
  "cli.unknown-command": { name: string; nearest: string | null; commands: string[] };
  "cli.unknown-option": { command: string; option: string };
  "cli.option-value": { command: string; option: string };
  "cli.unexpected-argument": { command: string; argument: string };
  "cli.bad-lang": { value: string };
  "cli.arguments": { command: string; count: "none" | "one" };
  "cli.files-missing": Record<string, never>;
  "cli.one-file": Record<string, never>;
  "cli.output-missing": Record<string, never>;
  "cli.output-xlsx": Record<string, never>;
  "cli.input-txt": Record<string, never>;
  "cli.split": { modes: string[] };
  "cli.bad-argument": { field: string; detail: string };
  /** An empty text where a name is wanted (`check ""`). */
  "cli.empty-argument": { field: string };
  "cli.file-not-found": { file: string };
  "cli.is-directory": { file: string; wanted: InputKind };
  "cli.cannot-read": { file: string; code: string };
  "cli.not-text": { file: string };
  "cli.no-worksheets": { file: string };
  "cli.docx-empty": { file: string };
  "cli.nothing-to-score": { file: string };
  "cli.nothing-to-summarize": { file: string };
  "cli.output-is-input": { file: string };
  "cli.exists": { file: string };
  "cli.no-output-folder": { file: string };
  "cli.cannot-write": { file: string; code: string };
  "cli.output-workbook": Record<string, never>;
  "cli.macros-need-xlsm": { file: string };
  "cli.xlsm-needs-macros": { file: string };
  "cli.not-kept": { sheet: string; parts: string[] };
  "cli.no-repository": Record<string, never>;
  /** A file that is not what the command reads: `format` is what it is (src/import/formats.ts FileFormat), `et` a
   * name ending in .et, `detail` the reading library's words for a damaged file. */
  unreadable: { file: string; format: string; wanted: "workbook" | "docx"; et: boolean; detail: string | null };
  // the command line: what a command wrote (stdout)
  "cli.imported-text": { file: string; sheets: string[]; rows: number };
  "cli.imported-docx": { file: string; sheets: string[]; tables: number; rows: number };
  "cli.scored": { file: string; sheets: number; portable: boolean };
  /** Entries carried from the scoring sheets generated before: on their own row, moved to a renamed or moved
   * indicator's row, set aside on the unmatched entries' sheet (`sheet`, null when none). */
  "cli.carried": { kept: number; moved: number; setAside: number; sheet: string | null };
}

/** The quantities and arguments the scoring engine's and the custom functions' messages name. */
export type QuantityWord =
  | "points" | "score" | "scores" | "target" | "actual" | "deductions" | "claims" | "caps" | "total-cap" | "bonus"
  | "bonus-claims" | "bonus-caps" | "penalties" | "weights" | "thresholds" | "veto" | "which" | "level" | "levels"
  | "level-thresholds" | "amounts" | "tier-amounts" | "quarter-scores" | "full" | "method" | "direction";

/** A quantity a message names, or one value of it (`position`: the n-th cell of a range, from 1). */
export interface Quantity {
  word: QuantityWord;
  position?: number;
}

/** What is wrong with an XML part of an .xlsx (`name`: a tag, `attribute`: one of its attributes, `detail`: the XML
 * parser's own words). */
export type XmlProblem =
  | { kind: "text-outside-root" | "closing-cut-off" | "instruction-cut-off" | "comment-cut-off" | "cdata" | "doctype" }
  | { kind: "no-name" | "second-root" | "no-root" | "bare-amp" | "cell-never-closed" | "tag-cut-off" }
  | { kind: "closes-nothing" | "cut-off" | "never-closed" | "no-value"; name: string }
  | { kind: "unquoted" | "attribute-cut-off" | "holds-lt"; name: string; attribute: string }
  | { kind: "unknown-entity"; entity: string }
  | { kind: "parser"; detail: string };

/** What a command expected to read, as its messages name it. */
export type InputKind = "workbook" | "docx" | "text";

export type MessageKey = keyof MessageParams;

/** One message as data: what the core, the adapters and the CLI hand over, rendered in the reader's language. */
export type Message = { [K in MessageKey]: { key: K; params: MessageParams[K] } }[MessageKey];

/** The command line's help: its title, usage line, a summary per command, the exit codes. */
export interface CliHelp {
  title: string;
  usage: string;
  commands: Record<string, string>;
  exitCodes: string;
  options: string;
}

/** Every string of the task pane (the names of severities, rules and book kinds come with the summary sheets'). */
export interface PaneText {
  title: string;
  recheck: string;
  summarize: string;
  summarizing: string;
  summarized: (names: string[]) => string;
  readingList: string;
  reading: (done: number, total: number) => string;
  checking: string;
  failed: string;
  summaryFailed: string;
  counts: (sheets: number, books: number) => string;
  all: string;
  noFindings: string;
  noneOfSeverity: string;
  noBooks: string;
  stated: string;
  computed: string;
  goTo: (sheet: string, cell: string) => string;
  books: (n: number) => string;
  bookColumns: { sheet: string; unit: string; total: string; indicators: string };
  /** Beside a sheet the workbook hides (its books are read and checked all the same). */
  hiddenSheet: Record<"hidden" | "veryHidden", string>;
  findings: string;
  filter: string;
  autoRecheck: string;
  scoring: string;
  scoreSheets: string;
  scoringBusy: string;
  portable: string;
  scored: (names: string[], replaced: number, kept: number) => string;
  /** After generating again: entries moved to an edited indicator's row and set aside (unmatched sheet's name). */
  carried: (moved: number, setAside: number, sheet: string | null) => string;
  scoringFailed: string;
  rank: string;
  rankBusy: string;
  ranked: (name: string, units: number) => string;
  rankFailed: string;
  noScoringSheets: string;
  /** Added to `ranked`: the units whose scoring sheets have nothing entered, left out of the ranking. */
  rankedUnentered: (units: number) => string;
  otherWorkbooks: string;
  picked: (n: number) => string;
  wordImport: string;
  wordImportHint: string;
  wordImportBusy: string;
  wordImported: (names: string[], tables: number) => string;
  wordImportFailed: string;
  pasted: (sheet: string, rows: number, labels: number) => string;
  cleanPasted: string;
  cleaned: (name: string) => string;
  cleanFailed: string;
  cleanedSuffix: string;
}

/** The strings of the preview page around the task pane. */
export interface PreviewText {
  title: string;
  open: string;
  loading: string;
  failed: string;
  selected: string;
  none: string;
  sheets: string;
  file: string;
  editable: string;
  editor: string;
}

/** The words of the summary sheets (汇总, 问题清单, 责任单位), with the names of severities, rules and book kinds
 * that the sheets and the task pane show. */
export interface SummaryText {
  summary: string;
  findings: string;
  owners: string;
  summaryTitle: string;
  findingsTitle: string;
  ownersTitle: string;
  summaryHeader: string[];
  findingsHeader: string[];
  ownersHeader: string[];
  ownerTotalsHeader: string[];
  categoryTotalsHeader: string[];
  total: string;
  subtotal: string;
  noOwner: string;
  ownersShared: string;
  ownerLeads: string;
  ownerList: string;
  totalOnce: string;
  noFindings: string;
  chartOwners: string;
  chartCategories: string;
  /** 汇总's charts: the units with findings (errors and warnings stacked), the points of each category. */
  chartFindings: string;
  chartCategoryPoints: string;
  findingsChartHeader: string[];
  categoryChartHeader: string[];
  kinds: Record<"unit" | "decomposition" | "penalty-list" | "common" | "matrix", string>;
  severities: Record<"error" | "warning" | "info", string>;
  /** By rule id (src/core/rules RULE_IDS; test/locales/hosts.test.ts checks that every rule has a name). */
  rules: Record<string, string>;
}

/** The words of `check`'s report. */
export interface CheckReportText {
  file: string;
  sheet: string;
  total: string;
  base: string;
  noBook: string;
  severity: Record<"error" | "warning" | "info", string>;
  counts: (books: number, errors: number, warnings: number, notes: number) => string;
  clean: string;
  scoringSheet: string;
  scoringClean: string;
  scoringCounts: (sheets: number, errors: number, warnings: number, notes: number) => string;
  /** The books not listed one by one because nothing was found in them; `others`: some books were listed above. */
  cleanBooks: (books: number, others: boolean) => string;
  cleanScoringSheets: (sheets: number, others: boolean) => string;
  /** After the name of a sheet the workbook hides: "（已隐藏）", " (hidden)". */
  hidden: Record<"hidden" | "veryHidden", string>;
  /** A workbook in which no sheet gave a book: nothing was checked (exit 1). */
  noBooks: (file: string, sheets: number) => string;
}

/** The words of `tree`'s listing. */
export interface TreeText {
  file: string;
  sheet: string;
  books: (count: number) => string;
  noBook: (reason: string) => string;
  book: string;
  kind: string;
  at: string;
  base: string;
  baseAssumed: string;
  otherColumns: string;
  category: string;
  cap: string;
  bonus: string;
  weight: string;
  cell: string;
  indicator: string;
  owner: string;
  parts: string;
  criterion: string;
  noPoints: string;
  points: (points: string) => string;
  headingPoints: (label: string, points: string) => string;
  /** "：" or ": ". */
  colon: string;
  /** Between list items ("、" or ", ") and between text parts ("；" or "; "). */
  list: string;
  partList: string;
  categoryKinds: Record<"normal" | "deduction" | "bonus" | "penalty" | "pending" | "reference", string>;
  indicatorKinds: Record<"score" | "deduction" | "pending" | "reference" | "penalty" | "bonus", string>;
}

/** What a language provides: every key rendered, and the words messages are made of. */
export type Locale = { [K in MessageKey]: (params: MessageParams[K]) => string } & {
  entryWord: Record<EntryWord, string>;
  quantity: Record<QuantityWord, string>;
  cli: CliHelp;
  report: CheckReportText;
  summary: SummaryText;
  tree: TreeText;
  pane: PaneText;
  preview: PreviewText;
};

/** A message in the given locale (a message that names another message renders it in the same locale). */
export function renderIn(locale: Locale, message: Message): string {
  return (locale[message.key] as (params: Message["params"]) => string)(message.params);
}
