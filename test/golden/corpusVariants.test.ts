/**
 * The corpus books laid out the ways real sheets of the same books differ (layoutVariants.ts), read to the same
 * hand-worked arithmetic; and each header label in turn replaced by one the vocabulary does not know (栏目), whose
 * column's role is then read from what it holds and where it stands. The reader has to understand the table, not
 * the words it was first seen with.
 */
import { join } from "path";
import type { CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { readXlsx } from "../../src/cli/xlsxRead";
import { CASES, CORPUS, categoriesFound, categoriesStated, expectedOf, LAYOUTS, mismatchesMissed, sumErrorsUnexpected } from "./corpusExpected";
import { headerRow, VARIANTS } from "./layoutVariants";

/** Labels whose column cannot be told by what it holds. */
const NEEDED: Record<string, string[]> = {
  // A table dumped from program code, its levels named by 层级 alone and half its header field names already
  // (examineType, autoExamine …): its 序号 restarts in every level, its 分值 repeats the parent's points on each
  // rule row, its 考核内容 stands beside 注释标题, a copy of it on some rows. It needs the labels it has.
  "03_zhejiang_zongzhi_kaohe": ["*"],
  // Weights (50, 25, 25) look like points: only the label says the children are scored on 100.
  "26_quarantine_dog_fund_perf_eval": ["权重"],
  // A category's subtotal beside the items' points looks like more points.
  "43_county_disclosure_matrix_subtotal_column": ["合计得分"],
};

const originals = new Map<string, CellGrid[]>();
beforeAll(async () => {
  for (const name of CASES) for (const layout of LAYOUTS) originals.set(`${name}.${layout}`, await readXlsx(join(CORPUS, `${name}.${layout}.xlsx`)));
});

describe.each(Object.keys(VARIANTS))("%s", (variant) => {
  test("changes books of the corpus", () => {
    const changed = [...originals.values()].filter((grids) => JSON.stringify(grids.map(VARIANTS[variant])) !== JSON.stringify(grids));
    expect(changed.length).toBeGreaterThanOrEqual(4);
  });

  test.each(CASES)("%s reads to the same arithmetic", (name) => {
    const expected = expectedOf(name);
    for (const layout of LAYOUTS) {
      const { books } = readBooks(originals.get(`${name}.${layout}`)!.map(VARIANTS[variant]));
      const findings = checkBooks(books);
      expect({ layout, categories: categoriesFound(books, expected) }).toEqual({ layout, categories: categoriesStated(expected) });
      expect({ layout, missed: mismatchesMissed(findings, expected) }).toEqual({ layout, missed: [] });
      expect({ layout, unexpected: sumErrorsUnexpected(findings, expected) }).toEqual({ layout, unexpected: [] });
    }
  });
});

/** Each header label of the table, in turn, unknown: every cell of its column that repeats it is renamed. */
function unknownLabels(grids: CellGrid[]): { label: string; grids: CellGrid[] }[] {
  const [grid, ...rest] = grids;
  const header = grid.values[headerRow(grid)];
  return header.flatMap((label, col) => {
    if (typeof label !== "string" || label.trim() === "") return [];
    const values = grid.values.map((row) => row.map((v, c) => (c === col && v === label ? "栏目" : v)));
    return [{ label: label.replace(/\s/g, ""), grids: [{ ...grid, values }, ...rest] }];
  });
}

describe("a header label the vocabulary does not know", () => {
  test.each(CASES.filter((name) => !NEEDED[name]?.includes("*")))("%s reads to the same arithmetic with any one label unknown", (name) => {
    const expected = expectedOf(name);
    let tried = 0;
    // As it is, and with a note below and a page number in the middle, which the unknown columns must see past.
    const debris = (grid: CellGrid) => VARIANTS["page number mid-table"](VARIANTS["a note below"](grid));
    for (const layout of LAYOUTS) {
      for (const [form, sheets] of [["as it is", originals.get(`${name}.${layout}`)!], ["with debris", originals.get(`${name}.${layout}`)!.map(debris)]] as const) {
        for (const { label, grids } of unknownLabels(sheets)) {
          if (NEEDED[name]?.includes(label)) continue;
          tried++;
          const { books } = readBooks(grids);
          const findings = checkBooks(books);
          const where = { layout, form, label };
          expect({ ...where, categories: categoriesFound(books, expected) }).toEqual({ ...where, categories: categoriesStated(expected) });
          expect({ ...where, missed: mismatchesMissed(findings, expected) }).toEqual({ ...where, missed: [] });
          expect({ ...where, unexpected: sumErrorsUnexpected(findings, expected) }).toEqual({ ...where, unexpected: [] });
        }
      }
    }
    expect(tried).toBeGreaterThanOrEqual(4);
  });
});
