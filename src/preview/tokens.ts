/**
 * Fluent's design tokens for the preview's styles: each the CSS variable FluentProvider defines (what Fluent's own
 * `tokens` object holds, "var(--colorNeutralStroke2)"), without importing that object. The task pane's bundle is
 * built together with the preview's; a module only the preview imported `tokens` from would keep the whole object
 * (every token of the theme) in taskpane.js as well, where otherwise only the few tokens the pane uses remain.
 */
import type { Theme } from "@fluentui/react-components";

export const tokens: Record<keyof Theme, string> = new Proxy({} as Record<keyof Theme, string>, {
  get: (_, name) => `var(--${String(name)})`,
});
