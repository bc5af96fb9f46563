/**
 * The validation panel: reads every sheet, lists the books found and the findings grouped by sheet and unit
 * (errors first), with counts, a severity filter, stated vs computed values and the message. Clicking a finding
 * selects its cell; the panel checks again when a sheet changes (debounced) and on demand. "生成汇总" adds the
 * summary sheets as new sheets.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, makeStyles, MessageBar, MessageBarBody,
  MessageBarTitle, ProgressBar, Text, ToggleButton, tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { findingMessage, type Finding, type Language, type Severity } from "../core/rules";
import { decimalString } from "../core/decimal";
import { summarySheets } from "../core/summary/summarySheets";
import type { ReadProgress, WorkbookAdapter } from "../excel/adapter";
import { checkWorkbook, type CheckResult } from "./check";
import { MESSAGES, type Messages } from "./messages";
import { ScoringActions } from "./ScoringActions";
import { WordImport } from "./WordImport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", padding: "12px", fontFamily: tokens.fontFamilyBase },
  toolbar: { display: "flex", gap: "8px", flexWrap: "wrap" },
  filters: { display: "flex", gap: "4px", flexWrap: "wrap" },
  sheet: { marginTop: "6px", paddingBottom: "2px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  unit: { marginTop: "4px", color: tokens.colorNeutralForeground2 },
  finding: {
    display: "flex", flexDirection: "column", gap: "2px", width: "100%", textAlign: "left", cursor: "pointer",
    padding: "6px 8px", margin: "4px 0", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, font: "inherit", color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  line: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  cell: { marginLeft: "auto", color: tokens.colorBrandForeground1, fontFamily: tokens.fontFamilyMonospace },
  values: { color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 4px", verticalAlign: "top" },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type Filter = Severity | "all";
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

interface Group {
  sheet: string;
  units: { unit: string; findings: Finding[] }[];
  worst: number;
}

/** Findings by sheet, then unit; groups with errors first, errors first inside each group. */
export function groupFindings(findings: Finding[]): Group[] {
  const sheets = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const units = sheets.get(f.sheet) ?? new Map<string, Finding[]>();
    units.set(f.unit, [...(units.get(f.unit) ?? []), f]);
    sheets.set(f.sheet, units);
  }
  const worst = (list: Finding[]) => Math.min(...list.map((f) => SEVERITY_ORDER[f.severity]));
  const groups = [...sheets].map(([sheet, units]) => {
    const unitList = [...units].map(([unit, list]) => ({ unit, findings: [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) }));
    unitList.sort((a, b) => worst(a.findings) - worst(b.findings));
    return { sheet, units: unitList, worst: Math.min(...unitList.map((u) => worst(u.findings))) };
  });
  return groups.sort((a, b) => a.worst - b.worst);
}

type State =
  | { status: "reading"; progress: ReadProgress | null; previous: CheckResult | null }
  | { status: "ready"; result: CheckResult }
  | { status: "failed"; message: string; previous: CheckResult | null };

export interface ValidationPanelProps {
  adapter: WorkbookAdapter;
  language: Language;
  /** Milliseconds to wait after the last change before checking again. */
  recheckDelay?: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function FindingItem({ finding, t, onSelect }: { finding: Finding; t: Messages; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const stated = finding.stated === null ? null : decimalString(finding.stated);
  const computed = finding.computed === null ? null : decimalString(finding.computed);
  const message = findingMessage(finding, t === MESSAGES.zh ? "zh" : "en");
  return (
    <button
      type="button"
      className={`${styles.finding} ${styles[finding.severity]}`}
      title={t.goTo(finding.sheet, finding.cell)}
      aria-label={`${t.severity[finding.severity]} ${finding.cell} ${message}`}
      data-cell={`${finding.sheet}!${finding.cell}`}
      onClick={() => onSelect(finding)}
    >
      <span className={styles.line}>
        <Badge appearance="filled" color={BADGE[finding.severity]}>{t.severity[finding.severity]}</Badge>
        <Text weight="semibold">{finding.category ?? t.rule[finding.rule]}</Text>
        {finding.category !== null && <Text size={200} className={styles.values}>{t.rule[finding.rule]}</Text>}
        <span className={styles.cell}>{finding.cell}</span>
      </span>
      {(stated !== null || computed !== null) && (
        <Text size={200} className={styles.values}>
          {t.stated} {stated ?? "—"} · {t.computed} {computed ?? "—"}
        </Text>
      )}
      <Text size={300}>{message}</Text>
    </button>
  );
}

export function ValidationPanel({ adapter, language, recheckDelay = 1000 }: ValidationPanelProps) {
  const t = MESSAGES[language];
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: "reading", progress: null, previous: null });
  const [filter, setFilter] = useState<Filter>("all");
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const runId = useRef(0);
  const lastResult = useRef<CheckResult | null>(null);

  const check = useCallback(async () => {
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
      if (id === runId.current) setState({ status: "failed", message: errorText(error), previous: lastResult.current });
    }
  }, [adapter]);

  useEffect(() => {
    void check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let active = true;
    adapter
      .onChange(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void check(), recheckDelay);
      })
      .then((stop) => {
        if (active) unsubscribe = stop;
        else void stop();
      })
      .catch((error: unknown) => setNotice({ intent: "error", text: `${t.autoRecheck}: ${errorText(error)}` }));
    return () => {
      active = false;
      clearTimeout(timer);
      void unsubscribe?.();
    };
  }, [adapter, check, recheckDelay, t]);

  const result = state.status === "ready" ? state.result : state.previous;
  const findings = useMemo(() => result?.findings ?? [], [result]);
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const groups = useMemo(() => groupFindings(filter === "all" ? findings : findings.filter((f) => f.severity === filter)), [findings, filter]);

  const select = async (finding: Finding) => {
    try {
      await adapter.selectCell(finding.sheet, finding.cell);
    } catch (error) {
      setNotice({ intent: "error", text: `${t.goTo(finding.sheet, finding.cell)}: ${errorText(error)}` });
    }
  };

  const summarize = async () => {
    if (!result) return;
    setBusy(true);
    setNotice(null);
    try {
      const specs = summarySheets([{ file: null, books: result.books }], { language, links: true });
      const names = await adapter.addSheets(specs);
      setNotice({ intent: "success", text: t.summarized(names) });
    } catch (error) {
      setNotice({ intent: "error", text: `${t.summaryFailed}: ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const reading = state.status === "reading";
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void summarize()} disabled={!result || busy || reading}>
          {busy ? t.summarizing : t.summarize}
        </Button>
        <Button onClick={() => void check()} disabled={reading}>{t.recheck}</Button>
      </div>

      <ScoringActions adapter={adapter} t={t} books={result?.books ?? null} findings={findings} disabled={reading} />

      <WordImport adapter={adapter} t={t} grids={result?.grids ?? null} disabled={reading} />

      {reading && (
        <div role="status">
          <Text size={200}>
            {state.progress === null || state.progress.total === 0
              ? t.readingList
              : state.progress.done < state.progress.total ? t.reading(state.progress.done, state.progress.total) : t.checking}
          </Text>
          <ProgressBar value={state.progress && state.progress.total ? state.progress.done / state.progress.total : undefined} />
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

      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <>
          <Text size={200}>{t.counts(result.sheets, result.rows.length)}</Text>
          {result.rows.length === 0 && <Text>{t.noBooks}</Text>}
          <div className={styles.filters} role="group" aria-label={t.filter}>
            {(["all", "error", "warning", "info"] as const).map((f) => (
              <ToggleButton key={f} size="small" checked={filter === f} onClick={() => setFilter(f)}>
                {f === "all" ? `${t.all} ${findings.length}` : `${t.severity[f]} ${counts[f]}`}
              </ToggleButton>
            ))}
          </div>

          <section aria-label={t.findings}>
            {findings.length === 0 && result.rows.length > 0 && <Text>{t.noFindings}</Text>}
            {findings.length > 0 && groups.length === 0 && <Text>{t.noneOfSeverity}</Text>}
            {groups.map((group) => (
              <div key={group.sheet}>
                <Text as="h3" weight="semibold" size={400} block className={styles.sheet}>{group.sheet}</Text>
                {group.units.map((unit) => (
                  <div key={unit.unit}>
                    <Text as="h4" weight="semibold" size={300} block className={styles.unit}>{unit.unit}</Text>
                    {unit.findings.map((f, i) => (
                      <FindingItem key={`${f.cell}-${f.rule}-${i}`} finding={f} t={t} onSelect={(x) => void select(x)} />
                    ))}
                  </div>
                ))}
              </div>
            ))}
          </section>

          <Accordion collapsible>
            <AccordionItem value="books">
              <AccordionHeader>{t.books(result.rows.length)}</AccordionHeader>
              <AccordionPanel>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th className={styles.th}>{t.bookColumns.sheet}</th>
                      <th className={styles.th}>{t.bookColumns.unit}</th>
                      <th className={styles.th}>{t.bookColumns.total}</th>
                      <th className={styles.th}>{t.bookColumns.indicators}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((row) => (
                      <tr key={`${row.sheet}!${row.cell}`}>
                        <td className={styles.td}>{row.sheet}</td>
                        <td className={styles.td}>{row.unit}<br /><Text size={100}>{t.kind[row.kind]}</Text></td>
                        <td className={`${styles.td} ${row.kind !== "penalty-list" && row.computed !== row.stated ? styles.mismatch : ""}`}>
                          {row.kind === "penalty-list" ? row.computed : `${row.computed} / ${row.stated}`}
                        </td>
                        <td className={styles.td}>{row.indicators}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      )}
    </div>
  );
}
