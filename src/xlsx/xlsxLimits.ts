/**
 * What the .xlsx reader accepts before it gives up on a file: a crafted or broken workbook (a cell at XFD1048576,
 * a zip that inflates to gigabytes, a shared string of millions of characters) must end in one clear line, not in
 * an exhausted heap. No Node or DOM imports: the task pane reads picked workbooks with the same limits. The errors
 * carry their message as data (src/locales), worded in the reader's language where they are shown.
 */
import { MessageError, type Message } from "../locales";

export const XLSX_LIMITS = {
  /** Bytes of XML inflated from the zip entries the reader needs (workbook, strings, styles, sheets). */
  inflatedBytes: 512 * 2 ** 20,
  /** Cells holding something, over the whole workbook. */
  cells: 5_000_000,
  /** Rows x columns of one sheet's grid (A1 to its last used cell). */
  gridArea: 20_000_000,
  /** Characters of one cell's text (Excel's own limit is 32,767). */
  textLength: 32_767,
} as const;

export type XlsxLimit = keyof typeof XLSX_LIMITS;

/** A workbook beyond one of XLSX_LIMITS; the message is one line naming the limit. */
export class XlsxLimitError extends MessageError {
  constructor(
    readonly limit: XlsxLimit,
    data: Message,
  ) {
    super(data);
    this.name = "XlsxLimitError";
  }
}

/** A workbook that is not a readable .xlsx (a part missing, XML that does not parse). A text instead of a message
 * is the reading library's own words, shown as they are in either language. */
export class XlsxFormatError extends MessageError {
  constructor(data: Message | string) {
    super(typeof data === "string" ? { key: "xlsx.damaged", params: { detail: data } } : data);
    this.name = "XlsxFormatError";
  }
}
