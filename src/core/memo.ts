/**
 * Answers about a text kept for the next time the same text is read: a workbook repeats its labels, targets and
 * rules in book after book (the same indicators for every township), and the task pane reads a workbook again
 * after each entry. At most `size` texts and `chars` characters of them are kept; the store is emptied when full, so
 * memory stays bounded whatever is read. The answers are shared between callers, who never change them.
 */
export function byText<T>(answer: (text: string) => T, size = 8192, chars = 1 << 20): (text: string) => T {
  const known = new Map<string, T>();
  let keptChars = 0;
  return (text: string): T => {
    const kept = known.get(text);
    if (kept !== undefined || known.has(text)) return kept as T;
    if (known.size >= size || keptChars + text.length > chars) {
      known.clear();
      keptChars = 0;
    }
    const fresh = answer(text);
    if (text.length <= chars) {
      known.set(text, fresh);
      keptChars += text.length;
    }
    return fresh;
  };
}
