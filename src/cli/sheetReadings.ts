/**
 * The sheets of a workbook as `check --json` and `tree --json` list them: how many books each gave, why one gave
 * none, in the language of the command line, and whether the workbook hides it.
 */
import type { SheetHiding } from "../core/grid";
import type { SheetReading } from "../core/layout";
import { type Language, render } from "../locales";

export interface SheetReadingJson {
  sheet: string;
  books: number;
  message: string | null;
  visibility: "visible" | SheetHiding;
}

/** Why a sheet gave no book, in the given language; null when it gave books. */
export function readingMessage(reading: SheetReading, language: Language): string | null {
  return reading.reason === null ? null : render(reading.reason, language);
}

export function sheetReadingsJson(sheets: SheetReading[], language: Language, hidden: ReadonlyMap<string, SheetHiding> = new Map()): SheetReadingJson[] {
  return sheets.map((s) => ({ sheet: s.sheet, books: s.books, message: readingMessage(s, language), visibility: hidden.get(s.sheet) ?? "visible" }));
}
