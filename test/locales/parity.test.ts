/**
 * Every message exists in every language (zod's locales parity test is the model): a key missing in one language
 * fails here, and every key renders a whole sentence from sample parameters, English without Chinese sentence
 * punctuation and neither with "undefined" or "[object".
 */
import { LANGUAGES, LOCALES, render, type Message, type MessageKey, type MessageParams } from "../../src/locales";

const label = { column: "市领导评分", group: "市领导" };

/** One sample per key: a key without a sample does not compile. */
const SAMPLES: { [K in MessageKey]: MessageParams[K] } = {
  "category-sum": { category: "生态文明", stated: "20", computed: "19", nested: false, unpointed: 1 },
  "category-sum.bonus": { category: "加分", stated: "5", computed: "4" },
  "category-sum.total-row": { label: "合计", stated: "100", computed: "98" },
  "unit-total": { unit: "店镇", computed: "135", base: "100", pending: ["待定"], deduction: ["负面清单"] },
  "unit-total.no-base": { unit: "店镇", computed: "90" },
  "missing-points": { indicator: "党建", category: "县域特色指标", categoryPoints: "10" },
  "empty-target": { indicator: "党建" },
  "missing-owner": { indicator: "党建" },
  "penalty-tiers": { category: "负面清单", tiers: ["-1", "-0.5"] },
  "points-conflict": { indicator: "党建", column: "5", text: "6" },
  "points-conflict.bonus-cap": { method: "5", section: "4" },
  "bonus-cap": { item: "荣获表彰", cap: "6", overall: "5" },
  "bonus-cap.unreachable": { cap: "5", total: "3" },
  "bonus-cap.allowance": { allowance: "15", total: "12" },
  "weights-sum": { weights: [{ label: "市领导", percent: "60" }, { label: "县区", percent: "30" }], total: "90" },
  "weights-sum.column": { column: "权重", total: "90" },
  "weights-sum.parts": { total: "1.2" },
  "inline-sum": { indicator: "党建", stated: "30", computed: "31" },
  "inline-sum.heading": { heading: "分季度", stated: "9", computed: "8" },
  "inline-sum.criterion": { indicator: "党建", stated: "2", computed: "3", ambiguous: true },
  "quarter-sum": { indicator: "党建", quarter: "第二季度", expected: "6", annual: "4", computed: "5" },
  "target-sum": { indicator: "招商", annual: "1", computed: "1.1", unit: "亿元", cumulative: false },
  "score-range.count": { indicator: "党建", label: { word: "count" }, score: "-1" },
  "score-range.deduction": { indicator: "党建", label: { word: "deduction", prefix: "第二季度" }, score: "25", max: "20" },
  "score-range.penalty": { indicator: "党建", score: "-3", floor: "-2" },
  "score-range.below": { indicator: "党建", label, score: "-1" },
  "score-range.above": { indicator: "党建", label: { word: "bonus-claim" }, score: "5", max: "4", bonus: true },
  "entered-value": { indicator: "党建", label, value: "十二" },
  "entered-value.book": { indicator: "党建", label: "自评分", value: "优" },
  "entered-value.veto": { value: "是" },
  "input.title": {},
  "input.rule": { kind: "decimal", min: "0", max: "2", values: [] },
  "negative-points": { indicator: "预算执行", points: "-5" },
  "total-mismatch": { shown: "100", computed: "22" },
  "duplicate-unit": { unit: "县委办", kept: "a.xlsx · 评分-县委办", other: "b.xlsx · 评分-县委办", keptTotal: "22", otherTotal: "30" },
  "cli.ranked": { ranked: 12, unentered: ["县委办", "县财政局"], uncomputable: ["县委党校"], duplicates: 2 },
  "sheet.empty": {},
  "sheet.header-only": {},
  "sheet.summary": {},
  "sheet.scoring": {},
  "sheet.no-header": {},
  "sheet.closest-header": { row: 3, labels: ["序号", "内容"], known: ["序号"] },
  "workbook.no-sheet": { sheet: "汇总" },
  "workbook.not-scoring-sheet": { sheet: "汇总" },
  "workbook.not-input-cell": { sheet: "评分-县委办", cell: "B2" },
  "workbook.no-worksheets": {},
  "workbook.nothing-to-score": {},
  "workbook.not-scoring-sheets": { sheets: ["评分-县委办", "汇总"] },
  "workbook.read-only": {},
  "scoring.negative": { what: { word: "points" }, value: "-10" },
  "scoring.same-size": { first: { word: "bonus-claims" }, firstCount: 3, second: { word: "bonus-caps" }, secondCount: 2 },
  "scoring.empty": { what: { word: "quarter-scores" } },
  "scoring.descending": { what: { word: "thresholds" }, values: ["60", "80", "90"] },
  "scoring.not-a-level": { label: "乡", labels: ["省", "市", "县"] },
  "scoring.target-not-positive": { target: "0" },
  "scoring.lower-actual": { actual: "0" },
  "scoring.lower-target-negative": { target: "-2" },
  "scoring.weights-total": { total: "0.9" },
  "scoring.quarter-count": { count: 5 },
  "scoring.grade-labels": { thresholds: 2, labels: 4 },
  "scoring.not-ranked": { score: "50" },
  "function.blank": { name: { word: "scores", position: 2 } },
  "function.not-number": { name: { word: "points" }, value: "4分", text: true },
  "function.not-finite": { name: { word: "actual" } },
  "function.not-boolean": { name: { word: "veto" }, value: "是", text: true },
  "function.not-ordinal": { name: { word: "which" }, value: "0" },
  "function.unknown-word": { name: { word: "method" }, value: "average", words: [["ratio", "比例"], ["threshold", "达标"]] },
  "function.result-not-finite": {},
  "function.boolean-points": {},
  "function.tiered-points": { amounts: ["1.5", "1", "0.5"] },
  "function.several-points": { count: 2 },
  "function.no-points": {},
  "function.no-subpoints": {},
  "function.no-target": {},
  "function.few-targets": { count: 2 },
  "xlsx.grid-area": { sheet: "目标责任书", range: "A1:XFD1048576", at: "XFD1048576", cells: 17179869184, limit: 20000000 },
  "xlsx.cells": { limit: 5000000 },
  "xlsx.text-length": { where: "xl/worksheets/sheet1.xml B3", length: 40000, limit: 32767 },
  "xlsx.inflated": { limit: 536870912 },
  "xlsx.copy-merge": { sheet: "目标责任书", range: "H1:XFD1048576", limit: 20000000 },
  "xlsx.missing-part": { part: "xl/workbook.xml" },
  "xlsx.zip": { detail: "invalid zip data" },
  "xlsx.damaged": { detail: "xl/drawings/drawing1.xml: no end tag" },
  "xlsx.xml": { part: "xl/worksheets/sheet1.xml", problem: { kind: "unquoted", name: "c", attribute: "r" } },
  "cli.in-file": { file: "a.xlsx", message: { key: "xlsx.cells", params: { limit: 5000000 } } },
  "cli.unknown-command": { name: "chek", nearest: "check", commands: ["check", "tree"] },
  "cli.unknown-option": { command: "check", option: "--bogus" },
  "cli.option-value": { command: "check", option: "--json" },
  "cli.unexpected-argument": { command: "check", argument: "x" },
  "cli.bad-lang": { value: "fr" },
  "cli.arguments": { command: "import-text", count: "one" },
  "cli.files-missing": {},
  "cli.one-file": {},
  "cli.output-missing": {},
  "cli.output-xlsx": {},
  "cli.input-txt": {},
  "cli.split": { modes: ["none", "parts", "units"] },
  "cli.bad-argument": { field: "output", detail: "Invalid input" },
  "cli.empty-argument": { field: "files.0" },
  "cli.file-not-found": { file: "a.xlsx" },
  "cli.is-directory": { file: "a.xlsx", wanted: "workbook" },
  "cli.cannot-read": { file: "a.xlsx", code: "EACCES" },
  "cli.not-text": { file: "a.txt" },
  "cli.no-worksheets": { file: "a.xlsx" },
  "cli.docx-empty": { file: "a.docx" },
  "cli.nothing-to-score": { file: "a.xlsx" },
  "cli.nothing-to-summarize": { file: "a.xlsx" },
  "cli.output-is-input": { file: "a.xlsx" },
  "cli.exists": { file: "a.xlsx" },
  "cli.no-output-folder": { file: "a.xlsx" },
  "cli.cannot-write": { file: "a.xlsx", code: "EACCES" },
  "cli.output-workbook": {},
  "cli.macros-need-xlsm": { file: "a.xlsm" },
  "cli.xlsm-needs-macros": { file: "out.xlsm" },
  "cli.not-kept": { sheet: "评分表-店镇", parts: ["comments", "drawing"] },
  "cli.no-repository": {},
  unreadable: { file: "a.xlsx", format: "doc", wanted: "workbook", et: false, detail: null },
  "cli.imported-text": { file: "a.xlsx", sheets: ["市考核县", "负面清单"], rows: 120 },
  "cli.imported-docx": { file: "a.xlsx", sheets: ["市考核县"], tables: 3, rows: 120 },
  "cli.scored": { file: "a.xlsx", sheets: 12, portable: true },
  "cli.carried": { kept: 7, moved: 1, setAside: 2, sheet: "未匹配的录入" },
};

const keys = Object.keys(SAMPLES) as MessageKey[];
const sample = (key: MessageKey): Message => ({ key, params: SAMPLES[key] }) as Message;

describe("locales", () => {
  test.each(LANGUAGES)("%s has exactly the keys of zh", (language) => {
    const functions = (locale: object) => Object.keys(locale).filter((k) => typeof (locale as Record<string, unknown>)[k] === "function").sort();
    expect(functions(LOCALES[language])).toEqual(functions(LOCALES.zh));
    expect(functions(LOCALES.zh)).toEqual([...keys].sort());
    expect(Object.keys(LOCALES[language].entryWord).sort()).toEqual(Object.keys(LOCALES.zh.entryWord).sort());
    expect(Object.keys(LOCALES[language].cli.commands)).toEqual(Object.keys(LOCALES.zh.cli.commands));
  });

  test.each(LANGUAGES.flatMap((language) => keys.map((key) => [language, key] as const)))("%s renders %s", (language, key) => {
    const text = render(sample(key), language);
    expect(text.trim().length).toBeGreaterThan(3);
    expect(text).not.toMatch(/undefined|\[object|NaN/);
    if (language === "en") expect(text).not.toMatch(/[，。；：？！]/);
    else expect(text).not.toMatch(/\b(the|is|are|not)\b/);
  });

  test("the two languages say the same numbers", () => {
    for (const key of keys) {
      const digits = (text: string) => (text.match(/-?\d+(\.\d+)?/g) ?? []).filter((n) => n !== "100" && n !== "1" && n !== "0").sort();
      expect([key, digits(render(sample(key), "en"))]).toEqual([key, digits(render(sample(key), "zh"))]);
    }
  });
});
