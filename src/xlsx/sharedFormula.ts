/**
 * Shared formulas (`<f t="shared" si="0"/>`) moved from their master cell to the cell that uses them, the way ExcelJS
 * moves them (its slideFormula, quirks included), so that a formula reads the same as through ExcelJS. No Node or
 * DOM imports.
 */

function columnLettersToIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

/** Column letters of a 1-based column. */
export function columnName(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const SHARED_REFERENCE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** `formula` written for `from`, as it reads in `to` (0-based rows and columns). */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(SHARED_REFERENCE, (whole: string, sheet: string | undefined, _name: string, part: string, paren: string | undefined) => {
    if (paren) return whole;
    const match = CELL_REFERENCE.exec(part);
    if (!match) return whole;
    const [, colDollar, colText, rowDollar, rowText] = match;
    const letters = colText.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return whole;
    const col = columnLettersToIndex(letters) + (colDollar ? 0 : to.col - from.col);
    const row = Number.parseInt(rowText, 10) + (rowDollar ? 0 : to.row - from.row);
    return `${sheet ?? ""}${colDollar ?? ""}${columnName(col)}${rowDollar ?? ""}${row}`;
  });
}
