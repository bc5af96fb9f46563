/**
 * Office's display language ("zh-CN", "en-US") where Office has told it: the custom functions word their error
 * messages in it. Undefined outside Office or before Office is ready (the caller then speaks Chinese).
 */
export function officeDisplayLanguage(): string | undefined {
  return typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
}
