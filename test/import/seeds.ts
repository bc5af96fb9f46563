/** The seed documents and how each seed workbook was split into sheets (build-seeds). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { bookToJson } from "../../src/core/book";
import type { CellGrid } from "../../src/core/grid";
import { readBooks } from "../../src/core/layout";
import { checkBooks, findingToJson } from "../../src/core/rules";
import type { SplitMode } from "../../src/import/wordSheets";

export const ROOT = path.resolve(__dirname, "../..");
export const FIXTURES = path.join(__dirname, "fixtures");

export interface SeedCase {
  /** The seed's stem, e.g. 001_c9fa6fd301574412. */
  stem: string;
  split: SplitMode;
  /** The seed workbook built from the text with that split. */
  xlsx: string;
}

const STEMS = ["000_8b393e4c879ff91f", "001_c9fa6fd301574412", "002_a8fb72a87ad0642d", "003_f2120415240e7d22", "004_ec5181be93802e64"];

export const SEED_CASES: SeedCase[] = STEMS.flatMap((stem): SeedCase[] =>
  stem.startsWith("001")
    ? [
        { stem, split: "parts" as const, xlsx: path.join(ROOT, "seeds", `${stem}.xlsx`) },
        { stem, split: "units" as const, xlsx: path.join(ROOT, "seeds", `${stem}.units.xlsx`) },
      ]
    : [{ stem, split: "none" as const, xlsx: path.join(ROOT, "seeds", `${stem}.xlsx`) }],
);

export function seedText(stem: string): string {
  return readFileSync(path.join(ROOT, "seeds", `${stem}.txt`), "utf8");
}

/** What a user sees of a workbook: every book's tree and every finding (rule, cell, stated, computed, message). */
export function treeAndFindings(grids: CellGrid[]) {
  const { books } = readBooks(grids);
  return { trees: books.map(bookToJson), findings: checkBooks(books).map((f) => findingToJson(f, "zh")) };
}
