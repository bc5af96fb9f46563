/**
 * End to end: builds the add-in (development mode, into a temporary folder), serves it on 127.0.0.1, and drives
 * the preview page in Debian's Chromium: the seed workbook loads, the known inconsistencies of seed 001 appear,
 * clicking a finding selects its cell, "生成汇总" adds the summary sheets, "生成评分表" the scoring sheets (and again,
 * replacing them), "生成排名" the ranking. Any request that leaves the local server
 * fails the test. Screenshots go to test/e2e/output/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFile } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

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
    await page.getByRole("table", { name: "汇总" }).waitFor();
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
    const sheet = page.getByRole("table", { name: /^评分-/ });
    await sheet.waitFor();
    // The formulas' values as the engine computed them: the target values, a total and a grade.
    await expect(sheet.locator("td", { hasText: /^总分$/ }).count()).resolves.toBe(1);
    await expect(sheet.locator("td", { hasText: /^不合格$/ }).count()).resolves.toBe(1);
    await sheet.evaluate((el) => el.parentElement!.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, "scoring.png") });
    // The preview's grid takes no typing: generating again replaces the generated sheets, the count stays.
    await page.getByRole("switch", { name: /通用公式/ }).click();
    await page.getByRole("button", { name: "生成评分表" }).click();
    await page.getByText(new RegExp(`替换了原先生成的评分表 ${added} 张`)).waitFor({ timeout: 30_000 });
    expect(await tabs.count()).toBe(before + added);
  });

  test("生成排名 ranks the units of the scoring sheets, and those of a workbook a unit sent back", async () => {
    // A unit's workbook with its scoring sheet, as the command line writes it.
    const sent = path.join(mkdtempSync(path.join(tmpdir(), "kaohe-units-")), "市科技局.xlsx");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/kaohe.js"), "score-sheet", path.join(ROOT, "seeds/004_ec5181be93802e64.xlsx"), "-o", sent], { cwd: ROOT, stdio: "pipe" });
    await page.getByLabel(/各单位交回的工作簿/).setInputFiles(sent);
    await page.getByText("已选择 1 个文件").waitFor();
    await page.getByRole("button", { name: "生成排名" }).click();
    await page.getByText(/^已新增工作表：排名（\d+ 个单位）/).waitFor({ timeout: 30_000 });
    const ranking = page.getByRole("table", { name: "排名" });
    await ranking.waitFor();
    await expect(ranking.locator("td", { hasText: /^名次$/ }).count()).resolves.toBe(1);
    await expect(ranking.locator("td", { hasText: /^市科技局\.xlsx · 评分-/ }).count()).resolves.toBeGreaterThan(0);
    await ranking.evaluate((el) => el.parentElement!.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, "ranking.png") });
  });

  test("nothing was requested outside the local server, and nothing failed", () => {
    expect(outside).toEqual([]);
    expect(failures).toEqual([]);
  });
});
