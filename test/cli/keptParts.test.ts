/**
 * score-sheet and summary add their sheets to the workbook without loading it into ExcelJS: charts, chart sheets,
 * comments written by openpyxl and an .xlsm's VBA project come out as they went in (the same bytes), regenerating
 * replaces only the old scoring sheets, the output is never one of the inputs (by path, symbolic or hard link), and
 * a write that fails - a full disk at the write or at the rename - leaves the input and any existing output as
 * they were.
 */
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { chartsAndComments, macroBook, smallBook } from "../robustness/packages";
import { kaohe, ROOT, tempDir } from "./run";

const dir = tempDir();
const at = (name: string) => path.join(dir, name);
const entries = (file: string) => unzipSync(readFileSync(file));
const sheetNames = (file: string) => [...strFromU8(entries(file)["xl/workbook.xml"]).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
/** The parts a splice rewrites; every other part must come out byte for byte. */
const REWRITTEN = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "xl/sharedStrings.xml"]);
const stringItems = (xml: string) => xml.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? [];

function expectKept(input: string, output: string): void {
  const before = entries(input);
  const after = entries(output);
  // The new sheets' texts are appended to the shared strings: the workbook's own keep their numbers.
  const strings = before["xl/sharedStrings.xml"];
  if (strings) {
    const kept = stringItems(strFromU8(strings));
    expect(stringItems(strFromU8(after["xl/sharedStrings.xml"])).slice(0, kept.length)).toEqual(kept);
  }
  for (const [name, bytes] of Object.entries(before)) {
    if (REWRITTEN.has(name)) continue;
    expect({ name, kept: after[name] !== undefined && Buffer.from(after[name]).equals(Buffer.from(bytes)) }).toEqual({ name, kept: true });
  }
}

beforeAll(async () => {
  await chartsAndComments(at("图表与批注.xlsx"));
  await macroBook(at("宏.xlsm"));
  await smallBook(at("小表.xlsx"));
  expect(kaohe("--help").code).toBe(0);
}, 60_000);

describe("what the workbook holds is kept", () => {
  test("a chart, a chart sheet and an openpyxl comment survive score-sheet and its regeneration", () => {
    const input = at("图表与批注.xlsx");
    expect(kaohe("check", input).code).not.toBe(2);
    const first = kaohe("score-sheet", input, "-o", at("评分1.xlsx"), "--lang", "en");
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: "" });
    expectKept(input, at("评分1.xlsx"));
    expect(sheetNames(at("评分1.xlsx"))).toEqual(["目标责任书", "图表", "评分-目标责任书"]);
    const again = kaohe("score-sheet", at("评分1.xlsx"), "-o", at("评分2.xlsx"), "--lang", "en");
    expect(again.code).toBe(0);
    expectKept(input, at("评分2.xlsx"));
    expect(sheetNames(at("评分2.xlsx"))).toEqual(["目标责任书", "图表", "评分-目标责任书"]);
    // The regenerated sheet replaced the old one: one worksheet part more than the input, not two.
    const worksheets = (file: string) => Object.keys(entries(file)).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).length;
    expect(worksheets(at("评分2.xlsx"))).toBe(worksheets(input) + 1);
    const checked = kaohe("check", at("评分2.xlsx"), "--json");
    expect(checked.code).not.toBe(2);
  });

  test("summary into the same workbook keeps them too, and LibreOffice opens the result with its chart sheet", () => {
    const out = at("汇总.xlsx");
    const result = kaohe("summary", at("图表与批注.xlsx"), "-o", out);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expectKept(at("图表与批注.xlsx"), out);
    expect(sheetNames(out).slice(0, 2)).toEqual(["目标责任书", "图表"]);
    const lo = path.join(dir, "lo");
    mkdirSync(lo, { recursive: true });
    // LibreOffice writes a chart sheet as a sheet holding its chart, for the input as for the output.
    const run = spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--convert-to", "xlsx", "--outdir", lo, out, at("图表与批注.xlsx")], { encoding: "utf8", timeout: 180_000 });
    expect(run.status).toBe(0);
    const reopened = Object.keys(entries(path.join(lo, "汇总.xlsx")));
    const original = Object.keys(entries(path.join(lo, "图表与批注.xlsx")));
    const charts = (names: string[]) => names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;
    expect(charts(original)).toBe(2);
    expect(charts(reopened)).toBeGreaterThanOrEqual(2);
    expect(reopened.filter((n) => /^xl\/comments/.test(n))).toHaveLength(1);
    expect(sheetNames(path.join(lo, "汇总.xlsx"))).toEqual(sheetNames(out));
  }, 240_000);

  test("an .xlsm keeps its VBA project and its content type; an .xlsx name for it is refused in one line", () => {
    const input = at("宏.xlsm");
    const refused = kaohe("score-sheet", input, "-o", at("宏-评分.xlsx"), "--lang", "en");
    expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({ code: 2, stderr: `kaohe: ${input}: holds macros (VBA); name the output .xlsm to keep them` });
    expect(existsSync(at("宏-评分.xlsx"))).toBe(false);
    const result = kaohe("score-sheet", input, "-o", at("宏-评分.xlsm"));
    expect(result.code).toBe(0);
    expectKept(input, at("宏-评分.xlsm"));
    expect(strFromU8(entries(at("宏-评分.xlsm"))["[Content_Types].xml"])).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(strFromU8(entries(at("宏-评分.xlsm"))["xl/_rels/workbook.xml.rels"])).toContain("vbaProject.bin");
    const plain = kaohe("score-sheet", at("小表.xlsx"), "-o", at("小表.xlsm"), "--lang", "en");
    expect({ code: plain.code, stderr: plain.stderr.trim() }).toEqual({ code: 2, stderr: `kaohe: ${at("小表.xlsm")}: only a workbook with macros is written as .xlsm; name the output .xlsx` });
  });
});

describe("a workbook LibreOffice wrote", () => {
  test("takes the scoring sheet and its regeneration; LibreOffice reads the result back with the sheet's values", () => {
    const lo = path.join(dir, "lo-written");
    mkdirSync(lo, { recursive: true });
    const profile = `-env:UserInstallation=file://${path.join(dir, "lo-profile-2")}`;
    const convert = (file: string, out: string) => spawnSync("soffice", ["--headless", "--norestore", profile, "--convert-to", "xlsx", "--outdir", out, file], { encoding: "utf8", timeout: 180_000 });
    expect(convert(at("小表.xlsx"), lo).status).toBe(0);
    const input = path.join(lo, "小表.xlsx");
    const first = kaohe("score-sheet", input, "-o", at("lo-评分1.xlsx"));
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: "" });
    const again = kaohe("score-sheet", at("lo-评分1.xlsx"), "-o", at("lo-评分2.xlsx"));
    expect(again.code).toBe(0);
    expectKept(input, at("lo-评分2.xlsx"));
    expect(sheetNames(at("lo-评分2.xlsx"))).toEqual(["目标责任书", "评分-目标责任书"]);
    const back = path.join(lo, "back");
    mkdirSync(back, { recursive: true });
    expect(convert(at("lo-评分2.xlsx"), back).status).toBe(0);
    const checked = kaohe("check", path.join(back, "lo-评分2.xlsx"), "--json");
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout) as { files: { books: { unit: string; computed: string }[]; scoringSheets: { sheet: string }[] }[] };
    expect(report.files[0].books.map((b) => [b.unit, b.computed])).toEqual([["目标责任书", "30"]]);
    expect(report.files[0].scoringSheets.map((s) => s.sheet)).toEqual(["评分-目标责任书"]);
  }, 240_000);
});

describe("the output is never an input", () => {
  test("the same path, a symbolic link or a hard link to the input is refused, with or without --force", () => {
    const input = at("小表.xlsx");
    const before = readFileSync(input);
    symlinkSync(input, at("链接.xlsx"));
    linkSync(input, at("硬链接.xlsx"));
    for (const output of [input, at("链接.xlsx"), at("硬链接.xlsx"), path.join(dir, ".", "小表.xlsx")]) {
      for (const command of ["score-sheet", "summary"]) {
        for (const force of [[], ["--force"]]) {
          const result = kaohe(command, input, "-o", output, ...force, "--lang", "en");
          expect({ command, output, force, code: result.code, stderr: result.stderr.trim() }).toEqual({ command, output, force, code: 2, stderr: `kaohe: ${output}: is an input file; the output goes to a new file` });
        }
      }
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("a write that fails changes nothing", () => {
  /** Runs the command line with one file-system call failing as on a full disk. */
  function failing(call: "rename" | "writeFile", ...args: string[]) {
    const inject = at(`fail-${call}.js`);
    writeFileSync(
      inject,
      `const fsp = require("node:fs/promises");
const original = fsp.${call};
fsp.${call} = async function (...args) {
  if (${JSON.stringify(call)} === "writeFile") await original.call(this, args[0], Buffer.from(args[1]).subarray(0, 1000), args[2]);
  throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
};
`,
    );
    const result = spawnSync(process.execPath, ["-r", inject, path.join(ROOT, "scripts", "kaohe.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test.each(["rename", "writeFile"] as const)("a full disk at %s: exit 2, one line, the input and the old output as they were, no temporary file left", (call) => {
    const input = at("小表.xlsx");
    const before = readFileSync(input);
    const output = at(`旧输出-${call}.xlsx`);
    writeFileSync(output, "old output");
    const result = failing(call, "score-sheet", input, "-o", output, "--force", "--lang", "en");
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: "" });
    expect(result.stderr.trim()).toBe(`kaohe: ${output}: cannot write the file (ENOSPC)`);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readFileSync(output, "utf8")).toBe("old output");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
