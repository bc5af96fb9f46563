/**
 * 从 Word 导入 and the pasted-from-Word cleaner. "从 Word 导入" reads a picked .docx in the page (src/import/docx,
 * loaded only when a file is picked) and adds its tables as new sheets, split by parts as the command line does.
 * Sheets of the last check that look pasted from Word (a cell's paragraphs split over rows, vertical labels) are
 * listed with "整理为表格", which lays the sheet out again on a new sheet; no existing sheet is touched.
 */
import { Button, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { CellGrid } from "../core/grid";
import type { WorkbookAdapter } from "../excel/adapter";
import { layoutToSpec } from "../import/layoutSpec";
import { cleanPasted, pastedSigns } from "../import/pasted";
import type { Messages } from "./messages";
import { makeStyles } from "./styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

export interface WordImportProps {
  adapter: WorkbookAdapter;
  t: Messages;
  /** The sheets of the last check; null while none is there. */
  grids: CellGrid[] | null;
  disabled: boolean;
}

/** Each sheet's signs by the grid read: a check after an entry reads again only the sheet that changed. */
const signs = new WeakMap<CellGrid, ReturnType<typeof pastedSigns>>();
function signsOf(grid: CellGrid): ReturnType<typeof pastedSigns> {
  let found = signs.get(grid);
  if (!found) {
    found = pastedSigns(grid);
    signs.set(grid, found);
  }
  return found;
}

export function WordImport({ adapter, t, grids, disabled }: WordImportProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const pasted = useMemo(
    () => (grids ?? []).map((grid) => ({ grid, signs: signsOf(grid) })).filter(({ signs }) => signs.splitRows > 0 || signs.verticalLabels > 0),
    [grids],
  );

  const importFile = async (file: File) => {
    setBusy(true);
    setNotice(null);
    try {
      const { docxToSheets } = await import(/* webpackChunkName: "docx-reader" */ "../import/docx");
      const layouts = docxToSheets(new Uint8Array(await file.arrayBuffer()), "parts", file.name.replace(/\.[^.]*$/, ""));
      const names = await adapter.addSheets(layouts.map(layoutToSpec));
      setNotice({ intent: "success", text: t.wordImported(names, layouts.reduce((n, l) => n + l.tables.length, 0)) });
    } catch (error) {
      setNotice({ intent: "error", text: `${t.wordImportFailed}: ${t.error(error)}` });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  const clean = async (grid: CellGrid) => {
    setBusy(true);
    setNotice(null);
    try {
      const [name] = await adapter.addSheets([layoutToSpec(cleanPasted(grid, `${grid.sheet}${t.cleanedSuffix}`))]);
      setNotice({ intent: "success", text: t.cleaned(name) });
    } catch (error) {
      setNotice({ intent: "error", text: `${t.cleanFailed}: ${t.error(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={t.wordImport}>
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()} disabled={busy} title={t.wordImportHint}>
          {busy ? t.wordImportBusy : t.wordImport}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          aria-label={t.wordImportHint}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
      </div>
      {pasted.map(({ grid, signs }) => (
        <div key={grid.sheet} className={styles.row}>
          <Text size={200}>{t.pasted(grid.sheet, signs.splitRows, signs.verticalLabels)}</Text>
          <Button size="small" onClick={() => void clean(grid)} disabled={busy || disabled}>{t.cleanPasted}</Button>
        </div>
      ))}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
