/**
 * Every message in English (`--lang en`, Office in another language than Chinese). Names from the books stay as
 * they are written.
 */
import { renderIn, type EntryLabel, type EntryWord, type InputKind, type Locale, type MessageParams, type Quantity, type QuantityWord, type XmlProblem } from "./keys";

const entryWord: Record<EntryWord, string> = {
  score: "score",
  actual: "actual",
  deduction: "deduction",
  "bonus-claim": "bonus claim",
  count: "count",
  weight: "weight",
};

const inputKind: Record<InputKind, string> = { workbook: "a workbook (.xlsx, .xls, .et, .ods)", docx: "a .docx document", text: "a text file" };

const SAVE_XLSX = "open it in Excel or WPS Spreadsheets and use File > Save As > Excel Workbook (*.xlsx)";
const SAVE_DOCX = "open it in Word or WPS Writer, use File > Save As > Word Document (*.docx), then import it with import-docx";

/** English keeps the phrases scripts match ("not an .xlsx workbook", "corrupt or truncated"). */
function unreadable(p: MessageParams["unreadable"]): string {
  const detail = p.detail ? ` (${p.detail})` : "";
  if (p.wanted === "docx") {
    switch (p.format) {
      case "empty": return "the file is empty, not a .docx document";
      case "doc": return `a Word 97-2003 document (.doc), not a .docx: ${SAVE_DOCX}`;
      case "xlsx": case "ods": case "xls": return "a workbook, not a Word document: read it directly with check or tree";
      case "odt": return `an OpenDocument text (.odt), not a .docx: ${SAVE_DOCX}`;
      case "encrypted": return "a password-protected document: open it, remove the password and save it as .docx";
      case "corrupt-zip": return `corrupt or truncated .docx document${detail}`;
      case "text": return "a text file, not a .docx document: Word-table text is imported with import-text";
      case "pdf": return "a PDF, not a .docx document: use the Word original";
      default: return "not a .docx document (no word/document.xml)";
    }
  }
  switch (p.format) {
    case "empty": return "the file is empty, not an .xlsx workbook";
    case "docx": return "not an .xlsx workbook (a Word document: turn it into a workbook with import-docx)";
    case "doc": return `not an .xlsx workbook (a Word 97-2003 document: ${SAVE_DOCX})`;
    case "odt": return "not an .xlsx workbook (an OpenDocument text: save it as .docx and use import-docx)";
    case "encrypted": return "not an .xlsx workbook it can open (password-protected: remove the password and save it as .xlsx)";
    case "xls":
      return p.et
        ? `a WPS Spreadsheets (.et) workbook that cannot be read${detail}: ${SAVE_XLSX}`
        : `corrupt or truncated Excel 97-2003 (.xls) workbook${detail}: ${SAVE_XLSX}`;
    case "ods": return `corrupt or truncated OpenDocument (.ods) workbook${detail}: ${SAVE_XLSX}`;
    case "cfb":
      return p.et
        ? `a WPS Spreadsheets (.et) file in a format that cannot be read: ${SAVE_XLSX}`
        : `not an .xlsx workbook (an Office 97-2003 file without a workbook, or a damaged one: ${SAVE_XLSX})`;
    case "zip": return "not an .xlsx workbook (a zip file without a workbook; a renamed .pptx?)";
    case "corrupt-zip": return `corrupt or truncated .xlsx workbook${detail}`;
    case "pdf": return "not an .xlsx workbook (a PDF: use the Excel or Word original)";
    case "text": return "not an .xlsx workbook (a text file: Word-table text is imported with import-text; CSV or HTML: save it as .xlsx)";
    default: return "not an .xlsx workbook (no Excel zip signature)";
  }
}

/** "1 book", "2 books". */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

const label = (l: EntryLabel): string =>
  `${l.prefix ? `${l.prefix} ` : ""}${l.word ? entryWord[l.word] : l.group ? `${l.group} score` : (l.column ?? "")}`;

const quantityWord: Record<QuantityWord, string> = {
  points: "points", score: "score", scores: "scores", target: "target", actual: "actual", deductions: "deductions", claims: "claims",
  caps: "caps", "total-cap": "total cap", bonus: "bonus", "bonus-claims": "bonus claims", "bonus-caps": "bonus caps",
  penalties: "penalties", weights: "weights", thresholds: "thresholds", veto: "veto", which: "which target", level: "level",
  levels: "levels", "level-thresholds": "levels", amounts: "amounts", "tier-amounts": "amounts", "quarter-scores": "quarter scores",
  full: "full marks", method: "method", direction: "direction",
};

const quantity = (q: Quantity): string => `${quantityWord[q.word]}${q.position === undefined ? "" : ` value ${q.position}`}`;
const quoted = (value: string, text: boolean): string => (text ? `"${value}"` : value);
/** A count as the reader's limits are written: 20,000,000. */
const count = (n: number): string => n.toLocaleString("en-US");

function xmlProblem(p: XmlProblem): string {
  switch (p.kind) {
    case "text-outside-root": return "text outside the root element";
    case "closing-cut-off": return "a closing tag is cut off";
    case "instruction-cut-off": return "a processing instruction is cut off";
    case "comment-cut-off": return "a comment is cut off";
    case "cdata": return "a CDATA section is cut off or outside the root";
    case "doctype": return "a document type declaration";
    case "no-name": return "a tag without a name";
    case "second-root": return "a second root element";
    case "no-root": return "no root element";
    case "bare-amp": return 'a bare "&"';
    case "cell-never-closed": return "a cell is never closed";
    case "tag-cut-off": return "a tag is cut off";
    case "closes-nothing": return `</${p.name}> closes nothing open`;
    case "cut-off": return `<${p.name}> is cut off`;
    case "never-closed": return `<${p.name}> is never closed`;
    case "no-value": return `an attribute of <${p.name}> has no value`;
    case "unquoted": return `attribute ${p.attribute} of <${p.name}> is not quoted`;
    case "attribute-cut-off": return `attribute ${p.attribute} of <${p.name}> is cut off`;
    case "holds-lt": return `attribute ${p.attribute} of <${p.name}> holds "<"`;
    case "unknown-entity": return `unknown entity ${p.entity}`;
    case "parser": return p.detail;
  }
}

export const en: Locale = {
  entryWord,
  quantity: quantityWord,
  tree: {
    file: "File", sheet: "Sheet", books: (n) => plural(n, "book"), noBook: (reason) => `no book found (${reason})`,
    book: "Book", kind: "kind", at: "at", base: "base", baseAssumed: " (not stated)", otherColumns: "other columns",
    category: "Category", cap: "cap", bonus: "bonus", weight: "weight", cell: "cell", indicator: "Indicator", owner: "responsible unit",
    parts: "parts", criterion: "criterion's full marks", noPoints: "no points", points: (p) => `${p} pts`,
    headingPoints: (label, p) => `${label} (${p} pts)`,
    colon: ": ", list: ", ", partList: "; ",
    categoryKinds: { normal: "scored", deduction: "deduction-only", bonus: "bonus", penalty: "negative list", pending: "pending", reference: "see its own book" },
    indicatorKinds: { score: "scored", deduction: "deduction", pending: "pending", reference: "see its own book", penalty: "penalty", bonus: "bonus" },
  },
  summary: {
    summary: "Summary",
    findings: "Issues",
    owners: "Owners",
    summaryTitle: "Books summary",
    findingsTitle: "Issues",
    ownersTitle: "Indicators by responsible unit",
    summaryHeader: ["No.", "File", "Sheet", "Unit", "Kind", "Base", "Computed", "Difference", "Indicators", "Errors", "Warnings", "Place"],
    findingsHeader: ["No.", "Severity", "Rule", "File", "Sheet", "Unit", "Category", "Stated", "Computed", "Message", "Place"],
    ownersHeader: ["Owner", "Category", "Indicator", "Points", "Place"],
    ownerTotalsHeader: ["Owner", "Points", "Indicators"],
    categoryTotalsHeader: ["Category", "Points"],
    total: "Total",
    subtotal: "Subtotal",
    noOwner: "(none)",
    ownersShared: "Shared with",
    ownerLeads: " (lead)",
    ownerList: ", ",
    totalOnce: "Total (shared indicators once)",
    noFindings: "No issues found",
    chartOwners: "Points by responsible unit",
    chartCategories: "Points by category",
    chartFindings: "Books with findings (errors, warnings)",
    chartCategoryPoints: "Points by category (all books)",
    findingsChartHeader: ["Unit", "Errors", "Warnings"],
    categoryChartHeader: ["Category", "Books", "Points"],
    kinds: { unit: "unit", decomposition: "decomposition", "penalty-list": "negative list", common: "common", matrix: "matrix" },
    severities: { error: "error", warning: "warning", info: "info" },
    rules: {
      "category-sum": "category sum", "inline-sum": "inline sum", "quarter-sum": "quarter sum", "target-sum": "period targets",
      "missing-points": "missing points", "unit-total": "unit total", "points-conflict": "points conflict", "bonus-cap": "bonus cap",
      "weights-sum": "weights sum", "score-range": "score range", "empty-target": "empty target", "missing-owner": "missing owner",
      "penalty-tiers": "penalty tiers", "entered-value": "entered value",
      "negative-points": "negative points", "total-mismatch": "total mismatch", "duplicate-unit": "duplicate unit",
    },
  },
  report: {
    file: "File", sheet: "Sheet", total: "total", base: "base", noBook: "no book found",
    severity: { error: "error", warning: "warning", info: "info" },
    counts: (books, e, w, i) => `${plural(books, "book")}: ${plural(e, "error")}, ${plural(w, "warning")}, ${plural(i, "note")}`,
    clean: "all points add up",
    scoringSheet: "scoring sheet",
    scoringClean: "every value entered is in range",
    scoringCounts: (sheets, e, w, i) => `${plural(sheets, "scoring sheet")}: ${plural(e, "error")}, ${plural(w, "warning")}, ${plural(i, "note")}`,
    cleanBooks: (n, others) => `${others ? `${n} other ${n === 1 ? "book" : "books"}` : plural(n, "book")}: all points add up`,
    cleanScoringSheets: (n, others) => `${others ? `${n} other ${n === 1 ? "scoring sheet" : "scoring sheets"}` : plural(n, "scoring sheet")}: every value entered is in range`,
    hidden: { hidden: " (hidden)", veryHidden: " (very hidden)" },
    noBooks: (file, sheets) => `${file}: no responsibility book found in its ${plural(sheets, "sheet")}; nothing was checked`,
  },
  pane: {
    title: "Kaohe - target responsibility assessment",
    recheck: "Check again",
    summarize: "Add summary sheets",
    summarizing: "Adding summary sheets…",
    summarized: (names: string[]) => `Added sheets: ${names.join(", ")} (existing sheets unchanged)`,
    readingList: "Reading the list of sheets…",
    reading: (done: number, total: number) => `Reading sheets ${done}/${total}…`,
    checking: "Checking the points…",
    failed: "The check failed",
    summaryFailed: "Adding the summary sheets failed",
    counts: (sheets: number, books: number) => `${sheets} sheets · ${books} books`,
    all: "All",
    noFindings: "No issues: every category's points match its indicators.",
    noneOfSeverity: "No issues of this kind.",
    noBooks: "No responsibility book found (a table with headers such as 类别, 考核指标, 分值 is needed).",
    stated: "stated",
    computed: "computed",
    goTo: (sheet: string, cell: string) => `Go to ${sheet}!${cell}`,
    books: (n: number) => `Books found (${n})`,
    bookColumns: { sheet: "Sheet", unit: "Unit", total: "Total/base", indicators: "Indicators" },
    hiddenSheet: { hidden: "hidden", veryHidden: "very hidden" },
    findings: "Issues",
    filter: "Filter by severity",
    autoRecheck: "Checks again when a sheet changes",
    scoring: "Scoring and ranking",
    scoreSheets: "Generate scoring sheets",
    scoringBusy: "Generating the scoring sheets…",
    portable: "Portable formulas (compute without the add-in: WPS, older Excel)",
    scored: (names: string[], replaced: number, kept: number) =>
      `Generated ${names.length} scoring sheets: ${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""}` + (replaced > 0 ? ` (replaced ${replaced} generated earlier, keeping the values entered on ${kept} rows)` : ""),
    carried: (moved: number, setAside: number, sheet: string | null) =>
      `; entries: ${moved} moved to a renamed or moved indicator, ${setAside} set aside${sheet ? ` (as entered, on sheet "${sheet}")` : ""}`,
    scoringFailed: "Generating the scoring sheets failed",
    rank: "Ranking",
    rankBusy: "Ranking the units…",
    ranked: (name: string, units: number) => `Added sheet: ${name} (${units} units)`,
    rankFailed: "The ranking failed",
    noScoringSheets: "No scoring sheet: generate the scoring sheets first, or pick the workbooks the units sent back.",
    rankedUnentered: (units: number) => `, of which ${units} with nothing entered are not ranked`,
    otherWorkbooks: "Workbooks sent back by the units (.xlsx, several allowed)",
    picked: (n: number) => `${n} files picked`,
    wordImport: "Import from Word",
    wordImportHint: "Pick the book's Word original (.docx): each table, with its titles and unit names, becomes a new sheet",
    wordImportBusy: "Importing the Word document…",
    wordImported: (names: string[], tables: number) => `Imported ${tables} tables from Word; added sheets: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}`,
    wordImportFailed: "Importing the Word document failed",
    pasted: (sheet: string, rows: number, labels: number) => `"${sheet}" looks pasted from Word: ${rows > 0 ? `${rows} cells split over rows` : ""}${rows > 0 && labels > 0 ? ", " : ""}${labels > 0 ? `${labels} vertical labels` : ""}`,
    cleanPasted: "Lay out as a table (new sheet)",
    cleaned: (name: string) => `Added sheet: ${name} (the source sheet is unchanged)`,
    cleanFailed: "Laying out the sheet failed",
    cleanedSuffix: " (cleaned)",
  },
  preview: {
    title: "Kaohe · preview", open: "Open an .xlsx file", loading: "Loading the workbook…", failed: "Cannot open the workbook: ", selected: "Selected: ",
    none: "No cell selected", sheets: "Sheets", file: "File: ", editable: "Input cell: type or double-click, Enter to confirm, Esc to cancel",
    editor: "Edit cell",
  },
  cli: {
    title: "kaohe - target responsibility books",
    usage: "usage: ",
    commands: {
      "import-text": "Word-table text to an .xlsx workbook (docs/LAYOUT.md)",
      "import-docx": "a Word document's tables and titles to an .xlsx workbook (docs/LAYOUT.md)",
      "build-seeds": "rebuild seeds/*.xlsx from seeds/*.txt (replaces them)",
      tree: "the categories and indicators of every book found",
      check: "where a book's points do not add up, and scores entered out of range (exit 1 on errors)",
      summary: "write the summary, issue list and owners sheets to a new .xlsx",
      "score-sheet": "add a scoring sheet per assessed unit, with the common tables that apply (--portable: native Excel formulas, no add-in needed)",
    },
    options: "every command takes --lang zh|en (default: the system's language) and --help; kaohe --version prints the version",
    exitCodes: "exit codes: 0 ok, 1 the check found errors, 2 unreadable input or bad usage",
  },
  "category-sum": (p) =>
    `Category ${p.category} states ${p.stated} points; its ${p.nested ? "items" : "indicators"} add up to ${p.computed}` +
    (p.unpointed ? ` (${p.unpointed} more without points)` : ""),
  "category-sum.bonus": (p) => `Category ${p.category} states ${p.stated} bonus points; its items' bonus points add up to ${p.computed}`,
  "category-sum.total-row": (p) => `The ${p.label} row states ${p.stated}; the items it covers add up to ${p.computed}`,
  "unit-total": (p) => {
    const reasons = [
      p.pending.length ? `pending rows (${p.pending.join(", ")}) have no points yet` : "",
      p.deduction.length ? `deduction-only categories (${p.deduction.join(", ")}) carry no base points` : "",
    ].filter(Boolean);
    return `${p.unit}: categories add up to ${p.computed}, not the base ${p.base}` + (reasons.length ? `; ${reasons.join("; ")}` : "");
  },
  "unit-total.no-base": (p) => `${p.unit}: no total is stated; the categories add up to ${p.computed}`,
  "missing-points": (p) =>
    `Indicator ${p.indicator} has no points` + (p.categoryPoints !== null ? ` (category ${p.category}, ${p.categoryPoints} points)` : ""),
  "empty-target": (p) => `${p.indicator} has no target text to be assessed against`,
  "missing-owner": (p) => `Indicator ${p.indicator} has no responsible unit`,
  "penalty-tiers": (p) => `${p.category}: the penalty depends on the level of the notice (${p.tiers.join(" / ")}); choose one when scoring`,
  "points-conflict": (p) => `${p.indicator}: the points column says ${p.column}, the text says ${p.text}`,
  "points-conflict.bonus-cap": (p) => `The method allows ${p.method} bonus points; the bonus section states ${p.section}`,
  "bonus-cap": (p) => `Bonus item ${p.item} allows ${p.cap}, more than the overall bonus cap of ${p.overall}`,
  "bonus-cap.unreachable": (p) => `The bonus cap is ${p.cap}, but the items' caps add up to only ${p.total}`,
  "bonus-cap.allowance": (p) => `The method allows ${p.allowance} bonus points; the rows' bonus points add up to ${p.total}`,
  "weights-sum": (p) => `Assessor weights (${p.weights.map((w) => `${w.label} ${w.percent}%`).join(", ")}) add up to ${p.total}%, not 100%`,
  "weights-sum.column": (p) => `The weights in column ${p.column} add up to ${p.total}, not 100`,
  "weights-sum.parts": (p) => `the weights of the unit's own and common indicators add up to ${p.total}, not 1 (100%), or one is negative`,
  "inline-sum": (p) => `${p.indicator} states ${p.stated} points; the sub-points in its target add up to ${p.computed}`,
  "inline-sum.heading": (p) => `${p.heading} states ${p.stated} points; its items add up to ${p.computed}`,
  "inline-sum.criterion": (p) =>
    `${p.indicator} states ${p.stated} points; its scoring criterion gives full marks of ${p.computed}` +
    (p.ambiguous ? " (it also deducts from the total)" : ""),
  "quarter-sum": (p) =>
    `${p.indicator}, ${p.quarter}: should carry ${p.expected} points` + (p.annual === null ? "" : ` (after the annual part of ${p.annual})`) +
    `; its items add up to ${p.computed}`,
  "target-sum": (p) =>
    `${p.indicator}: the annual target is ${p.annual}${p.unit}; the periods ${p.cumulative ? "end at" : "add up to"} ${p.computed}${p.unit}`,
  "score-range.count": (p) => `${p.indicator}: ${label(p.label)} ${p.score} cannot be negative`,
  "score-range.deduction": (p) =>
    `${p.indicator}: ${label(p.label)} ${p.score} is more than its ${p.max} points (the score stops at 0; check the entry)`,
  "score-range.penalty": (p) => `${p.indicator}: penalty ${p.score} should lie between ${p.floor ?? "-"} and 0`,
  "score-range.below": (p) => `${p.indicator}: ${label(p.label)} ${p.score} is below 0`,
  "score-range.above": (p) => `${p.indicator}: ${label(p.label)} ${p.score} is above its ${p.bonus ? "cap" : "points"} of ${p.max}`,
  "entered-value": (p) => `${p.indicator}: ${label(p.label)} "${p.value}" is not a number`,
  "entered-value.book": (p) => `${p.indicator}: ${p.label} holds "${p.value}", not a number`,
  "entered-value.veto": (p) => `Veto: "${p.value}" is not read as a veto; type TRUE or 1 to veto, or leave the cell empty`,
  "negative-points": (p) => `${p.indicator}: ${p.points} points; points below 0 belong to penalty rows and negative lists only, check the entry`,
  "total-mismatch": (p) => `The total shows ${p.shown}, the scores entered give ${p.computed} (the formula was not recalculated, or was overwritten); ranked by ${p.computed}`,
  "duplicate-unit": (p) =>
    `${p.unit} has another scoring sheet in ${p.other} (${p.otherTotal === p.keptTotal ? `the same total, ${p.keptTotal ?? "none"}` : `total ${p.otherTotal ?? "none"}, not ${p.keptTotal ?? "none"}`}); ranked once, by ${p.kept}`,
  "cli.ranked": (p) =>
    `Ranking: ${p.ranked} units ranked` +
    (p.unentered.length > 0 ? `; ${p.unentered.length} units with nothing entered, not ranked: ${p.unentered.slice(0, 10).join(", ")}${p.unentered.length > 10 ? " …" : ""}` : "") +
    (p.uncomputable.length > 0 ? `; ${p.uncomputable.length} units whose scores cannot be computed: ${p.uncomputable.slice(0, 10).join(", ")}${p.uncomputable.length > 10 ? " …" : ""}` : "") +
    (p.duplicates > 0 ? `; ${p.duplicates} duplicate scoring sheets counted once` : ""),
  "input.title": () => "Out of range",
  "input.rule": (p) =>
    p.kind === "list"
      ? `Type ${p.values.join(" or ")}, or leave the cell empty`
      : `Type a ${p.kind === "whole" ? "whole number" : "number"}${p.min !== null && p.max !== null ? ` from ${p.min} to ${p.max}` : p.min !== null ? ` of at least ${p.min}` : p.max !== null ? ` of at most ${p.max}` : ""}`,
  "sheet.empty": () => "the sheet is empty",
  "sheet.header-only": () => "a header row but no indicator rows",
  "sheet.summary": () => "a summary sheet made by Kaohe, not a book",
  "sheet.scoring": () => "a scoring sheet made by Kaohe, not a book",
  "sheet.no-header": () => "no header row (类别, 考核指标, 分值…): not a responsibility book",
  "sheet.closest-header": (p) =>
    `no header row: row ${p.row} (${p.labels.join("、")}) came closest, but only ${p.known.join("、")} are known labels; a header needs at least two, and most of its cells`,
  "workbook.no-sheet": (p) => `no sheet named "${p.sheet}"`,
  "workbook.not-scoring-sheet": (p) => `"${p.sheet}" is not a scoring sheet Kaohe generated`,
  "workbook.not-input-cell": (p) => `${p.sheet}!${p.cell} is not an input cell of a scoring sheet`,
  "workbook.no-worksheets": () => "the workbook has no worksheets",
  "workbook.nothing-to-score": () => "no responsibility book found in the workbook (nothing to score)",
  "workbook.not-scoring-sheets": (p) => `not scoring sheets Kaohe generated: ${p.sheets.join(", ")}`,
  "workbook.read-only": () => "a picked workbook is read-only",
  "scoring.negative": (p) => `${quantity(p.what)} must not be negative: ${p.value}`,
  "scoring.same-size": (p) =>
    `${quantity(p.first)} has ${p.firstCount} values but ${quantity(p.second)} has ${p.secondCount}; they must be the same size`,
  "scoring.empty": (p) => `${quantity(p.what)} is empty`,
  "scoring.descending": (p) => `${quantity(p.what)} must go from the highest down: ${p.values.join(", ")}`,
  "scoring.not-a-level": (p) => `"${p.label}" is not one of the levels: ${p.labels.join(", ")}`,
  "scoring.target-not-positive": (p) => `the target of a completion rate must be greater than 0: ${p.target}`,
  "scoring.lower-actual": (p) => `a lower-is-better completion rate has no value when the actual is ${p.actual}`,
  "scoring.lower-target-negative": (p) => `a lower-is-better target must not be negative: ${p.target}`,
  "scoring.weights-total": (p) => `weights add up to ${p.total}, not 100% (fractions must add up to 1, percentages to 100)`,
  "scoring.quarter-count": (p) => `at most 4 quarter scores, got ${p.count}`,
  "scoring.grade-labels": (p) => `there must be one more label than thresholds: ${p.thresholds} thresholds, ${p.labels} labels`,
  "scoring.not-ranked": (p) => `score ${p.score} is not among the scores ranked`,
  "function.blank": (p) => `${quantity(p.name)} is empty; a number is needed`,
  "function.not-number": (p) =>
    `${quantity(p.name)} must be a number, not ${quoted(p.value, p.text)}${p.text ? " (KH.POINTS reads points from text)" : ""}`,
  "function.not-finite": (p) => `${quantity(p.name)} is not a finite number`,
  "function.not-boolean": (p) => `${quantity(p.name)} must be TRUE or FALSE, not ${quoted(p.value, p.text)}`,
  "function.not-ordinal": (p) => `${quantity(p.name)} must be a whole number from 1: ${p.value}`,
  "function.unknown-word": (p) => `${quantity(p.name)} "${p.value}" is not one of: ${p.words.map((w) => w.join("/")).join(", ")}`,
  "function.result-not-finite": () => "the result is beyond the numbers Excel can hold",
  "function.boolean-points": () => "a TRUE/FALSE value states no points",
  "function.tiered-points": (p) => `the deduction depends on the level (${p.amounts.join(" / ")}); KH.TIER picks one`,
  "function.several-points": (p) => `the text states points ${p.count} times; KH.SUBPOINTS adds them up`,
  "function.no-points": () => "the text states no points",
  "function.no-subpoints": () => "the text states no sub-points",
  "function.no-target": () => "the text states no numeric target",
  "function.few-targets": (p) => `the text states only ${p.count} numeric targets`,
  "xlsx.grid-area": (p) =>
    `sheet "${p.sheet}" spans ${p.range}${p.at === null ? "" : ` (a value at ${p.at})`}, ${count(p.cells)} cells` +
    ` (limit: ${count(p.limit)} cells from A1 to the last used cell of a sheet)`,
  "xlsx.cells": (p) => `the workbook has more than ${count(p.limit)} cells with values (limit: ${count(p.limit)} cells)`,
  "xlsx.text-length": (p) => `${p.where}: a text of ${count(p.length)} characters (limit: ${count(p.limit)} characters in a cell)`,
  "xlsx.inflated": (p) => `the workbook's XML inflates to more than ${count(p.limit)} bytes (limit: ${count(p.limit)} bytes inflated)`,
  "xlsx.copy-merge": (p) =>
    `sheet "${p.sheet}" merges ${p.range}, more cells than a copy of the workbook can hold (limit: ${count(p.limit)} cells)`,
  "xlsx.missing-part": (p) => `the zip has no ${p.part}`,
  "xlsx.zip": (p) => `the zip cannot be read (${p.detail})`,
  "xlsx.damaged": (p) => p.detail,
  "xlsx.xml": (p) => `${p.part} is not well-formed XML (${xmlProblem(p.problem)})`,
  "cli.in-file": (p) => `${p.file}: ${renderIn(en, p.message)}`,
  "cli.unknown-command": (p) =>
    `unknown command "${p.name}"` + (p.nearest ? `; did you mean ${p.nearest}?` : "") + ` (commands: ${p.commands.join(", ")})`,
  "cli.unknown-option": (p) => `${p.command}: unknown option ${p.option} (see ${p.command} --help)`,
  "cli.option-value": (p) => `${p.command}: option ${p.option} has a wrong value (see ${p.command} --help)`,
  "cli.unexpected-argument": (p) => `${p.command}: unexpected argument "${p.argument}"`,
  "cli.bad-lang": (p) => `--lang must be zh or en, not "${p.value}"`,
  "cli.arguments": (p) => (p.count === "none" ? `${p.command} takes no arguments` : `${p.command} takes one input file`),
  "cli.files-missing": () => "name at least one workbook (.xlsx, .xls, .et, .ods)",
  "cli.one-file": () => "name one workbook file",
  "cli.output-missing": () => "name the output file with -o <out.xlsx>",
  "cli.output-xlsx": () => "-o must name an .xlsx file (the output is always .xlsx)",
  "cli.input-txt": () => "the input must be a .txt file",
  "cli.split": (p) => `--split must be one of ${p.modes.join(", ")}`,
  "cli.bad-argument": (p) => `bad arguments: ${p.field} (${p.detail})`,
  "cli.empty-argument": (p) => `bad arguments: ${p.field} (Too small: expected string to have >=1 characters)`,
  "cli.file-not-found": (p) => `${p.file}: file not found`,
  "cli.is-directory": (p) => `${p.file}: is a directory, not ${inputKind[p.wanted]}`,
  "cli.cannot-read": (p) => `${p.file}: cannot read the file (${p.code})`,
  "cli.not-text": (p) => `${p.file}: not a text file (binary content)`,
  "cli.no-worksheets": (p) => `${p.file}: the workbook has no worksheets`,
  "cli.docx-empty": (p) => `${p.file}: the document has no text and no table`,
  "cli.nothing-to-score": (p) => `${p.file}: no responsibility book found in the workbook (nothing to score)`,
  "cli.nothing-to-summarize": (p) => `${p.file}: no responsibility book found in the workbook; no summary written (kaohe check gives each sheet's reason)`,
  "cli.output-is-input": (p) => `${p.file}: is an input file; the output goes to a new file`,
  "cli.exists": (p) => `${p.file}: already exists (use --force to replace it)`,
  "cli.no-output-folder": (p) => `${p.file}: the output folder does not exist`,
  "cli.cannot-write": (p) => `${p.file}: cannot write the file (${p.code})`,
  "cli.output-workbook": () => "-o must name an .xlsx file (.xlsm for a workbook with macros)",
  "cli.macros-need-xlsm": (p) => `${p.file}: holds macros (VBA); name the output .xlsm to keep them`,
  "cli.xlsm-needs-macros": (p) => `${p.file}: only a workbook with macros is written as .xlsm; name the output .xlsx`,
  "cli.not-kept": (p) => `${p.sheet}: generated again; what was added on the old sheet could not be kept (${p.parts.join(", ")})`,
  "cli.no-repository": () => "the kaohe repository (its package.json) was not found above the command",
  unreadable: (p) => (p.file ? `${p.file}: ${unreadable(p)}` : unreadable(p)),
  "cli.imported-text": (p) => `${p.file}: ${p.sheets.length} sheets, ${p.rows} rows (${p.sheets.join(" / ")})`,
  "cli.imported-docx": (p) => `${p.file}: ${p.sheets.length} sheets, ${p.tables} tables, ${p.rows} rows (${p.sheets.join(" / ")})`,
  "cli.scored": (p) => `${p.file}: ${p.sheets} scoring sheets${p.portable ? " (portable formulas)" : ""}`,
  "cli.carried": (p) =>
    `entries: ${p.kept} kept, ${p.moved} moved to a renamed or moved indicator, ${p.setAside} set aside${p.sheet ? ` (as entered, on sheet "${p.sheet}")` : ""}`,
};
