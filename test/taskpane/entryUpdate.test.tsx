/** @jest-environment jsdom */
/**
 * After an entry on a scoring sheet the pane reads again only that sheet (and the sheet list), not the workbook, and
 * its buttons stay enabled while it does.
 */
import path from "node:path";
import { act, render, screen, waitFor } from "@testing-library/react";
import { readXlsx } from "../../src/cli/xlsxRead";
import { a1 } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { scoringSheets } from "../../src/core/scoringSheet";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { App } from "../../src/taskpane/App";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

test("an entry on one of seed 001's 87 scoring sheets reads that sheet alone and the finding shows", async () => {
  const seed = await readXlsx(path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx"));
  const workbook = new MemoryWorkbook(seed);
  const names = await workbook.addSheets(scoringSheets(readBooks(seed).books, { portable: false }, new Map()));
  const reads: string[][] = [];
  const readNamed = workbook.readNamedSheets.bind(workbook);
  workbook.readNamedSheets = async (sheets, onProgress) => {
    reads.push(sheets);
    return readNamed(sheets, onProgress);
  };
  render(<App adapter={workbook} language="zh" recheckDelay={10} />);
  await screen.findByText(`${8 + names.length} 个工作表 · 75 份责任书`, {}, { timeout: 30_000 });
  expect(reads).toHaveLength(1);
  expect(reads[0]).toHaveLength(8 + names.length);

  const sheet = workbook.sheet("评分-店镇")!;
  const [row, col] = [...sheet.styles].find(([, style]) => style === "input")![0].split(":").map(Number);
  const cell = a1(row, col);
  act(() => workbook.enter(sheet.name, cell, "99"));
  expect((screen.getByRole("button", { name: "重新检查" }) as HTMLButtonElement).disabled).toBe(false);
  await waitFor(() => expect(document.querySelector(`button[data-cell="${sheet.name}!${cell}"]`)).not.toBeNull(), { timeout: 10_000 });
  expect(reads.slice(1)).toEqual([[sheet.name]]);
}, 60_000);
