/**
 * The task pane and the preview take their strings from src/locales, and show an error that carries its message as
 * data in their own language.
 */
import { BOOK_KINDS } from "../../src/core/book";
import { RULE_IDS } from "../../src/core/rules/finding";
import { UnreadableFormatError } from "../../src/import/formats";
import { LOCALES, MessageError } from "../../src/locales";
import { MESSAGES } from "../../src/taskpane/messages";

test("the task pane's strings are the locales' pane strings, with the summary sheets' names of severities and rules", () => {
  for (const language of ["zh", "en"] as const) {
    const t = MESSAGES[language];
    for (const [key, value] of Object.entries(LOCALES[language].pane)) expect([key, t[key as keyof typeof t]]).toEqual([key, value]);
  }
  expect(MESSAGES.zh.scored(["评分-县委办"], 1, 3)).toBe("已生成评分表 1 张：评分-县委办（替换了原先生成的评分表 1 张，保留已填写的 3 行）");
  expect(MESSAGES.en.severity.error).toBe("error");
  expect(MESSAGES.zh.rule["category-sum"]).toBeTruthy();
});

test("every rule, severity and kind of book has a name in each language, the same in the summary sheets and the pane", () => {
  for (const language of ["zh", "en"] as const) {
    const names = LOCALES[language].summary;
    for (const rule of RULE_IDS) expect([language, rule, names.rules[rule]?.length > 0]).toEqual([language, rule, true]);
    for (const kind of BOOK_KINDS) expect([language, kind, names.kinds[kind]?.length > 0]).toEqual([language, kind, true]);
    expect(MESSAGES[language].rule).toEqual(names.rules);
    expect(MESSAGES[language].severity).toEqual(names.severities);
  }
  expect(LOCALES.zh.summary.rules["category-sum"]).toBe("类别合计");
  expect(LOCALES.en.summary.kinds["penalty-list"]).toBe("negative list");
});

test("an adapter's error is shown in the pane's language; another error as it is", () => {
  const error = new MessageError({ key: "workbook.no-sheet", params: { sheet: "汇总" } });
  expect(error.message).toBe("工作表“汇总”不存在");
  expect(MESSAGES.zh.error(error)).toBe("工作表“汇总”不存在");
  expect(MESSAGES.en.error(error)).toBe('no sheet named "汇总"');
  expect(MESSAGES.en.error(new Error("RichApi.Error: the request failed"))).toBe("RichApi.Error: the request failed");
  const doc = new UnreadableFormatError("doc", "docx");
  expect(MESSAGES.zh.error(doc)).toMatch(/^这是 Word 97-2003 文档 \(\.doc\)，无法直接读取：请在 Word 或 WPS 文字中打开/);
  expect(MESSAGES.en.error(doc)).toMatch(/^a Word 97-2003 document \(\.doc\), not a \.docx: open it in Word or WPS Writer/);
});

test("the preview has the same strings in both languages", () => {
  expect(Object.keys(LOCALES.en.preview).sort()).toEqual(Object.keys(LOCALES.zh.preview).sort());
  expect(Object.keys(LOCALES.en.pane).sort()).toEqual(Object.keys(LOCALES.zh.pane).sort());
});
