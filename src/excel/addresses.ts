/**
 * Addresses as Office.js reports them: "Sheet1!A1:C3", "'镇（办、中心）'!A2:A4, '镇（办、中心）'!B7:C7".
 */
import { parseA1Range, type MergeArea } from "../core/grid";

const AREA = /(?:'(?:[^']|'')*'|[^,'!\s][^,'!]*)?!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/** The areas of a (multi-area) address, in sheet coordinates, 0-based. */
export function parseAreas(address: string): MergeArea[] {
  return [...address.matchAll(AREA)].map((m) => parseA1Range(m[1]));
}
