/**
 * `tree <workbook>... [--json] [--lang zh|en]` (.xlsx, .xls, .et, .ods; --lang for the messages about unreadable files): every book found, with its categories and indicators.
 */
import { readWorkbookBooks } from "../../app/books";
import { bookToJson } from "../../core/book";
import { hiddenSheets } from "../../core/grid";
import { files, flag, validate } from "../arguments";
import { EXIT_OK, type RunCommand } from "../command";
import { sheetReadingsJson } from "../sheetReadings";
import { fileTreeLines } from "../treeOutput";
import { readWorkbookFile } from "../xlsxRead";

const treeArgs = { files: files({ min: 1, message: "cli.files-missing" }), json: flag() };

export const run: RunCommand = async (values, positionals) => {
  const args = validate(treeArgs, { ...values, files: positionals });
  const read = [];
  for (const file of args.files) read.push({ file, grids: await readWorkbookFile(file, args.lang) });
  const readings = [];
  for (const { file, grids } of read) readings.push({ file, hidden: hiddenSheets(grids), ...(await readWorkbookBooks({ readSheets: async () => grids })) });
  if (args.json) {
    const json = readings.map((r) => ({ file: r.file, books: r.books.map(bookToJson), sheets: sheetReadingsJson(r.sheets, args.lang, r.hidden) }));
    console.log(JSON.stringify({ files: json }, null, 2));
  } else {
    console.log(readings.map((r) => fileTreeLines(r.file, r.books, r.sheets, args.lang, r.hidden).join("\n")).join("\n\n"));
  }
  return EXIT_OK;
};
