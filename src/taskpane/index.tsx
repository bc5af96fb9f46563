/**
 * The task pane's entry in the shared runtime page: once Office is ready, renders the pane over Excel.
 */
import { createRoot } from "react-dom/client";
import { officeWorkbook } from "../excel/officeAdapter";
import { App } from "./App";
import { languageOf } from "./messages";
import { openPickedWorkbook } from "./pickedWorkbooks";

Office.onReady((info) => {
  const container = document.getElementById("root");
  if (!container || info.host !== Office.HostType.Excel) return;
  const language = languageOf(Office.context.displayLanguage);
  const adapter = { ...officeWorkbook((batch) => Excel.run(batch)), openWorkbookFile: openPickedWorkbook };
  createRoot(container).render(<App adapter={adapter} language={language} />);
});
