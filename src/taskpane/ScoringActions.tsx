/**
 * 评分与排名: "生成评分表" adds a scoring sheet per book (KH functions, or native formulas with "通用公式"), replacing
 * only the scoring sheets generated before and keeping every value entered on them (what no row matches is set aside
 * on a 未匹配的录入 sheet; the notice counts entries kept, moved and set aside); "生成排名" adds the ranking of
 * the units by their scoring sheets' totals, over the open workbook and - where the adapter can read .xlsx files
 * (the preview) - the workbooks the user picks.
 */
import { Button, MessageBar, MessageBarBody, Switch, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookCheck } from "../app/check";
import type { RankedWorkbook } from "../app/ranking";
import type { WorkbookAdapter } from "../excel/adapter";
import type { Messages } from "./messages";
import { makeStyles } from "./styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  files: { display: "flex", flexDirection: "column", gap: "2px", fontSize: tokens.fontSizeBase200 },
});

export interface ScoringActionsProps {
  adapter: WorkbookAdapter;
  t: Messages;
  /** The last check of the workbook; null while none is there. */
  check: WorkbookCheck | null;
  disabled: boolean;
}

export function ScoringActions({ adapter, t, check, disabled }: ScoringActionsProps) {
  const styles = useStyles();
  const [portable, setPortable] = useState(false);
  const [busy, setBusy] = useState<"scoring" | "ranking" | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [notice, setNotice] = useState<{ intent: "success" | "error" | "warning"; text: string } | null>(null);

  const score = async () => {
    if (!check) return;
    setBusy("scoring");
    setNotice(null);
    try {
      const { addScoringSheets } = await import(/* webpackChunkName: "scoring-sheets" */ "../app/scoringSheets");
      const done = await addScoringSheets(adapter, { portable }, check.books);
      const scoring = done.unmatchedSheet === null ? done.names : done.names.slice(0, -1);
      const carried = done.replaced > 0 ? t.carried(done.moved, done.setAside, done.unmatchedSheet) : "";
      setNotice({ intent: done.setAside > 0 ? "warning" : "success", text: t.scored(scoring, done.replaced, done.kept) + carried });
    } catch (error) {
      setNotice({ intent: "error", text: `${t.scoringFailed}: ${t.error(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const rank = async () => {
    setBusy("ranking");
    setNotice(null);
    try {
      const workbooks: RankedWorkbook[] = [{ adapter, file: null, check: check ?? undefined }];
      for (const file of files) {
        if (!adapter.openWorkbookFile) throw new Error("cannot read .xlsx files here");
        workbooks.push({ adapter: await adapter.openWorkbookFile(await file.arrayBuffer()), file: file.name });
      }
      const { rankUnits } = await import(/* webpackChunkName: "ranking" */ "../app/ranking");
      const { spec, units, unentered } = await rankUnits(workbooks);
      if (!spec) {
        setNotice({ intent: "warning", text: t.noScoringSheets });
        return;
      }
      const [name] = await adapter.addSheets([spec]);
      setNotice({ intent: "success", text: t.ranked(name, units) + (unentered.length > 0 ? t.rankedUnentered(unentered.length) : "") });
    } catch (error) {
      setNotice({ intent: "error", text: `${t.rankFailed}: ${t.error(error)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className={styles.root} aria-label={t.scoring}>
      <Text weight="semibold">{t.scoring}</Text>
      <Switch checked={portable} onChange={(_, d) => setPortable(d.checked)} label={t.portable} />
      <div className={styles.row}>
        <Button onClick={() => void score()} disabled={disabled || busy !== null || !check || check.books.length === 0}>
          {busy === "scoring" ? t.scoringBusy : t.scoreSheets}
        </Button>
        <Button onClick={() => void rank()} disabled={disabled || busy !== null}>
          {busy === "ranking" ? t.rankBusy : t.rank}
        </Button>
      </div>
      {adapter.openWorkbookFile && (
        <label className={styles.files}>
          {t.otherWorkbooks}
          <input type="file" multiple accept=".xlsx" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          {files.length > 0 && <Text size={200}>{t.picked(files.length)}</Text>}
        </label>
      )}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
