/**
 * The requirement sets the manifests declare, derived from the code: every Office API that the add-in's code calls
 * (src/excel, the task pane's entry, the custom functions), with the API set Microsoft's declarations name for it
 * ("[Api set: ExcelApi 1.13]" in @types/office-js; src/functions/custom-functions-runtime.d.ts for CustomFunctions).
 * The highest version of each set is what scripts/manifest.js must require: no lower (Excel would load the add-in
 * where a call fails) and no higher (it would refuse Excel versions that can run it).
 */
import path from "node:path";
import ts from "typescript";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REQUIREMENT_SETS, xmlManifest, DEV_URL } = require("../scripts/manifest.js");

const ROOT = path.resolve(__dirname, "..");
/** The code that runs in Office: the adapter, the pane's entry, the functions. */
const SOURCES = ["src/excel/officeAdapter.ts", "src/taskpane/index.tsx", "src/functions/functions.ts", "src/functions/custom-functions-runtime.d.ts"];

interface Use {
  api: string;
  set: string;
  version: string;
  file: string;
}

function apiUses(): Use[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(SOURCES.map((f) => path.join(ROOT, f)), { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses = new Map<string, Use>();
  for (const source of SOURCES) {
    const file = program.getSourceFile(path.join(ROOT, source))!;
    if (file.isDeclarationFile) continue;
    const visit = (node: ts.Node) => {
      const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : null;
      const symbol = name && checker.getSymbolAtLocation(name);
      for (const decl of symbol?.declarations ?? []) {
        const where = decl.getSourceFile().fileName;
        if (!where.includes("@types/office-js") && !where.endsWith("custom-functions-runtime.d.ts")) continue;
        const doc = decl.getSourceFile().text.slice(decl.getFullStart(), decl.getStart());
        for (const m of doc.matchAll(/\[Api set: (\w+) ([\d.]+)/g)) {
          const api = `${checker.getFullyQualifiedName(symbol!)}`;
          uses.set(`${api} ${m[1]}`, { api, set: m[1], version: m[2], file: source });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return [...uses.values()];
}

const newer = (a: string, b: string) => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

let uses: Use[];
beforeAll(() => {
  uses = apiUses();
}, 120_000);

test("finds the Office APIs the code calls, each with its API set", () => {
  const apis = uses.map((u) => `${u.api} (${u.set} ${u.version})`);
  // A few that must be there: reading, merges, events, writing, the functions' errors.
  expect(apis).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/Worksheet\.getUsedRangeOrNullObject \(ExcelApi 1\.4\)/),
      expect.stringMatching(/Range\.getMergedAreasOrNullObject \(ExcelApi 1\.13\)/),
      expect.stringMatching(/WorksheetCollection\.onChanged \(ExcelApi 1\.9\)/),
      expect.stringMatching(/Range\.hyperlink \(ExcelApi 1\.7\)/),
      expect.stringMatching(/CustomFunctions\.Error \(CustomFunctionsRuntime 1\.2\)/),
    ]),
  );
  expect(uses.length).toBeGreaterThan(25);
});

test("the manifests require exactly the highest version of each API set the code uses, and the shared runtime", () => {
  const highest = new Map<string, string>();
  for (const u of uses) if (!highest.has(u.set) || newer(u.version, highest.get(u.set)!)) highest.set(u.set, u.version);
  const declared = Object.fromEntries(REQUIREMENT_SETS.map((s: { name: string; minVersion: string }) => [s.name, s.minVersion]));
  // The task pane and the functions share one runtime (manifest.xml's <Runtimes>): SharedRuntime 1.1.
  expect(xmlManifest(DEV_URL)).toContain('<Runtime resid="Runtime.Url" lifetime="long"/>');
  expect(declared).toEqual({ ...Object.fromEntries(highest), SharedRuntime: "1.1" });
  const why = uses.filter((u) => u.set === "ExcelApi" && u.version === highest.get("ExcelApi")).map((u) => u.api);
  expect(why.length).toBeGreaterThan(0);
});
