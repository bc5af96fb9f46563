/** Input the command cannot use: a missing or unreadable file, or bad arguments. The CLI prints the message as
 * one line and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
    this.name = "InputError";
  }
}
