/**
 * `check <workbook>... [--errors] [--quiet] [--json] [--lang zh|en]` (.xlsx, .xls, .et, .ods): every place where a book
 * does not add up, and every value entered on a scoring sheet (评分表) of the same workbook that is out of range or not
 * a number. A book or scoring sheet with nothing to say is counted in one line, not listed; `--errors` lists errors
 * only, `--quiet` prints the counts only. Hidden sheets are read and checked like the others and named as hidden.
 * Exit 0 when no finding is an error, 1 when some are or when a workbook holds no book (each sheet's reason is
 * printed), 2 when an input cannot be read (then nothing is printed).
 */
import { checkWorkbook, hasErrors, type WorkbookCheck } from "../../app/check";
import { hiddenSheets, type SheetHiding } from "../../core/grid";
import { findingMessage, findingToJson, type Finding, type Language, type Severity } from "../../core/rules";
import { files, flag, validate } from "../arguments";
import { EXIT_FINDINGS, EXIT_OK, type RunCommand } from "../command";
import { readingMessage, sheetReadingsJson } from "../sheetReadings";
import { LOCALES } from "../../locales";
import { readWorkbookFile } from "../xlsxRead";

const checkArgs = { files: files({ min: 1, message: "cli.files-missing" }), json: flag(), errors: flag(), quiet: flag() };

interface FileCheck extends WorkbookCheck {
  file: string;
}

interface ReportOptions {
  language: Language;
  /** Errors only. */
  errors: boolean;
  /** Counts only. */
  quiet: boolean;
}

const MARKS: Record<Severity, string> = { error: "✗", warning: "!", info: "·" };

/** Whether a workbook gave no book at all: nothing was checked, which is not a success. */
export function holdsNoBook(check: WorkbookCheck): boolean {
  return check.reading.books.length === 0;
}

/** The lines of one file: each book and scoring sheet with something to say, each sheet without a book and why, and
 * one line for those with nothing to say. */
function fileLines(check: FileCheck, options: ReportOptions): string[] {
  const { language } = options;
  const l = LOCALES[language].report;
  const { file, reading, perBook, scoring, rows } = check;
  const hidden = hiddenSheets(check.grids);
  const shown = (findings: Finding[]) => (options.errors ? findings.filter((f) => f.severity === "error") : findings);
  const sheetName = (sheet: string) => {
    const hiding: SheetHiding | undefined = hidden.get(sheet);
    return hiding ? `${sheet}${l.hidden[hiding]}` : sheet;
  };
  const findingLine = (f: Finding) => `    ${MARKS[f.severity]} ${l.severity[f.severity]} ${f.cell} [${f.rule}] ${findingMessage(f, language)}`;
  const noBook = holdsNoBook(check);
  const lines = [`${l.file}: ${file}`];
  let listedBooks = 0;
  let cleanBooks = 0;
  let listedSheets = 0;
  let cleanSheets = 0;
  for (const sheet of reading.sheets) {
    const scored = scoring.find((s) => s.sheet === sheet.sheet);
    if (scored) {
      const own = shown(scored.findings);
      if (own.length === 0 && !hidden.has(sheet.sheet)) {
        cleanSheets++;
        continue;
      }
      listedSheets++;
      lines.push(`  ${sheetName(scored.sheet)} · ${scored.unit}  (${l.scoringSheet})`);
      if (own.length === 0) lines.push(`      ${l.scoringClean}`);
      for (const f of own) lines.push(findingLine(f));
      continue;
    }
    if (sheet.reason) {
      // Why a sheet gave no book: always when the workbook gave none (that is the reason for exit 1), else not
      // among errors only.
      if (noBook || !options.errors) lines.push(`  ${l.sheet} ${sheetName(sheet.sheet)}: ${l.noBook} (${readingMessage(sheet, language)})`);
      continue;
    }
    reading.books.forEach((book, index) => {
      if (book.sheet !== sheet.sheet) return;
      const own = shown(perBook[index]);
      if (own.length === 0 && (options.errors || !hidden.has(book.sheet))) {
        cleanBooks++;
        return;
      }
      listedBooks++;
      const row = rows[index];
      const total = book.kind === "penalty-list" ? "" : `  (${l.total} ${row.computed} / ${l.base} ${row.stated})`;
      lines.push(`  ${sheetName(book.sheet)} · ${book.unit}${total}`);
      if (own.length === 0) lines.push(`      ${l.clean}`);
      for (const f of own) lines.push(findingLine(f));
    });
  }
  if (noBook) {
    lines.push(`  ${l.noBooks(file, reading.sheets.length)}`);
    return lines;
  }
  if (options.errors) return lines;
  if (cleanBooks > 0) lines.push(`  ${l.cleanBooks(cleanBooks, listedBooks > 0)}`);
  if (cleanSheets > 0) lines.push(`  ${l.cleanScoringSheets(cleanSheets, listedSheets > 0)}`);
  return lines;
}

/** The closing counts: every finding, whatever was listed. */
function countLines(checks: FileCheck[], language: Language): string[] {
  const l = LOCALES[language].report;
  const all = checks.flatMap((c) => c.perBook.flat());
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  const books = checks.reduce((n, c) => n + c.reading.books.length, 0);
  const lines = [l.counts(books, count("error"), count("warning"), count("info"))];
  const sheets = checks.flatMap((c) => c.scoring);
  if (sheets.length > 0) {
    const entered = sheets.flatMap((s) => s.findings);
    const countEntered = (s: Severity) => entered.filter((f) => f.severity === s).length;
    lines.push(l.scoringCounts(sheets.length, countEntered("error"), countEntered("warning"), countEntered("info")));
  }
  return lines;
}

function humanReport(checks: FileCheck[], options: ReportOptions): string {
  const lines: string[] = [];
  for (const check of checks) {
    if (!options.quiet) lines.push(...fileLines(check, options));
    else if (holdsNoBook(check)) lines.push(...fileLines(check, { ...options, errors: true }));
  }
  // A run in which no workbook gave a book ends on why, not on "0 books".
  if (checks.some((check) => !holdsNoBook(check))) {
    if (lines.length > 0) lines.push("");
    lines.push(...countLines(checks, options.language));
  }
  return lines.join("\n");
}

function jsonReport(checks: FileCheck[], language: Language, errorsOnly: boolean): string {
  const keep = (findings: Finding[]) => (errorsOnly ? findings.filter((f) => f.severity === "error") : findings);
  const files = checks.map((check) => {
    const { file, reading, perBook, scoring, rows } = check;
    const hidden = hiddenSheets(check.grids);
    const visibility = (sheet: string) => hidden.get(sheet) ?? "visible";
    return {
      file,
      books: rows.map((s) => ({ sheet: s.sheet, unit: s.unit, cell: s.cell, stated: s.stated, computed: s.computed, visibility: visibility(s.sheet) })),
      findings: keep(perBook.flat()).map((f) => findingToJson(f, language)),
      sheets: sheetReadingsJson(reading.sheets, language, hidden),
      scoringSheets: scoring.map((s) => ({ sheet: s.sheet, unit: s.unit, visibility: visibility(s.sheet), findings: keep(s.findings).map((f) => findingToJson(f, language)) })),
      noBook: holdsNoBook(check),
    };
  });
  return JSON.stringify({ files }, null, 2);
}

export const run: RunCommand = async (values, positionals) => {
  const args = validate(checkArgs, { ...values, files: positionals });
  const checks: FileCheck[] = [];
  // Read every file first: an unreadable one stops the command before anything is printed.
  const grids = [];
  for (const file of args.files) grids.push({ file, grids: await readWorkbookFile(file, args.lang) });
  for (const { file, grids: sheets } of grids) checks.push({ file, ...(await checkWorkbook({ readSheets: async () => sheets })) });
  if (args.json) console.log(jsonReport(checks, args.lang, args.errors));
  else console.log(humanReport(checks, { language: args.lang, errors: args.errors, quiet: args.quiet }));
  return checks.some((c) => hasErrors(c) || holdsNoBook(c)) ? EXIT_FINDINGS : EXIT_OK;
};
