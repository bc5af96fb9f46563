/**
 * Text into XML: escaped markup, and cell text as SpreadsheetML stores it (characters XML cannot carry written as
 * _xHHHH_, and a literal "_x" kept literal). No Node or DOM imports.
 */

/** The entities of the characters XML reserves, by code: & < > in any text, and " ' in an attribute's value. */
const CONTENT_ENTITIES = new Array<string | undefined>(63).fill(undefined);
CONTENT_ENTITIES[38] = "&amp;";
CONTENT_ENTITIES[60] = "&lt;";
CONTENT_ENTITIES[62] = "&gt;";
const ENTITIES = [...CONTENT_ENTITIES];
ENTITIES[34] = "&quot;";
ENTITIES[39] = "&apos;";

/** The characters each table escapes, to find at once whether a text holds any (most hold none). */
const CONTENT_RESERVED = /[&<>]/;
const RESERVED = /[&<>"']/;

/** `text` with each character that has an entity in `entities` written as it, in one pass over the characters. */
function escaped(text: string, entities: readonly (string | undefined)[]): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const entity = code < entities.length ? entities[code] : undefined;
    if (entity === undefined) continue;
    out += text.slice(last, i) + entity;
    last = i + 1;
  }
  return out + text.slice(last);
}

/** Text safe in an XML element or attribute value. */
export const escapeXml = (text: string): string => (RESERVED.test(text) ? escaped(text, ENTITIES) : text);

/** Text safe as an element's content (not an attribute's): quotes stay as they are, as Excel writes formulas. */
export const escapeContent = (text: string): string => (CONTENT_RESERVED.test(text) ? escaped(text, CONTENT_ENTITIES) : text);

/** Control characters XML 1.0 forbids (tab, line feed and carriage return are allowed), and the escape's own start. */
const UNSAFE_SOURCE = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|_(?=x[0-9A-Fa-f]{4}_)";
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const ALL_UNSAFE = new RegExp(UNSAFE_SOURCE, "g");

/** A cell's text as an element's content: escaped, with what XML cannot hold as _xHHHH_ (ST_Xstring). */
export function cellText(text: string): string {
  const safe = UNSAFE.test(text) ? text.replace(ALL_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`) : text;
  return escapeXml(safe);
}
