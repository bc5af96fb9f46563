/** @jest-environment jsdom */
/**
 * The task pane's check also looks at what was entered on the scoring sheets, from the sheets it has already read.
 */
import path from "node:path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readXlsx } from "../../src/cli/xlsxRead";
import { columnLetters, type CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { HEADER_ROW, scoringSheets } from "../../src/core/scoringSheet";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { App } from "../../src/taskpane/App";
import { checkWorkbook } from "../../src/app/check";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

let seed004: CellGrid[];
beforeAll(async () => {
  seed004 = await readXlsx(path.join(__dirname, "../../seeds/004_ec5181be93802e64.xlsx"));
});

/** Seed 004 with its scoring sheet added, and the cell (A1) of the first assessor group's score on a 4-point row. */
async function scoredWorkbook(): Promise<{ workbook: MemoryWorkbook; sheet: string; cell: string }> {
  const workbook = new MemoryWorkbook(seed004);
  const [sheet] = await workbook.addSheets(scoringSheets(readBooks(seed004).books, { portable: false }, new Map()));
  const values = workbook.sheet(sheet)!.values;
  const header = values[HEADER_ROW - 1];
  // Rows are keyed by what they stand for; the 来源 column shows the source cell.
  const row = values.findIndex((r) => r[header.indexOf("来源")] === "县（区）科协工作目标!C30");
  return { workbook, sheet, cell: `${columnLetters(header.indexOf("市科协领导评分"))}${row + 1}` };
}

const findingButtons = () => screen.getAllByRole("button").filter((b) => b.hasAttribute("data-cell"));

test("checkWorkbook: a group score above the row's points is a finding on the scoring sheet's cell, without another read", async () => {
  const { workbook, sheet, cell } = await scoredWorkbook();
  expect((await checkWorkbook(workbook)).findings).toEqual([]);
  workbook.setCell(sheet, cell, 5);
  let scoringReads = 0;
  workbook.readScoringSheets = async () => {
    scoringReads++;
    return [];
  };
  const { findings } = await checkWorkbook(workbook);
  expect(scoringReads).toBe(0);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ rule: "score-range", severity: "error", sheet, cell, unit: workbook.sheet(sheet)!.values[1][1], category: "为科技工作者服务" });
  expect(findings[0].stated?.toFixed()).toBe("4");
  expect(findings[0].computed?.toFixed()).toBe("5");
});

test("the pane lists it under the scoring sheet, a click goes to the cell, and a corrected score clears it", async () => {
  const { workbook, sheet, cell } = await scoredWorkbook();
  workbook.setCell(sheet, cell, 5);
  render(<App adapter={workbook} language="zh" recheckDelay={20} />);
  await screen.findByRole("heading", { level: 3, name: sheet });
  const button = findingButtons().find((b) => b.dataset.cell === `${sheet}!${cell}`)!;
  expect(within(button).getByText("错误")).toBeTruthy();
  expect(within(button).getByText("标明 4 · 计算 5")).toBeTruthy();
  expect(within(button).getByText(/市科协领导评分5，超过该项分值4分$/)).toBeTruthy();
  fireEvent.click(button);
  await waitFor(() => expect(workbook.selection).toEqual({ sheet, cell }));
  act(() => workbook.setCell(sheet, cell, 3.5));
  await waitFor(() => expect(findingButtons().some((b) => b.dataset.cell === `${sheet}!${cell}`)).toBe(false));
});
