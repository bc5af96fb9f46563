/**
 * `summary <file.xlsx>... -o <out.xlsx> [--force]`: the summary sheets (汇总, 问题清单, 责任单位) in a new .xlsx.
 * With one input the output is a copy of that workbook with the summary sheets added, so the links of 问题清单 jump
 * to the source cells; with several inputs the output holds the summary sheets only, places written as text.
 * The input files are never changed; an .xls, .et or .ods input gives an .xlsx output. The sheets come from
 * src/app/summary.ts, as in the task pane. The 责任单位 sheet takes the names of offices a JSON file beside a workbook
 * gives (src/cli/ownerAliases.ts) and those of a 单位别名 sheet in it.
 */
import path from "node:path";
import { checkWorkbook } from "../../app/check";
import { addSummary } from "../../app/summary";
import { files, flag, text, validate } from "../arguments";
import { EXIT_FINDINGS, EXIT_OK, type RunCommand } from "../command";
import { render } from "../../locales";
import { ownerAliasesFor } from "../ownerAliases";
import { newWorkbookFile, openForAdding, type AddingWorkbook } from "../addingWorkbook";
import { refuseInputAsOutput } from "../xlsxWrite";

const summaryArgs = {
  files: files({ min: 1, message: "cli.files-missing" }),
  output: text({ missing: "cli.output-missing", empty: "cli.output-missing", pattern: [/\.xls[xm]$/i, "cli.output-workbook"] }),
  force: flag(),
};

export const run: RunCommand = async (values, positionals) => {
  const args = validate(summaryArgs, { ...values, files: positionals });
  await refuseInputAsOutput(args.output, args.files);
  const workbooks: { file: string; workbook: AddingWorkbook }[] = [];
  for (const file of args.files) workbooks.push({ file, workbook: await openForAdding(file, args.lang) });
  const single = workbooks.length === 1;
  const sources = workbooks.map(({ file, workbook }) => ({ file: single ? null : path.basename(file), adapter: workbook.adapter }));
  // A workbook without a book would give an empty 汇总: refused, naming the file (check lists each sheet's reason).
  const checks = await Promise.all(sources.map((source) => checkWorkbook(source.adapter)));
  const empty = checks.findIndex((check) => check.books.length === 0);
  if (empty >= 0) {
    console.error(render({ key: "cli.nothing-to-summarize", params: { file: workbooks[empty].file } }, args.lang));
    return EXIT_FINDINGS;
  }
  const target = single ? workbooks[0].workbook : newWorkbookFile();
  const checked = sources.map((source, i) => ({ ...source, check: checks[i] }));
  const owners = ownerAliasesFor(args.files);
  const { names, ranking } = await addSummary(target.adapter, checked, { language: args.lang, links: single, ranking: true, owners });
  await target.save(args.output, { force: args.force, language: args.lang });
  console.log(`${args.output}: ${names.join(", ")}`);
  if (ranking?.spec) {
    const duplicates = ranking.findings.filter((f) => f.rule === "duplicate-unit").length;
    console.log(render({ key: "cli.ranked", params: { ranked: ranking.ranked, unentered: ranking.unentered, uncomputable: ranking.uncomputable, duplicates } }, args.lang));
  }
  return EXIT_OK;
};
