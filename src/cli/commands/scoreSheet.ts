/**
 * `score-sheet <file.xlsx> -o <out.xlsx> [--portable] [--force]`: a copy of the workbook with a scoring sheet
 * (评分表) per book added. Existing sheets stay as they are; scoring sheets already in the workbook are generated
 * again with every value entered on them kept (rows matched by what they stand for in the book; what matches no row
 * is kept on a 未匹配的录入 sheet), and the entries kept, moved and set aside are counted: src/app/scoringSheets.ts.
 */
import { addScoringSheets, NothingToScoreError } from "../../app/scoringSheets";
import { render } from "../../locales";
import { files, flag, text, validate } from "../arguments";
import { EXIT_OK, type RunCommand } from "../command";
import { InputError } from "../inputError";
import { openForAdding } from "../addingWorkbook";
import { refuseInputAsOutput } from "../xlsxWrite";

const args = {
  files: files({ exactly: 1, message: "cli.one-file" }),
  output: text({ missing: "cli.output-missing", empty: "cli.output-missing", pattern: [/\.xls[xm]$/i, "cli.output-workbook"] }),
  portable: flag(),
  force: flag(),
};

export const run: RunCommand = async (values, positionals) => {
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
};
