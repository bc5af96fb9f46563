/**
 * What the Office.js sink writes beyond values (office-addin-mock with recording ranges): a scoring sheet's print
 * setup, row heights, number formats, data validation with its out-of-range highlight, and an imported Word table's
 * borders - the same as the ExcelJS writer writes into an .xlsx (print.test.ts, test/scoringSheet/inputs.test.ts); and
 * what the preview's in-memory sink keeps of them.
 */
import path from "node:path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { readBooks } from "../../src/core/layout";
import { emptyInputs, scoringPlans, scoringSheet } from "../../src/core/scoringSheet";
import { layoutToSpec } from "../../src/import/layoutSpec";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { addSpecSheets } from "../../src/excel/officeAdapter";
import { shownText } from "../../src/preview/SheetView";
import { mockExcel } from "./officeMock";

const seed001 = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");

test("店镇's scoring sheet: landscape A4 one page wide, rows 1-3 on every page, page numbers, rows as tall as their text", async () => {
  const plan = scoringPlans(readBooks(await readXlsx(seed001)).books).find((p) => p.unit === "店镇")!;
  const spec = scoringSheet(plan, { portable: false }, emptyInputs());
  const excel = mockExcel([]);
  await addSpecSheets(excel.context, [spec]);
  const sheet = excel.added[0];
  expect(sheet.pageLayout).toMatchObject({
    paperSize: "A4",
    orientation: "Landscape",
    centerHorizontally: true,
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: "$1:$3",
    headersFooters: { defaultForAllPages: { centerFooter: "&A  第 &P 页，共 &N 页" } },
  });
  const heights = new Map(sheet.ranges.filter((r) => r.format.rowHeight !== undefined).map((r) => [r.address, r.format.rowHeight]));
  spec.rowHeights!.forEach((points, r) => expect(heights.get(`${r + 1}:${r + 1}`)).toBe(points ?? undefined));
  expect(heights.get("5:5")).toBeGreaterThan(45);

  // The veto from a list, a penalty count whole, a score from another book from 0 to its points; each tinted when
  // it holds something else.
  const validated = sheet.ranges.filter((r) => r.dataValidation.rule !== undefined);
  expect(validated).toHaveLength(spec.validations!.length);
  const rules = validated.map((r) => r.dataValidation.rule);
  expect(rules).toContainEqual({ list: { inCellDropDown: true, source: "TRUE,FALSE,1,0" } });
  expect(rules).toContainEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
  expect(rules).toContainEqual({ decimal: { formula1: 0, formula2: 5, operator: "Between" } });
  for (const range of validated) {
    expect(range.dataValidation.errorAlert).toMatchObject({ showAlert: true, style: "Stop", title: "超出范围" });
    expect(range.conditionalFormats).toHaveLength(1);
    expect(range.conditionalFormats[0]).toMatchObject({ type: "Custom", custom: { format: { fill: { color: "#FDE2E2" } } } });
    expect(range.conditionalFormats[0].custom.rule.formula).toMatch(/^=(OR|AND)\(/);
  }
  // Part weights as percentages; the column of repeated targets stays shown here (the town's own book has targets).
  const body = sheet.ranges.find((r) => r.values)!;
  expect(body.numberFormat!.flat()).toContain("0%");
  expect(sheet.ranges.filter((r) => (r as unknown as { columnHidden?: boolean }).columnHidden).map((r) => r.address)).toEqual(["Q:Q"]);
});

test("an imported Word table: bordered cells, a bold centred header, its title line unwrapped, no print setup", async () => {
  const spec = layoutToSpec({
    name: "负面清单",
    values: [["负面清单考核指标"], ["考核内容", "责任单位", "分值"], ["生态文明", "县委办", "-1.5"]],
    merges: [],
    tables: [{ top: 1, bottom: 2, width: 3 }],
  });
  const excel = mockExcel([]);
  await addSpecSheets(excel.context, [spec]);
  const sheet = excel.added[0];
  const run = (address: string) => sheet.ranges.find((r) => r.address === address)!;
  expect(run("A2:C2").format).toMatchObject({ horizontalAlignment: "Center", verticalAlignment: "Center", font: { bold: true } });
  expect(run("A2:C2").format.edges).toMatchObject({ EdgeTop: "Continuous", EdgeBottom: "Continuous", InsideVertical: "Continuous" });
  expect(run("A3:C3").format.edges.EdgeLeft).toBe("Continuous");
  expect(run("A3:C3").format.font.bold).toBeUndefined();
  expect(run("A1:A1").format.wrapText).toBe(false);
  expect(sheet.pageLayout.orientation).toBeUndefined();
  expect(sheet.ranges.some((r) => r.dataValidation.rule !== undefined)).toBe(false);
});

test("the preview's in-memory sink keeps the print setup, row heights, validations and number formats, and shows 7% and 50%", async () => {
  const plans = scoringPlans(readBooks(await readXlsx(seed001)).books);
  const specs = plans.filter((p) => p.unit === "店镇" || p.unit === "2020年度市考核县指标任务分解").map((plan) => scoringSheet(plan, { portable: false }, emptyInputs()));
  const workbook = new MemoryWorkbook([]);
  const names = await workbook.addSheets(specs);
  const town = workbook.sheet(names.find((n) => n.includes("店镇"))!)!;
  const spec = specs.find((s) => s.name.includes("店镇"))!;
  expect(town.print).toEqual({ landscape: true, titleRows: 3 });
  expect(town.rowHeights).toEqual(spec.rowHeights);
  expect(town.validations).toEqual(spec.validations);
  const weight = [...town.formats!].find(([, f]) => f === "0%")!;
  const [r, c] = weight[0].split(":").map(Number);
  expect(shownText(town.values[r][c], town.styles.get(weight[0]), weight[1])).toBe("50%");
  const decomposition = workbook.sheet(names.find((n) => !n.includes("店镇"))!)!;
  const shown = [...decomposition.formats!].map(([key, format]) => {
    const [row, col] = key.split(":").map(Number);
    return shownText(decomposition.values[row][col], decomposition.styles.get(key), format);
  });
  expect(shown).toEqual(expect.arrayContaining(["7%", "11.7%"]));
  expect(shown.some((t) => t.endsWith("万元"))).toBe(true);
});
