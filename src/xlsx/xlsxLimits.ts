/**
 * What the .xlsx reader accepts before it gives up on a file: a crafted or broken workbook (a cell at XFD1048576,
 * a zip that inflates to gigabytes, a shared string of millions of characters) must end in one clear line, not in
 * an exhausted heap. No Node or DOM imports: the task pane reads picked workbooks with the same limits.
 */

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
export class XlsxLimitError extends Error {
  constructor(
    readonly limit: XlsxLimit,
    detail: string,
  ) {
    super(`${detail} (limit: ${XLSX_LIMITS[limit].toLocaleString("en-US")} ${LIMIT_UNITS[limit]})`);
    this.name = "XlsxLimitError";
  }
}

const LIMIT_UNITS: Record<XlsxLimit, string> = {
  inflatedBytes: "bytes inflated",
  cells: "cells",
  gridArea: "cells from A1 to the last used cell of a sheet",
  textLength: "characters in a cell",
};

/** A workbook that is not a readable .xlsx (a part missing, XML that does not parse). */
export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}
