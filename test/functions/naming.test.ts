/**
 * Microsoft's naming rules for custom functions, on both metadata files: the one generated from functions.ts (the
 * English names) and the hand-written functions.zh-CN.json. An id or a name starts with a letter and has at least
 * three characters, of letters, digits, periods and underscores (ids: A-Z only, upper case by this project's rule);
 * a name must not read as a cell reference (A1, AB12, R1C1); ids and names are unique. Office enforces these for
 * the unified manifest, and store review checks them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string }[];
}

const ROOT = path.resolve(__dirname, "../..");
const ZH = path.join(ROOT, "src/functions/functions.zh-CN.json");

let english: Fn[];
const chinese: Fn[] = JSON.parse(readFileSync(ZH, "utf8")).functions;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(ROOT, "src/functions/functions.ts"), false);
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson).functions;
});

/** What is wrong with a function's id or name, in the words of Microsoft's rules (empty when nothing is). */
function violations(f: Fn): string[] {
  const out: string[] = [];
  if (!/^[A-Z][A-Z0-9._]*$/.test(f.id)) out.push(`id ${f.id}: 须以字母开头，只含 A-Z、数字、句点、下划线`);
  if ([...f.id].length < 3 || f.id.length > 64) out.push(`id ${f.id}: 长度须为 3 到 64 个字符`);
  if (!/^\p{L}[\p{L}\p{N}._]*$/u.test(f.name)) out.push(`${f.id} 名称 ${f.name}: 须以字母开头，只含字母、数字、句点、下划线`);
  if ([...f.name].length < 3) out.push(`${f.id} 名称 ${f.name}: 少于三个字符`);
  if ([...f.name].length > 64) out.push(`${f.id} 名称 ${f.name}: 超过 64 个字符`);
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(f.name) || /^R[0-9]*C[0-9]*$/i.test(f.name)) out.push(`${f.id} 名称 ${f.name}: 与单元格地址相同`);
  return out;
}

describe.each([
  ["functions.json (generated)", () => english],
  ["functions.zh-CN.json", () => chinese],
])("%s", (_label, functions) => {
  it("every id and name follows the naming rules", () => {
    expect(functions().flatMap(violations)).toEqual([]);
  });

  it("ids and names are unique, ignoring case", () => {
    const dup = (xs: string[]) => xs.filter((x, i) => xs.findIndex((y) => y.toUpperCase() === x.toUpperCase()) !== i);
    expect(dup(functions().map((f) => f.id))).toEqual([]);
    expect(dup(functions().map((f) => f.name))).toEqual([]);
  });

  it("every function and parameter is described", () => {
    for (const f of functions()) {
      expect([f.id, f.description.length > 0, f.parameters.every((p) => (p.description ?? "").length > 0)]).toEqual([f.id, true, true]);
    }
  });
});

test("the rules catch what they are for", () => {
  const fn = (id: string, name: string): Fn => ({ id, name, description: "x", parameters: [] });
  expect(violations(fn("SCORE", "得分"))).toEqual(["SCORE 名称 得分: 少于三个字符"]);
  expect(violations(fn("SCORE", "AB12"))).toEqual(["SCORE 名称 AB12: 与单元格地址相同"]);
  expect(violations(fn("SCORE", "1得分值"))).toHaveLength(1);
  expect(violations(fn("score", "指标得分"))).toHaveLength(1);
  expect(violations(fn("SCORE", "指标得分"))).toEqual([]);
});

test("the Chinese names are the same functions under the same ids, none of them the old two-character names", () => {
  expect(chinese.map((f) => f.id).sort()).toEqual(english.map((f) => f.id).sort());
  const old = ["得分", "扣分", "加分", "加权", "总分", "等级", "分值", "目标", "方向", "分档", "折算", "排名"];
  expect(chinese.filter((f) => old.includes(f.name))).toEqual([]);
});

test("the metadata does not let data types reach the functions as objects", () => {
  expect(JSON.parse(readFileSync(ZH, "utf8"))).not.toHaveProperty("allowCustomDataForDataTypeAny");
});

test("docs/CHANGELOG.md lists every renamed function with its old and new name", () => {
  const changelog = readFileSync(path.join(ROOT, "docs/CHANGELOG.md"), "utf8");
  const rows = new Map([...changelog.matchAll(/^\| ([A-Z]+) \| (\S+) \| (\S+) \|$/gm)].map((m) => [m[1], { old: m[2], now: m[3] }]));
  expect(rows.size).toBe(12);
  for (const [id, { old, now }] of rows) {
    expect([id, chinese.find((f) => f.id === id)?.name]).toEqual([id, now]);
    expect([...old].length).toBe(2);
  }
  const docs = readFileSync(path.join(ROOT, "docs/FUNCTIONS.md"), "utf8");
  for (const f of chinese) expect([f.id, docs.includes(`## ${f.id} · ${f.name}`)]).toEqual([f.id, true]);
});
