/**
 * The add-in manifest: well-formed, readable by Office's own tooling, asking for no more than ReadWriteDocument,
 * pointing only at the add-in's own origin, with Chinese names for a Chinese Office.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = readFileSync(MANIFEST, "utf8");

test("xmllint finds the manifest well-formed", () => {
  const result = spawnSync("xmllint", ["--noout", MANIFEST], { encoding: "utf8" });
  expect(result.error).toBeUndefined();
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
});

test("office-addin-manifest reads it: a workbook task pane asking only for ReadWriteDocument", () => {
  const info = execFileSync(path.join(ROOT, "node_modules", ".bin", "office-addin-manifest"), ["info", MANIFEST], { encoding: "utf8" });
  expect(info).toContain("Type: TaskPaneApp");
  expect(info).toContain("Hosts: Workbook");
  expect(info).toContain("Permissions: ReadWriteDocument");
  expect(xml.match(/<Permissions>([^<]+)<\/Permissions>/g)).toEqual(["<Permissions>ReadWriteDocument</Permissions>"]);
});

test("every URL is the add-in's own origin, and zh-CN has its names and functions metadata", () => {
  const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org"));
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  expect(xml).toContain('<Override Locale="zh-CN" Value="目标责任考核助手"/>');
  expect(xml).toContain('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>');
  expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
});
