/**
 * The add-in manifests as written from scripts/manifest.js: manifest.xml valid against Microsoft's add-in manifest
 * XSDs (test/schemas/), readable by Office's own tooling, asking for no more than ReadWriteDocument, pointing only at
 * the add-in's own origin, with Chinese names for a Chinese Office; manifest.json (the unified manifest) valid against
 * the schema of @microsoft/app-manifest, with the same add-in in it. The built manifests are checked in
 * manifestBuild.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { validateJson, validateXml } from "./helpers/manifestSchemas";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL, REQUIREMENT_SETS, baseUrl, jsonManifest, xmlManifest } = require("../scripts/manifest.js");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = readFileSync(MANIFEST, "utf8");
const scratch = mkdtempSync(path.join(tmpdir(), "kaohe-manifest-"));

/** A manifest text written to a file and validated against the XSDs. */
function validateXmlText(text: string) {
  const file = path.join(scratch, `m${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, text);
  return validateXml(file);
}

describe("manifest.xml", () => {
  test("is valid against Microsoft's add-in manifest schemas", () => {
    expect(validateXml(MANIFEST)).toEqual({ valid: true, errors: [] });
  });

  test("the schemas reject what Office would: a wrong runtime lifetime, a runtime after the form factors, a bad version", () => {
    const cases: [string, string][] = [
      ['lifetime="long"', 'lifetime="forever"'],
      ["<Version>0.", "<Version>v0."],
      ["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"],
      ['<Runtime resid="Runtime.Url" lifetime="long"/>', '<Runtime resid="Runtime.Url.That.Is.Longer.Than.32.Chars" lifetime="long"/>'],
    ];
    for (const [from, to] of cases) {
      expect(xml).toContain(from);
      expect([to, validateXmlText(xml.replace(from, to)).valid]).toEqual([to, false]);
    }
    const runtimes = xml.match(/ *<Runtimes>[\s\S]*?<\/Runtimes>\n/)![0];
    const moved = xml.replace(runtimes, "").replace("        </AllFormFactors>\n", `        </AllFormFactors>\n${runtimes}`);
    expect(validateXmlText(moved).valid).toBe(false);
  });

  test("is what scripts/manifest.js writes for the development address (npm run manifest)", () => {
    expect(xml).toBe(xmlManifest(DEV_URL));
  });

  test("office-addin-manifest reads it: a workbook task pane asking only for ReadWriteDocument", () => {
    const info = execFileSync(path.join(ROOT, "node_modules", ".bin", "office-addin-manifest"), ["info", MANIFEST], { encoding: "utf8" });
    expect(info).toContain("Type: TaskPaneApp");
    expect(info).toContain("Hosts: Workbook");
    expect(info).toContain("Permissions: ReadWriteDocument");
    expect(xml.match(/<Permissions>([^<]+)<\/Permissions>/g)).toEqual(["<Permissions>ReadWriteDocument</Permissions>"]);
  });

  test("every URL is the add-in's own origin, help is the help page, and zh-CN has its names and functions metadata", () => {
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    expect(xml).toContain('<SupportUrl DefaultValue="https://localhost:3000/help/index.html"/>');
    expect(xml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help/index.html"/>');
    expect(xml).toContain('<Override Locale="zh-CN" Value="目标责任考核助手"/>');
    expect(xml).toContain('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>');
  });

  test("requires the API sets the code uses", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.2"\/>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
    for (const set of REQUIREMENT_SETS) expect(xml).toContain(`<Set Name="${set.name}" MinVersion="${set.minVersion}"/>`);
  });
});

describe("the add-in's address (KAOHE_URL)", () => {
  test("every URL of both manifests moves to it", () => {
    const base = "https://addin.example.org/kaohe/";
    const written = xmlManifest(base);
    expect(written).not.toContain("localhost");
    expect(written).toContain('<SourceLocation DefaultValue="https://addin.example.org/kaohe/taskpane.html"/>');
    expect(written).toContain("<AppDomain>https://addin.example.org</AppDomain>");
    expect(validateXmlText(written)).toEqual({ valid: true, errors: [] });
  });

  test("must be https, gets its closing slash, and says so in Chinese first when it is wrong", () => {
    expect(baseUrl("https://intranet.gov.example/addins/kaohe")).toBe("https://intranet.gov.example/addins/kaohe/");
    expect(baseUrl(undefined)).toBe(DEV_URL);
    expect(() => baseUrl("http://intranet.gov.example/kaohe/")).toThrow(/^加载项地址必须使用 https/);
    expect(() => baseUrl("intranet/kaohe")).toThrow(/^KAOHE_URL 不是有效的网址/);
    expect(baseUrl("http://localhost:3000/")).toBe("http://localhost:3000/");
  });
});

describe("manifest.json (unified manifest)", () => {
  let metadata: { functions: { id: string; name: string }[] };
  let built: ReturnType<typeof jsonManifest>;

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(ROOT, "src/functions/functions.ts"), false);
    metadata = JSON.parse(generated.metadataJson);
    built = jsonManifest("https://addin.example.org/kaohe/", metadata);
  });

  test("is valid against the app-manifest schema of @microsoft/app-manifest, and so is its zh-CN localization", () => {
    expect(validateJson(built.manifest)).toEqual({ valid: true, errors: [] });
    for (const [file, strings] of Object.entries(built.localizations)) expect([file, validateJson(strings, "localization")]).toEqual([file, { valid: true, errors: [] }]);
  });

  test("the schema rejects a two-character Chinese function name and a plain-http page", () => {
    const bad = JSON.parse(JSON.stringify(built.manifest));
    bad.extensions[0].runtimes[0].customFunctions.functions[0].name = "得分";
    expect(validateJson(bad).valid).toBe(false);
    const http = JSON.parse(JSON.stringify(built.manifest));
    http.extensions[0].runtimes[0].code.page = "http://addin.example.org/kaohe/taskpane.html";
    expect(validateJson(http).valid).toBe(false);
  });

  test("holds the same add-in as manifest.xml: one shared runtime with the task pane and every function", () => {
    const m = built.manifest;
    expect(m.id).toBe(xml.match(/<Id>([^<]+)<\/Id>/)![1]);
    expect(`${m.version}.0`).toBe(xml.match(/<Version>([^<]+)<\/Version>/)![1]);
    const [extension] = m.extensions;
    expect(extension.runtimes).toHaveLength(1);
    const [runtime] = extension.runtimes;
    expect(runtime).toMatchObject({ lifetime: "long", code: { page: "https://addin.example.org/kaohe/taskpane.html", script: "https://addin.example.org/kaohe/functions.js" } });
    expect(runtime.customFunctions.namespace).toEqual({ id: "KH", name: "KH" });
    expect(runtime.customFunctions.functions.map((f: { id: string }) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    expect(extension.requirements.capabilities).toEqual(REQUIREMENT_SETS);
    expect(extension.ribbons[0].tabs[0].groups[0].controls[0].actionId).toBe(runtime.actions[0].id);
    expect(m.authorization.permissions.resourceSpecific).toEqual([{ name: "Document.ReadWrite.User", type: "Delegated" }]);
    expect(JSON.stringify(m)).not.toContain("localhost");
    const zh = built.localizations["manifest.zh-cn.json"];
    expect(zh["name.short"]).toBe("目标责任考核助手");
    expect(zh["extensions[0].runtimes[0].customFunctions.metadataUrl"]).toBe("https://addin.example.org/kaohe/functions.zh-CN.json");
  });

  test("its icons are the sizes the schema names: 192x192 colour, 32x32 outline in white on transparent", () => {
    const png = (file: string) => {
      const data = readFileSync(path.join(ROOT, file));
      return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data[25] };
    };
    expect(png(built.manifest.icons.color)).toEqual({ width: 192, height: 192, colourType: 6 });
    expect(png(built.manifest.icons.outline)).toEqual({ width: 32, height: 32, colourType: 6 });
    // The outline's pixels (unfiltered RGBA rows, as assets/make-icons.js writes them): white or transparent.
    const data = readFileSync(path.join(ROOT, built.manifest.icons.outline));
    const idat = data.subarray(data.indexOf("IDAT") + 4, data.indexOf("IEND") - 8);
    const raw = inflateSync(idat);
    let drawn = 0, clear = 0, coloured = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = raw.subarray(y * 129 + 1 + x * 4, y * 129 + 5 + x * 4);
        if (a === 0) clear++;
        else if (r === 255 && g === 255 && b === 255) drawn++;
        else coloured++;
      }
    }
    expect({ coloured, drawn: drawn > 100, clear: clear > 100 }).toEqual({ coloured: 0, drawn: true, clear: true });
  });
});

test("xmllint is there (apt-get install libxml2-utils; .ci/run installs it)", () => {
  const result = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  expect(result.error).toBeUndefined();
});
