/**
 * Scores already entered in a book's own score columns (自评分, 考核得分, 实得分, 扣减分数 …): a returned score
 * sheet is checked as it is, like the entries of a generated scoring sheet - score-range for a number out of the
 * row's range, entered-value for text where a number belongs. Columns that take words (扣分原因, 考核结果) are left
 * alone.
 */
import { categoriesOf, type Book, type Entry } from "../book";
import { clipText } from "../clip";
import { dec } from "../decimal";
import { at, finding, type Finding } from "./finding";
import { scoreRange, type EnteredScore } from "./scores";

/** Score columns hold points: their labels end in 分 (得分, 自评分, 核准分, 扣减分数). */
const NUMBER_COLUMN = /分数?$/;
const DEDUCTION_COLUMN = /扣/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function numberOf(entry: Entry): string | null {
  if (typeof entry.value === "number" && Number.isFinite(entry.value)) return String(entry.value);
  if (typeof entry.value === "string" && NUMBER.test(entry.value.trim())) return entry.value.trim();
  return null;
}

export function bookEntries(book: Book): Finding[] {
  const scores: EnteredScore[] = [];
  const findings: Finding[] = [];
  for (const category of categoriesOf(book)) {
    for (const indicator of category.indicators) {
      for (const entry of indicator.entries) {
        if (!NUMBER_COLUMN.test(entry.label)) continue;
        const number = numberOf(entry);
        if (number === null) {
          const shown = String(entry.value);
          findings.push(finding(
            { rule: "entered-value", severity: "error", ...at(book, entry.cell, category.name), stated: null, computed: null },
            "entered-value.book", { indicator: clipText(indicator.name, 20), label: entry.label, value: clipText(shown, 20) },
          ));
          continue;
        }
        scores.push({
          book, indicator, score: dec(number), sheet: book.sheet, cell: entry.cell, category: category.name,
          entry: DEDUCTION_COLUMN.test(entry.label) ? "deduction" : "score",
          label: { column: entry.label },
        });
      }
    }
  }
  return [...findings, ...scoreRange(scores)];
}
