/**
 * The pasted-from-Word cleaner over sheets as Excel pastes a Word table: every paragraph of a cell on a row of its
 * own, the row's other cells merged down over them (built here from the seeds' tables), and vertical labels.
 */
import type { CellGrid, MergeArea } from "../../src/core/grid";
import type { SheetLayout } from "../../src/import/sheetLayout";
import { wordTextToSheets } from "../../src/import/wordSheets";
import { cleanPasted, joinVerticalLabel, looksPasted, pastedSigns } from "../../src/import/pasted";
import { seedText, treeAndFindings } from "./seeds";

/** A sheet as Excel lays out a pasted Word table: a cell of n paragraphs takes n rows, the others merged down. */
export function pastedFromWord(layout: SheetLayout): CellGrid {
  const values: (string | null)[][] = [];
  const merges: MergeArea[] = [];
  const newTop: number[] = [];
  const height: number[] = [];
  const spans = new Map(layout.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const covered = new Set<string>();
  for (const m of layout.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  layout.values.forEach((row, r) => {
    const single = (c: number) => !covered.has(`${r}:${c}`) && (spans.get(`${r}:${c}`)?.bottom ?? r) === r;
    const k = Math.max(1, ...row.map((t, c) => (single(c) ? t.split("\n").length : 1)));
    newTop[r] = values.length;
    height[r] = k;
    const block = Array.from({ length: k }, () => new Array<string | null>(row.length).fill(null));
    row.forEach((text, c) => {
      if (covered.has(`${r}:${c}`) || text === "") return;
      const lines = text.split("\n");
      if (single(c) && lines.length > 1 && k > 1) lines.forEach((l, i) => (block[i][c] = l));
      else block[0][c] = text;
    });
    values.push(...block);
  });
  layout.values.forEach((row, r) => {
    row.forEach((text, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const span = spans.get(`${r}:${c}`);
      const lines = text.split("\n").length;
      const bottomRow = span ? span.bottom : r;
      const multiLineSingle = !span || span.bottom === r ? lines > 1 && height[r] > 1 : false;
      if (multiLineSingle) return;
      const top = newTop[r];
      const bottom = newTop[bottomRow] + height[bottomRow] - 1;
      const right = span ? span.right : c;
      if (bottom > top || right > c) merges.push({ top, left: c, bottom, right });
    });
  });
  return { sheet: layout.name, values, merges };
}

describe("a seed table pasted into Excel from Word", () => {
  const sheets = wordTextToSheets(seedText("001_c9fa6fd301574412"), "parts", "001");
  const sheet = sheets.find((s) => s.name === "县直部门 (2)")!;

  test("looks pasted, and is laid out again with one row per Word row and the paragraphs of a cell joined", () => {
    const pasted = pastedFromWord(sheet);
    expect(pasted.values.length).toBeGreaterThan(sheet.values.length);
    expect(looksPasted(pasted)).toBe(true);
    const cleaned = cleanPasted(pasted, "县直部门（整理）");
    const width = Math.max(...sheet.values.map((r) => r.length));
    expect(cleaned.values).toEqual(sheet.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "")));
    const grid = (l: SheetLayout): CellGrid => ({ sheet: "县直部门", values: l.values.map((r) => r.map((v) => (v === "" ? null : v))), merges: l.merges });
    expect(treeAndFindings([grid(cleaned)])).toEqual(treeAndFindings([grid(sheet)]));
  });

  test("a table kept as the book is (categories merged over their indicators) does not look pasted", () => {
    const grid: CellGrid = { sheet: sheet.name, values: sheet.values.map((r) => r.map((v) => (v === "" ? null : v))), merges: sheet.merges };
    expect(pastedSigns(grid).splitRows).toBe(0);
  });
});

describe("vertical labels", () => {
  test.each([
    ["为科\n技工\n作者\n服务\n13分", "为科技工作者服务13分"],
    ["考核\n项目", "考核\n项目"],
    ["经济发展\n（20分）", "经济发展\n（20分）"],
  ])("%j -> %j", (text, joined) => expect(joinVerticalLabel(text)).toBe(joined));

  test("seed 004's vertical category labels are joined on the new sheet; its books read the same", () => {
    const [sheet] = wordTextToSheets(seedText("004_ec5181be93802e64"), "none", "004");
    const grid: CellGrid = { sheet: sheet.name, values: sheet.values.map((r) => r.map((v) => (v === "" ? null : v))), merges: sheet.merges };
    expect(pastedSigns(grid).verticalLabels).toBeGreaterThan(0);
    const cleaned = cleanPasted(grid, "整理");
    expect(cleaned.values.flat()).toContain("为科技工作者服务13分");
    const after = treeAndFindings([{ ...grid, values: cleaned.values.map((r) => r.map((v) => (v === "" ? null : v))), merges: cleaned.merges }]);
    const before = treeAndFindings([grid]);
    expect(after.findings.map((f) => [f.rule, f.cell, f.stated, f.computed])).toEqual(before.findings.map((f) => [f.rule, f.cell, f.stated, f.computed]));
  });
});
