import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { kaohe, ROOT } from "../cli/run";
import { buildCorpus, type CorpusFile } from "./corpus";

let corpus: CorpusFile[] = [];
beforeAll(async () => {
  corpus = await buildCorpus(mkdtempSync(path.join(tmpdir(), "kaohe-corpus-")));
  expect(kaohe("--help").code).toBe(0);
}, 180_000);

test("every unreadable file gets exit 2 and one line naming it; nothing is printed", () => {
  for (const { name, file } of corpus.filter((c) => c.unreadable)) {
    const result = kaohe("check", file);
    expect({ name, code: result.code, stdout: result.stdout, lines: result.stderr.trim().split("\n").length }).toEqual({ name, code: 2, stdout: "", lines: 1 });
    expect(result.stderr).toContain(name);
  }
});

test("formulas, error values, dates, numbers stored as text and odd merges are read, not crashed on", () => {
  const formulas = kaohe("check", corpus.find((c) => c.name === "公式与错误值.xlsx")!.file, "--json");
  expect([0, 1]).toContain(formulas.code);
  const report = JSON.parse(formulas.stdout);
  const book = report.files[0].books[0];
  expect(book).toMatchObject({ unit: "公式", stated: "100", computed: "100" });
  const merged = kaohe("check", corpus.find((c) => c.name === "合并跨表头.xlsx")!.file);
  expect([0, 1]).toContain(merged.code);
});

test("a cell at XFD1048576 and shared strings inflating to a gigabyte: exit 2 and one line naming the limit, in under 2 s and 200 MB", () => {
  // The start-up every run pays, measured the same way.
  const startUp = Date.now();
  spawnSync(process.execPath, ["-e", `require(${JSON.stringify(path.join(ROOT, "dist/lib/cli/main.js"))})`]);
  const baseline = (Date.now() - startUp) / 1000;
  for (const [name, limit] of [["远处一格.xlsx", /A1:XFD1048576.*limit: 20,000,000 cells/], ["解压炸弹.xlsx", /inflates to more than .*limit: 536,870,912 bytes inflated/]] as const) {
    for (const args of [["check"], ["score-sheet", "-o", path.join(tmpdir(), `kaohe-${process.pid}-never.xlsx`)]]) {
      const file = corpus.find((c) => c.name === name)!.file;
      const [command, ...rest] = args;
      const start = Date.now();
      const script = `require(${JSON.stringify(path.join(ROOT, "dist/lib/cli/main.js"))}).main(process.argv.slice(1))` +
        `.then((code) => { process.stderr.write("maxrss " + process.resourceUsage().maxRSS + " exit " + code + "\\n"); })`;
      const result = spawnSync(process.execPath, ["-e", script, command, file, ...rest, "--lang", "en"], { encoding: "utf8" });
      const seconds = (Date.now() - start) / 1000;
      const [line, rss] = result.stderr.trim().split("\n");
      expect({ name, command, line }).toEqual({ name, command, line: expect.stringMatching(limit) });
      const match = /maxrss (\d+) exit (\d+)/.exec(rss);
      expect({ name, command, exit: Number(match![2]) }).toEqual({ name, command, exit: 2 });
      expect(Number(match![1]) / 1024).toBeLessThan(200);
      expect(seconds - baseline).toBeLessThan(2);
    }
  }
});

test("sheets without a book are reported by name", () => {
  const result = kaohe("check", corpus.find((c) => c.name === "只有表头.xlsx")!.file);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain("表头: 未找到责任书 (只有表头，没有指标行");
  expect(result.stdout).toContain("空表: 未找到责任书 (工作表为空");
  expect(result.stdout).toContain("会议纪要: 未找到责任书 (未找到表头行");
});

test("a sheet of 200,000 rows is checked within a minute", () => {
  const start = Date.now();
  const result = kaohe("check", corpus.find((c) => c.name === "二十万行.xlsx")!.file, "--json");
  const seconds = (Date.now() - start) / 1000;
  // Two thousand categories of a hundred 1-point rows: the book's total is 200,000, not 100 - an error, found.
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout);
  expect(report.files[0].books[0]).toMatchObject({ stated: "100", computed: "200000" });
  expect(report.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(["unit-total"]);
  expect(seconds).toBeLessThan(60);
}, 120_000);

test("reading and checking 200,000 rows stays within 1.5 GB of memory", () => {
  // The command line's own entry, in a process that reports its peak resident memory on exit.
  const script = `require(${JSON.stringify(path.join(ROOT, "dist/lib/cli/main.js"))}).main(["check", process.argv[1], "--json"])` +
    `.then((code) => { process.stderr.write("maxrss " + process.resourceUsage().maxRSS + " exit " + code + "\\n"); })`;
  const result = spawnSync(process.execPath, ["-e", script, corpus.find((c) => c.name === "二十万行.xlsx")!.file], { encoding: "utf8", maxBuffer: 2 ** 28 });
  const match = /maxrss (\d+) exit (\d+)/.exec(result.stderr);
  expect(match).not.toBeNull();
  const megabytes = Number(match![1]) / 1024;
  expect(Number(match![2])).toBe(1);
  expect(megabytes).toBeLessThan(1536);
}, 120_000);

test("scoring sheets and summaries of the bad workbooks: a clear line and exit 2, or sheets written; never a crash", () => {
  const out = mkdtempSync(path.join(tmpdir(), "kaohe-corpus-out-"));
  for (const { name, file, unreadable } of corpus.filter((c) => c.name !== "二十万行.xlsx")) {
    for (const command of ["score-sheet", "summary"]) {
      const output = path.join(out, `${command}-${name}${path.extname(name)}`);
      const result = kaohe(command, file, "-o", output, "--lang", "en");
      // A workbook without a book: score-sheet has nothing to score (exit 2), summary refuses an empty 汇总 (exit 1).
      const bookless = name === "只有表头.xlsx";
      const expected = unreadable ? 2 : bookless ? (command === "summary" ? 1 : 2) : 0;
      // What the command said comes along when the exit code is not the one expected.
      expect({ name, command, code: result.code, said: result.code === expected ? "" : result.stderr + result.stdout }).toEqual({ name, command, code: expected, said: "" });
      if (result.code === 0) {
        expect(result.stderr).toBe("");
        expect(existsSync(output)).toBe(true);
      } else {
        // One line naming the file and saying what is wrong; no output file.
        expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining(file)]);
        expect(result.stderr).toMatch(bookless ? /no responsibility book found/ : /xlsx workbook|empty|limit: /);
        expect(existsSync(output)).toBe(false);
      }
    }
  }
}, 300_000);
