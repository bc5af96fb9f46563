/**
 * The workbook adapter over an in-memory workbook: the preview page (no Excel) and component tests. Sheets hold
 * values, merges, links and charts; selecting a cell and adding sheets notify the views that subscribe.
 */
import { parseA1, type CellGrid, type CellValue, type MergeArea } from "../core/grid";
import { arrayCells, type ScoringSheetCells } from "../core/scoringSheet/read";
import { HEADER_ROW, KEY_HEADER } from "../core/scoringSheet/sheet";
import { freeSheetName, type ChartSpec, type SheetSpec, type SpecCell } from "../core/summary/sheetSpec";
import type { ReadProgress, WorkbookAdapter } from "./adapter";

export interface MemorySheet {
  name: string;
  values: CellValue[][];
  merges: MergeArea[];
  /** Link targets by "row:col" (0-based). */
  links: Map<string, { sheet: string; cell: string }>;
  /** Styles of generated sheets by "row:col". */
  styles: Map<string, string>;
  charts: ChartSpec[];
  /** Columns (0-based) not shown (a scoring sheet's key column). */
  hiddenColumns: number[];
  /** Added by the task pane (a summary sheet), not loaded from the file. */
  generated: boolean;
}

export interface Selection {
  sheet: string;
  cell: string;
}

function shown(cell: SpecCell | undefined): CellValue {
  if (!cell) return null;
  if (cell.kind === "value") return cell.value;
  if (cell.kind === "formula") return cell.cached ?? null;
  return cell.text;
}

export function sheetFromSpec(name: string, spec: SheetSpec): MemorySheet {
  const links = new Map<string, { sheet: string; cell: string }>();
  const styles = new Map<string, string>();
  const values = spec.rows.map((row, r) =>
    row.map((cell, c) => {
      if (cell.kind === "link") links.set(`${r}:${c}`, { sheet: cell.sheet, cell: cell.cell });
      if (cell.style) styles.set(`${r}:${c}`, cell.style);
      return shown(cell);
    }),
  );
  return { name, values, merges: spec.merges, links, styles, charts: spec.charts, hiddenColumns: spec.hiddenColumns ?? [], generated: true };
}

/** A scoring sheet Kaohe generated: its header row carries the key column. */
export function isScoringMemorySheet(sheet: MemorySheet): boolean {
  return sheet.values[HEADER_ROW - 1]?.includes(KEY_HEADER) ?? false;
}

export class MemoryWorkbook implements WorkbookAdapter {
  readonly sheets: MemorySheet[];
  selection: Selection | null = null;
  activeSheet: string | null;
  /** Milliseconds each read waits per sheet, so that a preview shows its progress as Excel would. */
  readDelay = 0;
  /** Set where .xlsx files can be read (xlsxMemory): other workbooks for the ranking. */
  openWorkbookFile?: (bytes: ArrayBuffer) => Promise<WorkbookAdapter>;
  private readonly changeListeners = new Set<() => void>();
  private readonly viewListeners = new Set<() => void>();

  constructor(grids: CellGrid[]) {
    this.sheets = grids.map((g) => ({
      name: g.sheet, values: g.values.map((r) => [...r]), merges: [...g.merges], links: new Map(), styles: new Map(), charts: [], hiddenColumns: [], generated: false,
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
    const total = this.sheets.length;
    onProgress?.({ done: 0, total });
    const grids: CellGrid[] = [];
    for (const [index, s] of this.sheets.entries()) {
      if (this.readDelay > 0) await new Promise((resolve) => setTimeout(resolve, this.readDelay));
      grids.push({ sheet: s.name, values: s.values.map((r) => [...r]), merges: [...s.merges] });
      onProgress?.({ done: index + 1, total });
    }
    return grids;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (!this.sheet(sheet)) throw new Error(`工作表“${sheet}”不存在 / no sheet named "${sheet}"`);
    parseA1(cell);
    this.activeSheet = sheet;
    this.selection = { sheet, cell };
    this.notifyViews();
  }

  async addSheets(specs: SheetSpec[], replacing: string[] = []): Promise<string[]> {
    for (const name of replacing) {
      const old = this.sheet(name);
      if (!old || !isScoringMemorySheet(old)) throw new Error(`工作表“${name}”不是 Kaohe 生成的评分表，不能替换 / "${name}" is not a scoring sheet Kaohe generated`);
    }
    for (const name of replacing) this.sheets.splice(this.sheets.findIndex((s) => s.name === name), 1);
    const names: string[] = [];
    for (const spec of specs) {
      const name = freeSheetName(spec.name, this.sheets.map((s) => s.name));
      this.sheets.push(sheetFromSpec(name, spec));
      names.push(name);
    }
    if (names.length > 0) this.activeSheet = names[0];
    this.notifyViews();
    return names;
  }

  async readScoringSheets(): Promise<ScoringSheetCells[]> {
    return this.sheets.filter(isScoringMemorySheet).map((s) => arrayCells(s.name, s.values.map((r) => [...r])));
  }

  async onChange(listener: () => void): Promise<() => Promise<void>> {
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

  /** A user's edit: sets one cell and tells the change listeners, as Excel's onChanged does. */
  setCell(sheet: string, cell: string, value: CellValue): void {
    const target = this.sheet(sheet);
    if (!target) throw new Error(`no sheet named "${sheet}"`);
    const { row, col } = parseA1(cell);
    while (target.values.length <= row) target.values.push([]);
    const r = target.values[row];
    while (r.length <= col) r.push(null);
    r[col] = value;
    this.notifyViews();
    for (const l of this.changeListeners) l();
  }
}
