/**
 * Answers about a text kept for the next time the same text is read: a workbook repeats its labels, targets and
 * rules in book after book (the same indicators for every township), and the task pane reads a workbook again
 * after each entry. At most `size` texts are kept; the store is emptied when full, so memory stays bounded
 * whatever is read. The answers are shared between callers, who never change them.
 */
export function byText<T>(answer: (text: string) => T, size = 8192): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string): T => {
    const kept = known.get(text);
    if (kept !== undefined || known.has(text)) return kept as T;
    if (known.size >= size) known.clear();
    const fresh = answer(text);
    known.set(text, fresh);
    return fresh;
  };
}
