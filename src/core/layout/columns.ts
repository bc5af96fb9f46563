/**
 * Column roles of a plain (non-matrix) table: first by what the header labels mean, then by what the columns
 * hold. Of the text columns the last target (or the last text column) is the target; the columns before it are
 * category levels, except a column whose cells change on most rows, which names the indicators. A points or
 * weight column belongs to the text column on its left: a category level's points, or the indicators'.
 */
import type { BookColumn } from "../book";
import type { GridView } from "../grid";
import { parsePointsCell } from "../points";
import type { ColumnRole } from "./labels";
import { isNumberLabel, numberingRank } from "./numbering";
import { cellAt, flat, hasText, ownCell, rowCells } from "./rows";
import type { HeaderColumn } from "./sheet";
import { isNote, isPageNumber } from "./titles";
import { TOTAL_ROW } from "../vocabulary/words";

export interface LevelColumn {
  col: number;
  /** A points column giving this level's points (二级指标 | 分值 | 三级指标 …), or one of 项目分值. */
  points: number | null;
  /** A weight column giving this level's weight (一级指标 | 权重). */
  weight: number | null;
}

export interface Columns {
  /** Category columns, outermost first. */
  levels: LevelColumn[];
  indicator: number | null;
  target: number;
  criterion: number | null;
  points: number | null;
  /** Weight columns of the indicators (权重), in order. */
  weights: number[];
  /** A column stating the points of the category that starts on its row (合计得分). */
  subtotal: number | null;
  owner: number | null;
  /** Columns of the units that assist the owner (配合单位, 协办单位) beside the owner's column (牵头单位). */
  assisting?: number[];
  number: number | null;
  /** A column naming each row's level (层级: 大则 / 项目 / 细则). */
  levelName: number | null;
  entries: { col: number; label: string }[];
  /** Every header column with the role given to it. */
  described: BookColumn[];
}

const TEXT_ROLES = new Set<ColumnRole>(["level", "indicator", "target", "text"]);
/** Share of a table's rows on which an indicator column starts a new text; a category column changes less. */
const INDICATOR_SHARE = 0.7;
/** Share of a column's own cells that are number labels for it to be the rows' numbers. */
const NUMBERING_SHARE = 0.8;
/** Share of rows whose score column holds "N分": the column then gives points, whatever its label. */
const POINTS_SHARE = 0.5;

/** Rows on which the column starts a text that differs from the one above, against the rows where it has a
 * cell of its own. */
function changeShare(view: GridView, col: number, rows: number[]): number {
  let changes = 0;
  let filled = 0;
  let previous = "";
  for (const row of rows) {
    const cells = rowCells(view, row);
    const cell = cellAt(cells, col);
    // Rows where a cell from the left spans this column (a leaf category), or whose only texts stand left of it (a
    // section heading, a note below the table), say nothing about it.
    if (!cell || cell.col !== col || !cells.some((c) => c.col >= col && c.text !== "")) continue;
    filled++;
    if (!cell.startsHere || cell.text === "") continue;
    const text = flat(cell.text);
    if (text !== previous) changes++;
    previous = text;
  }
  // A column no row has a cell of its own in is read as the seeds' Word tables have it: the indicators' column.
  return filled === 0 ? 1 : changes / filled;
}

/** Whether most filled cells of a column are points written with 分 ("2分"). */
function holdsPoints(view: GridView, col: number, rows: number[]): boolean {
  let filled = 0;
  let points = 0;
  for (const row of rows) {
    const cell = cellAt(rowCells(view, row), col);
    if (!cell || !cell.startsHere || cell.text === "") continue;
    filled++;
    if (cell.text.includes("分") && parsePointsCell(cell.text) !== null) points++;
  }
  return filled > 0 && points / filled >= POINTS_SHARE;
}

interface Slot {
  col: number;
  role: ColumnRole;
  label: string;
  /** A label the vocabulary does not know: its role is found from what the column holds. */
  unknown?: boolean;
}

/** The texts of a column's own cells (not spanned from the left nor continued from above), in row order. */
function ownTexts(view: GridView, col: number, rows: number[]): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    const cell = ownCell(rowCells(view, row), col);
    if (cell) texts.push(cell.text);
  }
  return texts;
}

/** Whether the column's own cells are number labels (1, 2, 3 or （1）, ①), two or more and nearly all (a remark
 * row may run across it): a 序号 without its label. */
function holdsNumbering(view: GridView, col: number, rows: number[]): boolean {
  const texts = ownTexts(view, col, rows);
  const numbers = texts.filter(isNumberLabel).length;
  return numbers >= 2 && numbers >= texts.length * NUMBERING_SHARE;
}

/** Whether a column's texts are numbered at two depths or more (一、 and 1., or 1. and （1）), each row starting
 * its own text: sections and their items in one column. */
function numbersSections(view: GridView, col: number, rows: number[]): boolean {
  const texts = ownTexts(view, col, rows);
  const ranks = texts.map(numberingRank).filter((rank): rank is number => rank !== null);
  return new Set(ranks).size >= 2 && ranks.length >= texts.length * NUMBERING_SHARE;
}

/** Where the data rows hold texts, found in one pass: the columns with a text of their own in some row, and the
 * last column any text reaches. */
interface TextColumns {
  own: Set<number>;
  reach: number;
}

function textColumns(view: GridView, rows: number[]): TextColumns {
  const own = new Set<number>();
  let reach = -1;
  for (const row of rows) {
    for (const cell of rowCells(view, row)) {
      if (cell.text === "") continue;
      if (cell.startsHere) own.add(cell.col);
      if (cell.lastCol > reach) reach = cell.lastCol;
    }
  }
  return { own, reach };
}

/** Whether a header label stands over the column. */
function labelled(header: HeaderColumn[], col: number): boolean {
  return header.some((h) => h.cell.col <= col && col <= h.cell.lastCol && h.cell.text !== "");
}

/** Whether no data row has text in the column, its own or spanned from the left: a blank column pasted from Word. */
function isBlank(view: GridView, col: number, rows: number[]): boolean {
  return rows.every((row) => {
    const cell = cellAt(rowCells(view, row), col);
    return cell === undefined || cell.text === "";
  });
}

/** Columns right of a category column that have no header label of their own but hold texts: "类别" written
 * over two columns (组织保障 | 主要载体建设) is two category levels; such a column that only numbers the rows
 * (考核条目 over group | 1, 2, 3 | item) is their number. */
function addUnnamedLevels(slots: Slot[], header: HeaderColumn[], view: GridView, rows: number[], texts: TextColumns) {
  for (let i = slots.length - 1; i >= 0; i--) {
    if (slots[i].role !== "level") continue;
    // Blank columns between (a Word table pasted with split cells) are passed over.
    let added = 0;
    for (let col = slots[i].col + 1; col <= texts.reach && !slots.some((s) => s.col === col); col++) {
      if (isBlank(view, col, rows)) continue;
      if (labelled(header, col) || !texts.own.has(col)) break;
      const role = holdsNumbering(view, col, rows) ? "number" : "level";
      slots.splice(i + 1 + added++, 0, { col, role, label: slots[i].label });
    }
  }
}

/** Columns under no header label, not taken as further category levels, that hold texts of their own (the item
 * texts under a blank header cell: 评价内容 over the categories, then nothing over the items): columns whose label is
 * unknown, in their places. Whether any was added. */
function addUnlabelledColumns(slots: Slot[], header: HeaderColumn[], texts: TextColumns): boolean {
  let added = false;
  for (const col of texts.own) {
    if (labelled(header, col) || slots.some((s) => s.col === col)) continue;
    slots.push({ col, role: "remark", label: "", unknown: true });
    added = true;
  }
  if (added) slots.sort((a, b) => a.col - b.col);
  return added;
}

/** Share of a column's own cells that must read as points, or count the rows, for an unlabelled column to do so. */
const HOLDS_SHARE = 0.8;
/** Share of a column's own cells that must be whole numbers for it to count the rows, or Chinese words for it to
 * be a text column (a total row, signatures or a stray mark may stand in it). */
const MOSTLY = 0.6;

/** Whether a column's own cells count the rows: whole numbers going up by one, starting again at 1 (序号), most
 * of those that are not notes, page numbers or total labels (the signatures below a table may write there). */
function countsRows(own: string[]): boolean {
  const texts = own.filter((t) => !isNote(t) && !isPageNumber(t) && !TOTAL_ROW.test(flat(t)));
  const numbers = texts.filter((t) => /^\d{1,3}$/.test(t.trim())).map(Number);
  if (numbers.length < 3 || numbers.length < texts.length * MOSTLY) return false;
  let steps = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] === numbers[i - 1] + 1 || numbers[i] === 1) steps++;
  return steps >= (numbers.length - 1) * HOLDS_SHARE;
}

/** Whether nearly all of a column's own cells, two or more, are points ("5", "2分", "最高4分"). */
function holdsPointNumbers(texts: string[]): boolean {
  return texts.length >= 2 && texts.filter((t) => parsePointsCell(t) !== null).length >= texts.length * HOLDS_SHARE;
}

const CJK = /[\u4e00-\u9fff]/;

/** Whether most of a column's own cells are Chinese words (not numbers, flags or codes). */
function holdsWords(texts: string[]): boolean {
  return texts.length > 0 && texts.filter((t) => CJK.test(t)).length >= texts.length * MOSTLY;
}

/** Whether each of a column's own cells stands on a row where another column starts a text of its own. */
function givenWhereStarts(view: GridView, col: number, named: number, rows: number[]): boolean {
  return rows.every((row) => {
    const cells = rowCells(view, row);
    return ownCell(cells, col) === undefined || ownCell(cells, named) !== undefined;
  });
}

/** Whether a column's own cells are fewer than the rows with text and each stands where another column starts a
 * text: the points of what that column names, given on its first row (综合类 | … | 30 over the rows of 综合类). */
function startsWith(view: GridView, col: number, named: number, rows: number[]): boolean {
  const own = ownTexts(view, col, rows).length;
  return own > 0 && own < rows.filter((row) => hasText(rowCells(view, row))).length && givenWhereStarts(view, col, named, rows);
}

/** Roles of a category's own points or weight, when their column stands right after the category's. */
const CATEGORY_SCORING_ROLES = new Set<ColumnRole>(["points", "categoryPoints", "weight"]);
const POINTS_ROLES = new Set<ColumnRole>(["points", "categoryPoints"]);

/**
 * Roles for the columns whose labels the vocabulary does not know, from what they hold and where they stand
 * (unless a 层级 column names the levels, which the rest of the table then follows):
 * - a column counting the rows (1, 2, 3 …) is their number;
 * - a column of Chinese texts left of every known text column is a category level; one between them is a text
 *   column, whose place decides its part (category level or indicators); one right after them, before the next
 *   known column other than a remark, is a criterion when a known target stands left of it and no known criterion follows (of
 *   several, the one that speaks of points most), else a text column (the target);
 * - a column of points gives those of the text column on its left when that one comes before the last (a
 *   category level: 二级指标 | 75); beside another points column, those of the first text column when it holds
 *   them only where that one starts a text (a category's points on its first row); else the items' points when
 *   the table has no points column it knows.
 * Anything else stays a remark.
 */
function inferUnknownRoles(slots: Slot[], view: GridView, rows: number[]) {
  if (!slots.some((s) => s.unknown)) return;
  const known = slots.filter((s) => !s.unknown);
  if (known.some((s) => s.role === "levelName")) return;
  const lastText = findLast(known, (s) => TEXT_ROLES.has(s.role))?.col ?? -1;
  const firstText = known.find((s) => TEXT_ROLES.has(s.role))?.col ?? -1;
  const afterLevel = (slot: Slot) => known.some((s) => s.col === slot.col - 1 && s.role === "level");
  // The text part of the table ends at the first known column after the last text column other than a remark
  // or a category's points or weight: an unknown column past it is a remark, whatever it holds.
  const textsEnd = known.find((s) => s.col > lastText && s.role !== "remark" && !(CATEGORY_SCORING_ROLES.has(s.role) && afterLevel(s)))?.col ?? Infinity;
  const knownCriterion = known.some((s) => s.role === "criterion" && s.col > lastText);
  const numbers: Slot[] = [];
  const criteria: { slot: Slot; texts: string[] }[] = [];
  for (const slot of slots) {
    if (!slot.unknown) continue;
    const texts = ownTexts(view, slot.col, rows);
    if (countsRows(texts)) slot.role = "number";
    else if (holdsPointNumbers(texts)) numbers.push(slot);
    else if (!holdsWords(texts) || slot.col > textsEnd) continue;
    else if (slot.col < firstText) slot.role = "level";
    else if (slot.col < lastText) slot.role = "text";
    else if (knownCriterion || !known.some((s) => s.col < slot.col && s.role === "target")) slot.role = "text";
    else criteria.push({ slot, texts });
  }
  // Of several, the criterion is the column that speaks of points most (评分标准 beside 现场评估方式).
  const mentions = ({ texts }: { texts: string[] }) => texts.filter((t) => t.includes("分")).length;
  const criterion = criteria.reduce<(typeof criteria)[number] | null>((best, c) => (best === null || mentions(c) > mentions(best) ? c : best), null);
  if (criterion) criterion.slot.role = "criterion";
  const knownPoints = known.some((s) => POINTS_ROLES.has(s.role));
  const texts = slots.filter((s) => TEXT_ROLES.has(s.role));
  const lastAnyText = texts[texts.length - 1]?.col ?? -1;
  const otherPoints = knownPoints || numbers.length > 1;
  for (const slot of numbers) {
    const left = findLast(texts, (s) => s.col < slot.col);
    if (left && left.col < lastAnyText) slot.role = "points";
    else if (otherPoints && texts.length > 1 && startsWith(view, slot.col, texts[0].col, rows)) slot.role = "categoryPoints";
    else if (!knownPoints) slot.role = "points";
  }
  // A column given a role stands as known for the columns looked at later (those under no label at all).
  for (const slot of slots) if (slot.unknown && slot.role !== "remark") slot.unknown = false;
}

const NO_SLOTS: readonly Slot[] = [];

/** The last item that passes the test, or undefined. */
function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

/** The label of a column of assisting units, beside the owner's: 配合单位, 协办部门, 协助单位. */
const ASSISTING_OWNER = /配合|协办|协助/;

/** Column roles of a table from its header and its data rows; null when it has no text column. */
export function tableColumns(header: HeaderColumn[], view: GridView, rows: number[]): Columns | null {
  const slots: Slot[] = [];
  const roles = new Map<number, string>();
  const withText = textColumns(view, rows);
  for (const { cell, role } of header) {
    const span = role === null || TEXT_ROLES.has(role) ? cell.lastCol : cell.col;
    // A label over several columns (考核条目 over group | number | item): a column of its that only numbers the
    // rows is their number, not a text; one that never holds a text of its own (a blank column pasted from Word,
    // or one that every row's cell spans from the left: 评价内容 over four merged columns) is no column.
    for (let col = cell.col; col <= span; col++) {
      if (col > cell.col && !withText.own.has(col)) continue;
      const numbers = col > cell.col && holdsNumbering(view, col, rows);
      slots.push({ col, role: numbers ? "number" : role ?? "remark", label: flat(cell.text), unknown: role === null && !numbers });
    }
  }
  inferUnknownRoles(slots, view, rows);
  addUnnamedLevels(slots, header, view, rows, withText);
  if (addUnlabelledColumns(slots, header, withText)) inferUnknownRoles(slots, view, rows);
  // The slots of each role, in column order (one pass; the roles are asked for one after another below).
  const byRole = new Map<ColumnRole, Slot[]>();
  for (const slot of slots) {
    const same = byRole.get(slot.role);
    if (same) same.push(slot);
    else byRole.set(slot.role, [slot]);
  }
  const of = (role: ColumnRole): readonly Slot[] => byRole.get(role) ?? NO_SLOTS;
  let texts = slots.filter((s) => TEXT_ROLES.has(s.role));
  let criterion: number | null = of("criterion")[0]?.col ?? null;
  const hasTarget = texts.some((s) => s.role === "target" || s.role === "text" || s.role === "indicator");
  if (!hasTarget && criterion !== null && texts.every((s) => s.col < criterion!)) {
    // The criterion is the only text of each row (评价标准 of a penalty catalogue): it is the target.
    texts = [...texts, { col: criterion, role: "target", label: "" }];
    criterion = null;
  }
  if (texts.length === 0) return null;
  const targetSlot = findLast(texts, (s) => s.role === "target") ?? texts[texts.length - 1];
  const before = texts.filter((s) => s.col < targetSlot.col);
  let indicator: number | null = null;
  let levelCols: number[] = before.map((s) => s.col);
  if (targetSlot.role !== "indicator" && targetSlot.role !== "level" && before.length >= 2) {
    const named = findLast(before, (s) => s.role === "indicator");
    const last = before[before.length - 1];
    const choice = named ?? (changeShare(view, last.col, rows) >= INDICATOR_SHARE ? last : null);
    if (choice) {
      indicator = choice.col;
      levelCols = before.filter((s) => s.col < choice.col).map((s) => s.col);
    }
  }
  if (indicator === null && levelCols.length === 1 && numbersSections(view, levelCols[0], rows)) {
    // 一、组织领导 | | 15 over 1.领导重视 | 主要领导亲自抓 | 5: the column names the indicators, its numbering the sections.
    indicator = levelCols[0];
    levelCols = [];
  }
  const levels: LevelColumn[] = levelCols.map((col) => ({ col, points: null, weight: null }));
  const textCols = indicator !== null ? [...levelCols, indicator, targetSlot.col] : [...levelCols, targetSlot.col];
  const levelLeftOf = (col: number) => findLast(levels, (l) => l.col < col) ?? null;
  const ownerOf = (col: number): LevelColumn | "item" => {
    // The nearest text column on the left.
    let left = -1;
    for (const c of textCols) if (c < col && c > left) left = c;
    const level = left < 0 ? undefined : levels.find((l) => l.col === left);
    return level ?? "item";
  };

  let points: number | null = null;
  const weights: number[] = [];
  for (const slot of slots) {
    if (slot.role === "points") {
      const owner = ownerOf(slot.col);
      // A category's points stand where it starts; points on rows where it does not are the items'.
      if (owner === "item" || !givenWhereStarts(view, slot.col, owner.col, rows)) points ??= slot.col;
      else owner.points ??= slot.col;
    } else if (slot.role === "categoryPoints") {
      const level = levelLeftOf(slot.col) ?? levels[0];
      if (level) level.points ??= slot.col;
      else points ??= slot.col;
    } else if (slot.role === "weight") {
      const owner = ownerOf(slot.col);
      if (owner === "item") weights.push(slot.col);
      else owner.weight ??= slot.col;
    }
  }
  const entrySlots = of("entry");
  if (points === null) {
    const written = entrySlots.find((s) => holdsPoints(view, s.col, rows));
    if (written) points = written.col;
  }
  const subtotal = of("subtotal")[0]?.col ?? null;
  const entries = entrySlots.filter((s) => s.col !== points).map((s) => ({ col: s.col, label: s.label }));
  const columns: Columns = {
    levels,
    indicator,
    target: targetSlot.col,
    criterion,
    points,
    weights,
    subtotal,
    owner: of("owner")[0]?.col ?? null,
    assisting: of("owner").slice(1).filter((s) => ASSISTING_OWNER.test(s.label)).map((s) => s.col),
    number: of("number")[0]?.col ?? null,
    levelName: of("levelName")[0]?.col ?? null,
    entries,
    described: [],
  };
  for (const l of levels) roles.set(l.col, "category");
  if (indicator !== null) roles.set(indicator, "indicator");
  roles.set(columns.target, "target");
  const named: [number | null, string][] = [
    [criterion, "criterion"], [points, "points"], [columns.levelName, "level-name"], [subtotal, "subtotal"], [columns.owner, "owner"], [columns.number, "number"],
  ];
  for (const [col, role] of named) if (col !== null && !roles.has(col)) roles.set(col, role);
  for (const l of levels) {
    if (l.points !== null) roles.set(l.points, "category-points");
    if (l.weight !== null) roles.set(l.weight, "category-weight");
  }
  const unit = header.find((h) => h.role === "unit");
  if (unit && !roles.has(unit.cell.col)) roles.set(unit.cell.col, "unit");
  for (const col of weights) roles.set(col, "weight");
  for (const e of entries) roles.set(e.col, "entry");
  columns.described = header.map((h) => ({
    label: flat(h.cell.text),
    role: roles.get(h.cell.col) ?? (h.role === "remark" ? "remark" : "extra"),
    cell: view.address(h.row, h.cell.col),
  }));
  return columns;
}
