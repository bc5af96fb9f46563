/** @jest-environment jsdom */
import path from "node:path";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { HEADER_ROW, KEY_HEADER, scoringColumns } from "../../src/core/scoringSheet";
import { madeSheet, type SheetSpec } from "../../src/core/sheetSpec";
import { MemoryWorkbook, type MemorySheet } from "../../src/excel/memoryAdapter";
import { readXlsx } from "../../src/cli/xlsxRead";
import { App } from "../../src/taskpane/App";
import { addScoringSheets } from "../../src/app/scoringSheets";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

const seeds = path.join(__dirname, "../../seeds");
let seed000: CellGrid[];
let seed004: CellGrid[];
beforeAll(async () => {
  seed000 = await readXlsx(path.join(seeds, "000_8b393e4c879ff91f.xlsx"));
  seed004 = await readXlsx(path.join(seeds, "004_ec5181be93802e64.xlsx"));
});

const isScoring = (s: MemorySheet) => s.values[HEADER_ROW - 1]?.includes(KEY_HEADER) ?? false;
const snapshot = (workbook: MemoryWorkbook, names: string[]) => names.map((n) => JSON.stringify(workbook.sheet(n)!.values));

async function openPane(workbook: MemoryWorkbook, language: "zh" | "en" = "zh") {
  render(<App adapter={workbook} language={language} />);
  await screen.findByText(/份责任书|books/);
}

describe("生成评分表", () => {
  test("adds a scoring sheet per book with the key column hidden; the source sheets stay as they are", async () => {
    const workbook = new MemoryWorkbook(seed000);
    const sources = workbook.sheets.map((s) => s.name);
    const before = snapshot(workbook, sources);
    await openPane(workbook);
    fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
    await screen.findByText(/已生成评分表 \d+ 张/);
    const scoring = workbook.sheets.filter(isScoring);
    expect(scoring.length).toBeGreaterThan(0);
    for (const sheet of scoring) {
      expect(sheet.name.startsWith("评分-")).toBe(true);
      expect(sheet.hiddenColumns).toEqual([sheet.values[HEADER_ROW - 1].indexOf(KEY_HEADER)]);
    }
    expect(snapshot(workbook, sources)).toEqual(before);
    expect(workbook.activeSheet).toBe(scoring[0].name);
  });

  test("generating again keeps the values entered and replaces only the scoring sheets it generated", async () => {
    const workbook = new MemoryWorkbook(seed000);
    // A sheet of the user's that happens to carry a scoring sheet's name: never replaced.
    workbook.sheets.push({ ...workbook.sheets[0], name: "评分-用户自己的表", values: [["我的数据"]], generated: false });
    await openPane(workbook);
    fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
    await screen.findByText(/已生成评分表/);
    const count = workbook.sheets.length;
    const sheet = workbook.sheets.find(isScoring)!;
    const cols = scoringColumns(0);
    const row = sheet.values.findIndex((_, r) => sheet.styles.get(`${r}:${cols.deduction}`) === "input");
    const cell = `I${row + 1}`;
    act(() => workbook.setCell(sheet.name, cell, 1));
    act(() => workbook.setCell(sheet.name, `${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[cols.note]}${row + 1}`, "复核后扣分"));
    fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
    await screen.findByText(/替换了原先生成的评分表 \d+ 张，保留已填写的 1 行/);
    expect(workbook.sheets.length).toBe(count);
    const again = workbook.sheet(sheet.name)!;
    expect(again).not.toBe(sheet);
    expect(again.values[row][cols.deduction]).toBe(1);
    expect(again.values[row][cols.note]).toBe("复核后扣分");
    expect(workbook.sheet("评分-用户自己的表")!.values).toEqual([["我的数据"]]);
  });

  test("通用公式 writes native Excel formulas instead of KH functions", async () => {
    const workbook = new MemoryWorkbook(seed004);
    const written: SheetSpec[] = [];
    const add = workbook.addSheets.bind(workbook);
    workbook.addSheets = async (specs, replacing) => {
      const made = specs.map(madeSheet);
      written.push(...made);
      return add(made, replacing);
    };
    await openPane(workbook);
    const formulas = () => written.flatMap((s) => s.rows.flat()).flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
    fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
    await screen.findByText(/已生成评分表/);
    expect(formulas().some((f) => f.includes("KH."))).toBe(true);
    written.length = 0;
    fireEvent.click(screen.getByRole("switch", { name: /通用公式/ }));
    fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
    await screen.findByText(/替换了原先生成的评分表/);
    expect(formulas().length).toBeGreaterThan(0);
    expect(formulas().some((f) => f.includes("KH."))).toBe(false);
  });

  test("a failure says why", async () => {
    const workbook = new MemoryWorkbook(seed000);
    workbook.readScoringSheets = async () => {
      throw new Error("RichApi.Error: busy");
    };
    await openPane(workbook, "en");
    fireEvent.click(screen.getByRole("button", { name: "Generate scoring sheets" }));
    await screen.findByText("Generating the scoring sheets failed: RichApi.Error: busy");
  });
});

describe("生成排名", () => {
  test("without scoring sheets it says to generate them first", async () => {
    await openPane(new MemoryWorkbook(seed000));
    fireEvent.click(screen.getByRole("button", { name: "生成排名" }));
    await screen.findByText(/没有评分表/);
  });

  test("ranks the open workbook's units and those of the workbooks picked, with links to the totals here", async () => {
    const workbook = new MemoryWorkbook(seed000);
    const other = new MemoryWorkbook(seed004);
    await addScoringSheets(other, { portable: false }, readBooks(seed004).books);
    const opened: number[] = [];
    workbook.openWorkbookFile = async (bytes) => {
      opened.push(bytes.byteLength);
      return other;
    };
    await openPane(workbook);
    fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
    await screen.findByText(/已生成评分表/);
    const input = screen.getByLabelText(/各单位交回的工作簿/);
    const file = { name: "东海县.xlsx", arrayBuffer: async () => new ArrayBuffer(3) };
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByText("已选择 1 个文件");
    fireEvent.click(screen.getByRole("button", { name: "生成排名" }));
    // Nothing is entered yet: every unit is listed as 未录入, none ranked, and the notice says so.
    await screen.findByText(/^已新增工作表：排名（\d+ 个单位），其中 \d+ 个单位未录入得分，未参与排名$/);
    expect(opened).toEqual([3]);
    const ranking = workbook.sheet("排名")!;
    expect(ranking.values[1]).toEqual(["名次", "考核单位", "总分", "等级", "问题数", "说明", "来源"]);
    const rows = ranking.values.slice(2);
    const here = workbook.sheets.filter(isScoring).length;
    const there = other.sheets.filter(isScoring).length;
    expect(rows.length).toBe(here + there);
    expect(rows.filter((r) => String(r[6]).startsWith("东海县.xlsx · ")).length).toBe(there);
    expect(rows.every((r) => r[0] === "未录入" && (r[2] === null || r[2] === ""))).toBe(true);
    // The open workbook's units link to their totals.
    const linked = [...ranking.links.values()];
    expect(linked.length).toBe(here);
    for (const l of linked) expect(workbook.sheet(l.sheet)).toBeTruthy();
    expect(ranking.charts).toHaveLength(0);
  });

  test("the Office add-in (no file reader) offers no file picker", async () => {
    await openPane(new MemoryWorkbook(seed000));
    expect(screen.queryByLabelText(/各单位交回的工作簿/)).toBeNull();
  });
});
