import { writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { findingJsonSchema } from "../../src/core/jsonSchemas";
import { kaohe, SEEDS, tempDir } from "./run";

const seed = (name: string) => path.join(SEEDS, name);
const S001 = seed("001_c9fa6fd301574412.xlsx");
const S004 = seed("004_ec5181be93802e64.xlsx");

const checkJson = z.object({
  files: z.array(z.object({
    file: z.string(),
    books: z.array(z.object({ sheet: z.string(), unit: z.string(), cell: z.string(), stated: z.string(), computed: z.string() })),
    findings: z.array(findingJsonSchema),
  })),
});

beforeAll(() => {
  expect(kaohe("--help").code).toBe(0);
});

test("a book that adds up: exit 0, no finding, a closing count", () => {
  const result = kaohe("check", S004);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("各项分值相符");
  expect(result.stdout.trim().split("\n").pop()).toBe("共 1 份责任书：错误 0 项，警告 0 项，提示 0 项");
});

test("the county's book: exit 1, errors first per unit, in Chinese or English", () => {
  const zh = kaohe("check", S001);
  expect(zh.code).toBe(1);
  expect(zh.stdout).toContain("✗ 错误 A36 [category-sum] 类别“生态文明”标明20分，所列指标合计19分");
  expect(zh.stdout).toContain("镇（办、中心） · 店镇  (合计 135 / 基础分 100)");
  const ecology = zh.stdout.split("\n").findIndex((l) => l.includes("A36 [category-sum]"));
  const missing = zh.stdout.split("\n").findIndex((l) => l.includes("B50 [missing-points]"));
  expect(ecology).toBeLessThan(missing);
  expect(zh.stdout.trim().split("\n").pop()).toMatch(/^共 75 份责任书：错误 \d+ 项，警告 \d+ 项，提示 \d+ 项$/);

  const en = kaohe("check", S001, "--lang", "en");
  expect(en.stdout).toContain("Category 生态文明 states 20 points; its indicators add up to 19");
  expect(en.stdout.trim().split("\n").pop()).toMatch(/^75 books: \d+ errors, \d+ warnings, \d+ notes?$/);
});

test("--json follows the documented shape, decimals as strings", () => {
  const result = kaohe("check", S001, S004, "--json");
  expect(result.code).toBe(1);
  const json = checkJson.parse(JSON.parse(result.stdout));
  expect(json.files.map((f) => f.file)).toEqual([S001, S004]);
  const ecology = json.files[0].findings.find((f) => f.cell === "A36")!;
  expect(ecology).toMatchObject({ rule: "category-sum", severity: "error", sheet: "市考核县指标任务分解", unit: "2020年度市考核县指标任务分解", category: "生态文明", stated: "20", computed: "19" });
  expect(json.files[0].books.find((b) => b.unit === "店镇")).toMatchObject({ stated: "100", computed: "135" });
  expect(json.files[1].findings).toEqual([]);
});

test("an unreadable file among readable ones: exit 2, one line, nothing printed", () => {
  const bad = path.join(tempDir(), "坏文件.xlsx");
  writeFileSync(bad, "这不是工作簿");
  const result = kaohe("check", S004, bad);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toContain("坏文件.xlsx");
});
