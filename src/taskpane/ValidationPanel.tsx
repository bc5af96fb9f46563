/**
 * The validation panel: the check of the workbook (useWorkbookCheck: on opening, when a sheet changes and on
 * demand) with its progress, the findings (FindingsList) and the books found (BooksTable); "生成汇总" adds the
 * summary sheets as new sheets (src/app/summary.ts), and the scoring and Word import actions sit above.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding, Language } from "../core/rules";
import { hiddenSheets } from "../core/grid";
import type { WorkbookAdapter } from "../excel/adapter";
import { BooksTable } from "./BooksTable";
import { FindingsList } from "./FindingsList";
import { MESSAGES } from "./messages";
import { ScoringActions } from "./ScoringActions";
import { useWorkbookCheck } from "./useWorkbookCheck";
import { makeStyles } from "./styles";
import { WordImport } from "./WordImport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", padding: "12px", fontFamily: tokens.fontFamilyBase },
  toolbar: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export interface ValidationPanelProps {
  adapter: WorkbookAdapter;
  language: Language;
  /** Milliseconds to wait after the last change before checking again. */
  recheckDelay?: number;
}

export function ValidationPanel({ adapter, language, recheckDelay = 1000 }: ValidationPanelProps) {
  const t = MESSAGES[language];
  const styles = useStyles();
  const { state, result, recheck, watchError } = useWorkbookCheck(adapter, recheckDelay, t.error);
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const select = async (finding: Finding) => {
    try {
      await adapter.selectCell(finding.sheet, finding.cell);
    } catch (error) {
      setNotice({ intent: "error", text: `${t.goTo(finding.sheet, finding.cell)}: ${t.error(error)}` });
    }
  };

  const summarize = async () => {
    if (!result) return;
    setBusy(true);
    setNotice(null);
    try {
      const { addSummarySheets } = await import(/* webpackChunkName: "summary" */ "../app/summary");
      const names = await addSummarySheets(adapter, [{ adapter, file: null, check: result }], { language, links: true, ranking: false });
      setNotice({ intent: "success", text: t.summarized(names) });
    } catch (error) {
      setNotice({ intent: "error", text: `${t.summaryFailed}: ${t.error(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const reading = state.status === "reading";
  const shown = notice ?? (watchError === null ? null : { intent: "error" as const, text: `${t.autoRecheck}: ${watchError}` });
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void summarize()} disabled={!result || busy || reading}>
          {busy ? t.summarizing : t.summarize}
        </Button>
        <Button onClick={() => void recheck()} disabled={reading}>{t.recheck}</Button>
      </div>

      <ScoringActions adapter={adapter} t={t} check={result} disabled={reading} />

      <WordImport adapter={adapter} t={t} grids={result?.grids ?? null} disabled={reading} />

      {(state.status === "reading" || state.status === "updating") && (
        <div role="status">
          <Text size={200}>
            {state.progress === null || state.progress.total === 0
              ? t.readingList
              : state.progress.done < state.progress.total ? t.reading(state.progress.done, state.progress.total) : t.checking}
          </Text>
          {state.status === "reading" && <ProgressBar value={state.progress && state.progress.total ? state.progress.done / state.progress.total : undefined} />}
        </div>
      )}

      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {shown && (
        <MessageBar intent={shown.intent}>
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <>
          <Text size={200}>{t.counts(result.grids.length, result.rows.length)}</Text>
          {result.rows.length === 0 && <Text>{t.noBooks}</Text>}
          <FindingsList findings={result.findings} books={result.rows.length} hidden={hiddenSheets(result.grids)} t={t} onSelect={(f) => void select(f)} />
          <BooksTable rows={result.rows} hidden={hiddenSheets(result.grids)} t={t} />
        </>
      )}
    </div>
  );
}
