/**
 * The preview page: the task pane beside a grid view of a workbook held in memory, the bundled seed workbook
 * by default, another .xlsx from the file picker. Values typed into a scoring sheet's input cells are recalculated
 * by the engine in Excel's stead (src/excel/memoryRecalc.ts). No Excel and no Office.js needed.
 */
import { FluentProvider, makeStyles, Text, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { MemoryWorkbook } from "../excel/memoryAdapter";
import { loadXlsx } from "./xlsxMemory";
import { App } from "../taskpane/App";
import { languageOf } from "../taskpane/messages";
import { errorText, LOCALES } from "../locales";
import { SheetView } from "./SheetView";
import { tokens } from "./tokens";

const SEED = "seed.xlsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", fontFamily: tokens.fontFamilyBase },
  bar: { display: "flex", gap: "16px", alignItems: "center", padding: "8px 12px", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  main: { display: "flex", flex: "1 1 auto", minHeight: 0 },
  grid: { flex: "1 1 auto", minWidth: 0, display: "flex", flexDirection: "column" },
  pane: { width: "380px", flex: "0 0 380px", borderLeft: `1px solid ${tokens.colorNeutralStroke1}`, overflowY: "auto" },
  message: { padding: "16px" },
});

function Preview() {
  const language = languageOf(new URLSearchParams(location.search).get("lang") ?? navigator.language);
  const t = LOCALES[language].preview;
  const styles = useStyles();
  const [workbook, setWorkbook] = useState<{ name: string; book: MemoryWorkbook; id: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(async (name: string, bytes: Promise<ArrayBuffer>) => {
    setError(null);
    try {
      const book = await loadXlsx(await bytes);
      book.readDelay = 40;
      setWorkbook((previous) => ({ name, book, id: (previous?.id ?? 0) + 1 }));
    } catch (e) {
      setError(errorText(e, language));
    }
  }, []);

  useEffect(() => {
    void open(SEED, fetch(SEED).then((r) => {
      if (!r.ok) throw new Error(`${SEED}: HTTP ${r.status}`);
      return r.arrayBuffer();
    }));
  }, [open]);

  return (
    <FluentProvider theme={webLightTheme} lang={language === "zh" ? "zh-CN" : "en"}>
      <div className={styles.page}>
        <div className={styles.bar}>
          <Text weight="semibold" size={400}>{t.title}</Text>
          <label>
            <Text size={300}>{t.open} </Text>
            <input type="file" accept=".xlsx" aria-label={t.open} onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void open(file.name, file.arrayBuffer());
            }} />
          </label>
          {workbook && <Text size={300}>{t.file}{workbook.name}</Text>}
        </div>
        {error && <div className={styles.message} role="alert">{t.failed}{error}</div>}
        {!workbook && !error && <div className={styles.message}>{t.loading}</div>}
        {workbook && (
          <div className={styles.main}>
            <div className={styles.grid}>
              <SheetView workbook={workbook.book} labels={t} />
            </div>
            <div className={styles.pane}>
              <App key={workbook.id} adapter={workbook.book} language={language} />
            </div>
          </div>
        )}
      </div>
    </FluentProvider>
  );
}

createRoot(document.getElementById("root")!).render(<Preview />);
