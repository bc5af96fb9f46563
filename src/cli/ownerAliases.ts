/**
 * The user's names of offices for the 责任单位 sheet, from JSON files beside a workbook: `kaohe-owners.json` in its
 * folder (for every workbook there), then `<workbook name>.owners.json` (for that workbook; it wins where the two
 * differ). Each file maps the name to use to its other names: `{"县发展改革和科技局": ["县发改局", "发改局"]}`.
 * A file that is not such JSON is an InputError naming it (exit 2).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { aliasesFromJson, mergeAliases } from "../app/owners";
import { InputError } from "./inputError";

/** The file every workbook of a folder shares. */
export const FOLDER_ALIAS_FILE = "kaohe-owners.json";

/** The alias files that apply to `workbook`, in the order they are read. */
export function ownerAliasFiles(workbook: string): string[] {
  const dir = path.dirname(workbook);
  const own = path.join(dir, `${path.basename(workbook, path.extname(workbook))}.owners.json`);
  return [path.join(dir, FOLDER_ALIAS_FILE), own].filter((file) => existsSync(file));
}

function readAliasFile(file: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError({ key: "cli.bad-argument", params: { field: file, detail: error instanceof Error ? error.message : String(error) } });
  }
  try {
    return aliasesFromJson(json);
  } catch {
    throw new InputError({ key: "cli.bad-argument", params: { field: file, detail: '{"县发展改革和科技局": ["县发改局"]}' } });
  }
}

/** The aliases of every file beside the workbooks, each file read once. */
export function ownerAliasesFor(workbooks: string[]): Map<string, string> {
  const files = [...new Set(workbooks.flatMap(ownerAliasFiles))];
  return mergeAliases(...files.map(readAliasFile));
}
