/** @jest-environment jsdom */
/**
 * The preview draws the summary's charts as the .xlsx writer does: 汇总's books with findings as stacked bars (errors
 * red, warnings amber, a legend naming both), and 排名's units in their grades' colours, highest first.
 */
import { render, screen } from "@testing-library/react";
import { Decimal } from "../../src/core/decimal";
import { rankingSheet, type RankedUnit } from "../../src/core/summary/ranking";
import { summarySheets } from "../../src/core/summary/summarySheets";
import { ERROR_FILL, WARNING_FILL } from "../../src/core/summary/summaryCharts";
import { sheetFromSpec } from "../../src/excel/memoryAdapter";
import { ChartView, chartPoints } from "../../src/preview/ChartView";
import { readBooks } from "../../src/core/layout";
import { readXlsx } from "../../src/cli/xlsxRead";
import path from "node:path";

const SEED = path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx");

const fills = (container: HTMLElement) => [...container.querySelectorAll("rect")].map((r) => r.getAttribute("fill"));

test("汇总's findings chart: each book's errors and warnings stacked in red and amber, a legend naming both", async () => {
  const books = readBooks(await readXlsx(SEED)).books;
  const [summary] = summarySheets([{ file: null, books }], { language: "zh", links: true });
  const sheet = sheetFromSpec(summary.name, summary);
  const [findings] = summary.charts;
  expect(chartPoints(sheet, findings).map((p) => [p.label, ...p.values])).toEqual([
    ["2020年度市考核县指标任务分解", 2, 3], ["省市驻佳单位共性考核指标", 1, 5], ["店镇", 1, 0],
  ]);
  const { container } = render(<ChartView sheet={sheet} spec={findings} />);
  expect(screen.getByRole("img", { name: findings.title })).toBeTruthy();
  expect(container.textContent).toContain("错误");
  expect(container.textContent).toContain("警告");
  expect(fills(container)).toEqual([`#${ERROR_FILL}`, `#${WARNING_FILL}`, `#${ERROR_FILL}`, `#${WARNING_FILL}`, `#${ERROR_FILL}`, `#${WARNING_FILL}`]);
});

test("排名's chart: bars in the grades' colours, highest first", () => {
  const unit = (name: string, total: number, grade: string): RankedUnit => ({
    unit: name, group: null, total: new Decimal(total), grade, unranked: null, findings: 0, remarks: [], file: null, sheet: `评分-${name}`, cell: null,
  });
  const spec = rankingSheet([unit("县民政局", 58, "不合格"), unit("县财政局", 95, "优秀"), unit("县统计局", 85, "良好")]);
  const sheet = sheetFromSpec(spec.name, spec);
  const { container } = render(<ChartView sheet={sheet} spec={spec.charts[0]} />);
  expect(fills(container)).toEqual(["#70AD47", "#4472C4", "#C00000"]);
  expect(chartPoints(sheet, spec.charts[0]).map((p) => p.label)).toEqual(["县财政局", "县统计局", "县民政局"]);
});
