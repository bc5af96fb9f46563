/**
 * The one error type of the scoring engine and the functions built on it. Its message is data (src/locales): it
 * says what is wrong in the reader's language, Chinese by default, so an assessor sees it on the error cell.
 */
import { MessageError, message, type Message, type MessageKey, type MessageParams } from "../../locales";

/** invalid-value: a bad argument (#VALUE! in Excel); not-available: nothing to return (#N/A in Excel);
 * invalid-number: a result no Excel number can hold (#NUM! in Excel). */
export type ScoringErrorKind = "invalid-value" | "not-available" | "invalid-number";

export class ScoringError extends MessageError {
  override readonly name = "ScoringError";

  constructor(
    data: Message,
    readonly kind: ScoringErrorKind = "invalid-value",
  ) {
    super(data);
  }
}

/** Throws a ScoringError (invalid value) with this message. */
export function fail<K extends MessageKey>(key: K, params: MessageParams[K]): never {
  throw new ScoringError(message(key, params));
}
