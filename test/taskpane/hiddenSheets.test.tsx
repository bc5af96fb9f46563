/** @jest-environment jsdom */
/**
 * Hidden and very hidden sheets in the task pane: their books are read and checked like the others, and the books
 * table and the findings' group headings name them as hidden. The workbook is written with ExcelJS and read by the
 * .xlsx reader, as the preview and picked workbooks are.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { CellGrid } from "../../src/core/grid";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { App } from "../../src/taskpane/App";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

function addBook(workbook: ExcelJS.Workbook, name: string, unit: string, second: number): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRows([
    [`${unit}目标责任书`],
    ["类别", "考核内容", "分值"],
    ["党的建设（40分）", "落实全面从严治党主体责任", 20],
    ["", "加强干部队伍建设", second],
    ["业务工作（60分）", "完成年度重点任务", 30],
    ["", "办好民生实事", 30],
  ]);
  return sheet;
}

let grids: CellGrid[];
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  addBook(workbook, "财政局", "县财政局", 20);
  addBook(workbook, "民政局", "县民政局", 15).state = "hidden";
  addBook(workbook, "审计局", "县审计局", 20).state = "veryHidden";
  const file = path.join(mkdtempSync(path.join(tmpdir(), "kaohe-pane-")), "隐藏.xlsx");
  await workbook.xlsx.writeFile(file);
  grids = await readXlsx(file);
});

test("the reader keeps each sheet's visibility", () => {
  expect(grids.map((g) => [g.sheet, g.hidden])).toEqual([["财政局", undefined], ["民政局", "hidden"], ["审计局", "veryHidden"]]);
});

test("Chinese: a hidden sheet's finding and its books are named as hidden", async () => {
  render(<App adapter={new MemoryWorkbook(grids)} language="zh" />);
  await screen.findByText("3 个工作表 · 3 份责任书");
  const heading = screen.getByRole("heading", { level: 3, name: /^民政局/ });
  expect(within(heading).getByText("已隐藏")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "已识别的责任书（3）" }));
  const rows = await screen.findAllByRole("row");
  const row = (sheet: string) => rows.find((r) => within(r).queryByText(sheet))!;
  expect(within(row("民政局")).getByText("已隐藏")).toBeTruthy();
  expect(within(row("审计局")).getByText("已深度隐藏")).toBeTruthy();
  expect(within(row("财政局")).queryByText(/隐藏/)).toBeNull();
});

test("English", async () => {
  render(<App adapter={new MemoryWorkbook(grids)} language="en" />);
  await screen.findByText("3 sheets · 3 books");
  expect(within(screen.getByRole("heading", { level: 3, name: /^民政局/ })).getByText("hidden")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Books found (3)" }));
  const rows = await screen.findAllByRole("row");
  expect(within(rows.find((r) => within(r).queryByText("审计局"))!).getByText("very hidden")).toBeTruthy();
});
