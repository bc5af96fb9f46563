/**
 * Text into XML: escaped markup, and cell text as SpreadsheetML stores it (characters XML cannot carry written as
 * _xHHHH_, and a literal "_x" kept literal). No Node or DOM imports.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe in an XML element or attribute value. */
export function escapeXml(text: string): string {
  return MARKUP.test(text) ? text.replace(ALL_MARKUP, (ch) => ENTITIES[ch]) : text;
}
const MARKUP = /[&<>"']/;
const ALL_MARKUP = /[&<>"']/g;

/** Control characters XML 1.0 forbids (tab, line feed and carriage return are allowed), and the escape's own start. */
const UNSAFE_SOURCE = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|_(?=x[0-9A-Fa-f]{4}_)";
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const ALL_UNSAFE = new RegExp(UNSAFE_SOURCE, "g");

/** A cell's text as an element's content: escaped, with what XML cannot hold as _xHHHH_ (ST_Xstring). */
export function cellText(text: string): string {
  const safe = UNSAFE.test(text) ? text.replace(ALL_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`) : text;
  return escapeXml(safe);
}
