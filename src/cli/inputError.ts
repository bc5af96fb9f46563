import { readFile } from "node:fs/promises";
import { type InputKind, type Language, type Message, render } from "../locales";

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

/** Input the command cannot use: a missing or unreadable file, or bad arguments. The CLI prints its message as
 * one line, in the language of the command line, and exits with code 2. A message given as data is rendered in
 * that language; a text (from a reader that words its own, such as a size limit) is printed as it is. */
export class InputError extends Error {
  readonly data: Message | null;

  constructor(message: Message | string) {
    super(oneLine(typeof message === "string" ? message : render(message, "zh")));
    this.name = "InputError";
    this.data = typeof message === "string" ? null : message;
  }

  /** The message in the given language. */
  text(language: Language): string {
    return this.data === null ? this.message : oneLine(render(this.data, language));
  }
}

/** A file's bytes, or an InputError saying in one line why it cannot be read (`wanted` names the expected kind). */
export async function readInputFile(file: string, wanted: InputKind): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError({ key: "cli.file-not-found", params: { file } });
    if (code === "EISDIR") throw new InputError({ key: "cli.is-directory", params: { file, wanted } });
    throw new InputError({ key: "cli.cannot-read", params: { file, code: code ?? String(error) } });
  }
}
