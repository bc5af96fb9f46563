/**
 * Checking a workbook again after a change, reusing what the last check found: the books and their findings while
 * every sheet other than the scoring sheets holds what it held, and each scoring sheet's findings while its cells
 * (and the books) are the same. An entry on a scoring sheet re-checks that sheet only; any other change checks the
 * workbook again (checkGrids). The result is the one checkGrids gives for the same sheets.
 */
import type { CellGrid } from "../core/grid";
import { readSheet } from "../core/layout";
import { isScoringSheetValues } from "../core/scoringSheet/columns";
import { checkScoringSheets, keyedRows, type KeyedRow, type ScoringSheetCheck } from "../core/scoringSheet/entered";
import { withTotalChecks } from "../core/scoringSheet/recompute";
import { checkGrids, type WorkbookCheck } from "./check";

export class CheckCache {
  /** Each sheet's content as text, by the grid read (a grid read again is a new object). */
  private readonly keys = new WeakMap<CellGrid, string>();
  /** The last check that read the books: the contents of the sheets other than scoring sheets it read them from. */
  private sources: { keys: string[]; check: WorkbookCheck; rows?: Map<string, KeyedRow> } | null = null;
  /** Scoring sheets' checks by content, against the books of `sources`. */
  private scoring = new Map<string, ScoringSheetCheck | null>();

  /** A sheet's name, hiding, place, values and merges, as one text. */
  private keyOf(grid: CellGrid): string {
    let key = this.keys.get(grid);
    if (key === undefined) {
      key = JSON.stringify(grid);
      this.keys.set(grid, key);
    }
    return key;
  }

  /** The check of `grids`, as checkGrids(grids), from what is unchanged since the last call. */
  check(grids: CellGrid[]): WorkbookCheck {
    const scoringSheet = grids.map((g) => isScoringSheetValues(g.values));
    const sourceKeys = grids.filter((_, i) => !scoringSheet[i]).map((g) => this.keyOf(g));
    const sources = this.sources;
    if (!sources || sources.keys.length !== sourceKeys.length || sources.keys.some((k, i) => k !== sourceKeys[i])) {
      const check = checkGrids(grids);
      this.sources = { keys: sourceKeys, check };
      this.scoring = new Map();
      grids.forEach((g, i) => {
        if (scoringSheet[i]) this.scoring.set(this.keyOf(g), check.scoring.find((s) => s.sheet === g.sheet) ?? null);
      });
      return check;
    }
    const base = sources.check;
    const readings = new Map(base.reading.sheets.map((r) => [r.sheet, r]));
    const sheets = grids.map((g, i) => (scoringSheet[i] ? readSheet(g).reading : readings.get(g.sheet) ?? readSheet(g).reading));
    // Only the scoring sheets of this read stay cached.
    const kept = new Map<string, ScoringSheetCheck | null>();
    const scoring = grids.flatMap((g, i) => {
      if (!scoringSheet[i]) return [];
      const key = this.keyOf(g);
      const cached = this.scoring.get(key);
      if (cached !== undefined) {
        kept.set(key, cached);
        return cached ? [cached] : [];
      }
      sources.rows ??= keyedRows(base.books);
      const found = withTotalChecks(checkScoringSheets(base.books, [g], sources.rows), base.books, [g])[0] ?? null;
      kept.set(key, found);
      return found ? [found] : [];
    });
    this.scoring = kept;
    const findings = [...base.perBook.flat(), ...scoring.flatMap((s) => s.findings)];
    return { ...base, grids, reading: { ...base.reading, sheets }, scoring, findings };
  }
}
