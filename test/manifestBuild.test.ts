/**
 * The production build for an address: `KAOHE_URL=https://addin.example.org/kaohe/ webpack --mode production` writes
 * the offline variant and the store variant. Both manifests are valid against Microsoft's schemas and point only at
 * that address; every file they name is in the build; no "localhost" is left anywhere (Microsoft's Office.js copies
 * aside); the help pages' links all resolve; and both variants' pages load in Debian's Chromium - the offline one
 * without a single request outside its own server, the store one with Office.js from Microsoft's CDN (reached here
 * through the same files from @microsoft/office-js, as this machine has no internet).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFile, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { validateJson, validateXml } from "./helpers/manifestSchemas";

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://addin.example.org/kaohe/";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

const out = path.join(mkdtempSync(path.join(tmpdir(), "kaohe-release-")), "addin");
const VARIANTS = { offline: out, store: `${out}-store` };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

function serve(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    readFile(file, (error, data) => {
      if (error) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

let browser: Browser;
const servers: Server[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `out=${out}`], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, KAOHE_URL: BASE },
  });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
});

describe.each(Object.entries(VARIANTS))("the %s variant", (variant, dir) => {
  test("manifest.xml is valid against the add-in XSDs; manifest.json and its zh-CN strings against the app-manifest schema", () => {
    expect(validateXml(path.join(dir, "manifest.xml"))).toEqual({ valid: true, errors: [] });
    expect(validateJson(JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")))).toEqual({ valid: true, errors: [] });
    expect(validateJson(JSON.parse(readFileSync(path.join(dir, "manifest.zh-cn.json"), "utf8")), "localization")).toEqual({ valid: true, errors: [] });
  });

  test("no file says localhost (Microsoft's Office.js copies aside), and the manifests name only the given address", () => {
    const mentions = files(dir)
      .filter((f) => !path.relative(dir, f).startsWith("office-js"))
      .filter((f) => readFileSync(f).includes("localhost"))
      .map((f) => path.relative(dir, f));
    expect(mentions).toEqual([]);
    for (const file of ["manifest.xml", "manifest.json", "manifest.zh-cn.json", "functions.json", "functions.zh-CN.json"]) {
      const urls = [...readFileSync(path.join(dir, file), "utf8").matchAll(/https?:\/\/[^"<\s]+/g)]
        .map((m) => m[0])
        .filter((u) => !/^https?:\/\/(schemas\.microsoft\.com|www\.w3\.org|developer\.microsoft\.com\/json-schemas)\//.test(u));
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect([file, url.startsWith(BASE) || url === "https://addin.example.org"]).toEqual([file, true]);
    }
  });

  test("every file the manifests name is in the build", () => {
    const named = new Set<string>();
    for (const file of ["manifest.xml", "manifest.json", "manifest.zh-cn.json"]) {
      for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/https:\/\/addin\.example\.org\/kaohe\/([^"<\s#;]+)/g)) named.add(m[1]);
    }
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    named.add(manifest.icons.color);
    named.add(manifest.icons.outline);
    expect([...named].filter((f) => !existsSync(path.join(dir, f)))).toEqual([]);
    expect([...named]).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "functions.zh-CN.json", "help/index.html"]));
  });

  test("the help pages link only to pages and anchors that exist", () => {
    const pages = files(path.join(dir, "help")).filter((f) => f.endsWith(".html"));
    expect(pages.map((f) => path.basename(f)).sort()).toEqual(["changelog.html", "deploy.html", "functions.html", "index.html", "scoring.html"]);
    const broken: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
        if (/^https?:/.test(href)) continue;
        const [file, anchor] = href.split("#");
        const target = file ? path.resolve(path.dirname(page), decodeURI(file)) : page;
        if (!existsSync(target)) broken.push(`${path.basename(page)} -> ${href}`);
        else if (anchor && !readFileSync(target, "utf8").includes(`id="${decodeURI(anchor)}"`)) broken.push(`${path.basename(page)} -> ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("its pages load in Chromium: the task pane page with Office.js, and the help", async () => {
    const server = await serve(dir);
    servers.push(server);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const context = await browser.newContext({ locale: "zh-CN" });
    const outside: string[] = [];
    const failures: string[] = [];
    // The CDN, unreachable here, answers with the same Office.js files from @microsoft/office-js.
    await context.route(`${CDN}**`, (route) => {
      const file = path.join(ROOT, "node_modules/@microsoft/office-js/dist", new URL(route.request().url()).pathname.slice("/lib/1/hosted/".length));
      if (existsSync(file)) route.fulfill({ path: file, contentType: "text/javascript" });
      else route.fulfill({ status: 404 });
    });
    const page: Page = await context.newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith("data:")) outside.push(request.url());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));

    await page.goto(`${origin}/taskpane.html`);
    // Outside Office, Office.js reports no host once it has looked for one.
    const host = await page.evaluate(() => Promise.race([Office.onReady().then((info) => String(info.host)), new Promise((resolve) => setTimeout(() => resolve("timeout"), 15_000))]));
    expect(host).toBe("null");
    await page.goto(`${origin}/help/index.html`);
    await expect(page.locator("h1").textContent()).resolves.toContain("使用帮助");
    await page.getByRole("link", { name: "计分函数 Functions" }).click();
    await expect(page.locator('h2[id="score--指标得分"]').textContent()).resolves.toBe("SCORE · 指标得分");
    await context.close();

    expect(failures).toEqual([]);
    if (variant === "offline") expect(outside).toEqual([]);
    else {
      expect(outside[0]).toBe(`${CDN}office.js`);
      expect(outside.filter((u) => !u.startsWith(CDN))).toEqual([]);
    }
  }, 60_000);
});
