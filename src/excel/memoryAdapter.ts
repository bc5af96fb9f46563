/**
 * The workbook adapter over an in-memory workbook: the preview page (no Excel) and component tests. Sheets hold
 * values (a formula's last computed value), formulas, merges, links and charts; selecting a cell, adding sheets and
 * edits notify the views that subscribe. An edit on a scoring sheet recalculates it (memoryRecalc), as Excel would.
 */
import { Decimal } from "../core/decimal";
import { parseA1, type CellGrid, type CellValue } from "../core/grid";
import type { ScoringPlan } from "../core/scoringSheet/plan";
import { arrayCells, type ScoringSheetCells } from "../core/scoringSheet/read";
import { SheetNames, madeSheet, numberFormat, shownValue, type SheetSource, type SheetSpec } from "../core/sheetSpec";
import { MessageError } from "../locales";
import type { ReadProgress, SheetChanges, WorkbookAdapter } from "./adapter";
import { memoryScoringPlans, recalculateScoringSheet, type Recalculation } from "./memoryRecalc";
import { formulaGrid, isScoringMemorySheet, type MemorySheet } from "./memorySheet";

export { isScoringMemorySheet, type MemorySheet } from "./memorySheet";

export interface Selection {
  sheet: string;
  cell: string;
}

export function sheetFromSpec(name: string, spec: SheetSpec): MemorySheet {
  const links = new Map<string, { sheet: string; cell: string }>();
  const styles = new Map<string, string>();
  const formulas = new Map<string, string>();
  const formats = new Map<string, string>();
  const values = spec.rows.map((row, r) =>
    row.map((cell, c) => {
      if (cell.kind === "link") links.set(`${r}:${c}`, { sheet: cell.sheet, cell: cell.cell });
      if (cell.kind === "formula") formulas.set(`${r}:${c}`, `=${cell.formula}`);
      if (cell.style) styles.set(`${r}:${c}`, cell.style);
      const format = numberFormat(cell);
      if (format !== undefined) formats.set(`${r}:${c}`, format);
      return shownValue(cell);
    }),
  );
  return { name, values, formulas, merges: spec.merges, links, styles, charts: spec.charts, hiddenColumns: spec.hiddenColumns ?? [], widths: spec.widths, generated: true,
    formats, rowHeights: spec.rowHeights, print: spec.print, validations: spec.validations ?? [] };
}

/**
 * What typing `text` into a cell enters, as Excel takes it: nothing (blank), a number ("12.5", "-3", "85%",
 * full-width digits too), TRUE/FALSE, or else the text as typed.
 */
export function enteredValue(text: string): CellValue {
  const t = text.normalize("NFKC").trim();
  if (t === "") return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (percent) return new Decimal(percent[1]).div(100).toNumber();
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return text;
}

export class MemoryWorkbook implements WorkbookAdapter {
  readonly sheets: MemorySheet[];
  selection: Selection | null = null;
  activeSheet: string | null;
  /** Milliseconds each read waits per sheet, so that a preview shows its progress as Excel would. */
  readDelay = 0;
  /** Set where .xlsx files can be read (xlsxMemory): other workbooks for the ranking. */
  openWorkbookFile?: (bytes: ArrayBuffer) => Promise<WorkbookAdapter>;
  private readonly changeListeners = new Set<(changes?: SheetChanges) => void>();
  private readonly viewListeners = new Set<() => void>();
  /** Bumped by every edit that may change a book (any cell but a scoring sheet's input cell). */
  private sourceVersion = 0;
  private plans: { sources: MemorySheet[]; version: number; plans: ScoringPlan[] } | null = null;

  constructor(grids: CellGrid[]) {
    this.sheets = grids.map((g) => ({
      name: g.sheet, values: g.values.map((r) => [...r]), formulas: new Map(), merges: [...g.merges], links: new Map(), styles: new Map(), charts: [], hiddenColumns: [], widths: [], generated: false,
      ...(g.hidden ? { hidden: g.hidden } : {}),
    }));
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Views (the preview's grid) re-render on selection, sheet and value changes. */
  subscribe(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  private notifyViews() {
    for (const l of this.viewListeners) l();
  }

  async readSheets(onProgress?: (progress: ReadProgress) => void): Promise<CellGrid[]> {
    return this.readNamedSheets(this.sheets.map((s) => s.name), onProgress);
  }

  async sheetNames(): Promise<string[]> {
    if (this.readDelay > 0) await new Promise((resolve) => setTimeout(resolve, this.readDelay));
    return this.sheets.map((s) => s.name);
  }

  async readNamedSheets(names: string[], onProgress?: (progress: ReadProgress) => void): Promise<CellGrid[]> {
    const total = names.length;
    onProgress?.({ done: 0, total });
    const grids: CellGrid[] = [];
    for (const [index, name] of names.entries()) {
      if (this.readDelay > 0) await new Promise((resolve) => setTimeout(resolve, this.readDelay));
      const s = this.sheet(name);
      if (!s) throw new MessageError({ key: "workbook.no-sheet", params: { sheet: name } });
      const grid: CellGrid = { sheet: s.name, values: s.values.map((r) => [...r]), merges: [...s.merges] };
      if (s.hidden) grid.hidden = s.hidden;
      grids.push(grid);
      onProgress?.({ done: index + 1, total });
    }
    return grids;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (!this.sheet(sheet)) throw new MessageError({ key: "workbook.no-sheet", params: { sheet } });
    parseA1(cell);
    this.activeSheet = sheet;
    this.selection = { sheet, cell };
    this.notifyViews();
  }

  async addSheets(sources: SheetSource[], replacing: string[] = []): Promise<string[]> {
    // Every sheet is made before anything changes (as Excel's adapter does).
    const specs = sources.map(madeSheet);
    for (const name of replacing) {
      const old = this.sheet(name);
      if (!old || !isScoringMemorySheet(old)) throw new MessageError({ key: "workbook.not-scoring-sheet", params: { sheet: name } });
    }
    for (const name of replacing) this.sheets.splice(this.sheets.findIndex((s) => s.name === name), 1);
    const names: string[] = [];
    const taken = new SheetNames(this.sheets.map((s) => s.name));
    for (const spec of specs) {
      const name = taken.take(spec.name);
      this.sheets.push(sheetFromSpec(name, spec));
      names.push(name);
    }
    if (names.length > 0) this.activeSheet = names[0];
    this.notifyViews();
    // As Excel's onAdded and onDeleted do.
    if (names.length > 0 || replacing.length > 0) for (const l of this.changeListeners) l({ sheets: names });
    return names;
  }

  async readScoringSheets(): Promise<ScoringSheetCells[]> {
    return this.sheets.filter(isScoringMemorySheet).map((s) => arrayCells(s.name, s.values.map((r) => [...r]), formulaGrid(s)));
  }

  async onChange(listener: (changes?: SheetChanges) => void): Promise<() => Promise<void>> {
    this.changeListeners.add(listener);
    return async () => {
      this.changeListeners.delete(listener);
    };
  }

  /** Shows a sheet without selecting a cell (the preview's sheet tabs). */
  activate(sheet: string): void {
    this.activeSheet = sheet;
    this.notifyViews();
  }

  /** Whether the preview lets a user type into a cell: only the input cells of scoring sheets, never a source cell
   * or a formula. */
  isEditable(sheet: string, cell: string): boolean {
    const target = this.sheet(sheet);
    if (!target || !isScoringMemorySheet(target)) return false;
    const { row, col } = parseA1(cell);
    return target.styles.get(`${row}:${col}`) === "input";
  }

  /** Typing into a cell (the preview's grid): the text as Excel would take it (enteredValue; "=…" a formula, shown as
   * typed - the preview computes no formula of the assessor's - and "'=…" the text after the apostrophe), into an
   * input cell of a scoring sheet only. */
  enter(sheet: string, cell: string, text: string): void {
    if (!this.isEditable(sheet, cell)) throw new MessageError({ key: "workbook.not-input-cell", params: { sheet, cell } });
    const typed = text.trim();
    if (typed.startsWith("'")) this.setCell(sheet, cell, text.slice(text.indexOf("'") + 1));
    else if (/^=./.test(typed)) this.setCell(sheet, cell, typed, typed);
    else this.setCell(sheet, cell, enteredValue(text));
  }

  /**
   * A user's edit: sets one cell (a formula there gives way to the value, or to `formula`: "=…", shown as `value`),
   * recalculates the sheet when it is a scoring sheet, and tells the views and then the change listeners, as Excel's
   * onChanged does after calculating.
   */
  setCell(sheet: string, cell: string, value: CellValue, formula: string | null = null): Recalculation {
    const target = this.sheet(sheet);
    if (!target) throw new MessageError({ key: "workbook.no-sheet", params: { sheet } });
    const { row, col } = parseA1(cell);
    while (target.values.length <= row) target.values.push([]);
    const r = target.values[row];
    while (r.length <= col) r.push(null);
    r[col] = value;
    if (formula === null) target.formulas.delete(`${row}:${col}`);
    else target.formulas.set(`${row}:${col}`, formula);
    if (!this.isEditable(sheet, cell)) this.sourceVersion++;
    const calculated = this.recalculate(target);
    this.notifyViews();
    for (const l of this.changeListeners) l({ sheets: [sheet] });
    return calculated;
  }

  /** Recalculates a scoring sheet from the books on the workbook's other sheets (memoryRecalc). */
  recalculate(sheet: MemorySheet): Recalculation {
    if (!isScoringMemorySheet(sheet)) return "not-scoring";
    return recalculateScoringSheet(sheet, this.scoringPlans());
  }

  /** The scoring plans of the books on the other sheets, read again only when one of those sheets changed. */
  private scoringPlans(): ScoringPlan[] {
    const sources = this.sheets.filter((s) => !isScoringMemorySheet(s));
    const cached = this.plans;
    if (cached && cached.version === this.sourceVersion && cached.sources.length === sources.length && cached.sources.every((s, i) => s === sources[i])) {
      return cached.plans;
    }
    this.plans = { sources, version: this.sourceVersion, plans: memoryScoringPlans(sources) };
    return this.plans.plans;
  }
}
