/**
 * The arithmetic of a corpus book worked out by hand (test/corpus/NAME.expected.json), and how a reading is held
 * against it: every category with its stated points, every real mismatch, no sum error the document does not have.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { categoriesOf, type Book, type Category } from "../../src/core/book";
import { findingMessage, type Finding } from "../../src/core/rules";

export const CORPUS = join(__dirname, "..", "corpus");
export const CASES = readdirSync(CORPUS).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, "")).sort();
export const LAYOUTS = ["plain", "merged"] as const;

interface ExpectedCategory { name: string; stated: string | null; computed: string | null; level: number }
interface ExpectedMismatch { kind: string; name: string; stated: string; computed: string }
export interface Expected { scale: string | null; categories: ExpectedCategory[]; indicators: number; mismatches: ExpectedMismatch[]; notes: string }

const SUM_RULES = new Set(["category-sum", "inline-sum", "quarter-sum", "target-sum", "unit-total"]);

const str = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

export function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), "utf8")) as Expected;
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

/** Each expected category as found: its level and stated points, "(not found)" when it is missing. */
export function categoriesFound(books: Book[], expected: Expected): { name: string; level: number | null; stated: string | null }[] {
  return expected.categories.map((c) => {
    const category = findCategory(books, c);
    return { name: c.name, level: category?.level ?? null, stated: category ? str(category.points) : "(not found)" };
  });
}

/** The categories as the document states them, in the form categoriesFound gives. */
export function categoriesStated(expected: Expected): { name: string; level: number | null; stated: string | null }[] {
  return expected.categories.map((c) => ({ name: c.name, level: c.level, stated: c.stated }));
}

/** The real mismatches no finding reports. */
export function mismatchesMissed(findings: Finding[], expected: Expected): ExpectedMismatch[] {
  return expected.mismatches.filter((m) => !findings.some((f) => reports(f, m)));
}

/** Sum errors the document does not have, as "rule cell message". */
export function sumErrorsUnexpected(findings: Finding[], expected: Expected): string[] {
  // A category of a table cut short, whose visible rows do not add up, may be flagged.
  const cutShort = expected.categories.filter((c) => c.stated !== null && c.computed !== null && c.stated !== c.computed);
  return findings
    .filter((f) => SUM_RULES.has(f.rule) && f.severity === "error"
      && !expected.mismatches.some((m) => reports(f, m))
      && !cutShort.some((c) => (f.category ?? "").includes(c.name) && str(f.stated) === c.stated))
    .map((f) => `${f.rule} ${f.cell} ${findingMessage(f, "zh")}`);
}
