import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { kaohe, SEEDS, tempDir } from "./run";
import { sheetLinks } from "../helpers/hyperlinks";

const seed001 = path.join(SEEDS, "001_c9fa6fd301574412.xlsx");

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("kaohe summary", () => {
  test("one workbook: a copy with 汇总, 问题清单 and 责任单位 added; the issue list links back to the cells", async () => {
    const out = path.join(tempDir(), "汇总.xlsx");
    const before = readFileSync(seed001);
    const result = kaohe("summary", seed001, "-o", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(seed001).equals(before)).toBe(true);
    const workbook = await open(out);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 8)).toEqual((await open(seed001)).worksheets.map((w) => w.name));
    expect(names.slice(8)).toEqual(["汇总", "问题清单", "责任单位"]);
    const issues = workbook.getWorksheet("问题清单")!;
    let ecology: ExcelJS.Row | undefined;
    issues.eachRow((row) => {
      if (row.values && (row.values as unknown[]).includes("生态文明")) ecology ??= row;
    });
    expect(ecology).toBeDefined();
    const values = ecology!.values as unknown[];
    expect(values).toContain("错误");
    expect(values).toContain(20);
    expect(values).toContain(19);
    expect(values[values.length - 1]).toBe("市考核县指标任务分解!A36");
    // The cell links to the source cell it names.
    const ref = issues.getCell(ecology!.number, (ecology!.values as unknown[]).length - 1).address;
    expect(sheetLinks(out, "问题清单").get(ref)).toBe("'市考核县指标任务分解'!A36");
  });

  test("several workbooks: summary sheets only; an existing output is kept unless --force", async () => {
    const dir = tempDir();
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "keep me");
    const files = [path.join(SEEDS, "003_f2120415240e7d22.xlsx"), path.join(SEEDS, "004_ec5181be93802e64.xlsx")];
    const refused = kaohe("summary", ...files, "-o", out, "--lang", "en");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exists");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(kaohe("summary", ...files, "-o", out, "--force").code).toBe(0);
    expect((await open(out)).worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单"]);
    expect(kaohe("summary", files[0], "-o", files[0], "--force").code).toBe(2);
  });
});
