/**
 * The preview's stand-in for Excel's grid: sheet tabs, the active sheet's cells with merges, the selected cell
 * highlighted and scrolled into view, and a line naming the selection.
 */
import { makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { a1, cellText, columnLetters } from "../core/grid";
import type { MemoryWorkbook } from "../excel/memoryAdapter";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, height: "100%" },
  status: { padding: "4px 8px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2 },
  scroll: { overflow: "auto", flex: "1 1 auto" },
  table: { borderCollapse: "collapse", fontSize: "12px", tableLayout: "auto" },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 4px", zIndex: 1 },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 4px", textAlign: "right", color: tokens.colorNeutralForeground3 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top", whiteSpace: "pre-wrap", maxWidth: "420px", minWidth: "40px" },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: "#DDEBF7" },
  error: { backgroundColor: "#FDE2E2" },
  warning: { backgroundColor: "#FFF4E0" },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: "#F2F2F2" },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: "15px" },
  link: { color: tokens.colorBrandForegroundLink, textDecoration: "underline", cursor: "pointer", background: "none", border: "none", padding: 0, font: "inherit", textAlign: "left" },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", flex: "0 0 auto" },
});

export function SheetView({ workbook, labels }: { workbook: MemoryWorkbook; labels: { selected: string; none: string; sheets: string } }) {
  const styles = useStyles();
  const version = useRef(0);
  useSyncExternalStore(
    (listener) => workbook.subscribe(() => {
      version.current++;
      listener();
    }),
    () => version.current,
  );
  const sheet = workbook.sheet(workbook.activeSheet ?? "") ?? workbook.sheets[0];
  const selection = workbook.selection && workbook.selection.sheet === sheet?.name ? workbook.selection.cell : null;
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
  });
  if (!sheet) return null;
  const width = Math.max(1, ...sheet.values.map((r) => r.length), ...sheet.merges.map((m) => m.right + 1));
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top}:${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const height = Math.max(sheet.values.length, ...sheet.merges.map((m) => m.bottom + 1));
  const hidden = new Set(sheet.hiddenColumns);
  const shown = Array.from({ length: width }, (_, c) => c).filter((c) => !hidden.has(c));
  return (
    <div className={styles.root}>
      <div className={styles.status} data-testid="selection">
        <Text size={300}>{workbook.selection ? `${labels.selected}${workbook.selection.sheet}!${workbook.selection.cell}` : labels.none}</Text>
      </div>
      <div className={styles.scroll}>
        <table className={styles.table} aria-label={sheet.name}>
          <thead>
            <tr>
              <th className={styles.head} />
              {shown.map((c) => <th key={c} className={styles.head}>{columnLetters(c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: height }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead}>{r + 1}</th>
                {shown.map((c) => {
                  const key = `${r}:${c}`;
                  if (covered.has(key)) return null;
                  const address = a1(r, c);
                  const span = spans.get(key);
                  const isSelected = selection !== null && selection === address;
                  const style = sheet.styles.get(key);
                  const target = sheet.links.get(key);
                  const text = cellText(sheet.values[r]?.[c] ?? null);
                  const className = [styles.cell, style && style in styles ? styles[style as keyof typeof styles] : "", isSelected ? styles.selected : ""].join(" ");
                  return (
                    <td
                      key={c}
                      data-address={address}
                      aria-selected={isSelected}
                      ref={isSelected ? selectedRef : undefined}
                      rowSpan={span?.rows}
                      colSpan={span?.cols}
                      className={className}
                    >
                      {target ? (
                        <button type="button" className={styles.link} onClick={() => void workbook.selectCell(target.sheet, target.cell)}>{text}</button>
                      ) : text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs}>
        <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => workbook.activate(String(d.value))} aria-label={labels.sheets}>
          {workbook.sheets.map((s) => <Tab key={s.name} value={s.name}>{s.name}</Tab>)}
        </TabList>
      </div>
    </div>
  );
}
