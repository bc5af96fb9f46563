/**
 * The check state of the task pane: checks the workbook through src/app on mount, again when a sheet changes
 * (debounced) and on demand, reporting the read's progress; a result stays shown while the next check runs or after
 * it fails.
 *
 * Where the adapter reads sheets one by one and names the sheets a change concerns (the preview's workbook), a
 * change is followed by an update: the sheet list, then only the sheets changed or new since the last read, checked
 * with what is unchanged taken from the last check (CheckCache). An entry on one scoring sheet then costs one sheet's
 * read and check, and the pane's buttons stay usable meanwhile. Anything else reads and checks every sheet.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookCheck } from "../app/check";
import { CheckCache } from "../app/checkCache";
import type { ReadProgress, SheetChanges, WorkbookAdapter } from "../excel/adapter";

export type CheckState =
  | { status: "reading"; progress: ReadProgress | null; previous: WorkbookCheck | null }
  /** Following a change: the sheets it concerns are read again while the last result stays usable. */
  | { status: "updating"; progress: ReadProgress | null; previous: WorkbookCheck }
  | { status: "ready"; result: WorkbookCheck }
  | { status: "failed"; message: string; previous: WorkbookCheck | null };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface WorkbookCheckState {
  state: CheckState;
  /** The last check that finished (shown while the next one runs). */
  result: WorkbookCheck | null;
  /** Reads and checks every sheet again. */
  recheck: () => Promise<void>;
  /** Why the workbook's changes cannot be followed (no automatic re-check), if so. */
  watchError: string | null;
}

/** How long an update waits for further changes when it reads only the sheets changed (milliseconds, at most). */
export const UPDATE_DELAY = 50;
/** An update shows that it runs once it has taken this long (milliseconds). */
const UPDATE_SHOWN_AFTER = 300;

/** Changes not yet read, each numbered, so that a read clears only what it saw. */
interface Pending {
  /** Anything may have changed (the first read, a change the host did not name): every sheet is read. */
  all: number | null;
  sheets: Map<string, number>;
  next: number;
}

/** `describe` words an error for the pane (in its language: MESSAGES[language].error). */
export function useWorkbookCheck(adapter: WorkbookAdapter, recheckDelay: number, describe: (error: unknown) => string = errorText): WorkbookCheckState {
  const [state, setState] = useState<CheckState>({ status: "reading", progress: null, previous: null });
  const [watchError, setWatchError] = useState<string | null>(null);
  const runId = useRef(0);
  const lastResult = useRef<WorkbookCheck | null>(null);
  const cache = useMemo(() => new CheckCache(), [adapter]);
  const pending = useRef<Pending>({ all: 0, sheets: new Map(), next: 1 });
  const byName = adapter.sheetNames !== undefined && adapter.readNamedSheets !== undefined;

  const run = useCallback(
    async (everything: boolean) => {
      const id = ++runId.current;
      const seen = { all: pending.current.all, sheets: new Map(pending.current.sheets) };
      const last = lastResult.current;
      const update = !everything && byName && last !== null && seen.all === null;
      const progress = (p: ReadProgress) => {
        if (id === runId.current) setState({ status: "reading", progress: p, previous: lastResult.current });
      };
      // An update says so only when it takes a while: most take a fraction of a second, and each state shown is a
      // render of the whole pane.
      const slow = update && last
        ? setTimeout(() => {
            if (id === runId.current) setState({ status: "updating", progress: null, previous: last });
          }, UPDATE_SHOWN_AFTER)
        : undefined;
      if (!update) setState({ status: "reading", progress: null, previous: last });
      try {
        let grids;
        if (update && last) {
          const names = await adapter.sheetNames!();
          const known = new Map(last.grids.map((g) => [g.sheet, g]));
          const read = await adapter.readNamedSheets!(names.filter((n) => seen.sheets.has(n) || !known.has(n)));
          const fresh = new Map(read.map((g) => [g.sheet, g]));
          grids = names.map((n) => fresh.get(n) ?? known.get(n)!);
        } else {
          grids = await adapter.readSheets(progress);
        }
        const result = cache.check(grids);
        clearTimeout(slow);
        if (id !== runId.current) return;
        // What this read saw is read; what changed since stays pending.
        const now = pending.current;
        if (now.all !== null && now.all === seen.all) now.all = null;
        for (const [name, at] of seen.sheets) if (now.sheets.get(name) === at) now.sheets.delete(name);
        lastResult.current = result;
        setState({ status: "ready", result });
      } catch (error) {
        clearTimeout(slow);
        if (id !== runId.current) return;
        if (update) {
          // A sheet removed between the list and its read, say: read everything.
          pending.current.all = pending.current.next++;
          await run(true);
          return;
        }
        setState({ status: "failed", message: describe(error), previous: lastResult.current });
      }
    },
    [adapter, byName, cache, describe],
  );

  const recheck = useCallback(() => run(true), [run]);

  useEffect(() => {
    pending.current = { all: 0, sheets: new Map(), next: 1 };
    void run(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let active = true;
    adapter
      .onChange((changes?: SheetChanges) => {
        const p = pending.current;
        if (changes && byName) for (const sheet of changes.sheets) p.sheets.set(sheet, p.next++);
        else p.all = p.next++;
        clearTimeout(timer);
        timer = setTimeout(() => void run(false), p.all === null ? Math.min(recheckDelay, UPDATE_DELAY) : recheckDelay);
      })
      .then((stop) => {
        if (active) unsubscribe = stop;
        else void stop();
      })
      .catch((error: unknown) => setWatchError(describe(error)));
    return () => {
      active = false;
      clearTimeout(timer);
      void unsubscribe?.();
    };
  }, [adapter, byName, run, recheckDelay, describe]);

  const result = state.status === "ready" ? state.result : state.previous;
  return { state, result, recheck, watchError };
}
