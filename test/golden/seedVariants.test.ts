/**
 * The seed workbooks laid out the ways real sheets differ (layoutVariants.ts) read as the seeds themselves do
 * (which golden.test.ts holds against the trees worked out by hand): the same books, categories, points and
 * indicators, and the same sum findings. Only the changes that keep a sheet of many tables one whole are made: a
 * row put into "the middle of the table" would land between two units' tables here.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { categoriesOf, type Book } from "../../src/core/book";
import type { CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { readXlsx } from "../../src/cli/xlsxRead";
import { VARIANTS } from "./layoutVariants";

const SEEDS = join(__dirname, "..", "..", "seeds");
const FILES = readdirSync(SEEDS).filter((f) => f.endsWith(".xlsx")).sort();
const WHOLE_SHEET = [
  "pasted at B1", "a note below", "points typed as numbers", "full-width digits", "text ending in a line break", "merges filled in",
  "points in 【】", "points in [ ]", "a blank column after every column", "a blank column after column A, its label merged over it",
  "a blank column after column B, its label merged over it", "合计 written 共计",
];

const str = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

/** What a reading says, without cell addresses (a variant moves the cells). */
function facts(grids: CellGrid[]) {
  const { books } = readBooks(grids);
  const sums = checkBooks(books).filter((f) => f.severity === "error").map((f) => [f.rule, f.unit, f.category, str(f.stated), str(f.computed)]);
  const book = (b: Book) => ({
    unit: b.unit,
    categories: categoriesOf(b).map((c) => [c.name, c.level, str(c.points), c.indicators.map((i) => [i.name, str(i.points)])]),
  });
  return { books: books.map(book), sums };
}

const originals = new Map<string, CellGrid[]>();
beforeAll(async () => {
  for (const file of FILES) originals.set(file, await readXlsx(join(SEEDS, file)));
});

describe.each(WHOLE_SHEET)("%s", (variant) => {
  test.each(FILES)("%s reads as it does as it is", (file) => {
    const grids = originals.get(file)!;
    expect(facts(grids.map(VARIANTS[variant]))).toEqual(facts(grids));
  });
});
