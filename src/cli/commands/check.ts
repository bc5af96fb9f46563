/**
 * `check <workbook>... [--json] [--lang zh|en]` (.xlsx, .xls, .et, .ods): every place where a book does not add up, and every value entered
 * on a scoring sheet (评分表) of the same workbook that is out of range or not a number. Exit 0 when no finding is
 * an error, 1 when some are, 2 when an input cannot be read (then nothing is printed).
 */
import { z } from "zod";
import { checkWorkbook, hasErrors, type WorkbookCheck } from "../../app/check";
import { findingMessage, findingToJson, type Finding, type Language, type Severity } from "../../core/rules";
import { type Command, EXIT_FINDINGS, EXIT_OK, validate } from "../command";
import { readingMessage, sheetReadingsJson } from "../sheetReadings";
import { LOCALES } from "../../locales";
import { readWorkbookFile } from "../xlsxRead";

const checkArgs = z.object({
  files: z.array(z.string().min(1)).min(1, "cli.files-missing"),
  json: z.boolean().default(false),
  lang: z.enum(["zh", "en"], { error: "--lang must be zh or en" }).default("zh"),
});

interface FileCheck extends WorkbookCheck {
  file: string;
}

const MARKS: Record<Severity, string> = { error: "✗", warning: "!", info: "·" };

function humanReport(checks: FileCheck[], language: Language): string {
  const l = LOCALES[language].report;
  const lines: string[] = [];
  const findingLine = (f: Finding) => `    ${MARKS[f.severity]} ${l.severity[f.severity]} ${f.cell} [${f.rule}] ${findingMessage(f, language)}`;
  for (const { file, reading, perBook, scoring, rows } of checks) {
    lines.push(`${l.file}: ${file}`);
    for (const sheet of reading.sheets) {
      const scored = scoring.find((s) => s.sheet === sheet.sheet);
      if (scored) {
        lines.push(`  ${scored.sheet} · ${scored.unit}  (${l.scoringSheet})`);
        if (scored.findings.length === 0) lines.push(`      ${l.scoringClean}`);
        for (const f of scored.findings) lines.push(findingLine(f));
        continue;
      }
      if (sheet.reason) {
        lines.push(`  ${l.sheet} ${sheet.sheet}: ${l.noBook} (${readingMessage(sheet, language)})`);
        continue;
      }
      reading.books.forEach((book, index) => {
        if (book.sheet !== sheet.sheet) return;
        const row = rows[index];
        const own = perBook[index];
        const total = book.kind === "penalty-list" ? "" : `  (${l.total} ${row.computed} / ${l.base} ${row.stated})`;
        lines.push(`  ${book.sheet} · ${book.unit}${total}`);
        if (own.length === 0) lines.push(`      ${l.clean}`);
        for (const f of own) lines.push(findingLine(f));
      });
    }
  }
  const all = checks.flatMap((c) => c.perBook.flat());
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  const books = checks.reduce((n, c) => n + c.reading.books.length, 0);
  lines.push("", l.counts(books, count("error"), count("warning"), count("info")));
  const sheets = checks.flatMap((c) => c.scoring);
  if (sheets.length > 0) {
    const entered = sheets.flatMap((s) => s.findings);
    const countEntered = (s: Severity) => entered.filter((f) => f.severity === s).length;
    lines.push(l.scoringCounts(sheets.length, countEntered("error"), countEntered("warning"), countEntered("info")));
  }
  return lines.join("\n");
}

export const checkCommand: Command = {
  usage: "check <file.xlsx|.xls|.et|.ods>... [--json] [--lang zh|en]",
  options: { json: { type: "boolean" }, lang: { type: "string" } },
  async run(values, positionals) {
    const args = validate(checkArgs, { ...values, files: positionals });
    const checks: FileCheck[] = [];
    // Read every file first: an unreadable one stops the command before anything is printed.
    const grids = [];
    for (const file of args.files) grids.push({ file, grids: await readWorkbookFile(file, args.lang) });
    for (const { file, grids: sheets } of grids) checks.push({ file, ...(await checkWorkbook({ readSheets: async () => sheets })) });
    if (args.json) {
      const files = checks.map(({ file, reading, perBook, scoring, rows }) => ({
        file,
        books: rows.map((s) => ({ sheet: s.sheet, unit: s.unit, cell: s.cell, stated: s.stated, computed: s.computed })),
        findings: perBook.flat().map((f) => findingToJson(f, args.lang)),
        sheets: sheetReadingsJson(reading.sheets, args.lang),
        scoringSheets: scoring.map((s) => ({ sheet: s.sheet, unit: s.unit, findings: s.findings.map((f) => findingToJson(f, args.lang)) })),
      }));
      console.log(JSON.stringify({ files }, null, 2));
    } else {
      console.log(humanReport(checks, args.lang));
    }
    return checks.some(hasErrors) ? EXIT_FINDINGS : EXIT_OK;
  },
};
