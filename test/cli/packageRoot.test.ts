/**
 * build-seeds and --version find the repository from wherever the command line runs (the sources, or the compiled
 * dist/lib), not from a path relative to one of them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { packageRoot } from "../../src/cli/packageRoot";

const ROOT = path.resolve(__dirname, "../..");

test("from the sources, from the compiled folder and from the root itself: the folder of the kaohe package.json", () => {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  for (const from of [path.join(ROOT, "src/cli/commands"), path.join(ROOT, "dist/lib/cli/commands"), ROOT]) {
    expect(packageRoot(from)).toEqual({ dir: ROOT, version });
  }
  expect(fs.existsSync(path.join(packageRoot()!.dir, "seeds", "001_c9fa6fd301574412.txt"))).toBe(true);
});

test("outside the repository, or under another package: none", () => {
  const other = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-root-"));
  try {
    fs.writeFileSync(path.join(other, "package.json"), JSON.stringify({ name: "another", version: "1.0.0" }));
    fs.mkdirSync(path.join(other, "lib"));
    expect(packageRoot(path.join(other, "lib"))).toBeNull();
  } finally {
    fs.rmSync(other, { recursive: true, force: true });
  }
});
