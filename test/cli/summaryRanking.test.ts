/**
 * `summary` over workbooks with scoring sheets: the ranking's count on stdout names the units with nothing entered,
 * and the 排名 sheet of the written file lists them as 未录入, without a rank.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { HEADER_ROW } from "../../src/core/scoringSheet";
import { exceljsWorkbook } from "../../src/excel/exceljsAdapter";
import { kaohe, tempDir } from "./run";

const dir = tempDir();

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("县直部门").addRows([
    ["1.县财政局"], ["类别", "考核内容", "分值"], ["业务工作", "按时报送统计报表", 20], ["党的建设", "落实全面从严治党主体责任", 80], ["合计", null, 100],
    ["2.县审计局"], ["类别", "考核内容", "分值"], ["业务工作", "按时报送统计报表", 20], ["党的建设", "落实全面从严治党主体责任", 80], ["合计", null, 100],
  ]);
  await addScoringSheets(exceljsWorkbook(workbook), { portable: true });
  const sheet = workbook.getWorksheet("评分-县财政局")!;
  const header = sheet.getRow(HEADER_ROW).values as unknown[];
  sheet.eachRow((row) => {
    if (row.getCell(header.indexOf("指标")).value === "按时报送统计报表") row.getCell(header.indexOf("扣分")).value = 5;
  });
  await workbook.xlsx.writeFile(path.join(dir, "a.xlsx"));
});

test("one unit filled, one not: 1 ranked, the other named as not entered, on stdout and on the sheet", async () => {
  const result = kaohe("summary", path.join(dir, "a.xlsx"), "-o", path.join(dir, "out.xlsx"));
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("排名：1 个单位参与排名；1 个单位未录入得分，未参与排名：县审计局\n");
  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(path.join(dir, "out.xlsx"));
  const ranking = out.getWorksheet("排名")!;
  const rows = [3, 4].map((r) => (ranking.getRow(r).values as unknown[]).slice(1, 5));
  expect(rows).toEqual([[1, "县财政局", 15, "不合格"], ["未录入", "县审计局", undefined, undefined]]);

  const english = kaohe("summary", path.join(dir, "a.xlsx"), "-o", path.join(dir, "en.xlsx"), "--lang", "en");
  expect(english.stdout).toContain("Ranking: 1 units ranked; 1 units with nothing entered, not ranked: 县审计局\n");
});
