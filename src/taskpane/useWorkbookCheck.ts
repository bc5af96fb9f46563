/**
 * The check state of the task pane: checks the workbook through src/app on mount, again when a sheet changes
 * (debounced) and on demand, reporting the read's progress; a result stays shown while the next check runs or after
 * it fails.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkWorkbook, type WorkbookCheck } from "../app/check";
import type { ReadProgress, WorkbookAdapter } from "../excel/adapter";

export type CheckState =
  | { status: "reading"; progress: ReadProgress | null; previous: WorkbookCheck | null }
  | { status: "ready"; result: WorkbookCheck }
  | { status: "failed"; message: string; previous: WorkbookCheck | null };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface WorkbookCheckState {
  state: CheckState;
  /** The last check that finished (shown while the next one runs). */
  result: WorkbookCheck | null;
  recheck: () => Promise<void>;
  /** Why the workbook's changes cannot be followed (no automatic re-check), if so. */
  watchError: string | null;
}

/** `describe` words an error for the pane (in its language: MESSAGES[language].error). */
export function useWorkbookCheck(adapter: WorkbookAdapter, recheckDelay: number, describe: (error: unknown) => string = errorText): WorkbookCheckState {
  const [state, setState] = useState<CheckState>({ status: "reading", progress: null, previous: null });
  const [watchError, setWatchError] = useState<string | null>(null);
  const runId = useRef(0);
  const lastResult = useRef<WorkbookCheck | null>(null);

  const recheck = useCallback(async () => {
    const id = ++runId.current;
    setState({ status: "reading", progress: null, previous: lastResult.current });
    try {
      const result = await checkWorkbook(adapter, (progress) => {
        if (id === runId.current) setState({ status: "reading", progress, previous: lastResult.current });
      });
      if (id !== runId.current) return;
      lastResult.current = result;
      setState({ status: "ready", result });
    } catch (error) {
      if (id === runId.current) setState({ status: "failed", message: describe(error), previous: lastResult.current });
    }
  }, [adapter, describe]);

  useEffect(() => {
    void recheck();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let active = true;
    adapter
      .onChange(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void recheck(), recheckDelay);
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
  }, [adapter, recheck, recheckDelay, describe]);

  const result = state.status === "ready" ? state.result : state.previous;
  return { state, result, recheck, watchError };
}
