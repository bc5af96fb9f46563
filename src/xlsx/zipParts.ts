/**
 * The zip entries of an .xlsx, inflated with fflate only when asked for, under the reader's limit on inflated bytes.
 * No Node or DOM imports.
 */
import { unzipSync } from "fflate";
import { message } from "../locales";
import { XLSX_LIMITS, XlsxFormatError, XlsxLimitError } from "./xlsxLimits";

const decoder = new TextDecoder("utf-8");

/** An entry's bytes as text (UTF-8). */
export const textOf = (data: Uint8Array): string => decoder.decode(data);

export class ZipParts {
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /**
   * The text of the named entries that exist (names without a leading "/"); the sizes the zip states count against
   * the limit before anything is inflated (an entry that inflates to more than it states is cut at that size and
   * then fails to parse).
   */
  texts(names: readonly string[]): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [name, data] of this.entries(names)) texts.set(name, textOf(data));
    return texts;
  }

  /** The bytes of the named entries that exist, under the same limit as `texts`. */
  entries(names: readonly string[]): Map<string, Uint8Array> {
    const wanted = new Set(names);
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(this.bytes, {
        filter: (file) => {
          if (!wanted.has(file.name)) return false;
          this.inflated += file.originalSize;
          if (this.inflated > XLSX_LIMITS.inflatedBytes) {
            throw new XlsxLimitError("inflatedBytes", message("xlsx.inflated", { limit: XLSX_LIMITS.inflatedBytes }));
          }
          return true;
        },
      });
    } catch (error) {
      if (error instanceof XlsxLimitError) throw error;
      throw new XlsxFormatError(message("xlsx.zip", { detail: error instanceof Error ? error.message : String(error) }));
    }
    return new Map(Object.entries(files));
  }
}

/** The raw bytes of the named entries, inflated (the bench's floor: inflating alone). */
export function inflateEntries(bytes: Uint8Array, names: (name: string) => boolean): number {
  const files = unzipSync(bytes, { filter: (file) => names(file.name) });
  return Object.values(files).reduce((n, data) => n + data.length, 0);
}
