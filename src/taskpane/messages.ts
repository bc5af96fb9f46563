/**
 * Every string of the task pane, from src/locales (zh.ts and en.ts, `pane`), Chinese first, with the names of
 * severities, rules and book kinds the summary sheets use (`summary`). The language follows Office's display language.
 */
import type { BookKind } from "../core/book";
import type { RuleId, Severity } from "../core/rules";
import { errorText, type Language, LOCALES } from "../locales";

function paneMessages(language: Language) {
  const names = LOCALES[language].summary;
  return {
    ...LOCALES[language].pane,
    severity: names.severities as Record<Severity, string>,
    rule: names.rules as Record<RuleId, string>,
    kind: names.kinds as Record<BookKind, string>,
    /** What went wrong, in this language (an adapter's or the engine's message as data, another error's text). */
    error: (error: unknown) => errorText(error, language),
  };
}

export const MESSAGES = { zh: paneMessages("zh"), en: paneMessages("en") };

export type Messages = (typeof MESSAGES)["zh"];

export { languageOf } from "../locales";
