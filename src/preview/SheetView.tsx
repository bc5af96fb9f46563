/**
 * The preview's stand-in for Excel's grid: sheet tabs, the active sheet's cells with merges, the selected cell
 * highlighted and scrolled into view, and a line naming the selection. Clicking a cell selects it; the input cells
 * of scoring sheets (yellow) take entries as in Excel - type into the selected cell, or double-click it (F2), Enter
 * or Tab confirms, Escape cancels - and the workbook recalculates the sheet (memoryRecalc). Every other cell is
 * read-only: the preview never changes a source cell or a formula.
 */
import { makeStyles, Tab, TabList, Text } from "@fluentui/react-components";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type RefObject } from "react";
import { a1, cellText, columnLetters, parseA1, type CellValue } from "../core/grid";
import { formattedNumber } from "../excel/memorySheet";
import type { MemorySheet, MemoryWorkbook } from "../excel/memoryAdapter";
import { ChartView } from "./ChartView";
import { tokens } from "./tokens";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, height: "100%" },
  status: { display: "flex", gap: "16px", padding: "4px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  scroll: { overflow: "auto", flex: "1 1 0", minHeight: 0, outline: "none" },
  charts: { display: "flex", gap: "12px", alignItems: "flex-start", padding: "8px", overflow: "auto", flex: "0 0 auto", maxHeight: "48%", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2 },
  table: { borderCollapse: "collapse", fontSize: "12px", tableLayout: "auto" },
  fixed: { tableLayout: "fixed", width: "max-content" },
  /** Cells of a sheet with stated column widths show at most three lines, as a row of fixed height in Excel. */
  clamp: { display: "-webkit-box", WebkitLineClamp: 3, WebkitBoxOrient: "vertical", overflow: "hidden", wordBreak: "break-all" },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 4px", zIndex: 2 },
  rowHead: { position: "sticky", left: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 4px", textAlign: "right", color: tokens.colorNeutralForeground3 },
  corner: { left: 0, zIndex: 3 },
  /** A title runs over the empty cells to its right, as in Excel. */
  titleText: { whiteSpace: "nowrap" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top", whiteSpace: "pre-wrap", maxWidth: "420px", minWidth: "40px" },
  number: { textAlign: "right" },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: "#DDEBF7" },
  input: { backgroundColor: "#FFF2CC", cursor: "cell", minWidth: "56px" },
  error: { backgroundColor: "#FDE2E2" },
  warning: { backgroundColor: "#FFF4E0" },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: "#F2F2F2" },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: "15px" },
  formulaError: { color: "#C00000" },
  link: { color: tokens.colorBrandForegroundLink, textDecoration: "underline", cursor: "pointer", background: "none", border: "none", padding: 0, font: "inherit", textAlign: "left" },
  editable: { position: "relative" },
  /** The selected input cell's input: invisible until something is typed (so that typing, IME included, replaces
   * the value as in Excel), then the editor over the cell. */
  catcher: { position: "absolute", inset: 0, width: "100%", height: "100%", boxSizing: "border-box", opacity: 0, border: "none", padding: "2px 4px", font: "inherit", backgroundColor: "transparent" },
  editor: { position: "absolute", inset: 0, width: "100%", height: "100%", boxSizing: "border-box", minWidth: "64px", font: "inherit", padding: "2px 4px", border: "none", outline: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: "#FFFFFF", zIndex: 1 },
  sheetBar: { display: "flex", alignItems: "center", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, flex: "0 0 auto", paddingLeft: "8px" },
  sheetList: { flex: "0 0 auto", maxWidth: "240px", font: "inherit", fontSize: tokens.fontSizeBase200, padding: "2px 4px" },
  tabs: { overflowX: "auto", flex: "1 1 auto", minWidth: 0 },
});

/** Class names of cell styles the sheets use (styles without a look of their own, such as "percent", have none). */
const STYLE_CLASSES = ["header", "input", "error", "warning", "total", "title"] as const;

export interface SheetViewLabels {
  selected: string;
  none: string;
  sheets: string;
  /** Shown when the selected cell takes entries. */
  editable: string;
  /** Accessible name of the cell editor, followed by the cell. */
  editor: string;
}

/** A value as the grid shows it: in the cell's number format (a percentage, a unit after the number; the percent
 * style as "0.00%"), other numbers to ten significant digits (Excel's General). */
export function shownText(value: CellValue, style: string | undefined, format?: string): string {
  if (typeof value === "number" && Number.isFinite(value)) return formattedNumber(value, format ?? (style === "percent" ? "0.00%" : undefined));
  return cellText(value);
}

const ROW_HEAD_PX = 36;
/** Pixels of a column `chars` characters wide (Excel's unit: the width of a digit). */
const columnPx = (chars: number | undefined) => Math.max(24, Math.round((chars ?? 8.43) * 7 + 5));

type Scroll = "center" | "nearest" | "none";

/** An entry being typed: the cell and its text so far. */
interface Draft {
  sheet: string;
  address: string;
  text: string;
}

const MOVES: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };

/** The sheet list and the sheet tabs; rendered again only when the sheets or the one shown change, not on each entry. */
const SheetBar = memo(function SheetBar({ names, active, label, onSelect }: {
  names: string[];
  active: string;
  label: string;
  onSelect: (name: string) => void;
}) {
  const styles = useStyles();
  const tabsRef = useRef<HTMLDivElement | null>(null);
  // The tab of the sheet shown is scrolled into view (a sheet picked in the list, a sheet just added).
  const at = names.indexOf(active);
  useEffect(() => {
    tabsRef.current?.querySelectorAll('[role="tab"]')[at]?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [at, names]);
  return (
    <div className={styles.sheetBar}>
      <select className={styles.sheetList} aria-label={label} value={active} onChange={(e) => onSelect(e.target.value)}>
        {names.map((name, i) => <option key={name} value={name}>{`${i + 1}. ${name}`}</option>)}
      </select>
      <div className={styles.tabs} ref={tabsRef}>
        <TabList size="small" selectedValue={active} onTabSelect={(_, d) => onSelect(String(d.value))} aria-label={label}>
          {names.map((name) => <Tab key={name} value={name}>{name}</Tab>)}
        </TabList>
      </div>
    </div>
  );
});

/** Where a sheet's cells go: the columns shown, the cells merged away, the merged cells' spans. */
interface SheetLayout {
  height: number;
  shown: number[];
  covered: Map<string, string>;
  spans: Map<string, { rows: number; cols: number }>;
  sized: boolean;
}

function sheetLayout(sheet: MemorySheet, width: number, height: number): SheetLayout {
  const covered = new Map<string, string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top}:${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.set(`${r}:${c}`, a1(m.top, m.left));
  }
  const hidden = new Set(sheet.hiddenColumns);
  const shown = Array.from({ length: width }, (_, c) => c).filter((c) => !hidden.has(c));
  return { height, shown, covered, spans, sized: sheet.widths.length > 0 };
}

/** What a row's cells do on a click, a double-click and typing: the grid's latest, so that rows need not render
 * again when only these change. */
interface RowHandlers {
  select: (address: string, scroll: Scroll) => void;
  edit: (draft: Draft | null) => void;
  commit: (move: [number, number] | null) => void;
  onInputKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  current: (address: string) => string;
  isEditable: (address: string) => boolean;
  focus: () => void;
  follow: (target: { sheet: string; cell: string }) => void;
}

/**
 * One row of the grid. It renders again only when its values (`content`), the selection or the entry being typed in
 * it, or the sheet's layout change: an entry re-renders the row typed into and the rows the selection leaves and
 * reaches, not the whole sheet.
 */
const SheetRow = memo(function SheetRow({ r, sheet, layout, selected, typing: draft, editor, handlers, selectedRef, inputRef }: {
  r: number;
  sheet: MemorySheet;
  layout: SheetLayout;
  /** The row's values as text: what tells the row that a value changed (the sheet's arrays change in place). */
  content: string;
  selected: string | null;
  typing: Draft | null;
  editor: string;
  handlers: RefObject<RowHandlers | null>;
  selectedRef: RefObject<HTMLTableCellElement | null>;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const styles = useStyles();
  const { shown, covered, spans, sized } = layout;
  const h = () => handlers.current!;
  return (
    <tr>
      <th className={styles.rowHead}>{r + 1}</th>
      {shown.map((c) => {
        const key = `${r}:${c}`;
        if (covered.has(key)) return null;
        const address = a1(r, c);
        const span = spans.get(key);
        const isSelected = selected === address;
        const style = sheet.styles.get(key);
        const target = sheet.links.get(key);
        const value = sheet.values[r]?.[c] ?? null;
        const text = shownText(value, style, sheet.formats?.get(key));
        const editable = style === "input" && h().isEditable(address);
        const typing = isSelected && editable && draft !== null && draft.address === address ? draft : null;
        const failed = sheet.formulas.has(key) && typeof value === "string" && value.startsWith("#");
        const className = [
          styles.cell,
          style && (STYLE_CLASSES as readonly string[]).includes(style) ? styles[style as (typeof STYLE_CLASSES)[number]] : "",
          typeof value === "number" ? styles.number : "",
          failed ? styles.formulaError : "",
          isSelected ? styles.selected : "",
          isSelected && editable ? styles.editable : "",
        ].join(" ");
        return (
          <td
            key={c}
            data-address={address}
            data-editable={editable || undefined}
            aria-selected={isSelected}
            ref={isSelected ? selectedRef : undefined}
            rowSpan={span?.rows}
            colSpan={span?.cols}
            className={className}
            onClick={() => {
              if (!isSelected) h().select(address, "none");
              else if (!typing) h().focus();
            }}
            onDoubleClick={() => {
              if (editable && !typing) h().edit({ sheet: sheet.name, address, text: h().current(address) });
            }}
          >
            {target ? (
              <button type="button" className={styles.link} onClick={(e) => {
                e.stopPropagation();
                h().follow(target);
              }}>{text}</button>
            ) : style === "title" ? <span className={styles.titleText}>{text}</span>
              : sized && text !== "" ? <div className={styles.clamp} title={text}>{text}</div> : text}
            {isSelected && editable && (
              <input
                ref={inputRef}
                className={typing ? styles.editor : styles.catcher}
                aria-label={`${editor} ${address}`}
                value={typing ? typing.text : ""}
                onChange={(e) => h().edit({ sheet: sheet.name, address, text: e.target.value })}
                onKeyDown={(e) => h().onInputKey(e)}
                onBlur={() => h().commit(null)}
              />
            )}
          </td>
        );
      })}
    </tr>
  );
});

export function SheetView({ workbook, labels }: { workbook: MemoryWorkbook; labels: SheetViewLabels }) {
  const styles = useStyles();
  const version = useRef(0);
  useSyncExternalStore(
    (listener) => workbook.subscribe(() => {
      version.current++;
      listener();
    }),
    () => version.current,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  /** How the next selection change scrolls: a finding's cell is centred, a cell moved to is only brought into view. */
  const nextScroll = useRef<Scroll>("center");
  /** The grid (a click, a key) made the last selection: keyboard focus follows it. */
  const focusFollows = useRef(false);
  /** Where each sheet shown was scrolled to: a sheet shown again opens there, a sheet never shown at A1. */
  const scrolls = useRef(new Map<string, { top: number; left: number }>());
  const sheet = workbook.sheet(workbook.activeSheet ?? "") ?? workbook.sheets[0];
  const namesKey = workbook.sheets.map((s) => s.name).join("\n");
  const names = useMemo(() => (namesKey === "" ? [] : namesKey.split("\n")), [namesKey]);
  const activate = useCallback((name: string) => workbook.activate(name), [workbook]);
  const shownName = useRef<string | undefined>(sheet?.name);
  shownName.current = sheet?.name;
  const selection = workbook.selection && workbook.selection.sheet === sheet?.name ? workbook.selection.cell : null;
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid || !sheet) return;
    const at = scrolls.current.get(sheet.name) ?? { top: 0, left: 0 };
    grid.scrollTo(at.left, at.top);
  }, [sheet?.name]);
  useEffect(() => {
    const how = nextScroll.current;
    nextScroll.current = "center";
    if (how !== "none") selectedRef.current?.scrollIntoView({ block: how, inline: "nearest" });
    if (focusFollows.current) {
      focusFollows.current = false;
      (inputRef.current ?? gridRef.current)?.focus({ preventScroll: true });
    }
  }, [workbook.selection, sheet?.name]);
  const width = sheet ? Math.max(1, ...sheet.values.map((r) => r.length), ...sheet.merges.map((m) => m.right + 1)) : 0;
  const height = sheet ? Math.max(sheet.values.length, ...sheet.merges.map((m) => m.bottom + 1)) : 0;
  const layoutKey = sheet ? `${width}|${height}|${sheet.merges.length}|${sheet.hiddenColumns.join(",")}|${sheet.widths.length}` : "";
  const layout = useMemo(() => (sheet ? sheetLayout(sheet, width, height) : null), [sheet, layoutKey]);
  const handlers = useRef<RowHandlers | null>(null);
  if (!sheet || !layout) return null;
  const { covered, shown, sized } = layout;
  const selectedEditable = selection !== null && workbook.isEditable(sheet.name, selection);

  const select = (address: string, scroll: Scroll) => {
    nextScroll.current = scroll;
    focusFollows.current = true;
    void workbook.selectCell(sheet.name, address);
  };
  /** The cell `rows` down and `cols` across (shown columns only), kept inside the sheet; a merged cell's master. */
  const moved = (address: string, rows: number, cols: number): string => {
    const { row, col } = parseA1(address);
    const r = Math.min(Math.max(0, row + rows), Math.max(0, height - 1));
    const index = Math.max(0, shown.indexOf(col));
    const c = shown[Math.min(Math.max(0, index + cols), shown.length - 1)] ?? col;
    return covered.get(`${r}:${c}`) ?? a1(r, c);
  };
  const edit = (next: Draft | null) => {
    draftRef.current = next;
    setDraft(next);
  };
  /** What the cell holds, for editing it (F2, double-click): the formula typed there, or its value. */
  const current = (address: string) => {
    const { row, col } = parseA1(address);
    return sheet.formulas.get(`${row}:${col}`) ?? cellText(sheet.values[row]?.[col] ?? null);
  };
  const commit = (move: [number, number] | null) => {
    const d = draftRef.current;
    if (!d) return;
    edit(null);
    workbook.enter(d.sheet, d.address, d.text);
    if (move && d.sheet === sheet.name) select(moved(d.address, move[0], move[1]), "nearest");
  };
  const cancel = () => edit(null);

  /** Keys on the selected cell while nothing is typed: moving, F2, clearing. */
  const onCellKey = (e: KeyboardEvent<HTMLElement>): boolean => {
    if (selection === null || e.altKey || e.ctrlKey || e.metaKey) return false;
    if (MOVES[e.key]) {
      const [rows, cols] = MOVES[e.key];
      select(moved(selection, e.shiftKey ? -rows : rows, e.shiftKey ? -cols : cols), "nearest");
      return true;
    }
    if (!selectedEditable) return false;
    if (e.key === "F2") {
      edit({ sheet: sheet.name, address: selection, text: current(selection) });
      return true;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      workbook.enter(sheet.name, selection, "");
      return true;
    }
    return false;
  };
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (!draftRef.current) {
      if (onCellKey(e)) e.preventDefault();
      return;
    }
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      commit(e.key === "Enter" ? [e.shiftKey ? -1 : 1, 0] : [0, e.shiftKey ? -1 : 1]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  };

  handlers.current = {
    select,
    edit,
    commit,
    onInputKey,
    current,
    isEditable: (address) => workbook.isEditable(sheet.name, address),
    focus: () => (inputRef.current ?? gridRef.current)?.focus({ preventScroll: true }),
    follow: (target) => void workbook.selectCell(target.sheet, target.cell),
  };

  return (
    <div className={styles.root}>
      <div className={styles.status} data-testid="selection">
        <Text size={300}>{workbook.selection ? `${labels.selected}${workbook.selection.sheet}!${workbook.selection.cell}` : labels.none}</Text>
        {selectedEditable && <Text size={300} className={styles.hint}>{labels.editable}</Text>}
      </div>
      <div
        className={styles.scroll}
        ref={gridRef}
        tabIndex={0}
        onScroll={(e) => {
          if (shownName.current !== undefined) scrolls.current.set(shownName.current, { top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft });
        }}
        onKeyDown={(e) => {
          if (e.target === e.currentTarget && onCellKey(e)) e.preventDefault();
        }}
      >
        <table className={sized ? `${styles.table} ${styles.fixed}` : styles.table} aria-label={sheet.name}>
          {sized && (
            <colgroup>
              <col style={{ width: `${ROW_HEAD_PX}px` }} />
              {shown.map((c) => <col key={c} style={{ width: `${columnPx(sheet.widths[c])}px` }} />)}
            </colgroup>
          )}
          <thead>
            <tr>
              <th className={styles.head} />
              {shown.map((c) => <th key={c} className={styles.head}>{columnLetters(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: layout.height }, (_, r) => (
              <SheetRow
                key={r}
                r={r}
                sheet={sheet}
                layout={layout}
                content={JSON.stringify(sheet.values[r] ?? null)}
                selected={selection !== null && parseA1(selection).row === r ? selection : null}
                typing={draft !== null && draft.sheet === sheet.name && parseA1(draft.address).row === r ? draft : null}
                editor={labels.editor}
                handlers={handlers}
                selectedRef={selectedRef}
                inputRef={inputRef}
              />
            ))}
          </tbody>
        </table>
      </div>
      {sheet.charts.length > 0 && (
        <div className={styles.charts}>
          {sheet.charts.map((chart, i) => <ChartView key={i} sheet={sheet} spec={chart} />)}
        </div>
      )}
      <SheetBar names={names} active={sheet.name} label={labels.sheets} onSelect={activate} />
    </div>
  );
}
