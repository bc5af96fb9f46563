/**
 * The import graph of src/, as madge reads it (type imports included): no cycle between files or between folders,
 * and the layers of ARCHITECTURE.md - core imports nothing outside core; only src/excel uses Excel's API (the task
 * pane's entry starts Office and hands Excel.run to the adapter); the command line, the task pane and the preview
 * reach the books, checks, scoring sheets and summaries through src/app.
 */
import fs from "node:fs";
import path from "node:path";
import madge from "madge";

const ROOT = path.join(__dirname, "../..");

/** file -> files it imports, paths relative to the repository root ("src/core/grid.ts"). */
async function importGraph(skipTypeImports: boolean): Promise<Record<string, string[]>> {
  const result = await madge(path.join(ROOT, "src"), {
    baseDir: ROOT,
    fileExtensions: ["ts", "tsx"],
    tsConfig: path.join(ROOT, "tsconfig.json"),
    detectiveOptions: { ts: { skipTypeImports }, tsx: { skipTypeImports } },
  });
  return result.obj();
}

/** Cycles of a graph: its strongly connected components of more than one node (Tarjan), each sorted. */
function cycles(graph: Record<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph[node] ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
      }
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of Object.keys(graph)) if (!indexOf.has(node)) visit(node);
  return found;
}

/** The folder graph: a folder imports another when one of its files imports a file there. A folder and its own
 * subfolders are one place (src/core/grid.ts used by src/core/layout is no cycle), so only sibling folders count. */
function folderGraph(graph: Record<string, string[]>): Record<string, string[]> {
  const folders: Record<string, Set<string>> = {};
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  for (const [file, imports] of Object.entries(graph)) {
    const from = path.posix.dirname(file);
    folders[from] ??= new Set();
    for (const target of imports) {
      const to = path.posix.dirname(target);
      if (!related(from, to)) folders[from].add(to);
    }
  }
  return Object.fromEntries(Object.entries(folders).map(([folder, targets]) => [folder, [...targets]]));
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

/** Every import from a file matching `from` to a file matching `to`, as "from -> to". */
function importsBetween(graph: Record<string, string[]>, from: (f: string) => boolean, to: (f: string) => boolean): string[] {
  return Object.entries(graph).flatMap(([file, imports]) => (from(file) ? imports.filter(to).map((target) => `${file} -> ${target}`) : []));
}

/** A source without its comments, for looking for uses of a global. */
function code(file: string): string {
  return fs
    .readFileSync(path.join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

let graph: Record<string, string[]>;
let valueGraph: Record<string, string[]>;

beforeAll(async () => {
  graph = await importGraph(false);
  valueGraph = await importGraph(true);
}, 60_000);

describe("the import graph of src", () => {
  test("madge reads every source file", () => {
    expect(Object.keys(graph).length).toBeGreaterThan(80);
    expect(graph["src/cli/main.ts"].length).toBeGreaterThan(3);
  });

  test("a cycle is found, in files and in folders", () => {
    const looped = { "src/a/x.ts": ["src/b/y.ts"], "src/b/y.ts": ["src/a/z.ts"], "src/a/z.ts": [] };
    expect(cycles(looped)).toEqual([]);
    expect(cycles(folderGraph(looped))).toEqual([["src/a", "src/b"]]);
    expect(cycles({ ...looped, "src/a/z.ts": ["src/a/x.ts"] })).toEqual([["src/a/x.ts", "src/a/z.ts", "src/b/y.ts"]]);
  });

  test("no file imports itself through others", () => {
    expect(cycles(graph)).toEqual([]);
  });

  test("no folder imports itself through others", () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  test("src/core imports nothing outside src/core but the messages (src/locales), which import nothing of src", () => {
    expect(importsBetween(graph, under("src/core"), (f) => !under("src/core")(f) && !under("src/locales")(f))).toEqual([]);
    expect(importsBetween(graph, under("src/locales"), (f) => !under("src/locales")(f))).toEqual([]);
  });

  test("src/app imports neither the hosts nor the adapters' implementations", () => {
    const hosts = (f: string) => ["src/cli", "src/taskpane", "src/preview"].some((folder) => under(folder)(f));
    expect(importsBetween(graph, under("src/app"), hosts)).toEqual([]);
    expect(importsBetween(valueGraph, under("src/app"), under("src/excel"))).toEqual([]);
  });

  test("the command line, the task pane and the preview reach the books, checks, scoring sheets and summaries through src/app", () => {
    // What they may still call in core: rendering (decimals, cell addresses, findings' text and JSON, books' JSON);
    // the names of severities, rules and kinds come from src/locales.
    const presentation = new Set(["src/core/book.ts", "src/core/decimal.ts", "src/core/grid.ts", "src/core/rules/index.ts"]);
    const hosts = (f: string) => ["src/cli", "src/taskpane", "src/preview"].some((folder) => under(folder)(f));
    expect(importsBetween(valueGraph, hosts, (f) => under("src/core")(f) && !presentation.has(f))).toEqual([]);
  });

  test("only src/excel uses Excel's API; the task pane's entry alone starts Office", () => {
    const files = Object.keys(graph).filter((f) => !under("src/excel")(f));
    const excel = files.filter((f) => /\b(Excel\.(?!run\b)|OfficeExtension\.)/.test(code(f)));
    const office = files.filter((f) => /\b(Office\.|Excel\.run\b)/.test(code(f)));
    expect(excel).toEqual([]);
    expect(office).toEqual(["src/taskpane/index.tsx"]);
  });
});
