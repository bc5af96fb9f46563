/**
 * Carrying what was entered on the scoring sheets to the sheets generated again from the (perhaps edited) books.
 *
 * A sheet goes to the unit's new sheet: the same sheet key, else the same unit (a renamed source sheet or a new
 * title line above the table changes where the book sits, not whom it scores). Its rows go by key (identity.ts):
 * - kept: the same key - the same part, category path and name - on the new sheet. Where a name is repeated under
 *   one category, the rows are paired by their target text first, so that an indicator inserted above its namesake
 *   never takes the namesake's entries;
 * - moved: a second, tolerant pass for an indicator whose key is gone, paired with one that is new on the sheet:
 *   the same name under another category (a moved row), or a name a small edit away (a typo fixed) under the same
 *   category or with the same target text - and only when exactly one such pair exists;
 * - set aside: everything else (a deleted indicator, an ambiguous pair, an entry in a column the new row no longer
 *   takes, a sheet whose unit is gone), kept with its old place on the 未匹配的录入 sheet (unmatched.ts).
 * An entry is never put on another indicator, and never dropped. Each entry keeps its type (sheet writing: entries.ts).
 */
import { ROW_KINDS, inputColumns } from "./kinds";
import { PATH_SEPARATOR, keyName, parseRowKey, type RowIdentity } from "./identity";
import { emptyInputs, isEntered, type EnteredCell, type RowEntries, type SheetInputs } from "./inputs";
import { PART_WEIGHT_SUFFIX, type PlanRow, type ScoringPlan } from "./plan";
import { hasEntries, rowInputsOf, type ReadRow, type ReadScoringSheet } from "./read";
import { sheetKey } from "./sheet";

/** What goes onto one new sheet: the entries by the new row keys (typed, and as the engine reads them). */
export interface CarriedSheet {
  inputs: SheetInputs;
  entries: Map<string, RowEntries>;
  veto: EnteredCell | null;
}

/** An entry that found no row: where it was and what it held. */
export interface SetAsideEntry {
  sheet: string;
  /** Its row on the old sheet (1-based). */
  row: number;
  unit: string;
  category: string | null;
  /** The indicator as the old sheet named it ("一票否决" for the veto). */
  name: string | null;
  key: string;
  entries: RowEntries;
  /** The headers of the old sheet's group columns. */
  groups: string[];
}

export interface Carried {
  sheets: Map<ScoringPlan, CarriedSheet>;
  setAside: SetAsideEntry[];
  /** Entries (rows with something entered, and vetoes) on their own indicator's row. */
  kept: number;
  /** Entries put on a row by the tolerant pass (a name or a category changed). */
  moved: number;
}

const VETO_NAME = "一票否决";

/** The edit distance between two names (characters, not UTF-16 units). */
export function editDistance(a: string, b: string): number {
  const x = [...a], y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** A row of the new sheet that takes entries, and the columns it takes them in. */
interface NewRow {
  key: string;
  row: PlanRow | null;
  columns: Set<"actual" | "deduction" | "groups" | "note">;
}

/** One indicator as a sheet holds it: its identity (suffix ""), its rows by suffix, its target text. */
interface Entity<R> {
  main: string;
  id: RowIdentity;
  rows: Map<string, R>;
  text: string | null;
  /** Its group (part, path, name) as keys hold it, and as keys written before can say it (category, name). */
  group: string;
  loose: string;
}

const text = (t: string | null | undefined) => (t ? keyName(t) || null : null);
const groupOf = (id: RowIdentity) => `${id.tag ?? "?"}|${id.path.join(PATH_SEPARATOR)}|${id.name}`;
const looseOf = (id: RowIdentity) => `${id.path[id.path.length - 1] ?? ""}|${id.name}`;

function entities<R>(rows: { key: string; category: string | null; text: string | null; value: R }[]): Map<string, Entity<R>> {
  const found = new Map<string, Entity<R>>();
  for (const { key, category, text: shown, value } of rows) {
    const id = parseRowKey(key, category);
    if (!id) continue;
    const main = key.slice(0, key.length - id.suffix.length);
    let entity = found.get(main);
    if (!entity) {
      const mainId = { ...id, suffix: "" };
      entity = { main, id: mainId, rows: new Map(), text: null, group: groupOf(mainId), loose: looseOf(mainId) };
      found.set(main, entity);
    }
    entity.rows.set(id.suffix, value);
    if (id.suffix === "") entity.text = text(shown);
  }
  // Keys written before say nothing of a name's order under its category: count it in sheet order.
  const seen = new Map<string, number>();
  for (const entity of found.values()) {
    if (entity.id.tag !== null) continue;
    const ordinal = (seen.get(entity.group) ?? 0) + 1;
    seen.set(entity.group, ordinal);
    entity.id.ordinal = ordinal;
  }
  return found;
}

function countBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

type Pairing = Map<string, { to: string; moved: boolean }>;

/** Pass one: the same identity. Names repeated under one category pair by their target text first. */
function pairSame(olds: Entity<ReadRow>[], news: Entity<NewRow>[], taken: Set<string>, pairs: Pairing): void {
  const groupKey = (e: Entity<unknown>, legacy: boolean) => (legacy ? e.loose : e.group);
  for (const legacy of [false, true]) {
    const mine = olds.filter((o) => (o.id.tag === null) === legacy && !pairs.has(o.main));
    const byGroup = new Map<string, Entity<ReadRow>[]>();
    for (const o of mine) byGroup.set(groupKey(o, legacy), [...(byGroup.get(groupKey(o, legacy)) ?? []), o]);
    const newByGroup = new Map<string, Entity<NewRow>[]>();
    for (const n of news) newByGroup.set(groupKey(n, legacy), [...(newByGroup.get(groupKey(n, legacy)) ?? []), n]);
    for (const [group, oldGroup] of byGroup) {
      const newGroup = (newByGroup.get(group) ?? []).filter((n) => !taken.has(n.main));
      if (newGroup.length === 0) continue;
      const pair = (o: Entity<ReadRow>, n: Entity<NewRow>) => {
        pairs.set(o.main, { to: n.main, moved: false });
        taken.add(n.main);
      };
      if (oldGroup.length === 1 && newGroup.length === 1) {
        pair(oldGroup[0], newGroup[0]);
        continue;
      }
      // Several of one name: the same target text, in order; then a last one of each.
      for (const o of oldGroup) {
        const n = o.text === null ? undefined : newGroup.find((c) => !taken.has(c.main) && c.text === o.text);
        if (n) pair(o, n);
      }
      const oldLeft = oldGroup.filter((o) => !pairs.has(o.main));
      const newLeft = newGroup.filter((n) => !taken.has(n.main));
      if (oldLeft.length === 1 && newLeft.length === 1) pair(oldLeft[0], newLeft[0]);
    }
  }
}

/** How near a gone indicator is to a new one (lower is nearer), or null when they are not to be paired. */
function nearness(o: Entity<ReadRow>, n: Entity<NewRow>): number | null {
  if (o.id.tag !== null && o.id.tag !== n.id.tag) return null;
  const samePath = o.id.tag === null ? o.loose.split("|")[0] === (n.id.path[n.id.path.length - 1] ?? "") : o.id.path.join(PATH_SEPARATOR) === n.id.path.join(PATH_SEPARATOR);
  const sameText = o.text !== null && o.text === n.text;
  if (o.id.name === n.id.name) return samePath ? null : 1;
  const d = editDistance(o.id.name, n.id.name);
  const shorter = Math.min([...o.id.name].length, [...n.id.name].length);
  if (d <= Math.max(1, Math.floor(shorter / 5)) && (samePath || sameText)) return 1 + d;
  if (sameText && samePath && d <= shorter / 2) return 2 + d;
  return null;
}

/** Pass two: a gone indicator with entries and one new on the sheet, when they are each other's only nearest. */
function pairNear(olds: Entity<ReadRow>[], news: Entity<NewRow>[], taken: Set<string>, pairs: Pairing): void {
  const oldGroups = new Set(olds.map((o) => (o.id.tag === null ? `?${o.loose}` : o.group)));
  const newGroups = new Set(news.flatMap((n) => [n.group, `?${n.loose}`]));
  const gone = olds.filter((o) => !pairs.has(o.main) && [...o.rows.values()].some((r) => hasEntries(r.entries)) && !newGroups.has(o.id.tag === null ? `?${o.loose}` : o.group));
  const fresh = news.filter((n) => !taken.has(n.main) && !oldGroups.has(n.group) && !oldGroups.has(`?${n.loose}`));
  const near = gone.flatMap((o) => fresh.flatMap((n) => {
    const score = nearness(o, n);
    return score === null ? [] : [{ o, n, score }];
  }));
  const best = <T>(list: { score: number; v: T }[]) => {
    const low = Math.min(...list.map((x) => x.score));
    const at = list.filter((x) => x.score === low);
    return at.length === 1 ? at[0].v : null;
  };
  for (const { o, n } of near) {
    const forOld = best(near.filter((x) => x.o === o).map((x) => ({ score: x.score, v: x.n })));
    const forNew = best(near.filter((x) => x.n === n).map((x) => ({ score: x.score, v: x.o })));
    if (forOld === n && forNew === o && !pairs.has(o.main) && !taken.has(n.main)) {
      pairs.set(o.main, { to: n.main, moved: true });
      taken.add(n.main);
    }
  }
}

/** The rows of a plan that take entries: every row but totals (备注 and the kind's input columns), and the parts'
 * weights on a sheet of several parts. */
function newRows(plan: ScoringPlan): NewRow[] {
  const rows: NewRow[] = plan.rows
    .filter((row) => !ROW_KINDS[row.kind].total)
    .map((row) => ({ key: row.key, row, columns: new Set([...inputColumns(row.kind), "note" as const]) }));
  if (plan.parts.length > 1) for (const part of plan.parts) rows.push({ key: part.key, row: null, columns: new Set(["actual"]) });
  return rows;
}

/** Whether every entry of an old row has a column to go to on the new row. */
function fits(entries: RowEntries, to: NewRow, groups: number): boolean {
  if (isEntered(entries.actual) && !to.columns.has("actual")) return false;
  if (isEntered(entries.deduction) && !to.columns.has("deduction")) return false;
  if (isEntered(entries.note) && !to.columns.has("note")) return false;
  return entries.groups.every((g, i) => !isEntered(g) || (to.columns.has("groups") && i < groups));
}

/** A part's weight entered as the sheet wrote it (equal shares) is no entry of the assessor's. */
function changedWeight(sheet: ReadScoringSheet, row: ReadRow): boolean {
  const weights = sheet.rows.filter((r) => r.key.endsWith(PART_WEIGHT_SUFFIX)).length;
  const v = row.entries.actual;
  return !(v?.type === "number" && typeof v.value === "number" && Math.abs(v.value - 1 / weights) < 1e-12) && hasEntries(row.entries);
}

/** The new sheet each old sheet goes to: the same key, else the one sheet of the same unit. */
function sheetsFor(plans: ScoringPlan[], olds: ReadScoringSheet[]): Map<ReadScoringSheet, ScoringPlan> {
  const byKey = new Map(plans.map((p) => [sheetKey(p), p]));
  const units = countBy(plans, (p) => p.unit);
  const claimed = new Set<ScoringPlan>();
  const to = new Map<ReadScoringSheet, ScoringPlan>();
  for (const pass of ["key", "unit"] as const) {
    for (const old of olds) {
      if (to.has(old)) continue;
      const plan = pass === "key" ? byKey.get(old.sheetKey) : units.get(old.unit) === 1 ? plans.find((p) => p.unit === old.unit) : undefined;
      if (plan && !claimed.has(plan)) {
        to.set(old, plan);
        claimed.add(plan);
      }
    }
  }
  return to;
}

/** Every entry of the old sheets carried to the plans' sheets, or set aside. */
export function carryEntries(plans: ScoringPlan[], olds: ReadScoringSheet[]): Carried {
  const carried: Carried = { sheets: new Map(), setAside: [], kept: 0, moved: 0 };
  const target = sheetsFor(plans, olds);
  const setAside = (old: ReadScoringSheet, row: ReadRow) =>
    carried.setAside.push({ sheet: old.name, row: row.row, unit: old.unit, category: row.category, name: row.name, key: row.key, entries: row.entries, groups: old.groups });
  for (const old of olds) {
    const plan = target.get(old);
    const vetoRow: ReadRow | null = old.veto && isEntered(old.veto.entry)
      ? { key: "", row: old.veto.row, category: VETO_NAME, name: VETO_NAME, targetText: null, entries: { actual: old.veto.entry, deduction: null, groups: [], note: null } }
      : null;
    if (!plan) {
      for (const row of old.rows) if (row.key.endsWith(PART_WEIGHT_SUFFIX) ? changedWeight(old, row) : hasEntries(row.entries)) setAside(old, row);
      if (vetoRow) setAside(old, vetoRow);
      continue;
    }
    const sheet: CarriedSheet = { inputs: emptyInputs(), entries: new Map(), veto: null };
    carried.sheets.set(plan, sheet);
    if (vetoRow) {
      sheet.veto = vetoRow.entries.actual;
      sheet.inputs.veto = rowInputsOf(vetoRow.entries).actual;
      carried.kept++;
    }
    const targets = newRows(plan);
    const byKey = new Map(targets.map((r) => [r.key, r]));
    const olds = [...entities(old.rows.map((r) => ({ key: r.key, category: r.category, text: r.targetText, value: r }))).values()];
    const news = [...entities(targets.map((r) => ({ key: r.key, category: r.row?.category ?? null, text: r.row?.targetText ?? null, value: r }))).values()];
    const taken = new Set<string>();
    const pairs: Pairing = new Map();
    pairSame(olds, news, taken, pairs);
    pairNear(olds, news, taken, pairs);
    const newByMain = new Map(news.map((n) => [n.main, n]));
    const put = (row: ReadRow, to: NewRow | undefined, moved: boolean) => {
      if (!to || sheet.entries.has(to.key) || !fits(row.entries, to, plan.groups.length)) return setAside(old, row);
      sheet.entries.set(to.key, row.entries);
      sheet.inputs.rows.set(to.key, rowInputsOf(row.entries));
      if (moved) carried.moved++;
      else carried.kept++;
    };
    for (const o of olds) {
      const pair = pairs.get(o.main);
      for (const [suffix, row] of o.rows) {
        if (!hasEntries(row.entries)) continue;
        put(row, pair ? newByMain.get(pair.to)?.rows.get(suffix) : undefined, pair?.moved ?? false);
      }
    }
    // Rows that stand for no indicator (a part's weight): by their key only.
    for (const row of old.rows) {
      if (parseRowKey(row.key, row.category) !== null) continue;
      const weight = row.key.endsWith(PART_WEIGHT_SUFFIX);
      if (weight ? !changedWeight(old, row) : !hasEntries(row.entries)) {
        // The sheet's own equal shares: written again as the new sheet's.
        continue;
      }
      put(row, byKey.get(row.key), false);
    }
  }
  return carried;
}
