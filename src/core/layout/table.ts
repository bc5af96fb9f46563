/**
 * One table's data rows -> categories and indicators, by column roles. Categories start at each new text in the
 * category column (a merge or a blank below continues them), rows spanning the category and indicator columns
 * are leaf categories, a single "（N分）" at the end of a text is the row's points while several are sub-points.
 */
import type { Category, CategoryKind, Indicator, IndicatorKind, Note, PointsSource } from "../book";
import type { Decimal } from "../decimal";
import type { GridView } from "../grid";
import { inlinePoints, parseNamedPoints, parsePointsCell, type PointsStatement, signedPoints } from "../points";
import { deductionAmounts, isBonusName, textKind, type TextKind } from "./kinds";
import type { ColumnRole } from "./labels";
import { numberingOf, stripNumbering } from "./numbering";
import { type RowCell, rowCells, singleText, flat } from "./rows";
import { isNote } from "./titles";
import { textSegments } from "./segments";

export interface Columns {
  category: number | null;
  indicator: number | null;
  target: number;
  points: number | null;
  owner: number | null;
  number: number | null;
}

/** Column roles of a plain (non-matrix) table from its header cells; null when it has no text column. */
export function tableColumns(header: { cell: RowCell; role: ColumnRole | null }[]): Columns | null {
  const text: number[] = [];
  const first = (role: ColumnRole) => header.find((h) => h.role === role)?.cell.col ?? null;
  for (const { cell, role } of header) {
    if (role === "text") for (let c = cell.col; c <= cell.lastCol; c++) text.push(c);
  }
  if (text.length === 0) return null;
  return {
    category: text.length >= 2 ? text[0] : null,
    indicator: text.length >= 3 ? text[1] : null,
    target: text[text.length - 1],
    points: first("points"),
    owner: first("owner"),
    number: first("number"),
  };
}

export interface TableContext {
  view: GridView;
  columns: Columns;
  penaltyList: boolean;
}

export interface TableReading {
  categories: Category[];
  notes: Note[];
}

/** The row's own points written as one "（N分）" closing its text, with the text before it. */
function closingPoints(text: string): { points: Decimal; rest: string } | null {
  if (!text.includes("分")) return null;
  const mentions = inlinePoints(text);
  if (mentions.length !== 1) return null;
  const [only] = mentions;
  const after = text.slice(only.index + only.length);
  if (!/^[\s。；;，,.]*$/.test(after)) return null;
  return { points: only.points, rest: text.slice(0, only.index) };
}

/** parseNamedPoints, skipped for a text without 分 (points are always written with it). */
function namedPoints(text: string): ReturnType<typeof parseNamedPoints> {
  return text.includes("分") ? parseNamedPoints(text) : null;
}

function cellAt(cells: RowCell[], col: number | null): RowCell | undefined {
  if (col === null) return undefined;
  return cells.find((c) => c.col <= col && col <= c.lastCol);
}

function newCategory(view: GridView, row: number, cell: RowCell, leaf: boolean): Category {
  const named = namedPoints(cell.text);
  return {
    name: named ? named.name : flat(cell.text),
    kind: "normal",
    points: named ? signedPoints(named) : null,
    cap: null,
    leaf,
    sheet: view.sheet,
    cell: view.address(row, cell.col),
    indicators: [],
  };
}

function newIndicator(view: GridView, row: number, col: number, name: string, target: string, targetCol: number): Indicator {
  return {
    name,
    target,
    kind: "score",
    points: null,
    pointsSource: null,
    cap: null,
    tiers: [],
    owner: null,
    number: null,
    sheet: view.sheet,
    cell: view.address(row, col),
    targetCell: view.address(row, targetCol),
    pointsCell: null,
    pointsConflict: null,
    segments: textSegments(target),
  };
}

function applyPoints(indicator: Indicator, statement: PointsStatement, source: PointsSource, cell: string | null) {
  indicator.points = signedPoints(statement);
  indicator.pointsSource = source;
  indicator.pointsCell = cell;
  if (statement.form === "cap") indicator.cap = statement.points;
}

/** The indicator a plain row states: its name, target and points (column, name cell or closing "（N分）"). */
function rowIndicator(context: TableContext, row: number, cells: RowCell[], nameCell: RowCell | undefined, targetText: string): Indicator | null {
  const { view, columns } = context;
  const nameText = nameCell?.text ?? "";
  const pointsCellRef = cellAt(cells, columns.points);
  if (!nameText && !targetText && !pointsCellRef?.text) return null;
  let name = flat(nameText);
  let target = targetText;
  let statement: PointsStatement | null = null;
  let source: PointsSource | null = null;
  let pointsCell: string | null = null;
  if (pointsCellRef && pointsCellRef.startsHere) {
    statement = parsePointsCell(view.value(row, pointsCellRef.col));
    if (statement) {
      source = "column";
      pointsCell = view.address(row, pointsCellRef.col);
    }
  }
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
    }
  }
  if (second && !statement) {
    statement = second;
    source = columns.indicator !== null ? "name" : "text";
    pointsCell = view.address(row, nameCell!.col);
  }
  const indicator = newIndicator(view, row, nameCell?.col ?? columns.target, name, target, columns.target);
  if (statement) applyPoints(indicator, statement, source!, pointsCell);
  if (statement && second && statement !== second && !signedPoints(second).abs().eq(signedPoints(statement).abs())) {
    indicator.pointsConflict = signedPoints(second);
  }
  return indicator;
}

/** Reads a table's data rows into categories. */
export function readTable(context: TableContext, rows: number[]): TableReading {
  const { view, columns } = context;
  const categories: Category[] = [];
  const notes: Note[] = [];
  let current: Category | null = null;
  let lastIndicator: Indicator | null = null;
  let lastOwner: string | null = null;

  const startCategory = (category: Category) => {
    categories.push(category);
    current = category;
  };
  const currentCategory = (row: number, col: number): Category => {
    if (current) return current;
    const implicit: Category = {
      name: "", kind: "normal", points: null, cap: null, leaf: false,
      sheet: view.sheet, cell: view.address(row, col), indicators: [],
    };
    startCategory(implicit);
    return implicit;
  };

  for (const row of rows) {
    const cells = rowCells(view, row);
    if (!cells.some((c) => c.text !== "")) continue;
    const categoryCell = cellAt(cells, columns.category);
    const targetCell = cellAt(cells, columns.target);
    const leadCell = categoryCell ?? targetCell;

    const single = singleText(cells);
    if (single && isNote(single.text)) {
      notes.push({ text: single.text, cell: view.address(row, single.col) });
      continue;
    }
    // A row whose first cell spans every text column: a section heading ("一、经济发展（20分）"), or a remark.
    if (leadCell && leadCell.startsHere && leadCell.text && leadCell.lastCol >= columns.target
      && (columns.category !== null || numberingOf(leadCell.text) === "section")) {
      if (parseNamedPoints(leadCell.text) === null && numberingOf(leadCell.text) !== "section") {
        notes.push({ text: leadCell.text, cell: view.address(row, leadCell.col) });
      } else {
        startCategory(newCategory(view, row, { ...leadCell, text: stripNumbering(leadCell.text) }, false));
        lastIndicator = null;
      }
      continue;
    }

    let leaf = false;
    if (categoryCell && categoryCell.startsHere && categoryCell.text) {
      leaf = columns.indicator !== null && categoryCell.lastCol >= columns.indicator;
      startCategory(newCategory(view, row, categoryCell, leaf));
      lastIndicator = null;
    }

    const targetText = targetCell && targetCell.col !== categoryCell?.col ? targetCell.text : "";
    let indicator: Indicator;
    if (leaf) {
      const category = current!;
      indicator = newIndicator(view, row, categoryCell!.col, category.name, targetText, targetCell?.col ?? categoryCell!.col);
      indicator.cell = category.cell;
      if (category.points !== null) {
        indicator.points = category.points;
        indicator.pointsSource = "name";
        indicator.pointsCell = category.cell;
      }
    } else {
      const nameCell = columns.indicator !== null ? cellAt(cells, columns.indicator) : targetCell;
      if (nameCell && !nameCell.startsHere && lastIndicator && columns.indicator !== null) {
        // The indicator's name continues from above: this row adds to its target.
        if (targetText) lastIndicator.target = [lastIndicator.target, targetText].filter(Boolean).join("\n");
        lastIndicator.segments = textSegments(lastIndicator.target);
        continue;
      }
      const read = rowIndicator(context, row, cells, nameCell, targetText);
      if (!read) continue;
      currentCategory(row, nameCell?.col ?? columns.target);
      indicator = read;
    }

    const ownerText = columns.owner !== null ? flat(cellAt(cells, columns.owner)?.text ?? "") : "";
    if (columns.owner !== null) {
      indicator.owner = ownerText || lastOwner;
      lastOwner = indicator.owner;
    }
    const numberText = flat(cellAt(cells, columns.number)?.text ?? "");
    if (numberText) indicator.number = numberText;
    current!.indicators.push(indicator);
    lastIndicator = indicator;
  }

  for (const category of categories) settleKinds(category, context.penaltyList);
  return { categories, notes };
}

function categoryKind(category: Category, penaltyList: boolean, indicatorTextKinds: (TextKind | null)[]): CategoryKind {
  if (penaltyList) return "penalty";
  if (isBonusName(category.name)) return "bonus";
  const own = textKind(category.name, category.leaf ? category.indicators[0]?.target ?? "" : "");
  if (own) return own;
  if (indicatorTextKinds.length > 0) {
    if (indicatorTextKinds.every((k) => k === "pending")) return "pending";
    if (indicatorTextKinds.every((k) => k === "reference")) return "reference";
  }
  return "normal";
}

/** Kinds of a category and its indicators, penalty tiers, and points a lone indicator takes from its category. */
function settleKinds(category: Category, penaltyList: boolean) {
  const textKinds = category.indicators.map((i) => textKind(i.name, i.target));
  category.kind = categoryKind(category, penaltyList, textKinds);
  if (category.kind === "bonus") category.cap = category.points;
  const lone = category.indicators.length === 1 ? category.indicators[0] : null;
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
