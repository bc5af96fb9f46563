import { readFile } from "node:fs/promises";

/** Input the command cannot use: a missing or unreadable file, or bad arguments. The CLI prints the message as
 * one line and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
    this.name = "InputError";
  }
}

/** A file's bytes, or an InputError saying in one line why it cannot be read (`what` names the expected kind). */
export async function readInputFile(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${file}: file not found`);
    if (code === "EISDIR") throw new InputError(`${file}: is a directory, not ${what}`);
    throw new InputError(`${file}: cannot read the file (${code ?? String(error)})`);
  }
}
