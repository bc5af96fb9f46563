/**
 * What `check` prints: the books with findings, one line for those without, errors only (--errors), counts only
 * (--quiet), hidden sheets named as hidden, and a workbook without any book as a failure with each sheet's reason;
 * `summary` refuses such a workbook. On the seeds and on workbooks written here with ExcelJS, in both languages.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { kaohe, SEEDS, tempDir } from "./run";

const S001 = path.join(SEEDS, "001_c9fa6fd301574412.xlsx");
const S004 = path.join(SEEDS, "004_ec5181be93802e64.xlsx");

/** A small department book: two categories whose points add up to 100, or not when `broken`. */
function addBook(workbook: ExcelJS.Workbook, name: string, unit: string, broken = false): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRows([
    [`${unit}目标责任书`],
    ["类别", "考核内容", "分值"],
    ["党的建设（40分）", "落实全面从严治党主体责任", 20],
    ["", "加强干部队伍建设", 20],
    ["业务工作（60分）", "完成年度重点任务", 30],
    ["", "办好民生实事", broken ? 25 : 30],
    ["合计", "", 100],
  ]);
  return sheet;
}

async function write(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(tempDir(), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

let hiddenBooks: string;
let noBook: string;

beforeAll(async () => {
  expect(kaohe("--help").code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  addBook(workbook, "财政局", "县财政局");
  addBook(workbook, "民政局", "县民政局").state = "hidden";
  addBook(workbook, "审计局", "县审计局", true).state = "veryHidden";
  hiddenBooks = await write(workbook, "隐藏的表.xlsx");

  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("说明").addRows([["本年度考核办法另行通知。"], ["联系人：张三"]]);
  empty.addWorksheet("通讯录").addRows([["姓名", "电话"], ["张三", "12345"], ["李四", "67890"]]);
  empty.addWorksheet("空白");
  noBook = await write(empty, "没有责任书.xlsx");
});

describe("check lists what needs attention", () => {
  test("seed 001: the books with findings, one line for the 71 without", () => {
    const result = kaohe("check", S001);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("      各项分值相符");
    expect(result.stdout).toContain("  另有 71 份责任书各项分值相符\n");
    expect(result.stdout).toContain("镇（办、中心） · 店镇  (合计 135 / 基础分 100)");
    expect(result.stdout).not.toContain("镇（办、中心） · 螅镇");
    expect(result.stdout.trim().split("\n").pop()).toBe("共 75 份责任书：错误 4 项，警告 8 项，提示 1 项");

    const en = kaohe("check", S001, "--lang", "en");
    expect(en.stdout).toContain("  71 other books: all points add up\n");
    expect(en.stdout.trim().split("\n").pop()).toBe("75 books: 4 errors, 8 warnings, 1 note");
  });

  test("a book that adds up: its line says so, exit 0", () => {
    const result = kaohe("check", S004, "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  1 book: all points add up\n");
    expect(result.stdout.trim().split("\n").pop()).toBe("1 book: 0 errors, 0 warnings, 0 notes");
  });

  test("--errors: error findings only, the counts of everything", () => {
    const result = kaohe("check", S001, "--errors");
    expect(result.code).toBe(1);
    const findings = result.stdout.split("\n").filter((l) => /^ {4}[✗!·] /.test(l));
    expect(findings).toHaveLength(4);
    expect(findings.every((l) => l.startsWith("    ✗ 错误 "))).toBe(true);
    expect(result.stdout).not.toContain("[missing-points]");
    expect(result.stdout).not.toContain("负面清单");
    expect(result.stdout.trim().split("\n").pop()).toBe("共 75 份责任书：错误 4 项，警告 8 项，提示 1 项");

    const json = JSON.parse(kaohe("check", S001, "--errors", "--json").stdout) as { files: { findings: { severity: string }[] }[] };
    expect(json.files[0].findings.map((f) => f.severity)).toEqual(["error", "error", "error", "error"]);
  });

  test("--quiet: the counts only", () => {
    const zh = kaohe("check", S001, "--quiet");
    expect(zh.code).toBe(1);
    expect(zh.stdout.trim()).toBe("共 75 份责任书：错误 4 项，警告 8 项，提示 1 项");
    const en = kaohe("check", S004, "-q", "--lang", "en");
    expect(en.code).toBe(0);
    expect(en.stdout.trim()).toBe("1 book: 0 errors, 0 warnings, 0 notes");
  });
});

describe("hidden sheets are checked and named as hidden", () => {
  test("in Chinese and in English; a very hidden book's error counts", () => {
    const zh = kaohe("check", hiddenBooks);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain("  民政局（已隐藏） · 县民政局目标责任书  (合计 100 / 基础分 100)\n      各项分值相符\n");
    expect(zh.stdout).toContain("  审计局（已深度隐藏） · 县审计局目标责任书  (合计 100 / 基础分 100)\n");
    expect(zh.stdout).toMatch(/✗ 错误 A5 \[category-sum\] 类别“业务工作”标明60分，所列指标合计55分/);
    expect(zh.stdout).toContain("  另有 1 份责任书各项分值相符\n");
    expect(zh.stdout).not.toContain("财政局 · ");
    expect(zh.stdout.trim().split("\n").pop()).toBe("共 3 份责任书：错误 2 项，警告 0 项，提示 0 项");

    const en = kaohe("check", hiddenBooks, "--lang", "en");
    expect(en.stdout).toContain("  民政局 (hidden) · 县民政局目标责任书");
    expect(en.stdout).toContain("  审计局 (very hidden) · 县审计局目标责任书");
  });

  test("--json gives each book's and sheet's visibility", () => {
    const json = JSON.parse(kaohe("check", hiddenBooks, "--json").stdout) as {
      files: { books: { sheet: string; visibility: string }[]; sheets: { sheet: string; visibility: string }[] }[];
    };
    expect(json.files[0].books.map((b) => [b.sheet, b.visibility])).toEqual([["财政局", "visible"], ["民政局", "hidden"], ["审计局", "veryHidden"]]);
    expect(json.files[0].sheets.map((s) => s.visibility)).toEqual(["visible", "hidden", "veryHidden"]);
  });
});

test("tree names them too", () => {
  const zh = kaohe("tree", hiddenBooks);
  expect(zh.code).toBe(0);
  expect(zh.stdout).toContain("工作表 民政局（已隐藏）：1 份责任书\n");
  expect(zh.stdout).toContain("工作表 审计局（已深度隐藏）：1 份责任书\n");
  expect(zh.stdout).toContain("工作表 财政局：1 份责任书\n");
  expect(kaohe("tree", hiddenBooks, "--lang", "en").stdout).toContain("Sheet 民政局 (hidden): 1 book\n");
  const json = JSON.parse(kaohe("tree", hiddenBooks, "--json").stdout) as { files: { sheets: { visibility: string }[] }[] };
  expect(json.files[0].sheets.map((s) => s.visibility)).toEqual(["visible", "hidden", "veryHidden"]);
});

describe("a workbook with no book is not a success", () => {
  test("check: exit 1, each sheet's reason, no closing 0-book count", () => {
    const zh = kaohe("check", noBook);
    expect(zh.code).toBe(1);
    const lines = zh.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("  工作表 "))).toHaveLength(3);
    expect(zh.stdout).toContain("  工作表 通讯录: 未找到责任书 (");
    expect(zh.stdout).not.toContain("共 0 份责任书");
    expect(lines.pop()).toBe(`  ${noBook}：未找到责任书，3 个工作表中没有可识别的责任书表格，未做任何检查`);

    const en = kaohe("check", noBook, "--lang", "en", "--quiet");
    expect(en.code).toBe(1);
    expect(en.stdout).toContain("  Sheet 通讯录: no book found (");
    expect(en.stdout.trim().split("\n").pop()).toBe(`  ${noBook}: no responsibility book found in its 3 sheets; nothing was checked`);

    const json = JSON.parse(kaohe("check", noBook, "--json").stdout) as { files: { noBook: boolean; books: unknown[]; sheets: { message: string | null }[] }[] };
    expect(json.files[0]).toMatchObject({ noBook: true, books: [] });
    expect(json.files[0].sheets.every((s) => s.message !== null)).toBe(true);
  });

  test("check with a good workbook beside it: still exit 1, the good one counted", () => {
    const result = kaohe("check", S004, noBook);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("未找到责任书，3 个工作表中没有可识别的责任书表格");
    expect(result.stdout.trim().split("\n").pop()).toBe("共 1 份责任书：错误 0 项，警告 0 项，提示 0 项");
  });

  test("summary refuses it: exit 1, one line, nothing written", () => {
    const out = path.join(tempDir(), "汇总.xlsx");
    const before = readFileSync(noBook);
    const zh = kaohe("summary", noBook, "-o", out);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe("");
    expect(zh.stderr.trim()).toBe(`${noBook}：工作簿中没有找到责任书，未生成汇总（kaohe check 列出每个工作表的原因）`);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(noBook).equals(before)).toBe(true);

    const en = kaohe("summary", S004, noBook, "-o", out, "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.stderr.trim()).toBe(`${noBook}: no responsibility book found in the workbook; no summary written (kaohe check gives each sheet's reason)`);
    expect(existsSync(out)).toBe(false);
  });
});
