/**
 * `tree <workbook>... [--json] [--lang zh|en]` (.xlsx, .xls, .et, .ods; --lang for the messages about unreadable files): every book found, with its categories and indicators.
 */
import { z } from "zod";
import { readWorkbookBooks } from "../../app/books";
import { bookToJson } from "../../core/book";
import { hiddenSheets } from "../../core/grid";
import { type Command, EXIT_OK, validate } from "../command";
import { sheetReadingsJson } from "../sheetReadings";
import { fileTreeLines } from "../treeOutput";
import { readWorkbookFile } from "../xlsxRead";

const treeArgs = z.object({
  files: z.array(z.string().min(1)).min(1, "cli.files-missing"),
  json: z.boolean().default(false),
  lang: z.enum(["zh", "en"], { error: "--lang must be zh or en" }).default("zh"),
});

export const treeCommand: Command = {
  usage: "tree <file.xlsx|.xls|.et|.ods>... [--json] [--lang zh|en]",
  options: { json: { type: "boolean" }, lang: { type: "string" } },
  async run(values, positionals) {
    const args = validate(treeArgs, { ...values, files: positionals });
    const files = [];
    for (const file of args.files) files.push({ file, grids: await readWorkbookFile(file, args.lang) });
    const readings = [];
    for (const { file, grids } of files) readings.push({ file, hidden: hiddenSheets(grids), ...(await readWorkbookBooks({ readSheets: async () => grids })) });
    if (args.json) {
      const json = readings.map((r) => ({ file: r.file, books: r.books.map(bookToJson), sheets: sheetReadingsJson(r.sheets, args.lang, r.hidden) }));
      console.log(JSON.stringify({ files: json }, null, 2));
    } else {
      console.log(readings.map((r) => fileTreeLines(r.file, r.books, r.sheets, args.lang, r.hidden).join("\n")).join("\n\n"));
    }
    return EXIT_OK;
  },
};
