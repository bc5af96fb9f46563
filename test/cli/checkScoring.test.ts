/**
 * `check` on a workbook that carries scoring sheets: what the assessor entered is checked against the books, and
 * the findings are printed under the scoring sheet.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { z } from "zod";
import { findingJsonSchema } from "../../src/core/jsonSchemas";
import { HEADER_ROW, KEY_HEADER, VETO_KEY } from "../../src/core/scoringSheet";
import { kaohe, SEEDS, tempDir } from "./run";

const S004 = path.join(SEEDS, "004_ec5181be93802e64.xlsx");

const checkJson = z.object({
  files: z.array(z.object({
    file: z.string(),
    books: z.array(z.object({ sheet: z.string(), unit: z.string(), cell: z.string(), stated: z.string(), computed: z.string() })),
    findings: z.array(findingJsonSchema),
    scoringSheets: z.array(z.object({ sheet: z.string(), unit: z.string(), findings: z.array(findingJsonSchema) })),
  })),
});

const dir = tempDir();
const generated = path.join(dir, "评分.xlsx");
const filled = path.join(dir, "已填写.xlsx");
/** Cells written on the scoring sheet. */
const cells = { over: "", below: "", text: "", veto: "" };
let scoringSheet = "";

beforeAll(async () => {
  const made = kaohe("score-sheet", S004, "-o", generated);
  expect(made.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(generated);
  const sheet = workbook.worksheets.find((w) => (w.getRow(HEADER_ROW).values as unknown[]).includes(KEY_HEADER))!;
  scoringSheet = sheet.name;
  const header = sheet.getRow(HEADER_ROW).values as unknown[];
  const col = (text: string) => header.indexOf(text);
  const keyCol = col(KEY_HEADER);
  let item = 0;
  let veto = 0;
  sheet.eachRow((row, n) => {
    const key = row.getCell(keyCol).value;
    // Rows are keyed by what they stand for; the 来源 column names (and links) the source cell.
    if (row.getCell(col("来源")).value === "县（区）科协工作目标!C30") item = n; // 4 points
    if (key === VETO_KEY) veto = n;
  });
  const put = (row: number, column: number, value: ExcelJS.CellValue) => {
    const cell = sheet.getRow(row).getCell(column);
    cell.value = value;
    return cell.address;
  };
  cells.over = put(item, col("市科协领导评分"), 5);
  cells.below = put(item, col("机关各部门评分"), -1);
  cells.text = put(item, col("县区科协评分"), "十二");
  cells.veto = put(veto, col("实际完成"), "是");
  await workbook.xlsx.writeFile(filled);
});

test("a scoring sheet as generated: nothing to report, the book's report unchanged", () => {
  const result = kaohe("check", generated);
  expect(result.code).toBe(0);
  // A clean scoring sheet is counted, not listed.
  expect(result.stdout).not.toContain(`  ${scoringSheet} · `);
  expect(result.stdout).toContain("  1 张评分表填写无误\n");
  const lines = result.stdout.trim().split("\n");
  expect(lines.slice(-2)).toEqual(["共 1 份责任书：错误 0 项，警告 0 项，提示 0 项", "共 1 张评分表：错误 0 项，警告 0 项，提示 0 项"]);
});

test("scores out of range, text and an unread veto: exit 1, findings under the scoring sheet naming its cells", () => {
  const result = kaohe("check", filled);
  expect(result.code).toBe(1);
  const lines = result.stdout.split("\n");
  const heading = lines.findIndex((l) => l.startsWith(`  ${scoringSheet} · `));
  expect(heading).toBeGreaterThan(0);
  expect(lines[heading]).toMatch(/\(评分表\)$/);
  expect(lines.slice(heading + 1, heading + 5)).toEqual([
    expect.stringMatching(new RegExp(`^    ✗ 错误 ${cells.over} \\[score-range\\] “组织开展.*”市科协领导评分5，超过该项分值4分$`)),
    expect.stringMatching(new RegExp(`^    ✗ 错误 ${cells.below} \\[score-range\\] “组织开展.*”机关各部门评分-1，低于0分$`)),
    expect.stringMatching(new RegExp(`^    ✗ 错误 ${cells.text} \\[entered-value\\] “组织开展.*”县区科协评分填写了“十二”，应填数字$`)),
    `    ! 警告 ${cells.veto} [entered-value] 一票否决填写了“是”，评分表只认 TRUE 或 1（否决），不否决请留空`,
  ]);
  expect(lines.filter((l) => l.trim() !== "").slice(-2)).toEqual([
    "共 1 份责任书：错误 0 项，警告 0 项，提示 0 项",
    "共 1 张评分表：错误 3 项，警告 1 项，提示 0 项",
  ]);

  const en = kaohe("check", filled, "--lang", "en");
  expect(en.stdout).toContain(`${cells.veto} [entered-value] Veto: "是" is not read as a veto; type TRUE or 1 to veto, or leave the cell empty`);
  expect(en.stdout.trim().split("\n").pop()).toBe("1 scoring sheet: 3 errors, 1 warning, 0 notes");
});

test("--json keeps its shape and adds the scoring sheets with their findings", () => {
  const result = kaohe("check", filled, S004, "--json");
  expect(result.code).toBe(1);
  const json = checkJson.parse(JSON.parse(result.stdout));
  const [file, seed] = json.files;
  expect(file.findings).toEqual([]);
  expect(file.books).toHaveLength(1);
  expect(file.scoringSheets).toHaveLength(1);
  const [scoring] = file.scoringSheets;
  expect(scoring.sheet).toBe(scoringSheet);
  expect(scoring.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.stated, f.computed])).toEqual([
    ["score-range", "error", scoringSheet, cells.over, "4", "5"],
    ["score-range", "error", scoringSheet, cells.below, "0", "-1"],
    ["entered-value", "error", scoringSheet, cells.text, null, null],
    ["entered-value", "warning", scoringSheet, cells.veto, null, null],
  ]);
  for (const f of scoring.findings) expect(f.unit).toBe(scoring.unit);
  expect(seed.scoringSheets).toEqual([]);
});
