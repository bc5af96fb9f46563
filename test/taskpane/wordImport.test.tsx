/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { App } from "../../src/taskpane/App";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

const root = path.join(__dirname, "../..");

test("从 Word 导入: a picked .docx adds its tables as new sheets; the books are found in them", async () => {
  const workbook = new MemoryWorkbook(await readXlsx(path.join(root, "seeds", "003_f2120415240e7d22.xlsx")));
  const before = workbook.sheets.map((s) => JSON.stringify(s.values));
  render(<App adapter={workbook} language="zh" recheckDelay={10} />);
  await screen.findByText(/份责任书/);
  const bytes = readFileSync(path.join(root, "test", "import", "fixtures", "001_c9fa6fd301574412.docx"));
  const file = new File([bytes], "001.docx");
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
  await act(async () => {
    fireEvent.change(screen.getByLabelText(/选择目标责任书的 Word 原件/), { target: { files: [file] } });
  });
  await screen.findByText(/已从 Word 导入 \d+ 个表格/);
  expect(workbook.sheets.length).toBe(1 + 8);
  expect(workbook.sheets.slice(0, 1).map((s) => JSON.stringify(s.values))).toEqual(before);
  expect(workbook.sheets.map((s) => s.name)).toContain("县直部门");
});

test("a sheet with vertical labels is offered for laying out as a table on a new sheet; the source stays", async () => {
  const workbook = new MemoryWorkbook(await readXlsx(path.join(root, "seeds", "004_ec5181be93802e64.xlsx")));
  const source = JSON.stringify(workbook.sheets[0].values);
  render(<App adapter={workbook} language="zh" />);
  await screen.findByText(/像是从 Word 粘贴的：\d+ 个竖排标签/);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "整理为表格（新工作表）" }));
  });
  await screen.findByText(/已新增工作表：.*（整理）（原工作表未改动）/);
  expect(workbook.sheets).toHaveLength(2);
  expect(JSON.stringify(workbook.sheets[0].values)).toBe(source);
  expect(workbook.sheets[1].values.flat()).toContain("为科技工作者服务13分");
});
