/**
 * Workbooks as offices keep them: .xls (Excel 97-2003) and .ods written by LibreOffice Calc from the seed
 * workbooks, and a WPS .et, read by check, tree, summary and score-sheet with the same findings as the .xlsx;
 * files that cannot be read are named for what they are, with how to save them as .xlsx.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readWorkbookFile } from "../../src/cli/xlsxRead";
import { FIXTURES, SEED_CASES, treeAndFindings } from "../import/seeds";
import { kaohe, SEEDS, storedZip, tempDir } from "./run";

const workbooks = SEED_CASES.filter((c) => c.split !== "units");

describe.each(["xls", "ods"])("a seed workbook saved by LibreOffice as .%s", (format) => {
  test.each(workbooks.map((c) => [c.stem, c] as const))("%s: the same sheets, merges, trees and findings as the .xlsx", async (_stem, c) => {
    const grids = await readWorkbookFile(path.join(FIXTURES, `${c.stem}.${format}`));
    const seed = await readWorkbookFile(c.xlsx);
    expect(grids).toEqual(seed);
    expect(treeAndFindings(grids)).toEqual(treeAndFindings(seed));
  });
});

describe("the commands over .xls, .et and .ods", () => {
  const dir = tempDir();
  const seed001 = "001_c9fa6fd301574412";
  const et = path.join(dir, `${seed001}.et`);
  copyFileSync(path.join(FIXTURES, `${seed001}.xls`), et);

  test("check --json gives the .xlsx's findings for the .xls, the .et and the .ods", () => {
    const findings = (file: string) => {
      const result = kaohe("check", file, "--json");
      expect(result.stderr).toBe("");
      return { code: result.code, files: (JSON.parse(result.stdout) as { files: { books: unknown; findings: unknown }[] }).files.map((f) => ({ books: f.books, findings: f.findings })) };
    };
    const expected = findings(path.join(SEEDS, `${seed001}.xlsx`));
    expect(expected.files[0].findings).not.toHaveLength(0);
    expect(findings(path.join(FIXTURES, `${seed001}.xls`))).toEqual(expected);
    expect(findings(et)).toEqual(expected);
    expect(findings(path.join(FIXTURES, `${seed001}.ods`))).toEqual(expected);
  });

  test("tree reads an .ods; summary and score-sheet write .xlsx copies of an .xls and an .ods, the inputs unchanged", async () => {
    const tree = kaohe("tree", path.join(FIXTURES, "003_f2120415240e7d22.ods"), "--json");
    expect(tree.code).toBe(0);
    expect(JSON.parse(tree.stdout).files[0].books.length).toBeGreaterThan(0);

    const xls = path.join(FIXTURES, `${seed001}.xls`);
    const before = readFileSync(xls);
    const summary = path.join(dir, "summary.xlsx");
    expect(kaohe("summary", xls, "-o", summary)).toMatchObject({ code: 0, stderr: "" });
    const summarySheets = (await readWorkbookFile(summary)).map((g) => g.sheet);
    expect(summarySheets).toEqual(expect.arrayContaining(["汇总", "问题清单"]));
    // The copy holds the book's own sheets first, as read from the .xls.
    expect(summarySheets.slice(0, 8)).toEqual((await readWorkbookFile(xls)).map((g) => g.sheet));

    const scored = path.join(dir, "scored.xlsx");
    const result = kaohe("score-sheet", path.join(FIXTURES, "000_8b393e4c879ff91f.ods"), "-o", scored);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect((await readWorkbookFile(scored)).some((g) => g.sheet.startsWith("评分-"))).toBe(true);
    expect(readFileSync(xls).equals(before)).toBe(true);

    const refused = kaohe("summary", xls, "-o", path.join(dir, "out.xls"), "--lang", "en");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("-o must name an .xlsx file");
  });

  describe("a file that cannot be read says what it is and how to save it as .xlsx, in Chinese and in English", () => {
    const write = (name: string, bytes: Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const cases: [string, () => string, RegExp, RegExp][] = [
      ["a Word document", () => path.join(FIXTURES, "003_f2120415240e7d22.docx"), /Word 文档：请用 import-docx/, /a Word document: turn it into a workbook with import-docx/],
      ["a Word 97-2003 document", () => path.join(FIXTURES, "003_f2120415240e7d22.doc"), /Word 97-2003 文档 \(\.doc\).*另存为/, /Word 97-2003 document: open it in Word or WPS Writer, use File > Save As > Word Document \(\*\.docx\)/],
      ["a truncated .xls", () => write("坏.xls", readFileSync(path.join(FIXTURES, `${seed001}.xls`)).subarray(0, 6000)), /不含工作簿或已损坏的 Office 97-2003 文件：请在 Excel 或 WPS 表格中打开/, /an Office 97-2003 file without a workbook, or a damaged one: .*Save As > Excel Workbook \(\*\.xlsx\)/],
      ["a WPS file of another kind", () => write("其他.et", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)])), /WPS 表格文件 \(\.et\)：请在 Excel 或 WPS 表格中打开/, /WPS Spreadsheets \(\.et\) file in a format that cannot be read: open it in Excel or WPS Spreadsheets/],
      ["a slide deck", () => write("slides.xlsx", storedZip({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" })), /压缩包中没有工作表/, /a zip file without a workbook/],
    ];
    test.each(cases)("%s", (_label, make, zh, en) => {
      const file = make();
      for (const [command, lang, words] of [["check", "zh", zh], ["tree", "en", en]] as const) {
        const result = kaohe(command, file, "--lang", lang);
        expect({ command, lang, code: result.code, stdout: result.stdout }).toEqual({ command, lang, code: 2, stdout: "" });
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toContain(file);
        expect(result.stderr).toMatch(words);
      }
    });
  });

  test("import-docx: the Word original to a workbook; a .doc is refused with how to save it as .docx; nothing written", () => {
    const out = path.join(dir, "book.xlsx");
    const result = kaohe("import-docx", path.join(FIXTURES, `${seed001}.docx`), "-o", out, "--split", "units");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/75 个工作表/);
    expect(kaohe("import-docx", path.join(FIXTURES, `${seed001}.docx`), "-o", out, "--lang", "en").stderr).toContain("already exists");
    const refused = path.join(dir, "refused.xlsx");
    const doc = kaohe("import-docx", path.join(FIXTURES, "003_f2120415240e7d22.doc"), "-o", refused, "--lang", "en");
    expect(doc.code).toBe(2);
    expect(doc.stderr).toMatch(/Word 97-2003 document \(\.doc\), not a \.docx: open it in Word or WPS Writer/);
    expect(existsSync(refused)).toBe(false);
  });
});
