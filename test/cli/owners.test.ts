/**
 * The 责任单位 sheet of `summary`: joint owners split into their offices, two names of one office taken for one (the
 * common pairs, the usual shortenings, the user's JSON file beside the workbook and a 单位别名 sheet), every indicator
 * under each office that leads or shares it. On seed 001 and on a workbook written here with ExcelJS.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { kaohe, SEEDS, tempDir } from "./run";

const S001 = path.join(SEEDS, "001_c9fa6fd301574412.xlsx");

interface OwnerRow { owner: string; indicator: string; points: number | null; shared: string }

/** The indicator rows of the 责任单位 (Owners) sheet, subtotal and total rows left out. */
async function ownerRows(file: string, sheetName = "责任单位"): Promise<{ rows: OwnerRow[]; header: string[]; total: unknown[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(sheetName)!;
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? "" : typeof v === "object" && "result" in v ? String(v.result) : String(v));
  const header = [1, 2, 3, 4, 5, 6].map((c) => text(sheet.getRow(2).getCell(c).value));
  const rows: OwnerRow[] = [];
  let total: unknown[] = [];
  let owner = "";
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const a = row.getCell(1);
    if (a.isMerged && a.master !== a) {
      // A merged owner cell: the master above names it.
    } else owner = text(a.value);
    if (row.getCell(1).style.font?.bold || owner === "") {
      if (/^(合计|Total)/.test(owner)) total = [1, 2, 3, 4].map((c) => row.getCell(c).value);
      continue;
    }
    if (text(row.getCell(3).value) === "") continue;
    const points = row.getCell(4).value;
    rows.push({ owner, indicator: text(row.getCell(3).value), points: typeof points === "number" ? points : null, shared: text(row.getCell(6).value) });
  }
  return { rows, header, total };
}

beforeAll(() => {
  expect(kaohe("--help").code).toBe(0);
});

test("seed 001: no joint-owner string and no two names of one office; the joint indicator under each of its three", async () => {
  const out = path.join(tempDir(), "汇总.xlsx");
  const result = kaohe("summary", S001, "-o", out);
  expect(result.code).toBe(0);
  const { rows, header, total } = await ownerRows(out);
  expect(header).toEqual(["责任单位", "考核内容", "考核指标", "分值", "位置", "共同负责单位"]);
  const owners = [...new Set(rows.map((r) => r.owner))];
  // Worked out from the decomposition table (A4:E62 of 市考核县指标任务分解): 县发改局 of the joint row is the
  // 县发展改革和科技局 of thirteen others; 县民政局 is named only there.
  expect(owners.sort()).toEqual([
    "县发展改革和科技局", "县工业商贸局", "县人社局", "县卫健局", "县交通运输局", "县扶贫办", "县农业农村局", "县文旅局", "县委宣传部",
    "县环保局", "县林业局", "县民政局", "白云山景区管委会", "县审批服务局", "榆佳经济技术开发区",
  ].sort());
  expect(owners.some((o) => /[、，,和及]/.test(o) && o !== "县发展改革和科技局")).toBe(false);
  const joint = rows.filter((r) => r.shared !== "");
  expect(joint.map((r) => [r.owner, r.shared])).toEqual([
    ["县发展改革和科技局", "县卫健局、县民政局"],
    ["县卫健局", "县发展改革和科技局（牵头）、县民政局"],
    ["县民政局", "县发展改革和科技局（牵头）、县卫健局"],
  ]);
  expect(new Set(joint.map((r) => r.indicator)).size).toBe(1);
  expect(rows.filter((r) => r.owner === "县发展改革和科技局")).toHaveLength(14);
  expect(rows.filter((r) => r.owner === "县卫健局")).toHaveLength(3);
  // The total counts the shared indicator once: the indicators' 96 points (the table states 100; check reports
  // 生态文明's 19 of 20 and 县域特色指标's 7 of 10).
  expect(total[0]).toBe("合计（共同负责的指标计一次）");
  expect(total[3]).toBe(96);
});

test("seed 001 with an alias file beside it: two more offices taken for one", async () => {
  const dir = tempDir();
  const book = path.join(dir, "县考核.xlsx");
  copyFileSync(S001, book);
  writeFileSync(path.join(dir, "县考核.owners.json"), JSON.stringify({ 县农业农村局: ["县扶贫办"] }));
  const out = path.join(dir, "汇总.xlsx");
  expect(kaohe("summary", book, "-o", out).code).toBe(0);
  const { rows } = await ownerRows(out);
  const owners = new Set(rows.map((r) => r.owner));
  expect(owners.size).toBe(14);
  expect(owners.has("县扶贫办")).toBe(false);
  expect(rows.filter((r) => r.owner === "县农业农村局")).toHaveLength(11);

  writeFileSync(path.join(dir, "县考核.owners.json"), "{县农业农村局: 县扶贫办}");
  const bad = kaohe("summary", book, "-o", path.join(dir, "另一个.xlsx"));
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("县考核.owners.json");
});

describe("a decomposition written with ExcelJS", () => {
  let dir: string;
  let book: string;

  beforeAll(async () => {
    dir = tempDir();
    book = path.join(dir, "分解.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("指标分解").addRows([
      ["2024年度县级目标任务分解"],
      ["考核内容", "考核指标", "分值", "责任单位"],
      ["经济发展（40分）", "地区生产总值增长7%", 10, "县发改局和县统计局"],
      ["", "固定资产投资增长10%", 10, "县发展和改革局"],
      ["", "一般公共预算收入增长5%", 10, "县财政局"],
      ["", "优化营商环境", 10, "县行政审批服务局牵头，县市场监管局配合"],
      ["民生保障（60分）", "城乡居民医保参保率95%", 15, "县卫健局\n县医保局"],
      ["", "基层医疗机构标准化建设", 15, "县卫生健康局"],
      ["", "重点工作督查落实", 15, "县委办、县政府办"],
      ["", "政务信息公开", 15, "县委办公室"],
    ]);
    workbook.addWorksheet("单位别名").addRows([["单位名称", "别名"], ["县市场监督管理局", "县市场监管局"]]);
    await workbook.xlsx.writeFile(book);
    writeFileSync(path.join(dir, "kaohe-owners.json"), JSON.stringify({ 县政府办公室: "县政府办" }));
  });

  test("joint owners split, aliases merged by the table, the 单位别名 sheet and the folder's file", async () => {
    const out = path.join(dir, "汇总.xlsx");
    expect(kaohe("summary", book, "-o", out).code).toBe(0);
    const { rows, total } = await ownerRows(out);
    const by = (owner: string) => rows.filter((r) => r.owner === owner).map((r) => `${r.indicator}${r.shared ? `｜${r.shared}` : ""}`);
    expect([...new Set(rows.map((r) => r.owner))]).toEqual([
      "县发展和改革局", "县统计局", "县财政局", "县行政审批服务局", "县市场监督管理局", "县卫生健康局", "县医保局", "县委办公室", "县政府办公室",
    ]);
    expect(by("县发展和改革局")).toEqual(["地区生产总值增长7%｜县统计局", "固定资产投资增长10%"]);
    expect(by("县统计局")).toEqual(["地区生产总值增长7%｜县发展和改革局（牵头）"]);
    expect(by("县市场监督管理局")).toEqual(["优化营商环境｜县行政审批服务局（牵头）"]);
    expect(by("县卫生健康局")).toEqual(["城乡居民医保参保率95%｜县医保局", "基层医疗机构标准化建设"]);
    expect(by("县委办公室")).toEqual(["重点工作督查落实｜县政府办公室", "政务信息公开"]);
    expect(by("县政府办公室")).toEqual(["重点工作督查落实｜县委办公室（牵头）"]);
    expect(total[3]).toBe(100);
  });

  test("in English", async () => {
    const out = path.join(dir, "summary.xlsx");
    expect(kaohe("summary", book, "-o", out, "--lang", "en").code).toBe(0);
    const { rows, header } = await ownerRows(out, "Owners");
    expect(header[5]).toBe("Shared with");
    expect(rows.find((r) => r.owner === "县统计局")!.shared).toBe("县发展和改革局 (lead)");
  });
});

test("a 配合单位 column beside the 牵头单位 one: its units share the indicator, the 牵头 one leads", async () => {
  const dir = tempDir();
  const book = path.join(dir, "两列.xlsx");
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("分解").addRows([
    ["2024年度目标任务分解"],
    ["考核内容", "考核指标", "分值", "牵头单位", "配合单位"],
    ["经济发展（20分）", "地区生产总值增长7%", 10, "县发改局", "县统计局"],
    ["", "固定资产投资增长10%", 10, "县发展和改革局", "县财政局、县住建局"],
  ]);
  await workbook.xlsx.writeFile(book);
  const out = path.join(dir, "汇总.xlsx");
  expect(kaohe("summary", book, "-o", out).code).toBe(0);
  const { rows, total } = await ownerRows(out);
  expect(rows.map((r) => [r.owner, r.indicator, r.shared])).toEqual([
    ["县发展和改革局", "地区生产总值增长7%", "县统计局"],
    ["县发展和改革局", "固定资产投资增长10%", "县财政局、县住建局"],
    ["县统计局", "地区生产总值增长7%", "县发展和改革局（牵头）"],
    ["县财政局", "固定资产投资增长10%", "县发展和改革局（牵头）、县住建局"],
    ["县住建局", "固定资产投资增长10%", "县发展和改革局（牵头）、县财政局"],
  ]);
  expect(total[3]).toBe(20);
});
