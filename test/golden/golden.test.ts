/**
 * The five seed workbooks against trees and findings worked out by hand from the documents
 * (test/golden/expected/*.json; see that folder's README). Names are compared by prefix.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readBooks, type Reading } from "../../src/core/layout";
import type { Book, Category, Indicator } from "../../src/core/book";
import { checkBooks, findingMessage, type Finding } from "../../src/core/rules";
import { readXlsx } from "../../src/cli/xlsxRead";

const root = join(__dirname, "..", "..");
const expectedDir = join(__dirname, "expected");

interface ExpectedIndicator { name: string; kind: string; points: string | null; cap?: string; tiers?: string[]; owner?: string; number?: string; cell: string }
interface ExpectedCategory { name: string; kind: string; points: string | null; cap?: string; leaf?: boolean; cell: string; indicators: ExpectedIndicator[] }
interface ExpectedBook {
  unit: string; kind: string; units?: string[]; sheet: string; cell: string; base?: string;
  weights?: { label: string; weight: string }[]; bonusCap?: string; veto?: boolean; categories: ExpectedCategory[];
}
interface ExpectedFinding { rule: string; severity: string; sheet: string; cell: string; unit: string; stated: string | null; computed: string | null; why: string }
interface ExpectedFindings { file: string; findings: ExpectedFinding[]; consistent: { sheet: string; cell: string; what: string }[] }

const SEEDS = ["000", "001", "001.units", "002", "003", "004"];
const SUM_RULES = new Set(["category-sum", "inline-sum", "quarter-sum", "target-sum", "unit-total"]);

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(expectedDir, name), "utf8")) as T;
}
const str = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

/** The facts a reader checks, in the same shape as the expectation, names cut to the expected prefix. */
function indicatorFacts(actual: Indicator, expected: ExpectedIndicator) {
  return {
    name: actual.name.startsWith(expected.name) ? expected.name : actual.name,
    kind: actual.kind,
    points: str(actual.points),
    ...(expected.cap !== undefined || actual.cap !== null && actual.kind === "bonus" ? { cap: str(actual.cap) ?? undefined } : {}),
    ...(actual.tiers.length ? { tiers: actual.tiers.map((t) => t.toFixed()) } : {}),
    ...(actual.owner ? { owner: actual.owner } : {}),
    ...(expected.number !== undefined ? { number: actual.number ?? undefined } : {}),
    cell: actual.cell,
  };
}

function categoryFacts(actual: Category, expected: ExpectedCategory | undefined) {
  return {
    name: expected && actual.name.startsWith(expected.name) ? expected.name : actual.name,
    kind: actual.kind,
    points: str(actual.points),
    ...(actual.cap !== null ? { cap: str(actual.cap)! } : {}),
    ...(actual.leaf ? { leaf: true } : {}),
    cell: actual.cell,
    indicators: actual.indicators.map((i, n) => indicatorFacts(i, expected?.indicators[n] ?? ({} as ExpectedIndicator))),
  };
}

function bookFacts(actual: Book, expected: ExpectedBook | undefined) {
  return {
    unit: actual.unit,
    kind: actual.kind,
    ...(actual.units.length ? { units: actual.units } : {}),
    sheet: actual.sheet,
    cell: actual.cell,
    ...(expected?.base !== undefined ? { base: actual.base.toFixed() } : {}),
    ...(actual.weights.length ? { weights: actual.weights.map((w) => ({ label: w.label, weight: w.weight.toFixed() })) } : {}),
    ...(actual.bonusCap !== null ? { bonusCap: actual.bonusCap.toFixed() } : {}),
    ...(actual.veto !== null ? { veto: true } : {}),
    categories: actual.categories.map((c, n) => categoryFacts(c, expected?.categories[n])),
  };
}

const readings = new Map<string, Reading>();
beforeAll(async () => {
  for (const seed of SEEDS) {
    const expected = load<{ file: string }>(`${seed}.tree.json`);
    readings.set(seed, readBooks(await readXlsx(join(root, expected.file))));
  }
});

describe.each(SEEDS)("seed %s", (seed) => {
  const tree = load<{ file: string; books: ExpectedBook[] }>(`${seed}.tree.json`);
  const expectedFindings = load<ExpectedFindings>(`${seed}.findings.json`);

  test("every book, category and indicator as a careful reader finds them", () => {
    const { books } = readings.get(seed)!;
    expect(books.map((b) => `${b.sheet}!${b.cell} ${b.unit}`)).toEqual(tree.books.map((b) => `${b.sheet}!${b.cell} ${b.unit}`));
    books.forEach((book, n) => expect(bookFacts(book, tree.books[n])).toEqual(tree.books[n]));
  });

  test("every inconsistency found by adding the document up by hand, and no other sum error", () => {
    const findings = checkBooks(readings.get(seed)!.books);
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;
    const facts = (f: Finding) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, unit: f.unit, stated: str(f.stated), computed: str(f.computed) });
    for (const expected of expectedFindings.findings) {
      const actual = findings.find((f) => key(f) === key(expected));
      expect({ why: expected.why, found: actual ? facts(actual) : null }).toEqual({
        why: expected.why,
        found: { rule: expected.rule, severity: expected.severity, sheet: expected.sheet, cell: expected.cell, unit: expected.unit, stated: expected.stated, computed: expected.computed },
      });
    }
    const expectedKeys = new Set(expectedFindings.findings.map(key));
    const unexpected = findings.filter((f) => SUM_RULES.has(f.rule) && f.severity !== "info" && !expectedKeys.has(key(f)));
    expect(unexpected.map((f) => `${key(f)} ${findingMessage(f, "zh")}`)).toEqual([]);
    for (const place of expectedFindings.consistent) {
      const wrong = findings.filter((f) => f.sheet === place.sheet && f.cell === place.cell && SUM_RULES.has(f.rule));
      expect({ what: place.what, findings: wrong.map((f) => findingMessage(f, "zh")) }).toEqual({ what: place.what, findings: [] });
    }
  });
});

test("the one-sheet-per-unit workbook gives the same trees as the workbook of parts", () => {
  const strip = (b: Book) => ({ ...bookToComparable(b) });
  const parts = readings.get("001")!.books.map(strip);
  const units = readings.get("001.units")!.books.map(strip);
  expect(units).toEqual(parts);
});

/** A book without where it sits: unit, kind, points, owners and kinds of every node. */
function bookToComparable(book: Book) {
  return {
    unit: book.unit, kind: book.kind, units: book.units, base: book.base.toFixed(),
    categories: book.categories.map((c) => ({
      name: c.name, kind: c.kind, points: str(c.points), leaf: c.leaf,
      indicators: c.indicators.map((i) => ({ name: i.name, kind: i.kind, points: str(i.points), owner: i.owner, tiers: i.tiers.map(String) })),
    })),
  };
}
