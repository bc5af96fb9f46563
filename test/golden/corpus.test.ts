/**
 * Eighteen books from other provinces and offices (test/corpus, see its README), each in two layouts, against
 * the arithmetic worked out by hand in NAME.expected.json: every category with its stated points, every real
 * mismatch with its stated and computed values, and no sum error the document does not have.
 */
import { join } from "path";
import type { Book } from "../../src/core/book";
import { readBooks } from "../../src/core/layout";
import { checkBooks, type Finding } from "../../src/core/rules";
import { readXlsx } from "../../src/cli/xlsxRead";
import { CASES, CORPUS, categoriesFound, categoriesStated, expectedOf, LAYOUTS, mismatchesMissed, sumErrorsUnexpected } from "./corpusExpected";

const readings = new Map<string, { books: Book[]; findings: Finding[] }>();
beforeAll(async () => {
  for (const name of CASES) {
    for (const layout of LAYOUTS) {
      const { books } = readBooks(await readXlsx(join(CORPUS, `${name}.${layout}.xlsx`)));
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
      expect(categoriesFound(reading().books, expected)).toEqual(categoriesStated(expected));
    });

    test("every real mismatch, with its stated and computed values", () => {
      expect(mismatchesMissed(reading().findings, expected)).toEqual([]);
    });

    test("no sum error the document does not have", () => {
      expect(sumErrorsUnexpected(reading().findings, expected)).toEqual([]);
    });
  });
});
