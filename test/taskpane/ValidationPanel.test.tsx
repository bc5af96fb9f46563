/** @jest-environment jsdom */
import path from "node:path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { CellGrid } from "../../src/core/grid";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { App } from "../../src/taskpane/App";
import { languageOf } from "../../src/taskpane/messages";

// jsdom has no ResizeObserver (Fluent's MessageBar watches its own width); nothing resizes here.
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

let seed001: CellGrid[];
beforeAll(async () => {
  seed001 = await readXlsx(path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx"));
});

const findingButtons = () => screen.getAllByRole("button").filter((b) => b.hasAttribute("data-cell"));

describe("validation panel on seed 001", () => {
  test("lists the findings grouped by sheet and unit, errors first, with stated vs computed and counts", async () => {
    render(<App adapter={new MemoryWorkbook(seed001)} language="zh" />);
    await screen.findByText("8 个工作表 · 75 份责任书");
    const buttons = findingButtons();
    expect(buttons[0]).toHaveProperty("dataset.cell", "市考核县指标任务分解!A36");
    expect(within(buttons[0]).getByText("错误")).toBeTruthy();
    expect(within(buttons[0]).getByText("生态文明")).toBeTruthy();
    expect(within(buttons[0]).getByText("标明 20 · 计算 19")).toBeTruthy();
    const dian = buttons.find((b) => b.dataset.cell === "镇（办、中心）!A47")!;
    expect(within(dian).getByText("标明 100 · 计算 135")).toBeTruthy();
    // Group headings: sheets, then units.
    expect(screen.getByRole("heading", { level: 3, name: "市考核县指标任务分解" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 4, name: "店镇" })).toBeTruthy();
    // Inside every unit errors come first, and units with errors come before units with warnings only.
    const rank: Record<string, number> = { 错误: 0, 警告: 1, 提示: 2 };
    const units = screen.getAllByRole("heading", { level: 4 }).map((h) =>
      within(h.parentElement!).getAllByRole("button").map((b) => rank[within(b).getAllByText(/^(错误|警告|提示)$/)[0].textContent!]));
    for (const unit of units) expect(unit).toEqual([...unit].sort());
    const worst = units.map((u) => Math.min(...u));
    expect(worst[0]).toBe(0);
    expect(worst.filter((w) => w === 0).length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole("button", { name: /^错误 \d+$/ })).toBeTruthy();
  });

  test("the severity filter shows only errors", async () => {
    render(<App adapter={new MemoryWorkbook(seed001)} language="zh" />);
    await screen.findByText("8 个工作表 · 75 份责任书");
    const errorFilter = screen.getByRole("button", { name: /^错误 \d+$/ });
    const count = Number(errorFilter.textContent!.replace(/\D/g, ""));
    fireEvent.click(errorFilter);
    const shown = findingButtons();
    expect(shown.length).toBe(count);
    for (const b of shown) expect(within(b).getByText("错误")).toBeTruthy();
  });

  test("clicking a finding selects its cell", async () => {
    const workbook = new MemoryWorkbook(seed001);
    render(<App adapter={workbook} language="zh" />);
    await screen.findByText("8 个工作表 · 75 份责任书");
    fireEvent.click(findingButtons().find((b) => b.dataset.cell === "镇（办、中心）!A47")!);
    await waitFor(() => expect(workbook.selection).toEqual({ sheet: "镇（办、中心）", cell: "A47" }));
    expect(workbook.activeSheet).toBe("镇（办、中心）");
  });

  test("the books found are listed with total and indicators", async () => {
    render(<App adapter={new MemoryWorkbook(seed001)} language="zh" />);
    fireEvent.click(await screen.findByRole("button", { name: "已识别的责任书（75）" }));
    const row = (await screen.findAllByRole("row")).find((r) => within(r).queryByText("店镇"))!;
    expect(within(row).getByText("135 / 100")).toBeTruthy();
    expect(within(row).getByText("20")).toBeTruthy();
  });

  test("生成汇总 adds the summary sheets under free names and leaves the source sheets alone", async () => {
    const workbook = new MemoryWorkbook([...seed001, { sheet: "汇总", values: [["我的汇总"]], merges: [] }]);
    const before = JSON.stringify(workbook.sheets.map((s) => s.values));
    render(<App adapter={workbook} language="zh" />);
    await screen.findByText("9 个工作表 · 75 份责任书");
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    await screen.findByText("已新增工作表：汇总 (2)、问题清单、责任单位（原有工作表未改动）");
    expect(workbook.sheets.map((s) => s.name).slice(-4)).toEqual(["汇总", "汇总 (2)", "问题清单", "责任单位"]);
    expect(JSON.stringify(workbook.sheets.slice(0, 9).map((s) => s.values))).toBe(before);
    const issues = workbook.sheet("问题清单")!;
    expect(issues.links.size).toBeGreaterThan(0);
  });

  test("a change to a sheet triggers a new check after a pause", async () => {
    const workbook = new MemoryWorkbook(seed001);
    render(<App adapter={workbook} language="zh" recheckDelay={20} />);
    await screen.findByText("8 个工作表 · 75 份责任书");
    expect(findingButtons().some((b) => b.dataset.cell === "市考核县指标任务分解!A36")).toBe(true);
    // Fix the category's stated points: 生态文明（20分） becomes 19.
    const sheet = workbook.sheet("市考核县指标任务分解")!;
    const row = sheet.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("生态文明"));
    act(() => workbook.setCell("市考核县指标任务分解", `A${row + 1}`, String(sheet.values[row][0]).replace("20", "19")));
    await waitFor(() => expect(findingButtons().some((b) => b.dataset.cell === "市考核县指标任务分解!A36")).toBe(false));
  });
});

describe("when something goes wrong, or nothing is there", () => {
  test("a failing read shows an error message, not a blank pane", async () => {
    const broken: WorkbookAdapter = {
      readSheets: async () => {
        throw new Error("RichApi.Error: The request failed");
      },
      selectCell: async () => undefined,
      readScoringSheets: async () => [],
      addSheets: async () => [],
      onChange: async () => async () => undefined,
    };
    render(<App adapter={broken} language="zh" />);
    expect(await screen.findByText("检查失败")).toBeTruthy();
    expect(screen.getByText("RichApi.Error: The request failed")).toBeTruthy();
  });

  test("a progress indicator while sheets are read", async () => {
    const workbook = new MemoryWorkbook(seed001);
    workbook.readDelay = 30;
    render(<App adapter={workbook} language="zh" />);
    expect(await screen.findByText(/正在读取工作表 \d\/8…/)).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await screen.findByText("8 个工作表 · 75 份责任书", {}, { timeout: 3000 });
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  test("English when Office is not Chinese; a sheet without books says so", async () => {
    expect(languageOf("zh-CN")).toBe("zh");
    expect(languageOf("en-US")).toBe("en");
    render(<App adapter={new MemoryWorkbook([{ sheet: "Sheet1", values: [["hello"]], merges: [] }])} language={languageOf("de-DE")} />);
    expect(await screen.findByText(/No responsibility book found/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add summary sheets" })).toBeTruthy();
  });
});
