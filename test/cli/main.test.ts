import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { kaohe, ROOT, SEEDS, storedZip, tempDir } from "./run";

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
    expect(again.stderr).toContain("文件已存在（加 --force 替换）");
    expect(readFileSync(out).equals(before)).toBe(true);

    const forced = kaohe("import-text", seed("001", ".txt"), "-o", out, "--split", "units", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("75 个工作表");
  });

  test.each([
    [["import-text"], "import-text 需要且只需要一个输入文件"],
    [["import-text", "a.txt"], "-o"],
    [["import-text", "a.txt", "-o", "b.xlsx", "--split", "pages"], "--split"],
    [["import-text", "a.txt", "-o", "b.xlsx", "--bogus"], "--bogus"],
    [["no-such-command"], "没有“no-such-command”这个命令"],
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
    expect(missing.stderr).toContain("找不到文件");
    const binary = path.join(dir, "binary.txt");
    copyFileSync(seed("003", ".xlsx"), binary);
    const result = kaohe("import-text", binary, "-o", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("不是文本文件");
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
      ["a folder", () => dir, "is a directory, not a workbook"],
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
      writeFileSync(file, storedZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": xml, "xl/_rels/workbook.xml.rels": RELS }));
      return file;
    }

    test.each(cases)("%s", (_label, make, words) => {
      const result = kaohe("tree", seed("003", ".xlsx"), make(), "--json", "--lang", "en");
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(words);
    });
  });
});

/** The relationships part of a workbook that lists no sheet. */
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/** The command line with the given environment (the system's language) instead of this process's. */
function kaoheWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["LANG", "LC_ALL", "LC_MESSAGES"].includes(k)));
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), ...args], {
    cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...clean, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the command line speaks the language asked for, and only that one", () => {
  const dir = tempDir();
  const existing = path.join(dir, "existing.xlsx");
  writeFileSync(existing, "keep me");
  const binary = path.join(dir, "binary.txt");
  writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x00, 0x01]));
  const renamed = path.join(dir, "text.xlsx");
  writeFileSync(renamed, "序号\t内容\n1\t党建\n");
  const noSheets = path.join(dir, "nosheets.xlsx");
  writeFileSync(noSheets, storedZip({
    "[Content_Types].xml": "<Types/>",
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    "xl/_rels/workbook.xml.rels": RELS,
  }));
  const txt = path.join(dir, "book.txt");
  writeFileSync(txt, "序号\t内容\n");
  const out = path.join(dir, "out.xlsx");

  // [what, arguments, words in Chinese, words in English]
  const cases: [string, string[], string, string][] = [
    ["unknown command, with the nearest", ["chek", "a.xlsx"], "没有“chek”这个命令，是否要用 check？", 'unknown command "chek"; did you mean check?'],
    ["unknown command, nothing near", ["frobnicate"], "没有“frobnicate”这个命令（命令：import-text、", 'unknown command "frobnicate" (commands: import-text, '],
    ["unknown option", ["check", "a.xlsx", "--bogus"], "check：没有 --bogus 这个选项", "check: unknown option --bogus"],
    ["option without its value", ["import-text", txt, "-o"], "import-text：选项 -o 的值有误", "import-text: option -o has a wrong value"],
    ["no input file", ["import-text"], "import-text 需要且只需要一个输入文件", "import-text takes one input file"],
    ["arguments to build-seeds", ["build-seeds", "x"], "build-seeds 不接受参数", "build-seeds takes no arguments"],
    ["no workbook", ["check"], "请指定至少一个工作簿", "name at least one workbook"],
    ["an empty file name", ["check", ""], "参数有误：files.0（数值过小", "bad arguments: files.0 (Too small"],
    ["two workbooks to score-sheet", ["score-sheet", "a.xlsx", "b.xlsx", "-o", out], "请指定一个工作簿文件", "name one workbook file"],
    ["no output", ["summary", "a.xlsx"], "请用 -o <out.xlsx> 指定输出文件", "name the output file with -o <out.xlsx>"],
    ["output not .xlsx", ["import-text", txt, "-o", "b.xls"], "-o 须是 .xlsx 文件", "-o must name an .xlsx file"],
    ["input not .txt", ["import-text", "a.doc", "-o", out], "输入须是 .txt 文本文件", "the input must be a .txt file"],
    ["unknown split", ["import-text", txt, "-o", out, "--split", "pages"], "--split 只能是 none、parts、units 之一", "--split must be one of none, parts, units"],
    ["missing file", ["tree", path.join(dir, "missing.xlsx")], "missing.xlsx：找不到文件", "missing.xlsx: file not found"],
    ["a folder", ["check", dir], "这是文件夹，不是工作簿", "is a directory, not a workbook"],
    ["binary text", ["import-text", binary, "-o", out], "不是文本文件（含二进制内容）", "not a text file (binary content)"],
    ["renamed text", ["tree", renamed], "这是文本文件而不是工作簿", "not an .xlsx workbook (a text file"],
    ["no worksheets", ["check", noSheets], "工作簿中没有工作表", "the workbook has no worksheets"],
    ["existing output", ["import-text", txt, "-o", existing], "文件已存在（加 --force 替换）", "already exists (use --force to replace it)"],
    ["no output folder", ["import-text", txt, "-o", path.join(dir, "nowhere", "out.xlsx")], "输出文件夹不存在", "the output folder does not exist"],
    ["output is an input", ["summary", existing, "-o", existing], "这是输入文件，输出须写入新文件", "is an input file; the output goes to a new file"],
    ["nothing to score", ["score-sheet", noSheets.replace("nosheets", "nobook"), "-o", out], "没有找到责任书，无从生成评分表", "no responsibility book found in the workbook"],
  ];

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["本工作簿只有说明文字"]);
    await workbook.xlsx.writeFile(noSheets.replace("nosheets", "nobook"));
  });

  test.each(cases)("%s", (_what, args, zh, en) => {
    for (const [lang, words, other] of [["zh", zh, en], ["en", en, zh]] as const) {
      const result = kaohe(...args, "--lang", lang);
      expect({ lang, code: result.code, stdout: result.stdout }).toEqual({ lang, code: 2, stdout: "" });
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(words);
      expect(result.stderr).not.toContain(other);
      if (lang === "en") expect(result.stderr).not.toMatch(/[，。：（）]/);
    }
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  });

  test("without --lang the system's language decides: English when it says English, Chinese otherwise", () => {
    const args = ["check", path.join(dir, "missing.xlsx")];
    expect(kaoheWith({ LANG: "en_US.UTF-8" }, ...args).stderr).toContain("file not found");
    expect(kaoheWith({ LANG: "zh_CN.UTF-8" }, ...args).stderr).toContain("找不到文件");
    expect(kaoheWith({ LANG: "C.UTF-8" }, ...args).stderr).toContain("找不到文件");
    expect(kaoheWith({ LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" }, ...args).stderr).toContain("file not found");
    expect(kaoheWith({ LANG: "en_US.UTF-8" }, ...args, "--lang", "zh").stderr).toContain("找不到文件");
  });

  test("--lang other than zh or en is refused in the system's language", () => {
    const zh = kaoheWith({ LANG: "zh_CN.UTF-8" }, "tree", "a.xlsx", "--lang", "fr");
    expect(zh).toMatchObject({ code: 2, stdout: "", stderr: "kaohe: --lang 只能是 zh 或 en，而不是“fr”\n" });
    const en = kaoheWith({ LANG: "en_US.UTF-8" }, "tree", "a.xlsx", "--lang=de");
    expect(en).toMatchObject({ code: 2, stdout: "", stderr: 'kaohe: --lang must be zh or en, not "de"\n' });
  });

  test("kaohe alone prints the usage on stderr and exits 2; --help prints it on stdout and exits 0", () => {
    const alone = kaohe("--lang", "zh");
    expect(alone).toMatchObject({ code: 2, stdout: "" });
    expect(alone.stderr).toContain("用法：npm run --silent kaohe -- <command>");
    expect(alone.stderr).toContain("check <file.xlsx|.xls|.et|.ods>...");
    const english = kaoheWith({ LANG: "en_US.UTF-8" });
    expect(english).toMatchObject({ code: 2, stdout: "" });
    expect(english.stderr).toContain("usage: npm run --silent kaohe -- <command>");
    expect(english.stderr).toContain("exit codes: 0 ok, 1 the check found errors, 2 unreadable input or bad usage");
    const help = kaohe("--help", "--lang", "en");
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("score-sheet <file.xlsx|.xls|.et|.ods> -o <out.xlsx>");
    expect(help.stdout).toContain("add a scoring sheet per assessed unit");
    // Every command has its summary in both languages: the line under each usage line says what it does.
    for (const out of [help.stdout, alone.stderr]) {
      const lines = out.split("\n");
      const usages = lines.flatMap((line, i) => (/^ {2}[a-z-]+ /.test(line) || /^ {2}build-seeds$/.test(line) ? [i] : []));
      expect(usages).toHaveLength(7);
      for (const i of usages) expect(lines[i + 1].trim().length).toBeGreaterThan(5);
    }
    const before = kaohe("--lang", "en", "check", "missing.xlsx");
    expect(before).toMatchObject({ code: 2, stdout: "", stderr: "kaohe: missing.xlsx: file not found\n" });
    const commandHelp = kaohe("summary", "--help", "--lang", "zh");
    expect(commandHelp).toMatchObject({ code: 0, stderr: "" });
    expect(commandHelp.stdout).toContain("生成汇总、问题清单、责任单位工作表");
  });

  test("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(kaohe("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

test("what a command wrote is said in the language of the command line", () => {
  const dir = tempDir();
  const en = kaohe("import-text", seed("000", ".txt"), "-o", path.join(dir, "en.xlsx"), "--lang", "en");
  expect(en).toMatchObject({ code: 0, stderr: "" });
  expect(en.stdout).toMatch(/: 1 sheets, \d+ rows \(/);
  const zh = kaohe("import-text", seed("000", ".txt"), "-o", path.join(dir, "zh.xlsx"), "--lang", "zh");
  expect(zh.stdout).toMatch(/: 1 个工作表, \d+ 行 \(/);
  const scored = kaohe("score-sheet", path.join(dir, "en.xlsx"), "-o", path.join(dir, "scored.xlsx"), "--portable", "--lang", "en");
  expect(scored).toMatchObject({ code: 0, stderr: "" });
  expect(scored.stdout).toMatch(/scored\.xlsx: \d+ scoring sheets \(portable formulas\)\n$/);
});

test("tree lists the books in the language of the command line", () => {
  const en = kaohe("tree", seed("003", ".xlsx"), "--lang", "en");
  expect(en).toMatchObject({ code: 0, stderr: "" });
  expect(en.stdout).toContain("Book: 市发改委  kind: matrix  at: ");
  expect(en.stdout).toContain("Category: 组织保障  20 pts  kind: scored  cell: C2");
  expect(en.stdout).not.toMatch(/类别：|指标：|单元格/);
});
