/**
 * The links of a sheet in an .xlsx file, as the sheet's XML holds them: cell -> the place in the workbook it leads
 * to (`location`, as Excel writes links to cells). ExcelJS reads only links kept as relationships, so the tests read
 * the part itself.
 */
import { readFileSync } from "node:fs";
import { entryText, readZipEntries } from "../../src/xlsx/zipPackage";
import { parseRelationships, parseWorkbook } from "../../src/xlsx/xmlParts";

export function sheetLinks(file: string, sheet: string): Map<string, string> {
  const entries = new Map(readZipEntries(readFileSync(file)).map((e) => [e.name, e] as const));
  const text = (name: string) => entryText(entries.get(name)!);
  const rels = parseRelationships("xl/_rels/workbook.xml.rels", text("xl/_rels/workbook.xml.rels"), "xl/");
  const entry = parseWorkbook(text("xl/workbook.xml")).sheets.find((s) => s.name === sheet);
  if (!entry) throw new Error(`no sheet ${sheet} in ${file}`);
  const xml = text(rels.get(entry.relId)!.target);
  const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return new Map([...xml.matchAll(/<hyperlink\b[^>]*?\bref="([^"]+)"[^>]*?\blocation="([^"]*)"/g)].map((m) => [m[1], decode(m[2])] as const));
}
