/**
 * Regenerates the Word and spreadsheet fixtures of test/import with LibreOffice (Writer and Calc):
 *   KAOHE_MAKE_FIXTURES=1 node_modules/.bin/jest test/import/makeFixtures.test.ts
 * - <seed>.docx: each seed's text rendered as HTML (documentHtml), converted by Writer's HTML filter to .docx;
 * - <seed>.xls, <seed>.ods: each seed workbook saved by Calc;
 * - 52_….docx: the corpus book's merged workbook saved by Calc as HTML, converted by Writer to .docx;
 * - 003_….doc: seed 003's .docx saved by Writer as Word 97-2003.
 * Skipped otherwise, so that the tests themselves need no LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseWordText } from "../../src/import/wordText";
import { documentBlocks, documentHtml } from "./wordHtml";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");
export const CORPUS_BOOK = "52_county_departments_info_disclosure";

function soffice(profile: string, args: string[]): void {
  const run = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, ...args], { encoding: "utf8", timeout: 300_000 });
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
}

const make = process.env.KAOHE_MAKE_FIXTURES === "1" ? test : test.skip;

make("regenerate the LibreOffice fixtures", () => {
  const work = mkdtempSync(path.join(tmpdir(), "kaohe-fixtures-"));
  const profile = path.join(work, "profile");
  mkdirSync(FIXTURES, { recursive: true });
  const seeds = readdirSync(path.join(ROOT, "seeds")).filter((n) => /^\d{3}_[0-9a-f]+\.txt$/.test(n)).sort();
  const html = seeds.map((name) => {
    const file = path.join(work, name.replace(/\.txt$/, ".html"));
    writeFileSync(file, documentHtml(documentBlocks(parseWordText(readFileSync(path.join(ROOT, "seeds", name), "utf8"))), name));
    return file;
  });
  const corpusHtml = path.join(work, "corpus");
  mkdirSync(corpusHtml);
  const corpusXlsx = path.join(work, `${CORPUS_BOOK}.xlsx`);
  copyFileSync(path.join(ROOT, "test", "corpus", `${CORPUS_BOOK}.merged.xlsx`), corpusXlsx);
  soffice(profile, ["--convert-to", "html", "--outdir", corpusHtml, corpusXlsx]);
  html.push(path.join(corpusHtml, `${CORPUS_BOOK}.html`));
  soffice(profile, ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, ...html]);
  // A Word 97-2003 .doc, for the message that says how to save it as .docx.
  soffice(profile, ["--convert-to", "doc", "--outdir", work, path.join(work, "003_f2120415240e7d22.docx")]);
  const workbooks = seeds.map((n) => path.join(ROOT, "seeds", n.replace(/\.txt$/, ".xlsx")));
  for (const format of ["xls", "ods"]) soffice(profile, ["--convert-to", format, "--outdir", work, ...workbooks]);
  for (const name of readdirSync(work)) {
    if (/\.(docx|doc|xls|ods)$/.test(name)) renameSync(path.join(work, name), path.join(FIXTURES, name));
  }
}, 300_000);
