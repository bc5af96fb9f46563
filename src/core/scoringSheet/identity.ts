/**
 * The key of each scoring-sheet row, kept in the hidden key column: what the row stands for in the book, never
 * where the book holds it. An indicator's key is its part of the unit's sheet (its own book, a common table by its
 * title, the negative list), its category path, its name and - for names repeated under one category - its order
 * among them; rows an indicator gives more than one add a suffix ("#Q1"). A renamed source sheet, a new title line
 * above the table, rows inserted, deleted or swapped leave every other row's key as it was, so that entries are
 * carried to their own indicator when the sheet is generated again (carry.ts), and a sheet generated from an older
 * book is still checked row by row (entered.ts).
 *
 * Keys read "个性¦经济发展›工业¦生产总值", "共性:共性考核指标¦党建¦党风廉政建设~2#Q1"; keys written before
 * ("sheet!B7|name") are read too.
 */
import type { Book, Category, Indicator } from "../book";
import type { PlanRow, ScoringPlan } from "./plan";

/** Between a key's part, its category path and its name. */
export const KEY_SEPARATOR = "¦";
/** Between the categories of a path. */
export const PATH_SEPARATOR = "›";

/** What a row key says of its row. */
export interface RowIdentity {
  /** The part of the sheet ("个性", "共性:<title>", "负面清单"); null for a key written before (sheet!cell|name). */
  tag: string | null;
  /** Category names from the book's top; for a key written before, the category the sheet showed. */
  path: string[];
  name: string;
  /** 1 for the first of the names repeated under one category path. */
  ordinal: number;
  /** "#Q1", "#P2", "#权重" …; "" for an indicator's own row. */
  suffix: string;
}

/** A name as keys hold it: without spaces. */
export const keyName = (name: string): string => name.replace(/\s+/g, "");

/** The part a book's rows belong to on a unit's sheet. */
export function partTag(book: Book): string {
  if (book.kind === "penalty-list") return "负面清单";
  if (book.kind === "common") return `共性:${keyName(book.unit)}`;
  return "个性";
}

/** The key of an indicator with that identity (suffix included). */
export function identityKey(id: { tag: string; path: string[]; name: string; ordinal: number; suffix: string }): string {
  return `${id.tag}${KEY_SEPARATOR}${id.path.join(PATH_SEPARATOR)}${KEY_SEPARATOR}${id.name}${id.ordinal > 1 ? `~${id.ordinal}` : ""}${id.suffix}`;
}

const SUFFIX = /#(?:Q\d+|P\d+|小计|加分|部分|权重)$/;
const ORDINAL = /~(\d+)$/;
const CELL = /^[A-Z]{1,3}\d+$/;

/** A key written with the book's cells ("sheet!cell|rest") taken apart: its first "!cell|" splits it. */
function legacyParts(key: string): [sheet: string, cell: string, rest: string] | null {
  for (let bang = key.indexOf("!"); bang >= 0; bang = key.indexOf("!", bang + 1)) {
    const bar = key.indexOf("|", bang);
    if (bar < 0) return null;
    const cell = key.slice(bang + 1, bar);
    if (CELL.test(cell)) return [key.slice(0, bang), cell, key.slice(bar + 1)];
  }
  return null;
}

function nameAndSuffix(rest: string): { name: string; ordinal: number; suffix: string } {
  const suffix = SUFFIX.exec(rest)?.[0] ?? "";
  let name = rest.slice(0, rest.length - suffix.length);
  const ordinal = ORDINAL.exec(name);
  if (ordinal) name = name.slice(0, ordinal.index);
  return { name, ordinal: ordinal ? Number(ordinal[1]) : 1, suffix };
}

/** What a row key says (`category`: the category the sheet shows, for keys written before); null for keys of rows
 * that stand for no indicator (a category's subtotal, a part's weight, the veto). */
export function parseRowKey(key: string, category: string | null): RowIdentity | null {
  const parts = key.split(KEY_SEPARATOR);
  if (parts.length === 3) {
    const { name, ordinal, suffix } = nameAndSuffix(parts[2]);
    return { tag: parts[0], path: parts[1] === "" ? [] : parts[1].split(PATH_SEPARATOR), name, ordinal, suffix };
  }
  if (parts.length === 2) {
    // A book's own bonus row ("个性¦加分项目").
    const { name, ordinal, suffix } = nameAndSuffix(parts[1]);
    return suffix === "" ? { tag: parts[0], path: [], name, ordinal, suffix } : null;
  }
  const legacy = legacyParts(key);
  if (!legacy) return null;
  const { name, suffix } = nameAndSuffix(legacy[2]);
  if (suffix !== "" && !/^#[QP]\d+$/.test(suffix)) return null;
  return { tag: null, path: category ? [keyName(category)] : [], name: keyName(name), ordinal: 1, suffix };
}

/** Where a cell of a book sits: an indicator, a category or the book's own cell. */
type Place =
  | { kind: "indicator"; book: Book; indicator: Indicator; key: string }
  | { kind: "category"; book: Book; category: Category; key: string }
  | { kind: "book"; book: Book };

/** Every indicator and category of the books, by "sheet!cell", with its key. */
function places(books: Book[]): Map<string, Place[]> {
  const at = new Map<string, Place[]>();
  const add = (sheet: string, cell: string, place: Place) => {
    const id = `${sheet}!${cell}`;
    const list = at.get(id);
    if (list) list.push(place);
    else at.set(id, [place]);
  };
  for (const book of books) {
    add(book.sheet, book.cell, { kind: "book", book });
    const tag = partTag(book);
    const seen = new Map<string, number>();
    const visit = (categories: Category[], path: string[]) => {
      for (const category of categories) {
        const inner = [...path, keyName(category.name)];
        add(category.sheet, category.cell, { kind: "category", book, category, key: `${tag}${KEY_SEPARATOR}${inner.join(PATH_SEPARATOR)}` });
        for (const indicator of category.indicators) {
          const name = keyName(indicator.name);
          const group = `${inner.join(PATH_SEPARATOR)}${KEY_SEPARATOR}${name}`;
          const ordinal = (seen.get(group) ?? 0) + 1;
          seen.set(group, ordinal);
          add(indicator.sheet, indicator.cell, { kind: "indicator", book, indicator, key: identityKey({ tag, path: inner, name, ordinal, suffix: "" }) });
        }
        visit(category.categories, inner);
      }
    };
    visit(book.categories, []);
  }
  return at;
}

/** The stable key for a key written with the book's cells ("sheet!cell|rest"), or null when none is found. */
function placeKey(key: string, at: Map<string, Place[]>, want: "indicator" | "category"): string | null {
  const m = legacyParts(key);
  if (!m) return null;
  const found = at.get(`${m[0]}!${m[1]}`) ?? [];
  const rest = m[2];
  const place = found.find((p) => p.kind === want && rest.startsWith(p.kind === "indicator" ? p.indicator.name : p.category.name))
    ?? found.find((p) => p.kind === "category" && rest.startsWith(p.category.name))
    ?? found.find((p) => p.kind === "book");
  if (!place) return null;
  if (place.kind === "indicator") return place.key + rest.slice(place.indicator.name.length);
  if (place.kind === "category") return place.key + rest.slice(place.category.name.length);
  const tag = partTag(place.book);
  return rest.startsWith(`${place.book.unit}#`) ? tag + rest.slice(place.book.unit.length) : `${tag}${KEY_SEPARATOR}${keyName(rest)}`;
}

/** The key by what it stands for of a key written with the book's cells, for a plan's row (null: a part's weight). */
export type StableKeys = (key: string, row: PlanRow | null) => string;

/** Stable keys in the books (`books`: all the workbook's books, the negative list's among them); each key is looked
 * up once (a common table's rows recur on every unit's sheet). */
export function stableKeys(books: Book[]): StableKeys {
  const at = places(books);
  const found = { indicator: new Map<string, string>(), category: new Map<string, string>() };
  return (key, row) => {
    const want = row?.source && row.kind !== "section" ? "indicator" : "category";
    let stable = found[want].get(key);
    if (stable === undefined) found[want].set(key, (stable = placeKey(key, at, want) ?? key));
    return stable;
  };
}

/** Each plan's keys before they were made stable, rows then parts: keys as sheets generated before wrote them
 * ("sheet!cell|name"). Kept as a list; the map of legacyKeys is made only when a sheet is checked. */
const KEYS_BEFORE = new WeakMap<ScoringPlan, readonly string[]>();

/** Keeps a plan's keys from before they were made stable (rows then parts). */
export function keepKeysBefore(plan: ScoringPlan, before: readonly string[]): void {
  KEYS_BEFORE.set(plan, before);
}

/** The keys a sheet generated before holds for this plan's rows (as long as the book has not moved), to the rows'
 * keys now: such a sheet is still checked row by row. */
export function legacyKeys(plan: ScoringPlan): ReadonlyMap<string, string> {
  const before = KEYS_BEFORE.get(plan) ?? [];
  const now = [...plan.rows.map((row) => row.key), ...plan.parts.map((part) => part.key)];
  const aliases = new Map<string, string>();
  before.forEach((key, i) => {
    if (key !== now[i]) aliases.set(key, now[i]);
  });
  return aliases;
}

/** Each indicator of the books by its key. */
export function indicatorsByKey(books: Book[]): Map<string, Indicator> {
  const byKey = new Map<string, Indicator>();
  for (const list of places(books).values()) for (const place of list) if (place.kind === "indicator") byKey.set(place.key, place.indicator);
  return byKey;
}
