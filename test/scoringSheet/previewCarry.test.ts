/**
 * The task pane's 生成评分表 over the preview's in-memory workbook: entries typed into the scoring sheet are carried
 * to the sheet generated again after the book was edited, with the counts the pane shows (kept, moved, set aside),
 * a typed formula stays a formula and text typed after an apostrophe stays text.
 */
import { addScoringSheets } from "../../src/app/scoringSheets";
import { a1 } from "../../src/core/grid";
import { UNMATCHED_SHEET, scoringColumns } from "../../src/core/scoringSheet";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { MESSAGES } from "../../src/taskpane/messages";
import { grid } from "../helpers/grid";

const cols = scoringColumns(0);
const BOOK = [
  ["类别", "指标", "目标要求", "分值"],
  ["党建工作", "基层组织建设", "做好发展党员工作", 10],
  ["党建工作", "党风廉政建设", "落实主体责任", 10],
  ["经济发展", "招商引资", "签约重点项目", 20],
];

/** The sheet row (0-based) of an indicator on the workbook's scoring sheet. */
const rowOf = (workbook: MemoryWorkbook, name: string) => workbook.sheet("评分-县委办")!.values.findIndex((r) => r[cols.name] === name);

test("entries typed in the preview survive an edited book; the counts are the pane's", async () => {
  const workbook = new MemoryWorkbook([grid(BOOK.map((r) => [...r]), [], "县委办")]);
  await addScoringSheets(workbook, { portable: false });
  const sheet = "评分-县委办";
  workbook.enter(sheet, a1(rowOf(workbook, "基层组织建设"), cols.deduction), "=0.5+0.5");
  workbook.enter(sheet, a1(rowOf(workbook, "基层组织建设"), cols.note), "'=HYPERLINK(\"http://evil.example/\",\"详情\")");
  workbook.enter(sheet, a1(rowOf(workbook, "党风廉政建设"), cols.deduction), "2");
  workbook.enter(sheet, a1(rowOf(workbook, "招商引资"), cols.deduction), "1");
  // The book between rounds: a typo-sized rename of 招商引资, 党风廉政建设 gone.
  workbook.setCell("县委办", "B4", "招商引资工作");
  workbook.setCell("县委办", "B3", null);
  workbook.setCell("县委办", "C3", null);
  workbook.setCell("县委办", "D3", null);
  const done = await addScoringSheets(workbook, { portable: false });
  expect(done).toMatchObject({ replaced: 1, kept: 1, moved: 1, setAside: 1, unmatchedSheet: UNMATCHED_SHEET });
  expect(done.names).toEqual([sheet, UNMATCHED_SHEET]);

  const again = workbook.sheet(sheet)!;
  const row = rowOf(workbook, "基层组织建设");
  expect(again.formulas.get(`${row}:${cols.deduction}`)).toBe("=0.5+0.5");
  expect(again.formulas.has(`${row}:${cols.note}`)).toBe(false);
  expect(again.values[row][cols.note]).toBe('=HYPERLINK("http://evil.example/","详情")');
  expect(again.values[rowOf(workbook, "招商引资工作")][cols.deduction]).toBe(1);
  expect(workbook.sheet(UNMATCHED_SHEET)!.values[2].slice(0, 7)).toEqual([sheet, 5, "县委办", "党建工作", "党风廉政建设", null, 2]);

  const t = MESSAGES.zh;
  expect(t.scored([sheet], done.replaced, done.kept) + t.carried(done.moved, done.setAside, done.unmatchedSheet)).toBe(
    `已生成评分表 1 张：${sheet}（替换了原先生成的评分表 1 张，保留已填写的 1 行）；已填写的录入移到改名或挪动后的指标 1 项，未匹配 1 项（原样放在“${UNMATCHED_SHEET}”表）`,
  );
});
