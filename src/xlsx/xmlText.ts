/**
 * Text into XML: escaped markup, and cell text as SpreadsheetML stores it (characters XML cannot carry written as
 * _xHHHH_, and a literal "_x" kept literal). No Node or DOM imports.
 */

/** Text safe in an XML element or attribute value. */
export function escapeXml(text: string): string {
  // One pass over the characters: most texts have none to escape and come back as they are.
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const entity = code <= 62 ? ENTITY[code] : undefined;
    if (entity === undefined) continue;
    out += text.slice(last, i) + entity;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Text safe as an element's content (not an attribute's): quotes stay as they are, as Excel writes formulas. */
export function escapeContent(text: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 38 && code !== 60 && code !== 62) continue;
    out += text.slice(last, i) + ENTITY[code]!;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The entity of each character XML reserves, by its code: & < > " '. */
const ENTITY: (string | undefined)[] = new Array<string | undefined>(63).fill(undefined);
ENTITY[38] = "&amp;";
ENTITY[60] = "&lt;";
ENTITY[62] = "&gt;";
ENTITY[34] = "&quot;";
ENTITY[39] = "&apos;";

/** Control characters XML 1.0 forbids (tab, line feed and carriage return are allowed), and the escape's own start. */
const UNSAFE_SOURCE = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|_(?=x[0-9A-Fa-f]{4}_)";
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const ALL_UNSAFE = new RegExp(UNSAFE_SOURCE, "g");

/** A cell's text as an element's content: escaped, with what XML cannot hold as _xHHHH_ (ST_Xstring). */
export function cellText(text: string): string {
  const safe = UNSAFE.test(text) ? text.replace(ALL_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`) : text;
  return escapeXml(safe);
}
