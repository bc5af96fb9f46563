/**
 * One table's data rows -> categories and indicators, by column roles. Categories start at each new text in the
 * category column (a merge or a blank below continues them), rows spanning the category and indicator columns
 * are leaf categories, a single "（N分）" at the end of a text is the row's points while several are sub-points.
 */
import { newIndicator, type Category, type CategoryKind, type Entry, type Indicator, type IndicatorKind, type Note, type PointsSource, type TotalRow } from "../book";
import { criterionPoints } from "../criterion";
import { Decimal } from "../decimal";
import type { GridView } from "../grid";
import { closingBonus, inlinePoints, normalizeDigits, parseNamedPoints, parsePointsCell, parseWeightCell, type PointsStatement, signedPoints } from "../points";
import { ADDS, AWARD_WORDS, DEDUCTION_RULE, GRAND_TOTAL_ROW, TAKES, SUBTOTAL_ROW, TOTAL_ROW } from "../vocabulary/words";
import type { Columns } from "./columns";
import { deductionAmounts, isBonusName, isPenaltyName, textKind, type TextKind } from "./kinds";
import { headingDepths } from "./headings";
import { numberingOf, numberingRank, stripNumbering } from "./numbering";
import { cellAt, hasText, ownCell, type RowCell, rowCells, flat } from "./rows";
import { isNote, isPageNumber } from "./titles";
import { textSegments } from "./segments";
import { exactRole } from "../vocabulary/headers";
import { byText } from "../memo";

export type { Columns } from "./columns";

export interface TableContext {
  view: GridView;
  columns: Columns;
  penaltyList: boolean;
  /** Weight columns written as fractions (0.5 for 50%, as Excel keeps a percent), by column: their weights are
   * read on 100. */
  fractionWeights?: Set<number>;
}

export interface TableReading {
  categories: Category[];
  notes: Note[];
  totals: TotalRow[];
}

/** The row's own points written as one "（N分）" closing its text, with the text before it; the same text gives the
 * same (frozen) answer. */
const closingPoints = byText((text: string): Readonly<{ points: Decimal; rest: string; bonus: Decimal | null }> | null => {
  const closing = readClosingPoints(text);
  return closing && Object.freeze(closing);
});

function readClosingPoints(text: string): { points: Decimal; rest: string; bonus: Decimal | null } | null {
  if (!text.includes("分")) return null;
  const bonus = closingBonus(text);
  if (bonus) return { points: bonus.points, rest: bonus.rest, bonus: bonus.bonus };
  const mentions = inlinePoints(text);
  if (mentions.length !== 1) return null;
  const [only] = mentions;
  const after = text.slice(only.index + only.length);
  if (!/^[\s。；;，,.]*$/.test(after)) return null;
  return { points: only.points, rest: text.slice(0, only.index), bonus: null };
}

/** parseNamedPoints, skipped for a text without 分 (points are always written with it); the same text gives the same
 * (frozen) answer. */
const namedPoints: (text: string) => ReturnType<typeof parseNamedPoints> = byText((text) => {
  const named = text.includes("分") ? parseNamedPoints(text) : null;
  return named && Object.freeze(named);
});

function newCategory(view: GridView, row: number, cell: RowCell, leaf: boolean, level: number): Category {
  const named = namedPoints(cell.text);
  return {
    name: named ? named.name : flat(cell.text),
    kind: "normal",
    points: named ? signedPoints(named) : null,
    cap: null,
    leaf,
    level,
    bonus: named?.bonus ?? null,
    weight: null,
    sheet: view.sheet,
    cell: view.address(row, cell.col),
    indicators: [],
    categories: [],
  };
}

function indicatorAt(view: GridView, row: number, col: number, name: string, target: string, targetCol: number): Indicator {
  return newIndicator({
    name, target, sheet: view.sheet, cell: view.address(row, col), targetCell: view.address(row, targetCol), segments: textSegments(target),
  });
}

function applyPoints(indicator: Indicator, statement: PointsStatement, source: PointsSource, cell: string | null) {
  indicator.points = signedPoints(statement);
  indicator.pointsSource = source;
  indicator.pointsCell = cell;
  if (statement.form === "cap") indicator.cap = statement.points;
}

/** Points a column states for a category that states none itself. */
function takePoints(category: Category, statement: PointsStatement | null) {
  if (statement && category.points === null) category.points = signedPoints(statement);
}

/** The weight written in a cell of a weight column that starts on this row, on 100. */
function columnWeight(context: TableContext, row: number, cells: RowCell[], col: number | null): Decimal | null {
  const cell = cellAt(cells, col);
  if (col === null || !cell || !cell.startsHere || cell.text === "") return null;
  const weight = parseWeightCell(context.view.value(row, cell.col));
  return weight && context.fractionWeights?.has(col) ? weight.times(HUNDRED) : weight;
}

/** Weight columns whose every number is a fraction (0.5, 0.3, 0.2): percents as Excel stores them. */
function fractionColumns(view: GridView, columns: Columns, rows: number[]): Set<number> {
  const found = new Set<number>();
  for (const col of [...columns.levels.map((l) => l.weight), ...columns.weights]) {
    if (col === null) continue;
    let numbers = 0;
    let fractions = 0;
    for (const row of rows) {
      const value = view.isMaster(row, col) ? view.value(row, col) : null;
      if (typeof value !== "number") continue;
      numbers++;
      if (value > 0 && value < 1) fractions++;
    }
    if (numbers > 0 && fractions === numbers) found.add(col);
  }
  return found;
}

/** Points written in a cell of a points or weight column that starts on this row. */
function columnPoints(view: GridView, row: number, cells: RowCell[], col: number | null): PointsStatement | null {
  const cell = cellAt(cells, col);
  if (!cell || !cell.startsHere || cell.text === "") return null;
  return parsePointsCell(view.value(row, cell.col));
}

/** The indicator a plain row states: its name, target and points (column, name cell or closing "（N分）"). */
function rowIndicator(
  context: TableContext, row: number, cells: RowCell[], nameCell: RowCell | undefined, targetText: string, columnStatement: PointsStatement | null,
): Indicator | null {
  const { view, columns } = context;
  const nameText = nameCell?.text ?? "";
  const pointsCellRef = cellAt(cells, columns.points);
  if (!nameText && !targetText && !pointsCellRef?.text) return null;
  let name: string | null = null;
  let target = targetText;
  let statement = columnStatement;
  let source: PointsSource | null = statement ? "column" : null;
  let pointsCell: string | null = statement ? view.address(row, pointsCellRef!.col) : null;
  let bonus: Decimal | null = null;
  let second: PointsStatement | null = null;
  if (columns.indicator !== null) {
    const named = namedPoints(nameText);
    if (named) {
      name = named.name;
      second = named;
    }
  } else {
    const closing = closingPoints(nameText);
    if (closing) {
      name = flat(closing.rest).replace(/[。；;，,.]+$/, "");
      target = closing.rest.trim();
      second = { points: closing.points, form: "points" };
      bonus = closing.bonus;
    }
  }
  if (second && !statement) {
    statement = second;
    source = columns.indicator !== null ? "name" : "text";
    pointsCell = view.address(row, nameCell!.col);
  }
  // A target that is nothing but points ("占20分" where a deduction-only book lists its one allotment).
  const targetPoints = !statement && columns.indicator !== null && targetText.includes("分") ? parsePointsCell(targetText) : null;
  if (targetPoints?.form === "points") {
    statement = targetPoints;
    source = "text";
    pointsCell = view.address(row, columns.target);
  }
  const indicator = indicatorAt(view, row, nameCell?.col ?? columns.target, name ?? flat(nameText), target, columns.target);
  if (statement) applyPoints(indicator, statement, source!, pointsCell);
  indicator.bonus = bonus;
  if (statement && second && statement !== second && !signedPoints(second).abs().eq(signedPoints(statement).abs())) {
    indicator.pointsConflict = signedPoints(second);
  }
  return indicator;
}

/** Criterion, weights and entered values of a row, from their columns. */
function rowDetails(context: TableContext, row: number, cells: RowCell[], indicator: Indicator) {
  const { view, columns } = context;
  const criterionCell = cellAt(cells, columns.criterion);
  if (criterionCell && criterionCell.text && criterionCell.col !== cellAt(cells, columns.target)?.col) {
    indicator.criterion = criterionCell.text;
    indicator.criterionCell = view.address(view.masterOf(row, criterionCell.col).row, criterionCell.col);
    const award = criterionCell.startsHere ? criterionPoints(criterionCell.text) : null;
    indicator.criterionPoints = award?.points ?? null;
    indicator.criterionAmbiguous = award?.ambiguous ?? false;
  }
  if (columns.weights.length) indicator.weights = columns.weights.map((col) => columnWeight(context, row, cells, col));
  if (columns.entries.length === 0) return;
  indicator.entries = columns.entries.flatMap((entry): Entry[] => {
    const cell = cellAt(cells, entry.col);
    if (!cell || !cell.startsHere || cell.col !== entry.col) return [];
    const value = view.value(row, entry.col);
    if (value === null || value === "") return [];
    return [{ label: entry.label, cell: view.address(row, entry.col), value }];
  });
}

/** Every total label holds one of these characters and is short ("合 计", "综合得分："): other texts are not
 * looked at further. */
const TOTAL_WORD = /[合计总小]/;
const MAX_TOTAL_LABEL = 16;

/** The label of a total row ("合计", "小计", "总计"), the column it sits in, and the total it states. */
function totalRow(context: TableContext, row: number, cells: RowCell[], labelCols: (number | null)[]): { label: string; col: number; stated: Decimal | null } | null {
  const { view, columns } = context;
  let found: { label: string; col: number } | null = null;
  for (const col of labelCols) {
    const cell = cellAt(cells, col);
    if (!cell || !cell.startsHere || cell.text === "" || cell.text.length > MAX_TOTAL_LABEL || !TOTAL_WORD.test(cell.text)) continue;
    const text = flat(cell.text);
    if (TOTAL_ROW.test(text)) {
      found = { label: text.replace(/[:：].*$/, ""), col: cell.col };
      break;
    }
  }
  if (!found) return null;
  const valueCols = [columns.points, columns.subtotal, ...columns.levels.flatMap((l) => [l.points, l.weight]), ...columns.weights];
  for (const col of valueCols) {
    const statement = columnPoints(view, row, cells, col);
    if (statement) return { ...found, stated: signedPoints(statement) };
  }
  return { ...found, stated: null };
}

interface NamedLevelRow {
  row: number;
  depth: number;
  text: string;
  points: Decimal | null;
  /** The points were read from the points column (else from the row's text). */
  fromColumn: boolean;
  children: NamedLevelRow[];
}

/**
 * A table whose rows name their own level (层级: 大则 / 项目 / 细则), deepest last in the order they first appear.
 * A top row is a category; a row under it is an indicator, or a sub-category when the rows under it carry points
 * of their own. Rows that all repeat the points of the row above them are its scoring rules, not items.
 */
function readNamedLevels(context: TableContext, rows: number[]): TableReading {
  const { view, columns } = context;
  const depths: string[] = [];
  const roots: NamedLevelRow[] = [];
  const stack: NamedLevelRow[] = [];
  for (const row of rows) {
    const cells = rowCells(view, row);
    const name = flat(cellAt(cells, columns.levelName)?.text ?? "");
    const text = cellAt(cells, columns.target)?.text ?? "";
    if (!name || !text) continue;
    if (!depths.includes(name)) depths.push(name);
    const depth = depths.indexOf(name);
    const fromColumn = columnPoints(view, row, cells, columns.points);
    const statement = fromColumn ?? namedPoints(text);
    const node: NamedLevelRow = { row, depth, text, points: statement ? signedPoints(statement) : null, fromColumn: fromColumn !== null, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  const repeatsParent = (node: NamedLevelRow) =>
    node.children.every((c) => c.points === null || (node.points !== null && c.points.eq(node.points)));
  const indicatorOf = (node: NamedLevelRow): Indicator => {
    const cells = rowCells(view, node.row);
    const named = namedPoints(node.text);
    const indicator = indicatorAt(view, node.row, columns.target, named ? named.name : flat(node.text), node.text, columns.target);
    if (node.points !== null) {
      indicator.points = node.points;
      indicator.pointsSource = node.fromColumn ? "column" : "name";
      indicator.pointsCell = view.address(node.row, columns.points ?? columns.target);
    }
    rowDetails(context, node.row, cells, indicator);
    if (node.children.length) indicator.criterion = node.children.map((c) => c.text).join("\n");
    return indicator;
  };
  const categoryOf = (node: NamedLevelRow, level: number): Category => {
    const cell = cellAt(rowCells(view, node.row), columns.target)!;
    const category = newCategory(view, node.row, cell, false, level);
    if (category.points === null) category.points = node.points;
    for (const child of node.children) {
      if (child.children.length && !repeatsParent(child)) category.categories.push(categoryOf(child, level + 1));
      else category.indicators.push(indicatorOf(child));
    }
    return category;
  };
  const categories = roots.map((root) => categoryOf(root, 1));
  settleTree(categories, context.penaltyList);
  return { categories, notes: [], totals: [] };
}

/** The row's one text of its own, when it has exactly one (cells merged down from above do not count). */
function onlyOwnText(cells: RowCell[]): RowCell | null {
  let only: RowCell | null = null;
  for (const cell of cells) {
    if (!cell.startsHere || cell.text === "") continue;
    if (only) return null;
    only = cell;
  }
  return only;
}

/** Longest remark label a row may start with (备注, 说 明, 备注：). */
const MAX_REMARK_LABEL = 8;

/** The numbering of a row: its 序号 cell, or else the start of its name (or target) text. */
function numberingText(context: TableContext, row: number): string {
  const { view, columns } = context;
  const cells = rowCells(view, row);
  const target = cellAt(cells, columns.target);
  const number = cellAt(cells, columns.number);
  if (number && number.startsHere && number.text && number.col !== target?.col) return number.text;
  const name = headingCell(context, cells);
  return name?.startsHere ? name.text : "";
}

/** The cell a row's section heading is written in: its name, or its target when the table names no indicators. */
function headingCell(context: TableContext, cells: RowCell[]): RowCell | undefined {
  const { columns } = context;
  const name = columns.indicator !== null ? cellAt(cells, columns.indicator) : undefined;
  return name && name.text ? name : cellAt(cells, columns.target);
}

/** Whether a cell's text is the text a category was read from (compacted), compacting only when it differs. */
function repeats(text: string, known: string | undefined): boolean {
  return known !== undefined && (text === known || flat(text) === known);
}

/**
 * Rows numbered 一、 (or 二 alone) in the 序号 column of a table with category columns, holding a name and no item
 * text: sections over the categories of the columns, two or more of them, with numbered items between
 * (一、 | 通用考核项目 | 40 over 1 | 组织领导 | 8 …).
 */
function outerSectionRows(context: TableContext, rows: number[]): Set<number> {
  const { view, columns } = context;
  const sections = new Set<number>();
  if (columns.levels.length === 0 || columns.number === null) return sections;
  let items = 0;
  for (const row of rows) {
    const cells = rowCells(view, row);
    const number = ownCell(cells, columns.number);
    if (!number) continue;
    const rank = numberingRank(number.text);
    if (rank === 0 && !cellAt(cells, columns.target)?.text) sections.add(row);
    else if (rank !== null) items++;
  }
  return sections.size >= 2 && items > 0 ? sections : new Set();
}

/** A row led by a remark label (备注 | 仅有…的单位，扣分加倍): a note on the table, with the texts that follow. */
function remarkRow(cells: RowCell[]): { col: number; text: string } | null {
  const lead = cells.find((c) => c.startsHere && c.text !== "");
  if (!lead || lead.text.length > MAX_REMARK_LABEL || exactRole(lead.text) !== "remark") return null;
  const own = cells.filter((c) => c.startsHere && c.text !== "");
  if (own.length < 2) return null;
  return { col: own[0].col, text: own.map((c) => c.text).join(" ") };
}

/** Whether a row states points: in the points column, or in the name of a category it starts. */
function statesPoints(context: TableContext, row: number, cells: RowCell[]): boolean {
  const { view, columns } = context;
  if (columnPoints(view, row, cells, columns.points)) return true;
  return columns.levels.some((l) => {
    const cell = cellAt(cells, l.col);
    return cell !== undefined && cell.startsHere && namedPoints(cell.text) !== null;
  });
}

/** Reads a table's data rows into categories, nested by the table's category columns. */
export function readTable(given: TableContext, rows: number[]): TableReading {
  const { view, columns } = given;
  const context: TableContext = { ...given, fractionWeights: fractionColumns(view, columns, rows) };
  if (columns.levelName !== null) return readNamedLevels(context, rows);
  const categories: Category[] = [];
  const notes: Note[] = [];
  const totals: TotalRow[] = [];
  /** The current category at each level. */
  const open: Category[] = [];
  /** Top-level categories since the last total row of the book. */
  let sinceTotal: Category[] = [];
  let lastIndicator: Indicator | null = null;
  let lastOwner: string | null = null;
  /** A total of the book was stated: rows after it without points are the form's footer (考核人：…). */
  let afterTotal = false;
  let leadingTotal: TotalRow | null = null;
  const levelCount = columns.levels.length;
  const firstLevel = columns.levels[0]?.col ?? null;
  const isLevel = (col: number) => columns.levels.some((l) => l.col === col);
  /** Columns where a total row writes its label (合计, 小计). */
  const labelCols = [...columns.levels.map((l) => l.col), columns.indicator, columns.target, columns.number];
  /** The text each category was read from, to tell a repeated cell from a new category. */
  const cellTexts = new Map<Category, string>();
  const deepest = (): Category | null => open[open.length - 1] ?? null;
  /** Indicators whose target continued on rows below: their segments are read once, from the whole text. */
  const grown = new Set<Indicator>();

  /** Where a numbered section goes in a table without category columns: "（一）" under the open "一、". */
  /** The numbering rank of each numbered row, in a table without category columns. */
  const ranks = new Map<number, number>();
  if (levelCount === 0) {
    for (const row of rows) {
      const rank = numberingRank(numberingText(context, row));
      if (rank !== null) ranks.set(row, rank);
    }
  }
  const headings = headingDepths(ranks);
  const sectionLevel = (row: number): number => Math.min(headings.get(row) ?? 0, open.length);
  /** The numbering rank of each numbered section: an item numbered as high (2. after 1.班子建设's （1）（2）) ends it. */
  const sectionRanks = new Map<Category, number>();
  const closeDeeperSections = (row: number) => {
    const rank = ranks.get(row);
    if (rank === undefined) return;
    while (open.length && (sectionRanks.get(open[open.length - 1]) ?? -1) >= rank) open.pop();
  };
  const outerSections = outerSectionRows(context, rows);
  /** 1 inside a section numbered in the 序号 column: the category columns' categories go one level deeper. */
  let sectionOffset = 0;
  const startCategory = (category: Category, depth: number) => {
    if (open.length > depth) open.splice(depth);
    const parent = depth > 0 ? open[depth - 1] : undefined;
    category.level = depth + 1;
    if (parent) parent.categories.push(category);
    else {
      categories.push(category);
      sinceTotal.push(category);
    }
    open.push(category);
  };
  const currentCategory = (row: number, col: number): Category => {
    const current = deepest();
    if (current) return current;
    const implicit: Category = {
      name: "", kind: "normal", points: null, cap: null, leaf: false, level: 1, bonus: null, weight: null,
      sheet: view.sheet, cell: view.address(row, col), indicators: [], categories: [],
    };
    startCategory(implicit, 0);
    return implicit;
  };

  for (const row of rows) {
    const cells = rowCells(view, row);
    if (!hasText(cells)) continue;
    const categoryCell = cellAt(cells, firstLevel);
    const targetCell = cellAt(cells, columns.target);
    const leadCell = categoryCell ?? (headings.has(row) ? headingCell(context, cells) : targetCell);

    const note = onlyOwnText(cells);
    if (note && isPageNumber(note.text)) continue;
    if (note && isNote(note.text)) {
      notes.push({ text: note.text, cell: view.address(row, note.col) });
      continue;
    }
    const remark = remarkRow(cells);
    if (remark) {
      notes.push({ text: remark.text, cell: view.address(row, remark.col) });
      continue;
    }
    const total = totalRow(context, row, cells, labelCols);
    if (total) {
      if (total.stated !== null) {
        const depth = columns.levels.findIndex((l) => l.col === total.col);
        // 小计 closes the category it follows: the one above its column, or the open top-level one when it is
        // written in the first column.
        const closes = SUBTOTAL_ROW.test(total.label) ? (depth > 0 ? open[depth - 1 + sectionOffset] : open[sectionOffset]) ?? null : null;
        if (closes) {
          if (closes.points === null) closes.points = total.stated;
          totals.push({ label: total.label, stated: total.stated, cell: view.address(row, total.col), covers: [closes.name], category: closes.name });
        } else if (categories.length === 0) {
          // 总分 stated above every category (the first row under the header) covers what follows: the table goes on.
          leadingTotal = { label: total.label, stated: total.stated, cell: view.address(row, total.col), covers: [], category: null };
          totals.push(leadingTotal);
        } else {
          const covered = GRAND_TOTAL_ROW.test(total.label) ? categories : sinceTotal;
          totals.push({ label: total.label, stated: total.stated, cell: view.address(row, total.col), covers: covered.map((c) => c.name), category: null });
          sinceTotal = [];
          open.splice(0);
          sectionOffset = 0;
          afterTotal = true;
        }
      }
      lastIndicator = null;
      continue;
    }
    if (outerSections.has(row)) {
      const name = cells.find((c) => c.startsHere && c.text !== "" && c.col !== columns.number && c.col <= columns.target);
      if (name) {
        const section = newCategory(view, row, { ...name, text: stripNumbering(name.text) }, false, 1);
        takePoints(section, columnPoints(view, row, cells, columns.points) ?? columnPoints(view, row, cells, columns.levels[0].points));
        startCategory(section, 0);
        sectionOffset = 1;
        lastIndicator = null;
        continue;
      }
    }
    if (afterTotal && !statesPoints(context, row, cells)) {
      const own = cells.filter((c) => c.startsHere && c.text !== "");
      notes.push({ text: own.map((c) => c.text).join(" "), cell: view.address(row, own[0]?.col ?? 0) });
      continue;
    }
    // A row whose first cell spans every text column: a section heading ("一、经济发展（20分）"), or a remark.
    // Without category columns, a numbered heading (一、党的建设 | 30, or 一、 in the 序号 column) starts a section.
    if (leadCell && leadCell.startsHere && leadCell.text && (levelCount > 0 ? leadCell.lastCol >= columns.target : headings.has(row))) {
      if (!headings.has(row) && parseNamedPoints(leadCell.text) === null && numberingOf(leadCell.text) !== "section") {
        notes.push({ text: leadCell.text, cell: view.address(row, leadCell.col) });
      } else {
        const category = newCategory(view, row, { ...leadCell, text: stripNumbering(leadCell.text) }, false, 1);
        takePoints(category, columnPoints(view, row, cells, columns.points));
        startCategory(category, sectionLevel(row));
        if (headings.has(row)) sectionRanks.set(category, ranks.get(row)!);
        lastIndicator = null;
      }
      continue;
    }

    let leaf = false;
    let started: Category | null = null;
    for (let depth = 0; depth < levelCount; depth++) {
      const level = columns.levels[depth];
      const cell = cellAt(cells, level.col);
      if (!cell || !cell.startsHere || !cell.text || cell.col !== level.col) continue;
      const current = open[depth + sectionOffset];
      // A text repeated on every row of its category (a table kept without merged cells) continues it.
      if (current && open.length > depth + sectionOffset && repeats(cell.text, cellTexts.get(current))) continue;
      const isLeaf = depth === levelCount - 1 && columns.indicator !== null && cell.lastCol >= columns.indicator;
      const category = newCategory(view, row, cell, isLeaf, depth + 1);
      cellTexts.set(category, flat(cell.text));
      takePoints(category, columnPoints(view, row, cells, level.points));
      const weight = columnWeight(context, row, cells, level.weight);
      if (weight) {
        category.weight = weight;
        category.points = HUNDRED;
      }
      startCategory(category, depth + sectionOffset);
      started = category;
      leaf = isLeaf;
      lastIndicator = null;
    }
    if (started) takePoints(started, columnPoints(view, row, cells, columns.subtotal));

    const targetText = targetCell && targetCell.col !== categoryCell?.col && !isLevel(targetCell.col) ? targetCell.text : "";
    let indicator: Indicator;
    if (leaf) {
      const category = started!;
      indicator = indicatorAt(view, row, categoryCell!.col, category.name, targetText, targetCell?.col ?? categoryCell!.col);
      indicator.cell = category.cell;
      if (category.points !== null) {
        indicator.points = category.points;
        indicator.pointsSource = "name";
        indicator.pointsCell = category.cell;
      }
    } else {
      const nameCell = columns.indicator !== null ? cellAt(cells, columns.indicator) : targetCell;
      const ownPoints = columnPoints(view, row, cells, columns.points);
      if (nameCell && !nameCell.startsHere && lastIndicator && columns.indicator !== null && ownPoints === null) {
        // The indicator's name continues from above: this row adds to its target.
        if (targetText) {
          lastIndicator.target = [lastIndicator.target, targetText].filter(Boolean).join("\n");
          grown.add(lastIndicator);
        }
        continue;
      }
      const onlyLevels = started !== null && !targetText && (!nameCell || !nameCell.startsHere || nameCell.text === "" || isLevel(nameCell.col)) && ownPoints === null;
      if (onlyLevels) continue;
      const read = rowIndicator(context, row, cells, nameCell, targetText, ownPoints);
      if (!read) continue;
      if (!read.name && lastIndicator && ownPoints !== null) {
        // A row of points under a name merged over several rows (one yes/no indicator split into 5-point reasons).
        read.name = lastIndicator.name;
        read.target ||= lastIndicator.target;
      }
      if (headings.size) closeDeeperSections(row);
      currentCategory(row, nameCell?.col ?? columns.target);
      indicator = read;
    }
    rowDetails(context, row, cells, indicator);

    const ownerText = columns.owner !== null ? flat(cellAt(cells, columns.owner)?.text ?? "") : "";
    if (columns.owner !== null) {
      indicator.owner = ownerText || lastOwner;
      lastOwner = indicator.owner;
      // The units of a 配合单位 column beside the 牵头单位 one join the owner as assisting ("县发改局；配合：县统计局").
      const assisting = (columns.assisting ?? []).map((col) => flat(cellAt(cells, col)?.text ?? "")).filter(Boolean);
      if (indicator.owner && assisting.length > 0) indicator.owner = `${indicator.owner}；配合：${assisting.join("、")}`;
    }
    const numberText = flat(cellAt(cells, columns.number)?.text ?? "");
    if (numberText) indicator.number = numberText;
    deepest()!.indicators.push(indicator);
    lastIndicator = indicator;
  }

  if (leadingTotal) leadingTotal.covers = categories.map((c) => c.name);
  for (const indicator of grown) indicator.segments = textSegments(indicator.target);
  settleTree(categories, context.penaltyList);
  return { categories, notes, totals };
}

const HUNDRED = new Decimal(100);

/** A category of rows whose points are all negative (扣分项目 | 发生安全事故 | -10), two or more: a penalty list. */
function takesOnly(category: Category): boolean {
  if (category.categories.length) return false;
  const pointed = category.indicators.filter((i) => i.points !== null);
  return pointed.length >= 2 && pointed.length === category.indicators.length && pointed.every((i) => i.points!.isNegative());
}

/** Whether a text adds points ("每次加1分", "加5分") and whether it takes any away, as ADDS_POINTS | TAKES_POINTS; a
 * text repeated in book after book is read once. */
const addsAndTakes = byText((text: string): number => (text.includes("加") && ADDS.test(text) ? ADDS_POINTS : 0) | (TAKES.test(text) ? TAKES_POINTS : 0));
const ADDS_POINTS = 1;
const TAKES_POINTS = 2;

/** A row whose rules only add points ("每次加1分", "加5分") and never take any away: a bonus item. */
function onlyAdds(indicator: Indicator): boolean {
  return (addsAndTakes(indicator.target) | addsAndTakes(indicator.criterion ?? "")) === ADDS_POINTS;
}

function categoryKind(category: Category, penaltyList: boolean, indicatorTextKinds: (TextKind | null)[]): CategoryKind {
  if (penaltyList || isPenaltyName(category.name) || takesOnly(category)) return "penalty";
  if (isBonusName(category.name)) return "bonus";
  const own = textKind(category.name, category.leaf ? category.indicators[0]?.target ?? "" : "");
  if (own) return own;
  if (category.indicators.length > 0 && category.categories.length === 0 && category.indicators.every(onlyAdds)) return "bonus";
  if (indicatorTextKinds.length > 0) {
    if (category.points === null && indicatorTextKinds.every((k) => k === "deduction")) return "deduction";
    if (indicatorTextKinds.every((k) => k === "pending")) return "pending";
    if (indicatorTextKinds.every((k) => k === "reference")) return "reference";
  }
  return "normal";
}

/** settleKinds over a tree of categories, parents first. */
function settleTree(categories: Category[], penaltyList: boolean) {
  for (const category of categories) {
    settleKinds(category, penaltyList);
    settleTree(category.categories, penaltyList);
  }
}

/** A row with no points of its own whose words only take points away ("未报扣10分", "每次扣5分"): a deduction rule. */
function isDeductionRule(indicator: Indicator): boolean {
  if (indicator.points !== null) return false;
  const text = indicator.criterion ? `${indicator.target}\n${indicator.criterion}` : indicator.target;
  return text.includes("扣") && DEDUCTION_RULE.test(normalizeDigits(text)) && !AWARD_WORDS.test(text);
}

/** Kinds of a category and its indicators, penalty tiers, and points a lone indicator takes from its category. */
function settleKinds(category: Category, penaltyList: boolean) {
  const textKinds = category.indicators.map((i) => textKind(i.name, i.target) ?? (isDeductionRule(i) ? "deduction" : null));
  category.kind = categoryKind(category, penaltyList, textKinds);
  if (category.kind === "bonus") category.cap = category.points;
  const lone = category.indicators.length === 1 && category.categories.length === 0 ? category.indicators[0] : null;
  if (lone && lone.points === null && category.points !== null) {
    lone.points = category.points;
    lone.pointsSource = "category";
    lone.pointsCell = category.cell;
  }
  category.indicators.forEach((indicator, index) => {
    indicator.kind = indicatorKind(category.kind, textKinds[index]);
    if (indicator.kind === "penalty") {
      if (indicator.points !== null && indicator.points.isPositive() && !indicator.points.isZero()) {
        indicator.points = indicator.points.negated();
      }
      if (indicator.points === null) {
        const amounts = deductionAmounts(indicator.target);
        if (amounts.length === 1) {
          indicator.points = amounts[0];
          indicator.pointsSource = "text";
          indicator.pointsCell = indicator.cell;
        } else if (amounts.length > 1) {
          indicator.tiers = amounts;
        }
      }
    }
    if (indicator.kind === "bonus" && indicator.cap === null && indicator.points !== null) {
      indicator.cap = indicator.points;
    }
  });
}

function indicatorKind(categoryKind: CategoryKind, own: TextKind | null): IndicatorKind {
  if (categoryKind === "penalty" || categoryKind === "bonus" || categoryKind === "deduction") return categoryKind;
  if (own) return own;
  if (categoryKind === "pending" || categoryKind === "reference") return categoryKind;
  return "score";
}
