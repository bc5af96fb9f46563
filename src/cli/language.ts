/**
 * The language of the command line: `--lang zh|en` when given, else the system's (LC_ALL, LC_MESSAGES, LANG, then
 * the locale Node's Intl reports, as on Windows); English only when the system says English, Chinese otherwise
 * (C, POSIX, unset, other languages).
 */
import { isLanguage, type Language } from "../locales";

export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  // Intl's locale only when the environment names none: asking for it loads ICU's data, a tenth of a check's time.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== "") ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return /^en(?:[-_.@]|$)/i.test(locale) ? "en" : "zh";
}

/** The value of `--lang` in a command line (`--lang en`, `--lang=en`): undefined when absent; any other text is
 * returned for the caller to refuse. */
export function langArgument(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") return undefined;
    if (argv[i] === "--lang") return argv[i + 1] ?? "";
    if (argv[i].startsWith("--lang=")) return argv[i].slice("--lang=".length);
  }
  return undefined;
}

export { isLanguage };
