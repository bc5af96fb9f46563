/**
 * LibreOffice headless as a stand-in for Excel in tests: recalculates .xlsx files on load and saves them again, and
 * reads the values it computed straight from the sheet XML.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";

/**
 * LibreOffice headless with a profile that always recalculates on load; every file in one call. The recalculated
 * files (same names) go to `<dir>/recalculated`, whose path is returned.
 */
export function recalculate(files: string[], dir: string): string {
  const profile = path.join(dir, "lo-profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(dir, "recalculated");
  mkdirSync(out, { recursive: true });
  const run = spawnSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx", "--outdir", out, ...files],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${String(run.status ?? run.error)}): ${run.stderr}`);
  return out;
}

/**
 * Formula cell values of a file LibreOffice wrote, straight from the sheet XML (ExcelJS drops a formula's cached
 * result when it is 0). Sheets by position, as LibreOffice writes sheet1.xml, sheet2.xml… in workbook order.
 */
export async function rawValues(file: string): Promise<Map<string, string | number | boolean | null>[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const sheets: Map<string, string | number | boolean | null>[] = [];
  for (let n = 1; zip.file(`xl/worksheets/sheet${n}.xml`); n++) {
    const xml = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
    const cells = new Map<string, string | number | boolean | null>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
      if (!m[3]?.includes("<f")) continue;
      const v = /<v>(.*?)<\/v>/.exec(m[3])?.[1] ?? null;
      const t = /t="(\w+)"/.exec(m[2])?.[1] ?? "n";
      const text = v === null ? null : v.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
      cells.set(m[1], text === null ? null : t === "n" ? Number(text) : t === "b" ? text === "1" : text);
    }
    sheets.push(cells);
  }
  return sheets;
}
