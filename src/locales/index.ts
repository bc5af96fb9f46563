/**
 * Messages rendered in the reader's language: `render({key, params}, "en")`. Errors that reach a user carry their
 * message as data (MessageError) and are rendered where the language is known (the CLI's --lang, Office's display
 * language).
 */
import { en } from "./en";
import { LANGUAGES, renderIn, type Language, type Locale, type Message, type MessageKey, type MessageParams } from "./keys";
import { zh } from "./zh";

export * from "./keys";

export const LOCALES: Record<Language, Locale> = { zh, en };

export function render(message: Message, language: Language): string {
  return renderIn(LOCALES[language], message);
}

/** A message as data, typed by its key. */
export function message<K extends MessageKey>(key: K, params: MessageParams[K]): Message {
  return { key, params } as Message;
}

/** An error whose message is data: `error.message` is the Chinese text; `errorText(error, language)` renders it in
 * another language. */
export class MessageError extends Error {
  constructor(readonly data: Message) {
    super(render(data, "zh"));
    this.name = "MessageError";
  }
}

/** What to tell a user about an error, in their language. */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof MessageError) return render(error.data, language);
  return error instanceof Error ? error.message : String(error);
}

/** The language for Office's display language or a browser's ("zh-CN", "en-US"): Chinese for Chinese, English for
 * any other language, Chinese when none is known. */
export function languageOf(displayLanguage: string | null | undefined): Language {
  if (!displayLanguage) return "zh";
  return /^zh\b/i.test(displayLanguage) ? "zh" : "en";
}

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
