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
