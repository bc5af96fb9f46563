/**
 * The real build: `npm run build` produces the Node library (require(".").functions) and the add-in
 * (dist/addin with functions.json generated from functions.ts and the hand-written zh-CN metadata).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const ADDIN = path.join(ROOT, "dist/addin");

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMetadata[];
}

const readJson = (file: string): Metadata => JSON.parse(fs.readFileSync(path.join(ADDIN, file), "utf8"));

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "pipe" });
}, 240_000);

describe("npm run build", () => {
  it("makes require(<repo>).functions the library: SCORE(10, 30, 27) is 9", () => {
    // A fresh Node process, as a user of the package would load it.
    const out = execFileSync(process.execPath, ["-e", "process.stdout.write(String(require('.').functions.SCORE(10, 30, 27)))"], {
      cwd: ROOT,
    });
    expect(out.toString()).toBe("9");
  });

  it("emits the add-in files the manifest names", () => {
    for (const file of ["taskpane.html", "functions.js", "functions.json", "functions.zh-CN.json", "manifest.xml", "office-js/office.js", "assets/icon-80.png"]) {
      expect(fs.existsSync(path.join(ADDIN, file))).toBe(true);
    }
    const page = fs.readFileSync(path.join(ADDIN, "taskpane.html"), "utf8");
    expect(page).toMatch(/office-js\/office\.js/);
    expect(page).toMatch(/functions\.js/);
  });

  it("functions.json and functions.zh-CN.json carry the same ids and parameters", () => {
    const generated = readJson("functions.json").functions;
    const chinese = readJson("functions.zh-CN.json").functions;
    expect(chinese.map((f) => f.id).sort()).toEqual(generated.map((f) => f.id).sort());
    for (const f of generated) {
      const zh = chinese.find((c) => c.id === f.id)!;
      const shape = (p: Parameter) => [p.type, p.dimensionality ?? "scalar", p.optional ?? false];
      expect([f.id, zh.parameters.map(shape)]).toEqual([f.id, f.parameters.map(shape)]);
      expect([f.id, zh.result]).toEqual([f.id, f.result]);
      expect(zh.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(zh.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("ids are upper case and the issue's functions are all there", () => {
    const ids = readJson("functions.json").functions.map((f) => f.id);
    for (const id of ids) expect(id).toMatch(/^[A-Z]+$/);
    expect(ids).toEqual(expect.arrayContaining(["SCORE", "DEDUCT", "BONUS", "WEIGHTED", "TOTAL", "GRADE", "POINTS", "SUBPOINTS", "TARGET"]));
  });

  it("Chinese names are the assessors' words, of three characters or more", () => {
    const names = Object.fromEntries(readJson("functions.zh-CN.json").functions.map((f) => [f.id, f.name]));
    expect(names).toMatchObject({ SCORE: "指标得分", DEDUCT: "扣分得分", BONUS: "加分值", WEIGHTED: "加权得分", TOTAL: "总得分", GRADE: "考核等级", POINTS: "标明分值", TARGET: "目标值" });
  });

  it("builds the store variant beside the offline one: the same add-in, Office.js from Microsoft's CDN", () => {
    const store = path.join(ROOT, "dist/store");
    const page = fs.readFileSync(path.join(store, "taskpane.html"), "utf8");
    expect(page).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(page).not.toMatch(/office-js\//);
    expect(fs.existsSync(path.join(store, "office-js"))).toBe(false);
    for (const file of ["functions.js", "taskpane.js", "functions.json", "functions.zh-CN.json", "manifest.xml", "manifest.json", "help/index.html"]) {
      expect([file, fs.readFileSync(path.join(store, file)).equals(fs.readFileSync(path.join(ADDIN, file)))]).toEqual([file, true]);
    }
  });

  it("metadata leaves data types out (no allowCustomDataForDataTypeAny) and links each function to its help", () => {
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const metadata = JSON.parse(fs.readFileSync(path.join(ADDIN, file), "utf8"));
      expect([file, "allowCustomDataForDataTypeAny" in metadata]).toEqual([file, false]);
      for (const f of metadata.functions) expect(f.helpUrl).toMatch(/^https:\/\/[^/]+\/help\/functions\.html#[a-z]+--/);
    }
    const help = fs.readFileSync(path.join(ADDIN, "help/functions.html"), "utf8");
    for (const f of readJson("functions.zh-CN.json").functions) {
      const anchor = decodeURI(new URL((f as unknown as { helpUrl: string }).helpUrl).hash.slice(1));
      expect([f.id, help.includes(`id="${anchor}"`)]).toEqual([f.id, true]);
    }
  });
});
