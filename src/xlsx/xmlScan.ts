/**
 * A small XML scanner for the large parts of an .xlsx (worksheets, shared strings): the same events as saxes
 * (open with attributes, text, close; a self-closing tag opens and closes), the same text - entities and character
 * references decoded, line ends normalised to "\n", CDATA as text, comments and processing instructions skipped -
 * at several times saxes's speed, because it checks only what the reader relies on: tags that close in order, quoted
 * attributes, known entities. Anything else is an XlsxFormatError naming the part. No Node or DOM imports.
 */
import { message, type XmlProblem } from "../locales";
import { XlsxFormatError } from "./xlsxLimits";

/** Attributes by qualified name (no namespace processing). */
export type Attributes = Record<string, string | undefined>;

/** What an XML part's reader does with each tag and text, in document order (saxes's events). */
export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** The error for an XML part that is not well-formed. */
export function malformed(part: string, problem: XmlProblem): XlsxFormatError {
  return new XlsxFormatError(message("xlsx.xml", { part, problem }));
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(raw: string, part: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw malformed(part, { kind: "bare-amp" });
    if (entity.startsWith("#x")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw malformed(part, { kind: "unknown-entity", entity: whole });
    return known;
  });
}

/** Text as an XML parser hands it over: line ends as "\n", references decoded. */
export function xmlText(raw: string, part: string): string {
  const lines = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return lines.includes("&") ? decodeEntities(lines, part) : lines;
}

/** An attribute value as an XML parser hands it over: tabs and line ends as spaces, references decoded. */
function attributeOf(raw: string, part: string): string {
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n/g, "\n").replace(/[\t\n\r]/g, " ") : raw;
  return spaced.includes("&") ? decodeEntities(spaced, part) : spaced;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

export function scanXml(part: string, xml: string, handlers: XmlHandlers): void {
  const fail = (problem: XmlProblem): never => {
    throw malformed(part, problem);
  };
  const { open, text, close } = handlers;
  const stack: string[] = [];
  const length = xml.length;
  let i = 0;
  let rootSeen = false;
  while (i < length) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? length : lt;
    if (end > i) {
      if (stack.length > 0) text?.(xmlText(xml.slice(i, end), part));
      else if (/\S/.test(xml.slice(i, end))) fail({ kind: "text-outside-root" });
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47) {
      // </name>
      const gt = xml.indexOf(">", lt);
      if (gt < 0) fail({ kind: "closing-cut-off" });
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (stack.pop() !== name) fail({ kind: "closes-nothing", name });
      close?.(name);
      i = gt + 1;
    } else if (next === 63) {
      // <?…?>
      const stop = xml.indexOf("?>", lt);
      if (stop < 0) fail({ kind: "instruction-cut-off" });
      i = stop + 2;
    } else if (next === 33) {
      if (xml.startsWith("<!--", lt)) {
        const stop = xml.indexOf("-->", lt);
        if (stop < 0) fail({ kind: "comment-cut-off" });
        i = stop + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const stop = xml.indexOf("]]>", lt);
        if (stop < 0 || stack.length === 0) fail({ kind: "cdata" });
        text?.(xml.slice(lt + 9, stop));
        i = stop + 3;
      } else {
        fail({ kind: "doctype" });
      }
    } else {
      // <name attr="value" …> or …/>
      let j = lt + 1;
      while (j < length) {
        const code = xml.charCodeAt(j);
        if (isSpace(code) || code === 62 || code === 47) break;
        j++;
      }
      const name = xml.slice(lt + 1, j);
      if (name === "") fail({ kind: "no-name" });
      if (stack.length === 0 && rootSeen) fail({ kind: "second-root" });
      const attributes: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (j < length && isSpace(xml.charCodeAt(j))) j++;
        const code = xml.charCodeAt(j);
        if (code === 62) {
          j++;
          break;
        }
        if (code === 47 && xml.charCodeAt(j + 1) === 62) {
          selfClosing = true;
          j += 2;
          break;
        }
        if (j >= length) fail({ kind: "cut-off", name });
        const eq = xml.indexOf("=", j);
        if (eq < 0) fail({ kind: "no-value", name });
        const key = xml.slice(j, eq).trimEnd();
        let q = eq + 1;
        while (q < length && isSpace(xml.charCodeAt(q))) q++;
        const quote = xml.charCodeAt(q);
        if (quote !== 34 && quote !== 39) fail({ kind: "unquoted", name, attribute: key });
        const stop = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
        if (stop < 0) fail({ kind: "attribute-cut-off", name, attribute: key });
        const raw = xml.slice(q + 1, stop);
        if (raw.includes("<")) fail({ kind: "holds-lt", name, attribute: key });
        attributes[key] = attributeOf(raw, part);
        j = stop + 1;
      }
      rootSeen = true;
      open(name, attributes);
      if (selfClosing) close?.(name);
      else stack.push(name);
      i = j;
    }
  }
  if (stack.length > 0) fail({ kind: "never-closed", name: stack[stack.length - 1] });
  if (!rootSeen) fail({ kind: "no-root" });
}
