/**
 * Responsible units (责任单位, 牵头单位) as offices, not strings: a joint owner ("县发改局、县卫健局、县民政局",
 * "县发改局牵头，县财政局配合", one name per line) is split into its units, the first or the one marked 牵头 leading;
 * and two names of one office ("县卫健局" / "县卫生健康局", "县委办" / "县委办公室", "县发改局" / "县发展改革和科技局")
 * are taken for one, by the table of common pairs (src/core/vocabulary/owners.ts), by the usual way a name is
 * shortened (the same place and kind of office, the short core's characters in order in the long one, starting alike)
 * when only one longer name fits, and by the user's own table (a JSON file beside the workbook, a 单位别名 sheet).
 * An office is named as the book names it: the user's name for it, else its longest name in the books.
 */
import { z } from "zod";
import type { CellGrid } from "../grid";
import {
  ENDS_AS_UNIT, LEAD_ROLE, NEXT_PLACE, OWNER_ALIASES, OWNER_JOINERS, OWNER_PLACE, OWNER_ROLE_AFTER, OWNER_ROLE_LABEL, OWNER_SEPARATORS,
  OWNER_SUFFIXES, OWNER_TRAILER, RUN_TOGETHER, SAME_SUFFIX,
} from "../vocabulary/owners";

/** One unit named in an owner cell, and whether it leads the indicator. */
export interface OwnerShare {
  name: string;
  lead: boolean;
}

/** A user's names of offices: each alias and each chosen name, to the chosen name. */
export type OwnerAliases = ReadonlyMap<string, string>;

/** The sheet a user lists aliases on: the name to use in the first column, its other names beside it. */
export const OWNER_ALIAS_SHEET = "单位别名";

const OPEN = new Set(["（", "("]);
const CLOSE = new Set(["）", ")"]);
const SPACE = /\s/;

/** The text cut at its separators outside brackets; 和/及/与, spaces and line breaks cut only after a unit's name
 * (inside a name they are dropped: a name split over two lines is one name); two names run together ("县卫健局县医保局")
 * cut where the second one's place starts. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let depth = 0;
  const cut = () => {
    if (current.trim() !== "") out.push(current.trim());
    current = "";
  };
  const chars = Array.from(text);
  chars.forEach((c, i) => {
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    if (depth > 0) {
      current += c;
      return;
    }
    const rest = chars.slice(i + 1).join("").trim();
    if (OWNER_SEPARATORS.test(c)) cut();
    else if (RUN_TOGETHER.test(current.trim()) && NEXT_PLACE.test(chars.slice(i).join("")) && Array.from(current.trim()).length >= 2) {
      cut();
      current = c;
    }
    else if (SPACE.test(c) || OWNER_JOINERS.test(c)) {
      const endsAsUnit = ENDS_AS_UNIT.test(current.trim()) || OWNER_ROLE_AFTER.test(current.trim());
      if (endsAsUnit && Array.from(rest).length >= 2) cut();
      else if (!SPACE.test(c)) current += c;
    } else current += c;
  });
  cut();
  return out;
}

/** The units of an owner cell, in order, each once; the lead first named or marked 牵头. */
export function splitOwners(text: string | null): OwnerShare[] {
  if (text === null || text.trim() === "") return [];
  const marked: { name: string; role: boolean | null }[] = [];
  // Role labels ("牵头单位：…；配合单位：…") say what the names after them do.
  const labels = [...text.matchAll(OWNER_ROLE_LABEL)];
  const parts = labels.length === 0
    ? [{ text, role: null as boolean | null }]
    : [
        { text: text.slice(0, labels[0].index), role: null as boolean | null },
        ...labels.map((m, i) => ({ text: text.slice(m.index + m[0].length, labels[i + 1]?.index ?? text.length), role: LEAD_ROLE.test(m[1]) })),
      ];
  for (const part of parts) {
    for (const piece of pieces(part.text)) {
      let name = piece.replace(OWNER_TRAILER, "").trim();
      let role = part.role;
      const after = OWNER_ROLE_AFTER.exec(name);
      if (after) {
        role = LEAD_ROLE.test(after[1] ?? after[2]);
        name = name.slice(0, after.index).trim();
      }
      if (name === "" || marked.some((m) => m.name === name)) continue;
      marked.push({ name, role });
    }
  }
  const explicitLead = marked.some((m) => m.role === true);
  const firstUnmarked = marked.findIndex((m) => m.role !== false);
  return marked.map((m, i) => ({ name: m.name, lead: explicitLead ? m.role === true : i === firstUnmarked }));
}

interface NameParts {
  place: string;
  core: string;
  suffix: string;
}

function nameParts(name: string): NameParts {
  const place = OWNER_PLACE.exec(name)?.[1] ?? "";
  const rest = name.slice(place.length);
  const suffix = OWNER_SUFFIXES.find((s) => rest.length > s.length && rest.endsWith(s)) ?? "";
  return { place, core: rest.slice(0, rest.length - suffix.length), suffix };
}

/** Whether `short` is `long` shortened the usual way: the same place and kind of office (办 for 办公室, 委 for
 * 委员会), and the short core's characters in order in the long one, starting alike ("卫健" in "卫生健康"). */
export function abbreviates(short: string, long: string): boolean {
  const a = nameParts(short);
  const b = nameParts(long);
  if (a.place !== b.place || a.suffix === "" || b.suffix === "") return false;
  if (a.suffix !== b.suffix && SAME_SUFFIX[a.suffix] !== b.suffix) return false;
  if (a.core === b.core) return a.suffix !== b.suffix;
  const core = Array.from(a.core);
  const full = Array.from(b.core);
  if (core.length < 2 || core.length >= full.length || core[0] !== full[0]) return false;
  let at = 0;
  for (const c of core) {
    at = full.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The line of the common-pairs table a name is on, with its place: "县|12" for 县卫健局 and 县卫生健康局. */
function tableKeys(name: string): string[] {
  const place = OWNER_PLACE.exec(name)?.[1] ?? "";
  const keys: string[] = [];
  OWNER_ALIASES.forEach((line, index) => {
    if (line.includes(name)) keys.push(`|${index}`);
    if (place !== "" && line.includes(name.slice(place.length))) keys.push(`${place}|${index}`);
  });
  return keys;
}

/**
 * The offices behind a set of names: `office(name)` is the name an office is listed under. Built once over every name
 * the books give, so that a short name is taken for a longer one only when a single office fits.
 */
export class OwnerOffices {
  private readonly root = new Map<string, string>();
  private readonly chosen = new Map<string, string>();

  constructor(names: Iterable<string>, aliases: OwnerAliases = new Map()) {
    const seen = [...new Set([...names].map((n) => aliases.get(n) ?? n))];
    for (const name of seen) this.root.set(name, name);
    // The common pairs and the user's table first, then the usual shortenings, longest names first.
    const byKey = new Map<string, string>();
    for (const name of seen) {
      for (const key of tableKeys(name)) {
        const other = byKey.get(key);
        if (other === undefined) byKey.set(key, name);
        else this.union(other, name);
      }
    }
    const longestFirst = [...seen].sort((a, b) => Array.from(b).length - Array.from(a).length);
    for (const name of longestFirst) {
      const offices = new Set(longestFirst.filter((long) => long !== name && abbreviates(name, long)).map((long) => this.find(long)));
      offices.delete(this.find(name));
      if (offices.size === 1) this.union([...offices][0], name);
    }
    // Each office under the user's name for it, else its longest name (the first given when two are as long).
    const userNames = new Set(aliases.values());
    for (const name of seen) {
      const root = this.find(name);
      const current = this.chosen.get(root);
      const better = current === undefined
        || (userNames.has(name) && !userNames.has(current))
        || (userNames.has(name) === userNames.has(current) && Array.from(name).length > Array.from(current).length);
      if (better) this.chosen.set(root, name);
    }
    for (const [alias, name] of aliases) if (!this.root.has(alias)) this.root.set(alias, name);
  }

  private find(name: string): string {
    let root = this.root.get(name) ?? name;
    while (this.root.get(root) !== undefined && this.root.get(root) !== root) root = this.root.get(root)!;
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.root.set(rb, ra);
  }

  /** The name the office of `name` is listed under. */
  office(name: string): string {
    return this.chosen.get(this.find(name)) ?? name;
  }
}

/** An item with its owner cell, and the offices it belongs to. */
export interface OwnedItem<T> {
  item: T;
  /** The office the row is listed under. */
  owner: string;
  lead: boolean;
  /** The other offices of the same item, in order, with whether each leads. */
  others: OwnerShare[];
}

/**
 * Every item under each office that leads or shares it, offices in the order the books first name them. An item
 * without an owner is listed under `none`.
 */
export function itemsByOwner<T>(items: { item: T; owner: string | null }[], none: string, aliases: OwnerAliases = new Map()): Map<string, OwnedItem<T>[]> {
  const split = items.map(({ item, owner }) => ({ item, shares: splitOwners(owner) }));
  const offices = new OwnerOffices(split.flatMap((s) => s.shares.map((share) => share.name)), aliases);
  const byOwner = new Map<string, OwnedItem<T>[]>();
  for (const { item, shares } of split) {
    const merged: OwnerShare[] = [];
    for (const share of shares) {
      const name = offices.office(share.name);
      const known = merged.find((m) => m.name === name);
      if (known) known.lead ||= share.lead;
      else merged.push({ name, lead: share.lead });
    }
    if (merged.length === 0) merged.push({ name: none, lead: true });
    for (const share of merged) {
      const list = byOwner.get(share.name) ?? [];
      list.push({ item, owner: share.name, lead: share.lead, others: merged.filter((m) => m !== share) });
      byOwner.set(share.name, list);
    }
  }
  return byOwner;
}

/** The aliases of `entries` (a chosen name and its other names) added to `into`. */
function addAliases(into: Map<string, string>, name: string, others: string[]): void {
  const chosen = name.trim();
  if (chosen === "") return;
  into.set(chosen, chosen);
  for (const other of others.map((o) => o.trim()).filter(Boolean)) if (other !== chosen) into.set(other, chosen);
}

/** A user's alias file: `{"县发展改革和科技局": ["县发改局", "发改局"], "县委办公室": "县委办"}`. */
export const ownerAliasFileSchema = /*#__PURE__*/ z.lazy(() => z.record(z.string().min(1), z.union([z.string(), z.array(z.string())])));

/** The aliases of a parsed alias file (throws zod's error when it is not one). */
export function aliasesFromJson(value: unknown): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [name, others] of Object.entries(ownerAliasFileSchema.parse(value))) addAliases(aliases, name, Array.isArray(others) ? others : [others]);
  return aliases;
}

/** A header row of the alias sheet ("单位名称 | 别名"), not a pair. */
const ALIAS_HEADER = /^(规范名称|标准名称|单位名称|单位全称|全称|名称|单位|统一名称|别名|简称|其他名称)$/;

/** The aliases a 单位别名 sheet lists: in each row the name to use first, its other names in the cells beside it (or
 * in one cell, separated by 、). */
export function aliasesFromGrid(grid: CellGrid): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const row of grid.values) {
    const texts = row.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
    if (texts.length < 2 || texts.every((t) => ALIAS_HEADER.test(t))) continue;
    addAliases(aliases, texts[0], texts.slice(1).flatMap((t) => t.split(OWNER_SEPARATORS)));
  }
  return aliases;
}

/** The aliases of the workbooks' 单位别名 sheets and of the user's files, later ones winning. */
export function mergeAliases(...tables: (OwnerAliases | null | undefined)[]): Map<string, string> {
  const merged = new Map<string, string>();
  for (const table of tables) for (const [alias, name] of table ?? []) merged.set(alias, name);
  return merged;
}

/** The aliases listed on the 单位别名 sheets among `grids`. */
export function aliasesFromSheets(grids: CellGrid[]): Map<string, string> {
  return mergeAliases(...grids.filter((g) => g.sheet.trim() === OWNER_ALIAS_SHEET).map(aliasesFromGrid));
}
