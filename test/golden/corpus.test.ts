/**
 * Eighteen books from other provinces and offices (test/corpus, see its README), each in two layouts, against
 * the arithmetic worked out by hand in NAME.expected.json: every category with its stated points, every real
 * mismatch with its stated and computed values, and no sum error the document does not have.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { categoriesOf, type Book, type Category } from "../../src/core/book";
import { readBooks } from "../../src/core/layout";
import { checkBooks, findingMessage, type Finding } from "../../src/core/rules";
import { readXlsx } from "../../src/cli/xlsxRead";

const corpus = join(__dirname, "..", "corpus");

interface ExpectedCategory { name: string; stated: string | null; computed: string | null; level: number }
interface ExpectedMismatch { kind: string; name: string; stated: string; computed: string }
interface Expected { scale: string | null; categories: ExpectedCategory[]; indicators: number; mismatches: ExpectedMismatch[]; notes: string }

const SUM_RULES = new Set(["category-sum", "inline-sum", "quarter-sum", "target-sum", "unit-total"]);
const CASES = readdirSync(corpus).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, "")).sort();
const LAYOUTS = ["plain", "merged"] as const;

const str = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(corpus, `${name}.expected.json`), "utf8")) as Expected;
}

/** The category an expected entry names: the first whose name holds the expected name, at the expected level. */
function findCategory(books: Book[], expected: ExpectedCategory): Category | undefined {
  const all = books.flatMap(categoriesOf);
  return all.find((c) => c.name.includes(expected.name) && c.level === expected.level) ?? all.find((c) => c.name.includes(expected.name));
}

/** Whether a finding reports a mismatch: same rule, values and place; a mismatch of no rule id ("other", named
 * after the note that states it) by its values alone. */
function reports(finding: Finding, mismatch: ExpectedMismatch): boolean {
  const other = mismatch.kind === "other";
  const rule = other || finding.rule === mismatch.kind;
  const named = other || (finding.category ?? "").includes(mismatch.name) || mismatch.name.includes(finding.category ?? "\u0000")
    || findingMessage(finding, "zh").includes(mismatch.name);
  return rule && named && str(finding.stated) === mismatch.stated && str(finding.computed) === mismatch.computed;
}

const readings = new Map<string, { books: Book[]; findings: Finding[] }>();
beforeAll(async () => {
  for (const name of CASES) {
    for (const layout of LAYOUTS) {
      const { books } = readBooks(await readXlsx(join(corpus, `${name}.${layout}.xlsx`)));
      readings.set(`${name}.${layout}`, { books, findings: checkBooks(books) });
    }
  }
});

describe.each(CASES)("%s", (name) => {
  const expected = expectedOf(name);
  describe.each(LAYOUTS)("%s layout", (layout) => {
    const reading = () => readings.get(`${name}.${layout}`)!;

    test("gives a book", () => {
      expect(reading().books.length).toBeGreaterThan(0);
    });

    test("every category with the points it states", () => {
      const found = expected.categories.map((c) => {
        const category = findCategory(reading().books, c);
        return { name: c.name, level: category?.level ?? null, stated: category ? str(category.points) : "(not found)" };
      });
      expect(found).toEqual(expected.categories.map((c) => ({ name: c.name, level: c.level, stated: c.stated })));
    });

    test("every real mismatch, with its stated and computed values", () => {
      const { findings } = reading();
      const missing = expected.mismatches.filter((m) => !findings.some((f) => reports(f, m)));
      expect(missing).toEqual([]);
    });

    test("no sum error the document does not have", () => {
      const { findings } = reading();
      // A category of a table cut short, whose visible rows do not add up, may be flagged.
      const cutShort = expected.categories.filter((c) => c.stated !== null && c.computed !== null && c.stated !== c.computed);
      const unexpected = findings.filter((f) => SUM_RULES.has(f.rule) && f.severity === "error"
        && !expected.mismatches.some((m) => reports(f, m))
        && !cutShort.some((c) => (f.category ?? "").includes(c.name) && str(f.stated) === c.stated));
      expect(unexpected.map((f) => `${f.rule} ${f.cell} ${findingMessage(f, "zh")}`)).toEqual([]);
    });
  });
});
