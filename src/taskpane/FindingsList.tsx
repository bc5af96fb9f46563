/**
 * The findings of a check, grouped by sheet and unit (errors first), with counts and a severity filter, stated vs
 * computed values and the message; clicking a finding selects its cell.
 */
import { Badge, Button, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { decimalString } from "../core/decimal";
import type { SheetHiding } from "../core/grid";
import { SEVERITY_ORDER, bySeverity, findingMessage, type Finding, type Severity } from "../core/rules";
import { MESSAGES, type Messages } from "./messages";
import { makeStyles } from "./styles";

const useStyles = makeStyles({
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
});

type Filter = Severity | "all";
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
    const unitList = [...units].map(([unit, list]) => ({ unit, findings: [...list].sort(bySeverity) }));
    unitList.sort((a, b) => worst(a.findings) - worst(b.findings));
    return { sheet, units: unitList, worst: Math.min(...unitList.map((u) => worst(u.findings))) };
  });
  return groups.sort((a, b) => a.worst - b.worst);
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

export interface FindingsListProps {
  findings: Finding[];
  /** Books found: with none, "no findings" is not said. */
  books: number;
  /** The sheets the workbook hides: their groups say so. */
  hidden?: ReadonlyMap<string, SheetHiding>;
  t: Messages;
  onSelect: (finding: Finding) => void;
}

export function FindingsList({ findings, books, hidden = new Map(), t, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>("all");
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const groups = useMemo(() => groupFindings(filter === "all" ? findings : findings.filter((f) => f.severity === filter)), [findings, filter]);
  return (
    <>
      <div className={styles.filters} role="group" aria-label={t.filter}>
        {(["all", "error", "warning", "info"] as const).map((f) => (
          // A pressed button (primary while its filter is on): Button's styles are in the pane already, ToggleButton's
          // would add their own.
          <Button key={f} size="small" appearance={filter === f ? "primary" : "secondary"} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === "all" ? `${t.all} ${findings.length}` : `${t.severity[f]} ${counts[f]}`}
          </Button>
        ))}
      </div>

      <section aria-label={t.findings}>
        {findings.length === 0 && books > 0 && <Text>{t.noFindings}</Text>}
        {findings.length > 0 && groups.length === 0 && <Text>{t.noneOfSeverity}</Text>}
        {groups.map((group) => (
          <div key={group.sheet}>
            <Text as="h3" weight="semibold" size={400} block className={styles.sheet}>
              {group.sheet}
              {hidden.has(group.sheet) && <> <Badge appearance="outline" color="warning" size="small">{t.hiddenSheet[hidden.get(group.sheet)!]}</Badge></>}
            </Text>
            {group.units.map((unit) => (
              <div key={unit.unit}>
                <Text as="h4" weight="semibold" size={300} block className={styles.unit}>{unit.unit}</Text>
                {unit.findings.map((f, i) => (
                  <FindingItem key={`${f.cell}-${f.rule}-${i}`} finding={f} t={t} onSelect={onSelect} />
                ))}
              </div>
            ))}
          </div>
        ))}
      </section>
    </>
  );
}
