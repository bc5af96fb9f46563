/**
 * `build-seeds`: seeds/*.xlsx from seeds/*.txt, 001 split by parts and by units, in the seeds/ folder of the
 * repository this command runs from (found upwards from it, wherever it is compiled to).
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { SplitMode } from "../../import/wordSheets";
import { EXIT_OK, type RunCommand } from "../command";
import { InputError } from "../inputError";
import { packageRoot } from "../packageRoot";
import { importText, stem } from "./importText";

/** Seeds split other than into one sheet: the county's whole book by parts, and a per-unit variant. */
const SEED_SPLITS: Record<string, { split: SplitMode; suffix: string }[]> = {
  "001": [
    { split: "parts", suffix: ".xlsx" },
    { split: "units", suffix: ".units.xlsx" },
  ],
};

export const run: RunCommand = async (_values, positionals) => {
  if (positionals.length > 0) throw new InputError({ key: "cli.arguments", params: { command: "build-seeds", count: "none" } });
  const root = packageRoot();
  if (!root) throw new InputError({ key: "cli.no-repository", params: {} });
  const seeds = path.join(root.dir, "seeds");
  const texts = (await readdir(seeds)).filter((name) => name.endsWith(".txt")).sort();
  for (const name of texts) {
    const input = path.join(seeds, name);
    const splits = SEED_SPLITS[name.slice(0, 3)] ?? [{ split: "none", suffix: ".xlsx" }];
    for (const { split, suffix } of splits) {
      const output = path.join(seeds, stem(name) + suffix);
      console.log(await importText(input, output, split, true));
    }
  }
  return EXIT_OK;
};
