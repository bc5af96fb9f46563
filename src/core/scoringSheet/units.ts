/**
 * Who is assessed on which books. A unit's scoring sheet holds its own book and the common tables (共性考核指标)
 * that apply to it; a common table is never a unit of its own. A common table applies to the units it lists
 * ("1.县税务局 2.县环保局 …"), or else to the unit books that follow it in the workbook up to the next table that is
 * not a unit's or the next numbered part of the document ("三、产业园区管委会…"). Tables that are not a unit's - a
 * higher level's targets decomposed onto responsible units (任务分解), a common table no unit was found for - are
 * scored on a sheet of their own but not ranked. Negative lists are scored on every unit's sheet (plan.ts).
 */
import type { Book } from "../book";

export interface AssessedUnit {
  unit: string;
  /** The units' group, for ranking within it ("镇（办、中心）", "党委工作部门"); null when the books name none. */
  group: string | null;
  /** The books scored on the unit's sheet: its own first (when it has one), then the common tables that apply. */
  books: Book[];
  /** False for tables that are not a unit's: scored, left out of the ranking. */
  ranked: boolean;
}

const UNIT_KINDS: ReadonlySet<Book["kind"]> = new Set(["unit", "matrix"]);

/** A numbered part of the document: "二、县直部门目标责任考核指标". */
const PART_HEADING = /^[一二三四五六七八九十]+[、.．]/;

/** The name of a group of units from a table title: numbering and the usual suffixes dropped. */
export function groupLabel(title: string | null): string | null {
  if (title === null) return null;
  const label = title
    .replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*/, "")
    .replace(/^各/, "")
    .replace(/(?:\d{4}年度?)?(?:目标责任考核指标|共性考核指标|考核指标|目标责任书|考核细则|考核办法)$/, "")
    .trim();
  return label === "" ? title.trim() : label;
}

const unitsOf = (book: Book): string[] => (book.units.length > 0 ? book.units : [book.unit]);

/** The unit books a common table without a list of units applies to: those that follow it, up to the next part. */
function followingUnitBooks(books: Book[], from: number): Book[] {
  const found: Book[] = [];
  for (let i = from + 1; i < books.length; i++) {
    const book = books[i];
    if (book.kind === "penalty-list") continue;
    if (!UNIT_KINDS.has(book.kind)) break;
    if (found.length > 0 && book.titles.some((t) => PART_HEADING.test(t.trim()))) break;
    found.push(book);
  }
  return found;
}

/** Every assessed unit of a workbook's books, in book order. */
export function assessedUnits(books: Book[]): AssessedUnit[] {
  const commonsOf = new Map<Book, Book[]>();
  const attach = (own: Book, common: Book) => commonsOf.set(own, [...(commonsOf.get(own) ?? []), common]);
  /** Units a common table lists that have no book of their own, by the common table. */
  const listedOnly = new Map<Book, string[]>();
  const byUnit = new Map<string, Book>();
  for (const book of books) if (UNIT_KINDS.has(book.kind)) for (const unit of unitsOf(book)) if (!byUnit.has(unit)) byUnit.set(unit, book);

  books.forEach((book, i) => {
    if (book.kind !== "common") return;
    if (book.units.length > 0) {
      const own = book.units.filter((u) => byUnit.has(u));
      for (const unit of own) attach(byUnit.get(unit)!, book);
      listedOnly.set(book, book.units.filter((u) => !byUnit.has(u)));
    } else {
      for (const own of followingUnitBooks(books, i)) attach(own, book);
    }
  });
  const applied = new Set([...commonsOf.values()].flat());

  const result: AssessedUnit[] = [];
  // A unit book without a group of its own belongs to the group of the unit book before it (a workbook with one
  // sheet per unit names the group on the first unit's sheet only), up to the next part of the document.
  let lastGroup: string | null = null;
  for (const book of books) {
    if (book.kind === "penalty-list") continue;
    if (!UNIT_KINDS.has(book.kind) || book.titles.some((t) => PART_HEADING.test(t.trim()))) lastGroup = null;
    if (UNIT_KINDS.has(book.kind)) {
      const commons = commonsOf.get(book) ?? [];
      lastGroup = book.group ?? lastGroup;
      for (const unit of unitsOf(book)) {
        result.push({ unit, group: groupLabel(lastGroup ?? commons[0]?.unit ?? null), books: [book, ...commons], ranked: true });
      }
    } else if (book.kind === "common" && (listedOnly.get(book)?.length ?? 0) > 0) {
      for (const unit of listedOnly.get(book)!) result.push({ unit, group: groupLabel(book.unit), books: [book], ranked: true });
    } else if (!(book.kind === "common" && applied.has(book))) {
      result.push({ unit: book.unit, group: null, books: [book], ranked: false });
    }
  }
  return result;
}
