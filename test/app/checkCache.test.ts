/**
 * Checking again after an entry: seed 001 with a scoring sheet per book; a value typed into one scoring sheet is
 * checked on that sheet alone (the books are the ones already read), and the result is what a whole check gives.
 */
import path from "node:path";
import { checkGrids, type WorkbookCheck } from "../../src/app/check";
import { CheckCache } from "../../src/app/checkCache";
import { readXlsx } from "../../src/cli/xlsxRead";
import { a1 } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { scoringSheets } from "../../src/core/scoringSheet";
import { MemoryWorkbook } from "../../src/excel/memoryAdapter";

/** What a user sees of a check: the sheets' readings, the books' rows and every finding. */
const shown = (c: WorkbookCheck) => JSON.stringify({ sheets: c.reading.sheets, rows: c.rows, findings: c.findings, scoring: c.scoring });

test("an entry on one scoring sheet re-checks that sheet only, with the result of a whole check", async () => {
  const seed = await readXlsx(path.join(__dirname, "../../seeds/001_c9fa6fd301574412.xlsx"));
  const workbook = new MemoryWorkbook(seed);
  const names = await workbook.addSheets(scoringSheets(readBooks(seed).books, { portable: false }, new Map()));
  expect(names.length).toBeGreaterThan(50);
  const cache = new CheckCache();
  const first = cache.check(await workbook.readSheets());
  expect(shown(first)).toBe(shown(checkGrids(await workbook.readSheets())));

  // 99 typed into the first input cell of 店镇's sheet.
  const sheet = workbook.sheet("评分-店镇")!;
  const input = [...sheet.styles].find(([, style]) => style === "input")![0].split(":").map(Number);
  workbook.enter(sheet.name, a1(input[0], input[1]), "99");
  const grids = await workbook.readSheets();
  const again = cache.check(grids);
  expect(again.books).toBe(first.books);
  expect(again.findings.length).toBeGreaterThan(first.findings.length);
  expect(again.findings.filter((f) => f.sheet === sheet.name).length).toBeGreaterThan(0);
  expect(shown(again)).toBe(shown(checkGrids(grids)));

  // A changed source sheet reads the books again.
  const source = grids.map((g, i) => (i === 0 ? { ...g, values: [...g.values, ["新增一行"]] } : g));
  const changed = cache.check(source);
  expect(changed.books).not.toBe(first.books);
  expect(shown(changed)).toBe(shown(checkGrids(source)));
}, 60_000);
