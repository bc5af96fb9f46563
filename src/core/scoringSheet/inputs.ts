/**
 * What an assessor enters on a scoring sheet, by row key, and how the engine reads it.
 */
import { type Decimal, dec } from "../decimal";

export type InputValue = string | number | boolean | null;

/** What the assessor entered on a row (by key): 实际完成, 扣分, one score per assessor group, 备注. */
export interface RowInputs {
  actual: InputValue;
  deduction: InputValue;
  groups: InputValue[];
  note: InputValue;
}

export interface SheetInputs {
  rows: Map<string, RowInputs>;
  veto: InputValue;
}

export const emptyInputs = (): SheetInputs => ({ rows: new Map(), veto: null });

/** A row with nothing entered (`groups` assessor groups). */
export const blankRowInputs = (groups = 0): RowInputs => ({ actual: null, deduction: null, groups: Array.from({ length: groups }, () => null), note: null });

const blank = (v: InputValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An entry as the engine computes with it: empty (null), a number (also one stored as text), else an error. */
export function entryNumber(v: InputValue | undefined): Decimal | null {
  if (blank(v)) return null;
  if (typeof v === "number") return dec(v);
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return dec(v.trim());
  throw new Error(`not a number: ${String(v)}`);
}

/** A veto entry, as KH.GRADE reads it: TRUE or 1. */
export function isVeto(v: InputValue): boolean {
  return v === true || v === 1;
}

/** What kind of entry a cell holds, as the host reports it: only a formula is written back as a formula. */
export type EntryType = "formula" | "text" | "number" | "date" | "error" | "boolean";

/**
 * A cell as the assessor left it: its type and what it shows (a formula: its last result; a date: its ISO day,
 * "2026-03-15"; an error value: its text, "#N/A"); a formula's text ("=…") in `formula`.
 */
export interface EnteredCell {
  type: EntryType;
  value: InputValue;
  formula?: string;
}

/** The typed entries of a row (by key), the columns as in RowInputs. */
export interface RowEntries {
  actual: EnteredCell | null;
  deduction: EnteredCell | null;
  groups: (EnteredCell | null)[];
  note: EnteredCell | null;
}

/** The value the engine and the sheet writer take for an entry: a formula as its text ("=…"), else what it shows. */
export const inputValueOf = (cell: EnteredCell | null): InputValue => (cell === null ? null : cell.type === "formula" ? cell.formula ?? null : cell.value);

/** Whether a cell holds an entry (an empty text is none). */
export const isEntered = (cell: EnteredCell | null | undefined): cell is EnteredCell =>
  cell !== null && cell !== undefined && !(cell.type === "text" && String(cell.value ?? "").trim() === "") && !(cell.type !== "formula" && cell.value === null);

/** The error values Excel shows. */
export const ERROR_VALUES: ReadonlySet<string> = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/** A cell's entry from what a host knows of it: its formula ("=…" or null), the value shown, and its type when the
 * host says more than the value's JavaScript type (a date, an error value). */
export function enteredCell(formula: unknown, shown: InputValue, type?: EntryType): EnteredCell | null {
  if (typeof formula === "string" && formula.startsWith("=") && formula.length > 1) return { type: "formula", value: shown, formula };
  if (shown === null || shown === "") return null;
  if (type) return { type, value: shown };
  if (typeof shown === "number") return { type: "number", value: shown };
  if (typeof shown === "boolean") return { type: "boolean", value: shown };
  return { type: "text", value: shown };
}
