/**
 * Workbooks a user picks in the task pane (the ones units send back, for the ranking), read in the browser with
 * ExcelJS. ExcelJS is large, so it is loaded from the add-in's own server only when a file is picked, never at
 * start-up.
 */
import type { WorkbookAdapter } from "../excel/adapter";

let loading: Promise<void> | null = null;

function loadExcelJs(): Promise<void> {
  if ("ExcelJS" in globalThis) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "exceljs.min.js";
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      reject(new Error("无法加载 ExcelJS（exceljs.min.js）/ could not load exceljs.min.js"));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** Reads a picked .xlsx into an in-memory workbook. */
export async function openPickedWorkbook(bytes: ArrayBuffer): Promise<WorkbookAdapter> {
  await loadExcelJs();
  const { loadXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../excel/xlsxMemory");
  return loadXlsx(bytes);
}
