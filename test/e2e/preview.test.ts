/**
 * End to end: builds the add-in (development mode, into a temporary folder), serves it on 127.0.0.1, and drives
 * the preview page in Debian's Chromium: the seed workbook loads, the known inconsistencies of seed 001 appear,
 * clicking a finding selects its cell, "生成汇总" adds the summary sheets, "生成评分表" the scoring sheets (and again,
 * replacing them); values typed into two units' scoring sheets are recalculated to the engine's totals, and
 * "生成排名" ranks those units first, with a workbook a unit sent back (written by the command line, filled, and
 * recalculated by LibreOffice). Any request that leaves the local server fails the test. Screenshots go to
 * test/e2e/output/.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFile } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { readScoringInputs as readInputs } from "../../src/core/scoringSheet";
import { worksheetCells } from "../../src/excel/exceljsAdapter";
import { cellValue, readXlsx, worksheetToGrid } from "../../src/cli/xlsxRead";
import type { Decimal } from "../../src/core/decimal";
import { columnLetters } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import {
  FIRST_ROW,
  TOTAL_LABEL,
  emptyInputs,
  evaluatePlan,
  scoringColumns,
  scoringPlans,
  sheetKey,
  type InputValue,
  type PlanResult,
  type ScoringPlan,
  type SheetInputs,
} from "../../src/core/scoringSheet";
import { rawValues, recalculate } from "../scoringSheet/libreOffice";

/** The values entered on an ExcelJS scoring sheet (null when it is not one). */
const readScoringInputs = (worksheet: Parameters<typeof worksheetCells>[0]) => readInputs(worksheetCells(worksheet));

const ROOT = path.resolve(__dirname, "../..");
const OUTPUT = path.join(__dirname, "output");
const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

let server: Server;
let browser: Browser;
let page: Page;
let origin: string;
const outside: string[] = [];
const failures: string[] = [];

function serve(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file, (error, data) => {
      if (error) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)`);
  mkdirSync(OUTPUT, { recursive: true });
  const build = mkdtempSync(path.join(tmpdir(), "kaohe-preview-"));
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "development", "--env", `out=${build}`], { cwd: ROOT, stdio: "pipe" });
  server = await serve(build);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
  page.on("request", (request) => {
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith("data:")) outside.push(request.url());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  await page.goto(`${origin}/preview.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

const finding = (cell: string) => page.locator(`button[data-cell="${cell}"]`);

const SEED_001 = path.join(ROOT, "seeds/001_c9fa6fd301574412.xlsx");
const SEED_004 = path.join(ROOT, "seeds/004_ec5181be93802e64.xlsx");

/** One value typed into a scoring sheet: its cell (A1) and the text typed. */
interface Entry {
  address: string;
  text: string;
}

/** Entries for a plan's rows, by the rows' kinds (a completion rate, deductions, a referenced score, one penalty),
 * with the inputs the engine gets from them. */
function entriesFor(plan: ScoringPlan, salt: number): { entries: Entry[]; inputs: SheetInputs } {
  const cols = scoringColumns(plan.groups.length);
  const inputs = emptyInputs();
  const entries: Entry[] = [];
  let penalties = 0;
  plan.rows.forEach((row, i) => {
    const n = i + salt;
    const put = (col: number, value: number) => {
      const given = inputs.rows.get(row.key) ?? { actual: null as InputValue, deduction: null as InputValue, groups: plan.groups.map(() => null as InputValue), note: null };
      if (col === cols.actual) given.actual = value;
      else if (col === cols.deduction) given.deduction = value;
      else given.groups[cols.groups.indexOf(col)] = value;
      inputs.rows.set(row.key, given);
      entries.push({ address: `${columnLetters(col)}${FIRST_ROW + i}`, text: String(value) });
    };
    const points = row.points?.toNumber() ?? 0;
    switch (row.kind) {
      case "manual":
        put(cols.deduction, [0, 0.5, 1, 0, 1.5][n % 5]);
        break;
      case "ratio":
        put(cols.actual, Number((row.target!.value.toNumber() * [1, 0.8, 1.2][n % 3]).toFixed(4)));
        break;
      case "reference":
        put(cols.actual, Number((points * 0.9).toFixed(4)));
        break;
      case "weighted":
        if (i < 6) plan.groups.forEach((_, g) => put(cols.groups[g], Number((points * [1, 0.75, 0.5][(n + g) % 3]).toFixed(4))));
        break;
      case "penalty":
        if (penalties++ === salt % 3) put(cols.actual, 1);
        break;
      default:
        break;
    }
  });
  return { entries, inputs };
}

/** Cell texts of the table shown, by address. */
async function tableCells(table: Locator): Promise<Map<string, string>> {
  const cells = await table.locator("td[data-address]").evaluateAll((tds) => tds.map((td) => [td.getAttribute("data-address")!, td.textContent ?? ""] as [string, string]));
  return new Map(cells);
}

/** Waits until a cell of the table shows `text` (or a number within 1e-6 of it). */
async function waitForCell(table: Locator, address: string, want: string | number): Promise<void> {
  const cell = table.locator(`td[data-address="${address}"]`);
  const matches = (text: string | null) => (typeof want === "number" ? text !== null && text.trim() !== "" && Math.abs(Number(text) - want) < 1e-6 : text === want);
  for (let i = 0; i < 100; i++) {
    if (matches(await cell.textContent())) return;
    await page.waitForTimeout(100);
  }
  expect(`${address}: ${String(await cell.textContent())}`).toBe(`${address}: ${String(want)}`);
}

/** Types into a cell of the shown sheet: a click (or a double-click, to edit what is there) and the keys. */
async function typeInto(table: Locator, address: string, text: string, how: "type" | "double-click" = "type"): Promise<void> {
  const cell = table.locator(`td[data-address="${address}"]`);
  if (how === "double-click") {
    await cell.dblclick();
    await page.getByRole("textbox", { name: `编辑单元格 ${address}` }).fill(text);
  } else {
    await cell.click();
    await page.keyboard.type(text);
  }
  await page.keyboard.press("Enter");
}

/** The address of the total (总分) on a scoring sheet shown in the grid. */
async function totalAddress(table: Locator, plan: ScoringPlan): Promise<string> {
  const label = table.locator("td", { hasText: new RegExp(`^${TOTAL_LABEL}$`) });
  const row = Number((await label.getAttribute("data-address"))!.replace(/^[A-Z]+/, ""));
  return `${columnLetters(scoringColumns(plan.groups.length).subtotal)}${row}`;
}

let seedPlans: ScoringPlan[];
/** Units scored in the preview, with the engine's result for what is typed. */
const scored: { unit: string; expected: PlanResult }[] = [];

describe("the preview in Chromium", () => {
  test("the bundled seed workbook loads and the known inconsistencies of 001 appear", async () => {
    await page.getByText("8 个工作表 · 75 份责任书").waitFor({ timeout: 30_000 });
    const ecology = finding("市考核县指标任务分解!A36");
    await expect(ecology.textContent()).resolves.toContain("生态文明");
    await expect(ecology.textContent()).resolves.toContain("标明 20 · 计算 19");
    await expect(ecology.textContent()).resolves.toContain("错误");
    const dian = finding("镇（办、中心）!A47");
    await expect(dian.textContent()).resolves.toContain("标明 100 · 计算 135");
    await expect(page.getByRole("heading", { name: "店镇" }).count()).resolves.toBe(1);
    // Chinese text is rendered with a CJK font: the heading has real width, not a row of boxes of one size.
    const width = await page.getByRole("heading", { name: "市考核县指标任务分解", exact: true }).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect().width;
    });
    expect(width).toBeGreaterThan(100);
    await page.screenshot({ path: path.join(OUTPUT, "1-findings.png") });
  });

  test("clicking a finding selects its cell in the grid", async () => {
    await finding("镇（办、中心）!A47").click();
    await page.getByTestId("selection").getByText("已选中：镇（办、中心）!A47").waitFor();
    const cell = page.locator('td[data-address="A47"]');
    await expect(cell.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell.isVisible()).resolves.toBe(true);
    await expect(cell.textContent()).resolves.toContain("类别");
    await page.screenshot({ path: path.join(OUTPUT, "2-selected-cell.png") });
  });

  test("the severity filter leaves only errors", async () => {
    await page.getByRole("button", { name: /^错误 \d+$/ }).click();
    const texts = await page.locator("button[data-cell]").allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain("错误");
    await page.getByRole("button", { name: /^全部 \d+$/ }).click();
  });

  test("生成汇总 adds the summary sheets; the issue list links back to the cell", async () => {
    await page.getByRole("button", { name: "生成汇总" }).click();
    await page.getByText("已新增工作表：汇总、问题清单、责任单位（原有工作表未改动）").waitFor();
    for (const name of ["汇总", "问题清单", "责任单位"]) await page.getByRole("tab", { name, exact: true }).waitFor();
    const summary = page.getByRole("table", { name: "汇总" });
    await summary.waitFor();
    // The new sheet opens at A1 with its header in view, although the sheet shown before was scrolled to row 47.
    await expect(summary.evaluate((el) => [el.closest("[tabindex]")!.scrollTop, el.closest("[tabindex]")!.scrollLeft])).resolves.toEqual([0, 0]);
    const header = summary.locator("td", { hasText: /^考核单位$/ }).first();
    await expect(header.isVisible()).resolves.toBe(true);
    const box = (await header.boundingBox())!;
    const view = (await summary.evaluate((el) => el.closest("[tabindex]")!.getBoundingClientRect().toJSON())) as DOMRect;
    expect(box.y).toBeGreaterThanOrEqual(view.y);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
    await page.screenshot({ path: path.join(OUTPUT, "3-summary-sheet.png") });
    await page.getByRole("tab", { name: "问题清单", exact: true }).click();
    await page.getByRole("table", { name: "问题清单" }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, "4-issue-list.png") });
    await page.getByRole("button", { name: "市考核县指标任务分解!A36" }).first().click();
    await page.getByTestId("selection").getByText("已选中：市考核县指标任务分解!A36").waitFor();
    await page.getByRole("tab", { name: "责任单位", exact: true }).click();
    await page.getByRole("table", { name: "责任单位" }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, "5-owners.png") });
  });

  test("生成评分表 adds a scoring sheet per book with its computed values; generating again replaces them", async () => {
    const tabs = page.getByRole("tab");
    const before = await tabs.count();
    await page.getByRole("button", { name: "生成评分表" }).click();
    const done = page.getByText(/^已生成评分表 \d+ 张/);
    await done.waitFor({ timeout: 30_000 });
    const added = Number(/已生成评分表 (\d+) 张/.exec((await done.textContent()) ?? "")![1]);
    expect(added).toBeGreaterThan(20);
    expect(await tabs.count()).toBe(before + added);
    // Every sheet is in the sheet list, in order; picking one there shows it.
    const list = page.getByRole("combobox", { name: "工作表" });
    const options = await list.locator("option").allTextContents();
    expect(options).toHaveLength(before + added);
    expect(options.map((o) => o.replace(/^\d+\. /, ""))).toEqual((await tabs.allInnerTexts()).map((t) => t.trim()));
    await list.selectOption({ label: options[options.length - 1] });
    await page.getByRole("table", { name: options[options.length - 1].replace(/^\d+\. /, ""), exact: true }).waitFor();
    // The last tab was scrolled into view.
    const inView = await page.getByRole("tab", { selected: true }).evaluate((tab) => {
      const bar = tab.closest("[role=tablist]")!.parentElement!.getBoundingClientRect();
      const at = tab.getBoundingClientRect();
      return at.left >= bar.left - 1 && at.right <= bar.right + 1;
    });
    expect(inView).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, "sheet-list.png") });
    await list.selectOption({ label: options[before] });
    const sheet = page.getByRole("table", { name: /^评分-/ });
    await sheet.waitFor();
    // The formulas' values as the engine computed them: the target values, a total and a grade.
    await expect(sheet.locator("td", { hasText: /^总分$/ }).count()).resolves.toBe(1);
    // Nothing entered yet: no grade.
    await expect(sheet.locator("td", { hasText: /^不合格$/ }).count()).resolves.toBe(0);
    await sheet.evaluate((el) => el.closest("[tabindex]")!.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, "scoring.png") });
    // Generating again (here with native formulas) replaces the generated sheets: the count stays.
    await page.getByRole("switch", { name: /通用公式/ }).click();
    await page.getByRole("button", { name: "生成评分表" }).click();
    await page.getByText(new RegExp(`替换了原先生成的评分表 ${added} 张`)).waitFor({ timeout: 30_000 });
    expect(await tabs.count()).toBe(before + added);
  });

  test("values typed into two units' scoring sheets are recalculated to the engine's totals", async () => {
    seedPlans = scoringPlans(readBooks(await readXlsx(SEED_001)).books);
    const units = ["店镇", "县委党校"];
    for (const [u, unit] of units.entries()) {
      const matching = seedPlans.filter((p) => p.unit === unit);
      expect(matching).toHaveLength(1);
      const plan = matching[0];
      const { entries, inputs } = entriesFor(plan, u);
      expect(entries.length).toBeGreaterThan(5);
      await page.getByRole("tab", { name: `评分-${unit}`, exact: true }).click();
      const table = page.getByRole("table", { name: `评分-${unit}`, exact: true });
      await table.waitFor();
      const total = await totalAddress(table, plan);
      // Nothing entered yet: no total.
      await waitForCell(table, total, "");
      for (const [i, entry] of entries.entries()) {
        await typeInto(table, entry.address, entry.text, i % 4 === 1 ? "double-click" : "type");
        await waitForCell(table, entry.address, Number(entry.text));
      }
      const expected = evaluatePlan(plan, inputs);
      expect(expected.total.toNumber()).toBeGreaterThan(50);
      await waitForCell(table, total, expected.total.toNumber());
      const grade = `${total.replace(/\d+$/, "")}${Number(total.replace(/^[A-Z]+/, "")) + 1}`;
      await waitForCell(table, grade, expected.grade);
      scored.push({ unit, expected });
    }

    // The last sheet shown (县委党校): text where a number belongs shows as typed and the total as #VALUE!, as Excel
    // would; Escape leaves a cell as it was; the corrected value computes again.
    const plan = seedPlans.find((p) => p.unit === units[1])!;
    const table = page.getByRole("table", { name: `评分-${units[1]}`, exact: true });
    const total = await totalAddress(table, plan);
    const first = entriesFor(plan, 1).entries[0];
    await typeInto(table, first.address, "两分");
    await waitForCell(table, first.address, "两分");
    await waitForCell(table, total, "#VALUE!");
    await table.locator(`td[data-address="${first.address}"]`).click();
    await page.keyboard.type("99");
    await page.keyboard.press("Escape");
    await waitForCell(table, first.address, "两分");
    await typeInto(table, first.address, first.text, "double-click");
    await waitForCell(table, total, scored[1].expected.total.toNumber());
    // Source cells and formulas take no typing.
    const score = `${columnLetters(scoringColumns(0).score)}${first.address.replace(/^[A-Z]+/, "")}`;
    const before = await table.locator(`td[data-address="${score}"]`).textContent();
    await table.locator(`td[data-address="${score}"]`).dblclick();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("textbox", { name: /^编辑单元格/ }).count()).toBe(0);
    expect(await table.locator(`td[data-address="${score}"]`).textContent()).toBe(before);

    // Screenshots at a wider window, from the indicator column to the subtotals: what was entered, each score, the
    // subtotals, and (second) the total and grade.
    await page.setViewportSize({ width: 1800, height: 1000 });
    await table.locator(`td[data-address="${first.address}"]`).click();
    await page.getByTestId("selection").getByText(/填写单元格/).waitFor();
    const toIndicators = (el: Element) => {
      const scroller = el.closest("[tabindex]")!;
      const indicator = el.querySelector<HTMLElement>('td[data-address="C3"]')!;
      const rowHead = el.querySelector<HTMLElement>("tbody th")!;
      scroller.scrollTo(indicator.offsetLeft - rowHead.offsetWidth, 0);
    };
    await table.evaluate(toIndicators);
    await page.screenshot({ path: path.join(OUTPUT, "scoring-filled.png") });
    await table.locator(`td[data-address="${total}"]`).click();
    await table.evaluate((el, at) => {
      const scroller = el.closest("[tabindex]")!;
      scroller.scrollTop = el.querySelector<HTMLElement>(`td[data-address="${at}"]`)!.offsetTop;
    }, total);
    await page.screenshot({ path: path.join(OUTPUT, "scoring-total.png") });
    await page.setViewportSize({ width: 1400, height: 900 });
  }, 180_000);

  test("an entry on a scoring sheet updates the pane in well under a second, the buttons staying usable", async () => {
    const sheets = await page.getByRole("tab").count();
    const scoringSheets = await page.getByRole("tab", { name: /^评分-/ }).count();
    await page.getByRole("tab", { name: "评分-店镇", exact: true }).click();
    const table = page.getByRole("table", { name: "评分-店镇", exact: true });
    await table.waitFor();
    // The pane has read the workbook as it is now (the sheets added since the first check included).
    await page.getByText(`${sheets} 个工作表 · `).waitFor({ timeout: 60_000 });
    const cell = table.locator("td[data-editable]").first();
    const address = (await cell.getAttribute("data-address"))!;
    const before = (await cell.textContent()) ?? "";
    const flagged = page.locator(`button[data-cell="评分-店镇!${address}"]`);
    expect(await flagged.count()).toBe(0);
    const timings: number[] = [];
    for (const text of ["99", before, "99", before, "99", before]) {
      await cell.click();
      if (text !== "") await page.keyboard.type(text);
      const start = Date.now();
      await page.keyboard.press(text === "" ? "Delete" : "Enter");
      // The buttons stay usable while the pane follows the entry.
      await expect(page.getByRole("button", { name: "重新检查" }).isEnabled()).resolves.toBe(true);
      if (text === "99") await flagged.first().waitFor({ timeout: 10_000 });
      else await flagged.first().waitFor({ state: "detached", timeout: 10_000 });
      timings.push(Date.now() - start);
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: path.join(OUTPUT, "entry-rechecked.png") });
    const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)];
    console.log(`an entry on 评分-店镇 (${sheets} sheets, ${scoringSheets} scoring sheets): pane updated in ${timings.join(", ")} ms (median ${median} ms)`);
    expect(Math.max(...timings)).toBeLessThan(1000);
    await waitForCell(table, address, before === "" ? "" : Number(before));
  }, 120_000);

  test("生成排名 ranks the units by the totals their sheets show, with a workbook a unit sent back", async () => {
    // A unit's workbook: written by the command line with native formulas, filled in, recalculated by LibreOffice.
    const dir = mkdtempSync(path.join(tmpdir(), "kaohe-units-"));
    const generated = path.join(dir, "unit.xlsx");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/kaohe.js"), "score-sheet", SEED_004, "-o", generated, "--portable"], { cwd: ROOT, stdio: "pipe" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(generated);
    const scoringSheets = workbook.worksheets.filter((w) => readScoringInputs(w) !== null);
    expect(scoringSheets).toHaveLength(1);
    const worksheet = scoringSheets[0];
    const sources = workbook.worksheets.filter((w) => w !== worksheet).map(worksheetToGrid);
    const plan = scoringPlans(readBooks(sources).books).find((p) => sheetKey(p) === readScoringInputs(worksheet)!.sheetKey)!;
    const { entries, inputs } = entriesFor(plan, 0);
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) worksheet.getCell(entry.address).value = Number(entry.text);
    const filled = path.join(dir, "filled.xlsx");
    await workbook.xlsx.writeFile(filled);
    const recalculated = path.join(recalculate([filled], dir), "filled.xlsx");
    const sent = path.join(dir, "市科技局.xlsx");
    copyFileSync(recalculated, sent);
    const cols = scoringColumns(plan.groups.length);
    let totalCell = "";
    worksheet.eachRow((row, r) => {
      if (cellValue(row.getCell(cols.name + 1).value) === TOTAL_LABEL) totalCell = `${columnLetters(cols.subtotal)}${r}`;
    });
    const sheetIndex = workbook.worksheets.indexOf(worksheet);
    const libreTotal = (await rawValues(recalculated))[sheetIndex].get(totalCell);
    const fileExpected = evaluatePlan(plan, inputs);
    expect(typeof libreTotal).toBe("number");
    expect(Math.abs((libreTotal as number) - fileExpected.total.toNumber())).toBeLessThan(1e-9);
    expect(fileExpected.total.toNumber()).toBeGreaterThan(0);

    await page.getByLabel(/各单位交回的工作簿/).setInputFiles(sent);
    await page.getByText("已选择 1 个文件").waitFor();
    await page.getByRole("button", { name: "生成排名" }).click();
    await page.getByText(/^已新增工作表：排名（\d+ 个单位）/).waitFor({ timeout: 60_000 });
    const ranking = page.getByRole("table", { name: "排名" });
    await ranking.waitFor();
    await expect(ranking.locator("td", { hasText: /^名次$/ }).count()).resolves.toBe(1);
    await expect(ranking.locator("td", { hasText: /^市科技局\.xlsx · 评分-/ }).count()).resolves.toBeGreaterThan(0);

    // Columns by their headers, rows by unit.
    const cells = await tableCells(ranking);
    const headerAt = (text: string) => [...cells].find(([, t]) => t === text)?.[0];
    const rankAt = headerAt("名次")!;
    const headerRow = Number(rankAt.replace(/^[A-Z]+/, ""));
    const column = (text: string) => {
      const at = headerAt(text);
      expect(at).toBeDefined();
      expect(Number(at!.replace(/^[A-Z]+/, ""))).toBe(headerRow);
      return at!.replace(/\d+$/, "");
    };
    const [rankCol, unitCol, totalCol, gradeCol] = ["名次", "考核单位", "总分", "等级"].map(column);
    const rows: { row: number; rank: number; unit: string; total: number | null; grade: string }[] = [];
    for (let r = headerRow + 1; cells.has(`${unitCol}${r}`); r++) {
      const text = (col: string) => cells.get(`${col}${r}`) ?? "";
      rows.push({ row: r, rank: Number(text(rankCol)), unit: text(unitCol), total: text(totalCol) === "" ? null : Number(text(totalCol)), grade: text(gradeCol) });
    }
    const rankFor = (total: number) => 1 + rows.filter((x) => x.total !== null && x.total > total + 1e-9).length;
    const near = (a: number | null, b: Decimal) => a !== null && Math.abs(a - b.toNumber()) < 1e-6;
    const ours = scored.map(({ unit, expected }) => {
      const found = rows.filter((x) => x.unit === unit);
      expect(found).toHaveLength(1);
      const row = found[0];
      expect(near(row.total, expected.total)).toBe(true);
      expect(row.grade).toBe(expected.grade);
      expect(row.rank).toBe(rankFor(row.total!));
      return row;
    });
    // The units scored here lead the ranking, highest total first.
    expect(ours.map((r) => r.row).sort((a, b) => a - b)).toEqual([headerRow + 1, headerRow + 2]);
    expect(Math.max(...ours.map((r) => r.rank))).toBeLessThanOrEqual(2);
    // The unit that sent its workbook back, with the total LibreOffice computed.
    const sentRows = [...cells].filter(([, t]) => t.startsWith("市科技局.xlsx · 评分-")).map(([at]) => Number(at.replace(/^[A-Z]+/, "")));
    const theirs = rows.filter((x) => sentRows.includes(x.row));
    expect(theirs).toHaveLength(1);
    expect(theirs[0].unit).toBe(plan.unit);
    expect(near(theirs[0].total, fileExpected.total)).toBe(true);
    expect(theirs[0].rank).toBe(rankFor(theirs[0].total!));
    // Units with nothing entered follow the ranked ones as 未录入, without a total: none is ranked at 0.
    const unentered = rows.filter((x) => cells.get(`${rankCol}${x.row}`) === "未录入");
    expect(unentered.length).toBeGreaterThan(1);
    for (const u of unentered) expect(u.total).toBeNull();
    expect(Math.min(...unentered.map((u) => u.row))).toBeGreaterThan(Math.max(...rows.filter((x) => x.total !== null).map((x) => x.row)));
    for (let i = 1; i < rows.length; i++) if (rows[i].total !== null && rows[i - 1].total !== null) expect(rows[i].total!).toBeLessThanOrEqual(rows[i - 1].total!);

    await page.getByRole("img", { name: "各单位总分" }).waitFor();
    await ranking.evaluate((el) => el.closest("[tabindex]")!.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, "ranking.png") });
  }, 240_000);

  test("nothing was requested outside the local server, and nothing failed", () => {
    expect(outside).toEqual([]);
    expect(failures).toEqual([]);
  });
});
