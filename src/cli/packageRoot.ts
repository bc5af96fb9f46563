/**
 * The repository (package) root: the first folder above this file, compiled (dist/lib/cli) or not (src/cli), whose
 * package.json names the kaohe package.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface PackageRoot {
  dir: string;
  version: string;
}

export function packageRoot(from: string = __dirname): PackageRoot | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "kaohe") return { dir, version: pkg.version ?? "unknown" };
    } catch {
      // no package.json here: look one folder up
    }
    if (path.dirname(dir) === dir) return null;
  }
}
