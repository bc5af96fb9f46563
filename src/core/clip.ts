/**
 * A long text shortened for one line of a message: line breaks become spaces, and a text over the limit is cut with
 * an ellipsis ("…"). A quote or bracket the cut leaves open is either dropped with what follows it (when it opened
 * late in the kept part) or closed after the ellipsis, so that a message which quotes the name ("指标“…”未标分值")
 * never shows an unbalanced quote. Characters are counted as code points: a cut never splits a surrogate pair.
 */

const CLOSING: Record<string, string> = {
  "“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】", "[": "]", "〔": "〕",
};
const OPENING_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSING).map(([open, close]) => [close, open]));
/** Quotes written the same way at both ends: the second one closes the first. */
const SYMMETRIC = new Set(['"', "'"]);
/** Punctuation that reads badly just before the ellipsis (openings too, when none is left to close). */
const SEPARATORS = /[\s，、；;：:,。.]+$/u;
const TRAILING = /[\s，、；;：:,。.（(“‘《〈「『【〔\[]+$/u;

/** The text on one line: line breaks and the spaces around them become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** Openings left unclosed in `chars`, as indices, outermost first. */
function openAt(chars: string[]): number[] {
  const stack: number[] = [];
  chars.forEach((c, i) => {
    const top = stack.length > 0 ? chars[stack[stack.length - 1]] : null;
    if (SYMMETRIC.has(c)) {
      if (top === c) stack.pop();
      else stack.push(i);
    } else if (c in CLOSING) {
      stack.push(i);
    } else if (c in OPENING_OF && top === OPENING_OF[c]) {
      stack.pop();
    }
  });
  return stack;
}

/** `text` on one line and at most `max` characters before its ellipsis, with its quotes and brackets balanced. */
export function clipText(text: string, max: number): string {
  const line = oneLine(text);
  // No more UTF-16 units than the limit: no more characters either.
  if (line.length <= max) return line;
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  let kept = chars.slice(0, max);
  let open = openAt(kept);
  // An opening late in the kept part goes with what follows it; an earlier one is closed after the ellipsis.
  const late = open.find((i) => i >= max / 2);
  if (late !== undefined) {
    kept = kept.slice(0, late);
    open = open.filter((i) => i < late);
  }
  const closers = open.reverse().map((i) => (SYMMETRIC.has(kept[i]) ? kept[i] : CLOSING[kept[i]]));
  const head = kept.join("").replace(closers.length === 0 ? TRAILING : SEPARATORS, "");
  return `${head}…${closers.join("")}`;
}
