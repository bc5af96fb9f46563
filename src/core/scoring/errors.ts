/**
 * The one error type of the scoring engine and the functions built on it. Every message says what is wrong, in
 * Chinese first and English second, so an assessor sees it on the #VALUE! cell in either language.
 */

/** invalid-value: a bad argument (#VALUE! in Excel); not-available: nothing to return (#N/A in Excel). */
export type ScoringErrorKind = "invalid-value" | "not-available";

export class ScoringError extends Error {
  override readonly name = "ScoringError";
  readonly kind: ScoringErrorKind;

  constructor(chinese: string, english: string, kind: ScoringErrorKind = "invalid-value") {
    super(`${chinese}（${english}）`);
    this.kind = kind;
  }
}

/** Throws a ScoringError (invalid value). */
export function fail(chinese: string, english: string): never {
  throw new ScoringError(chinese, english);
}
