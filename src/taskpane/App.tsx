/**
 * The task pane: Fluent UI theme around the validation panel. The adapter comes in as a prop (Office.js in Excel,
 * the in-memory workbook in the preview and tests).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../core/rules";
import type { WorkbookAdapter } from "../excel/adapter";
import { ValidationPanel } from "./ValidationPanel";

export interface AppProps {
  adapter: WorkbookAdapter;
  language: Language;
  recheckDelay?: number;
}

export function App({ adapter, language, recheckDelay }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={language === "zh" ? "zh-CN" : "en"}>
      <ValidationPanel adapter={adapter} language={language} recheckDelay={recheckDelay} />
    </FluentProvider>
  );
}
