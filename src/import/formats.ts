/**
 * What kind of file a user handed in, told from its bytes (never from its name), and what to say when Kaohe cannot
 * read it: which format it is and how to save it as something readable (.xlsx, or .docx for Word), in Chinese and
 * English. Pure: used by the command line and the task pane.
 */
import { type Language, type Message, MessageError, render } from "../locales";

export type FileFormat =
  /** Office Open XML workbook (.xlsx, .xlsm; also what WPS writes as .xlsx). */
  | "xlsx"
  /** OpenDocument spreadsheet (.ods). */
  | "ods"
  /** Word document (.docx). */
  | "docx"
  /** OpenDocument text (.odt). */
  | "odt"
  /** A compound file holding a workbook stream: Excel 97-2003 (.xls, BIFF8) or WPS 表格 (.et). */
  | "xls"
  /** Word 97-2003 (.doc), a compound file with a WordDocument stream. */
  | "doc"
  /** An Office file with a password to open (encrypted package in a compound file). */
  | "encrypted"
  /** Another compound file (PowerPoint 97-2003, an unknown WPS format). */
  | "cfb"
  /** A zip that is none of the above (a .pptx, an archive). */
  | "zip"
  /** A zip that cannot be unpacked (truncated, damaged). */
  | "corrupt-zip"
  | "pdf"
  /** Text: Word-table text, CSV, HTML saved as .xls. */
  | "text"
  | "empty"
  | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** A text of characters below U+0100 as the bytes that spell it in Latin-1 (names in a zip's directory, a
 * compound file's UTF-16LE stream names). */
function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/** Whether the bytes hold the text (as Latin-1 bytes) from `from` on: a search over the bytes themselves, no copy of
 * the file as text. */
function holds(bytes: Uint8Array, text: string, from = 0): boolean {
  const needle = latin1Bytes(text);
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(needle[0], Math.max(from, 0)); i >= 0 && i <= last; i = bytes.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** A compound file's stream name as stored in its directory (UTF-16LE). */
function utf16(name: string): string {
  return name.split("").join("\u0000") + "\u0000";
}

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) {
    if (holds(bytes, "xl/workbook")) return "xlsx";
    if (holds(bytes, "word/document.xml")) return "docx";
    if (holds(bytes, "application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (holds(bytes, "application/vnd.oasis.opendocument.text")) return "odt";
    // Without its end record (the zip's directory) the file was cut short: what it held cannot be told.
    if (!holds(bytes, "PK\u0005\u0006", bytes.length - 65_557)) return "corrupt-zip";
    return "zip";
  }
  if (startsWith(bytes, CFB)) {
    if (holds(bytes, utf16("EncryptedPackage"))) return "encrypted";
    if (holds(bytes, utf16("WordDocument"))) return "doc";
    if (holds(bytes, utf16("Workbook")) || holds(bytes, utf16("Book"))) return "xls";
    return "cfb";
  }
  if (startsWith(bytes, PDF)) return "pdf";
  const head = bytes.subarray(0, 4096);
  if (!head.includes(0)) return "text";
  return "unknown";
}

/** What the caller wanted to read: a workbook (check, tree, summary, score-sheet) or a Word document. */
export type Wanted = "workbook" | "docx";

/** A file Kaohe cannot read as what was wanted; `format` says what it is. Its message (without the file's name) is
 * what src/locales says about such a file, in the reader's language. */
export class UnreadableFormatError extends MessageError {
  constructor(
    readonly format: FileFormat,
    readonly wanted: Wanted,
    /** The reading library's own words, for a damaged file. */
    readonly detail?: string,
  ) {
    super({ key: "unreadable", params: { file: "", format, wanted, et: false, detail: detail ?? null } });
    this.name = "UnreadableFormatError";
  }
}

/** The words for a file name's extension: "WPS 表格 (.et)" rather than "Excel 97-2003" when the name says so. */
function isEt(file: string): boolean {
  return /\.et$/i.test(file);
}

/** Why a file cannot be read, as a message src/locales renders (what it is and what to do). */
export function unreadableData(error: UnreadableFormatError, file: string): Message {
  return { key: "unreadable", params: { file, format: error.format, wanted: error.wanted, et: isEt(file), detail: error.detail ?? null } };
}

/** One line for a file that cannot be read, in the given language. */
export function unreadableMessage(error: UnreadableFormatError, file: string, language: Language): string {
  return render(unreadableData(error, file), language);
}
