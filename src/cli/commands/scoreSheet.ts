/**
 * `score-sheet <file.xlsx> -o <out.xlsx> [--portable] [--force]`: a copy of the workbook with a scoring sheet
 * (评分表) per book added. Existing sheets stay as they are; scoring sheets already in the workbook are generated
 * again with every value entered on them kept (rows matched by what they stand for in the book; what matches no row
 * is kept on a 未匹配的录入 sheet), and the entries kept, moved and set aside are counted: src/app/scoringSheets.ts.
 */
import { z } from "zod";
import { addScoringSheets, NothingToScoreError } from "../../app/scoringSheets";
import { render } from "../../locales";
import { type Command, EXIT_OK, validate } from "../command";
import { InputError } from "../inputError";
import { openForAdding } from "../addingWorkbook";
import { refuseInputAsOutput } from "../xlsxWrite";

const args = z.object({
  files: z.array(z.string().min(1)).length(1, "cli.one-file"),
  output: z.string({ error: "cli.output-missing" }).min(1, "cli.output-missing").regex(/\.xls[xm]$/i, "cli.output-workbook"),
  portable: z.boolean().default(false),
  force: z.boolean().default(false),
  lang: z.enum(["zh", "en"], { error: "--lang must be zh or en" }).default("zh"),
});

export const scoreSheetCommand: Command = {
  usage: "score-sheet <file.xlsx|.xls|.et|.ods> -o <out.xlsx> [--portable] [--force] [--lang zh|en]",
  options: { output: { type: "string", short: "o" }, portable: { type: "boolean" }, force: { type: "boolean" }, lang: { type: "string" } },
  async run(values, positionals) {
    const a = validate(args, { ...values, files: positionals });
    await refuseInputAsOutput(a.output, a.files);
    const workbook = await openForAdding(a.files[0], a.lang);
    const done = await addScoringSheets(workbook.adapter, { portable: a.portable }).catch((error: unknown) => {
      throw error instanceof NothingToScoreError ? new InputError({ key: "cli.nothing-to-score", params: { file: a.files[0] } }) : error;
    });
    await workbook.save(a.output, { force: a.force, language: a.lang });
    const sheets = done.names.length - (done.unmatchedSheet === null ? 0 : 1);
    console.log(render({ key: "cli.scored", params: { file: a.output, sheets, portable: a.portable } }, a.lang));
    if (done.replaced > 0) {
      const params = { kept: done.kept, moved: done.moved, setAside: done.setAside, sheet: done.unmatchedSheet };
      console.log(render({ key: "cli.carried", params }, a.lang));
    }
    return EXIT_OK;
  },
};
