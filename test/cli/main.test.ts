import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { kaohe, SEEDS, storedZip, tempDir } from "./run";

const seed = (prefix: string, ext: string): string => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(ext) && !f.includes(".units."));
  if (!name) throw new Error(`no seed ${prefix}*${ext}`);
  return path.join(SEEDS, name);
};

beforeAll(() => {
  // The first run builds the library; later runs reuse it.
  expect(kaohe("--help").code).toBe(0);
});

describe("import-text", () => {
  test("writes the sheets of a Word-table text and refuses to overwrite without --force", async () => {
    const out = path.join(tempDir(), "001.xlsx");
    const first = kaohe("import-text", seed("001", ".txt"), "-o", out);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("8 个工作表");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "市考核县指标任务分解",
      "负面清单",
      "各镇（办、中心）共性",
      "镇（办、中心）",
      "县直部门",
      "县直部门 (2)",
      "产业园区管委会",
      "省市驻佳单位共性",
    ]);

    const before = readFileSync(out);
    const again = kaohe("import-text", seed("001", ".txt"), "-o", out, "--split", "units");
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(again.stderr).toContain("--force");
    expect(readFileSync(out).equals(before)).toBe(true);

    const forced = kaohe("import-text", seed("001", ".txt"), "-o", out, "--split", "units", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("75 个工作表");
  });

  test.each([
    [["import-text"], "one input file"],
    [["import-text", "a.txt"], "-o"],
    [["import-text", "a.txt", "-o", "b.xlsx", "--split", "pages"], "split"],
    [["import-text", "a.txt", "-o", "b.xlsx", "--bogus"], "bogus"],
    [["no-such-command"], "unknown command"],
    [[], "no command"],
  ])("bad usage %j exits 2 with one line", (args, words) => {
    const result = kaohe(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(words);
  });

  test("a missing or binary input file exits 2 and writes nothing", () => {
    const dir = tempDir();
    const out = path.join(dir, "out.xlsx");
    const missing = kaohe("import-text", path.join(dir, "missing.txt"), "-o", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("file not found");
    const binary = path.join(dir, "binary.txt");
    copyFileSync(seed("003", ".xlsx"), binary);
    const result = kaohe("import-text", binary, "-o", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a text file");
    expect(existsSync(out)).toBe(false);
  });
});

describe("tree", () => {
  test("prints every book with categories and indicators in Chinese labels", () => {
    const result = kaohe("tree", seed("003", ".xlsx"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("责任书：市发改委");
    expect(result.stdout).toContain("类别：组织保障  20分");
    expect(result.stdout).toMatch(/指标：.+ {2}\d+分/);
  });

  test("--json prints files with books and sheets", () => {
    const result = kaohe("tree", seed("003", ".xlsx"), seed("000", ".xlsx"), "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      files: { file: string; books: { unit: string; categories: unknown[] }[]; sheets: { sheet: string; books: number }[] }[];
    };
    expect(json.files).toHaveLength(2);
    expect(json.files[0].books.map((b) => b.unit)).toContain("市金融办");
    expect(json.files[0].sheets[0].books).toBe(json.files[0].books.length);
  });

  describe("unreadable input exits 2 with a one-line message and no output", () => {
    const dir = tempDir();
    const cases: [string, () => string, string][] = [
      ["a missing file", () => path.join(dir, "missing.xlsx"), "file not found"],
      ["a zero-byte file", () => write("empty.xlsx", Buffer.alloc(0)), "empty"],
      ["a renamed text file", () => write("text.xlsx", readFileSync(seed("003", ".txt"))), "not an .xlsx"],
      ["a renamed .docx", () => write("doc.xlsx", storedZip({ "word/document.xml": "<w:document/>" })), "not an .xlsx"],
      ["a truncated seed", () => write("cut.xlsx", readFileSync(seed("001", ".xlsx")).subarray(0, 20000)), "corrupt or truncated"],
      ["a workbook without worksheets", emptyWorkbook, "no worksheets"],
    ];
    function write(name: string, bytes: Buffer): string {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    }
    function emptyWorkbook(): string {
      const file = path.join(dir, "noworksheets.xlsx");
      const xml = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
      writeFileSync(file, storedZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": xml }));
      return file;
    }

    test.each(cases)("%s", (_label, make, words) => {
      const result = kaohe("tree", seed("003", ".xlsx"), make(), "--json");
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(words);
    });
  });
});
