/**
 * Entries written back onto a generated scoring sheet as they were entered: a formula stays a formula, and only a
 * formula becomes one - text stays text (also text starting with "=", which the writers store as text), a number a
 * number, a date a date, an error value an error value.
 */
import { formula, value, type SheetSpec, type SpecCell, type SpecValue } from "../sheetSpec";
import { HEADER_ROW, VETO_KEY, sheetColumns } from "./columns";
import type { EnteredCell, RowEntries } from "./inputs";
import type { CarriedSheet } from "./carry";

/** How a date entry is shown when written back. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** An ISO day ("2026-03-15") as Excel's date serial (days since 1899-12-30), or null. */
export function dateSerial(iso: SpecValue): number | null {
  const m = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
}

/** An entry as a cell to write (`style`: the cell's style on the sheet). */
export function entryCell(entry: EnteredCell, style: SpecCell["style"]): SpecCell {
  const shown: SpecValue = entry.value;
  switch (entry.type) {
    case "formula":
      return formula((entry.formula ?? "=").slice(1), shown ?? undefined, style);
    case "date": {
      const serial = dateSerial(shown);
      return serial === null ? value(shown, style) : value(serial, style, DATE_FORMAT);
    }
    case "error":
      return { kind: "value", value: shown, style, error: true };
    default:
      return value(shown, style);
  }
}

/** The columns (0-based) of a generated sheet: its header row read as the readers read it. */
function specColumns(spec: SheetSpec) {
  const header = spec.rows[HEADER_ROW - 1] ?? [];
  const cells: [number, string][] = header.flatMap((cell, c) => (cell.kind === "value" && typeof cell.value === "string" ? [[c, cell.value] as [number, string]] : []));
  return sheetColumns(cells);
}

/** A generated scoring sheet with the carried entries in their input cells, each as it was entered. */
export function withEntries(spec: SheetSpec, carried: CarriedSheet | undefined): SheetSpec {
  if (!carried || (carried.entries.size === 0 && carried.veto === null)) return spec;
  const columns = specColumns(spec);
  if (!columns) return spec;
  const key = columns.at.get("key")!;
  const rows = spec.rows.map((row) => {
    const k = row[key];
    if (k?.kind !== "value" || typeof k.value !== "string") return row;
    const put = (col: number | undefined, entry: EnteredCell | null | undefined, out: SpecCell[]) => {
      if (col === undefined || !entry || out[col]?.style !== "input") return;
      out[col] = entryCell(entry, "input");
    };
    if (k.value === VETO_KEY) {
      const out = [...row];
      put(columns.at.get("actual"), carried.veto, out);
      return out;
    }
    const entries: RowEntries | undefined = carried.entries.get(k.value);
    if (!entries) return row;
    const out = [...row];
    put(columns.at.get("actual"), entries.actual, out);
    put(columns.at.get("deduction"), entries.deduction, out);
    put(columns.at.get("note"), entries.note, out);
    columns.groups.forEach((col, g) => put(col, entries.groups[g], out));
    return out;
  });
  return { ...spec, rows };
}
