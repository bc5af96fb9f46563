/**
 * Every message in English (`--lang en`, Office in another language than Chinese). Names from the books stay as
 * they are written.
 */
import type { EntryLabel, EntryWord, InputKind, Locale, MessageParams } from "./keys";

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

const label = (l: EntryLabel): string =>
  `${l.prefix ? `${l.prefix} ` : ""}${l.word ? entryWord[l.word] : l.group ? `${l.group} score` : (l.column ?? "")}`;

export const en: Locale = {
  entryWord,
  tree: {
    file: "File", sheet: "Sheet", books: (n) => `${n} books`, noBook: (reason) => `no book found (${reason})`,
    book: "Book", kind: "kind", at: "at", base: "base", baseAssumed: " (not stated)", otherColumns: "other columns",
    category: "Category", cap: "cap", bonus: "bonus", weight: "weight", cell: "cell", indicator: "Indicator", owner: "responsible unit",
    parts: "parts", criterion: "criterion's full marks", noPoints: "no points", points: (p) => `${p} pts`,
    headingPoints: (label, p) => `${label} (${p} pts)`,
    colon: ": ", list: ", ", partList: "; ",
    categoryKinds: { normal: "scored", deduction: "deduction-only", bonus: "bonus", penalty: "negative list", pending: "pending", reference: "see its own book" },
    indicatorKinds: { score: "scored", deduction: "deduction", pending: "pending", reference: "see its own book", penalty: "penalty", bonus: "bonus" },
  },
  report: {
    file: "File", sheet: "Sheet", total: "total", base: "base", noBook: "no book found",
    severity: { error: "error", warning: "warning", info: "info" },
    counts: (books, e, w, i) => `${books} books: ${e} errors, ${w} warnings, ${i} notes`,
    clean: "all points add up",
    scoringSheet: "scoring sheet",
    scoringClean: "every value entered is in range",
    scoringCounts: (sheets, e, w, i) => `${sheets} scoring sheets: ${e} errors, ${w} warnings, ${i} notes`,
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
    findings: "Issues",
    filter: "Filter by severity",
    autoRecheck: "Checks again when a sheet changes",
    scoring: "Scoring and ranking",
    scoreSheets: "Generate scoring sheets",
    scoringBusy: "Generating the scoring sheets…",
    portable: "Portable formulas (compute without the add-in: WPS, older Excel)",
    scored: (names: string[], replaced: number, kept: number) =>
      `Generated ${names.length} scoring sheets: ${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""}` + (replaced > 0 ? ` (replaced ${replaced} generated earlier, keeping the values entered on ${kept} rows)` : ""),
    scoringFailed: "Generating the scoring sheets failed",
    rank: "Ranking",
    rankBusy: "Ranking the units…",
    ranked: (name: string, units: number) => `Added sheet: ${name} (${units} units)`,
    rankFailed: "The ranking failed",
    noScoringSheets: "No scoring sheet: generate the scoring sheets first, or pick the workbooks the units sent back.",
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
  "cli.file-not-found": (p) => `${p.file}: file not found`,
  "cli.is-directory": (p) => `${p.file}: is a directory, not ${inputKind[p.wanted]}`,
  "cli.cannot-read": (p) => `${p.file}: cannot read the file (${p.code})`,
  "cli.not-text": (p) => `${p.file}: not a text file (binary content)`,
  "cli.no-worksheets": (p) => `${p.file}: the workbook has no worksheets`,
  "cli.docx-empty": (p) => `${p.file}: the document has no text and no table`,
  "cli.nothing-to-score": (p) => `${p.file}: no responsibility book found in the workbook (nothing to score)`,
  "cli.output-is-input": (p) => `${p.file}: is an input file; the output goes to a new file`,
  "cli.exists": (p) => `${p.file}: already exists (use --force to replace it)`,
  "cli.no-output-folder": (p) => `${p.file}: the output folder does not exist`,
  "cli.cannot-write": (p) => `${p.file}: cannot write the file (${p.code})`,
  "cli.no-repository": () => "the kaohe repository (its package.json) was not found above the command",
  unreadable: (p) => (p.file ? `${p.file}: ${unreadable(p)}` : unreadable(p)),
  "cli.imported-text": (p) => `${p.file}: ${p.sheets.length} sheets, ${p.rows} rows (${p.sheets.join(" / ")})`,
  "cli.imported-docx": (p) => `${p.file}: ${p.sheets.length} sheets, ${p.tables} tables, ${p.rows} rows (${p.sheets.join(" / ")})`,
  "cli.scored": (p) => `${p.file}: ${p.sheets} scoring sheets${p.portable ? " (portable formulas)" : ""}`,
};
