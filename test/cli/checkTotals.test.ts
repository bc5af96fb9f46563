/**
 * `check` on a scoring sheet whose 总分 was typed over: a total-mismatch error on the total cell, in the report and
 * in `--json` (the finding shape of ARCHITECTURE.md, a new rule id only), exit 1.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { z } from "zod";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { findingJsonSchema } from "../../src/core/jsonSchemas";
import { HEADER_ROW, TOTAL_LABEL } from "../../src/core/scoringSheet";
import { exceljsWorkbook } from "../../src/excel/exceljsAdapter";
import { kaohe, tempDir } from "./run";

const dir = tempDir();
const forged = path.join(dir, "forged.xlsx");
let totalCell = "";

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("县直部门").addRows([
    ["1.县财政局"], ["类别", "考核内容", "分值"], ["业务工作", "按时报送统计报表", 20], ["党的建设", "落实全面从严治党主体责任", 80], ["合计", null, 100],
  ]);
  await addScoringSheets(exceljsWorkbook(workbook), { portable: false });
  const sheet = workbook.getWorksheet("评分-县财政局")!;
  const header = sheet.getRow(HEADER_ROW).values as unknown[];
  sheet.eachRow((row) => {
    const name = row.getCell(header.indexOf("指标")).value;
    if (name === "按时报送统计报表") row.getCell(header.indexOf("扣分")).value = 5;
    if (name === TOTAL_LABEL) {
      const total = row.getCell(header.indexOf("小计"));
      total.value = 100;
      totalCell = total.address;
    }
  });
  await workbook.xlsx.writeFile(forged);
});

test("the report names the total cell, and the exit code is 1", () => {
  const result = kaohe("check", forged);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`✗ 错误 ${totalCell} [total-mismatch] 总分显示为100，按填写的得分重新计算为15（公式未重新计算，或被改写），排名按15计`);
});

test("--json: the finding under the scoring sheet, in the documented shape", () => {
  const result = kaohe("check", forged, "--json");
  const json = z.object({ files: z.array(z.object({ scoringSheets: z.array(z.object({ sheet: z.string(), unit: z.string(), findings: z.array(findingJsonSchema) })) })) }).parse(JSON.parse(result.stdout));
  const sheet = json.files[0].scoringSheets.find((s) => s.sheet === "评分-县财政局")!;
  expect(sheet.findings[0]).toEqual({
    rule: "total-mismatch", severity: "error", sheet: "评分-县财政局", cell: totalCell, unit: "县财政局", category: null,
    stated: "100", computed: "15", message: "总分显示为100，按填写的得分重新计算为15（公式未重新计算，或被改写），排名按15计",
  });
});
