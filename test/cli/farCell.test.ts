/**
 * Workbooks a reader must not choke on: one cell at XFD1048576 (7 KB on disk, 17 billion cells as a grid), a merge
 * over a whole sheet, a shared string longer than Excel allows. Each gives one line and exit 2, or a normal result,
 * quickly and in bounded memory - never a crashed process.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookFile } from "../../src/cli/xlsxRead";
import { ROOT } from "./run";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-far-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built command line under /usr/bin/time -v: exit code, output, seconds and peak memory in MB. */
function measured(...args: string[]) {
  const start = performance.now();
  const result = spawnSync("/usr/bin/time", ["-v", process.execPath, path.join(ROOT, "scripts", "kaohe.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  const seconds = (performance.now() - start) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const stderr = result.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("\t") && !line.startsWith("Command ")).join("\n");
  return { code: result.status, stdout: result.stdout, stderr, seconds, megabytes: rss ? Number(rss[1]) / 1024 : NaN };
}

async function write(name: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("目标责任书"));
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

const table = (sheet: ExcelJS.Worksheet) => {
  sheet.addRow(["类别", "考核内容", "分值"]);
  sheet.addRow(["经济发展（20分）", "生产总值增长7%", 20]);
};

/** The faster of two runs: a first run may compile the command line first. */
function fastest(...args: string[]) {
  const first = measured(...args);
  const second = measured(...args);
  return second.seconds < first.seconds ? second : first;
}

/** The same command on a two-row workbook: the start-up every run pays (compiling first when needed). */
let baseline: { seconds: number };
beforeAll(async () => {
  const plain = await write("两行.xlsx", table);
  baseline = fastest("check", plain);
});

test("a single cell at XFD1048576 is refused in well under 2 s by the reader itself", async () => {
  const file = await write("远处一格-读.xlsx", (sheet) => {
    table(sheet);
    sheet.getCell("XFD1048576").value = "远";
  });
  const start = performance.now();
  await expect(readWorkbookFile(file)).rejects.toThrow(/上限：从 A1 到工作表最后一个使用的单元格共 20,000,000 个单元格/);
  expect(performance.now() - start).toBeLessThan(2000);
});

test("a single cell at XFD1048576: exit 2 and one line naming the limit, within 2 s of the start-up and 200 MB", async () => {
  const file = await write("远处一格.xlsx", (sheet) => {
    table(sheet);
    sheet.getCell("XFD1048576").value = "远";
  });
  expect(statSync(file).size).toBeLessThan(20_000);
  const result = fastest("check", file, "--lang", "en");
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: "" });
  expect(result.stderr.split("\n")).toEqual([expect.stringContaining("远处一格.xlsx")]);
  expect(result.stderr).toMatch(/A1:XFD1048576.*limit: 20,000,000 cells/);
  expect(result.seconds - baseline.seconds).toBeLessThan(2);
  expect(result.megabytes).toBeLessThan(200);
});

test("the limit's line is in Chinese by default and in English with --lang en", async () => {
  const file = await write("远处一格-语言.xlsx", (sheet) => {
    table(sheet);
    sheet.getCell("XFD1048576").value = "远";
  });
  const zh = measured("check", file);
  expect({ code: zh.code, stdout: zh.stdout }).toEqual({ code: 2, stdout: "" });
  expect(zh.stderr).toBe(
    `kaohe: ${file}：工作表“目标责任书”的范围为 A1:XFD1048576（XFD1048576 有值），共 17,179,869,184 个单元格（上限：从 A1 到工作表最后一个使用的单元格共 20,000,000 个单元格）`,
  );
  const en = measured("check", file, "--lang", "en");
  expect({ code: en.code, stdout: en.stdout }).toEqual({ code: 2, stdout: "" });
  expect(en.stderr).toBe(
    `kaohe: ${file}: sheet "目标责任书" spans A1:XFD1048576 (a value at XFD1048576), 17,179,869,184 cells (limit: 20,000,000 cells from A1 to the last used cell of a sheet)`,
  );
});

test("a damaged sheet's XML: one line in Chinese by default, naming the part and the fault in English", async () => {
  const file = await write("断开.xlsx", table);
  const entries = unzipSync(readFileSync(file));
  entries["xl/worksheets/sheet1.xml"] = strToU8(strFromU8(entries["xl/worksheets/sheet1.xml"]).replace("</sheetData>", ""));
  writeFileSync(file, zipSync(entries));
  const zh = measured("check", file);
  expect(zh.code).toBe(2);
  expect(zh.stderr).toBe(`kaohe: ${file}: 工作簿已损坏或不完整`);
  const en = measured("check", file, "--lang", "en");
  expect(en.stderr).toBe(`kaohe: ${file}: corrupt or truncated .xlsx workbook (xl/worksheets/sheet1.xml is not well-formed XML (<sheetData> is never closed))`);
});

/** Adds a merge to the first sheet's XML (ExcelJS itself would create every cell of a merge this large). */
function addMerge(file: string, range: string): void {
  const entries = unzipSync(readFileSync(file));
  const part = "xl/worksheets/sheet1.xml";
  entries[part] = strToU8(strFromU8(entries[part]).replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="${range}"/></mergeCells>`));
  writeFileSync(file, zipSync(entries));
}

test("a merge over H1:XFD1048576 is clipped to the values: the book is read as usual", async () => {
  const file = await write("整表合并.xlsx", table);
  addMerge(file, "H1:XFD1048576");
  const result = fastest("check", file, "--json");
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).files[0].books[0]).toMatchObject({ unit: "目标责任书", computed: "20" });
  expect(result.seconds - baseline.seconds).toBeLessThan(2);
  expect(result.megabytes).toBeLessThan(200);
});

test("a text longer than Excel allows: exit 2 and one line naming the limit", async () => {
  const file = await write("超长文本.xlsx", (sheet) => {
    table(sheet);
    sheet.getCell("B3").value = "很长".repeat(20_000);
  });
  const result = measured("tree", file, "--lang", "en");
  expect(result.code).toBe(2);
  expect(result.stderr.split("\n")).toEqual([expect.stringMatching(/超长文本\.xlsx: .*40,000 characters.*limit: 32,767 characters in a cell/)]);
});

test("summary and score-sheet read with the same reader: the far cell is refused in one line, writing nothing; the whole-sheet merge is clipped and the sheets are written", async () => {
  const far = await write("远处一格-汇总.xlsx", (sheet) => {
    table(sheet);
    sheet.getCell("XFD1048576").value = "远";
  });
  const merged = await write("整表合并-评分.xlsx", table);
  addMerge(merged, "H1:XFD1048576");
  for (const command of ["summary", "score-sheet"]) {
    const output = path.join(dir, `${command}.xlsx`);
    const result = fastest(command, far, "-o", output, "--force", "--lang", "en");
    expect({ command, code: result.code, lines: result.stderr.split("\n").length }).toEqual({ command, code: 2, lines: 1 });
    expect(result.stderr).toMatch(/limit: 20,000,000 cells/);
    expect(existsSync(output)).toBe(false);
    expect(result.seconds - baseline.seconds).toBeLessThan(2);
    expect(result.megabytes).toBeLessThan(200);
  }
  for (const command of ["summary", "score-sheet"]) {
    const output = path.join(dir, `${command}-合并.xlsx`);
    const result = fastest(command, merged, "-o", output, "--force");
    expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 0, stderr: "" });
    expect(existsSync(output)).toBe(true);
    // The merge itself is kept as the file states it: only the reading clips it.
    expect(strFromU8(unzipSync(readFileSync(output))["xl/worksheets/sheet1.xml"])).toContain('<mergeCell ref="H1:XFD1048576"/>');
    // Writing the new sheets loads ExcelJS: more than the reading, still bounded.
    expect(result.seconds - baseline.seconds).toBeLessThan(5);
    expect(result.megabytes).toBeLessThan(200);
  }
});
