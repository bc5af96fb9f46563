/**
 * The zip entries of an .xlsx, listed from its central directory and inflated only when asked for, under the
 * reader's limit on inflated bytes. The inflate is the caller's choice (an Inflater): fflate's by default, so that
 * the task pane reads picked workbooks with no Node or DOM imports; the command line passes Node's zlib, several
 * times faster. No Node or DOM imports.
 */
import { message } from "../locales";
import { XLSX_LIMITS, XlsxFormatError, XlsxLimitError } from "./xlsxLimits";
import { entryBytes, portableInflate, readZipEntries, type ZipEntry } from "./zipPackage";

const decoder = new TextDecoder("utf-8");

/** An entry's bytes as text (UTF-8). */
export const textOf = (data: Uint8Array): string => decoder.decode(data);

/** How an entry's raw deflate data is inflated: to at most `size` bytes, the size the zip states (an entry that
 * inflates to more is cut there, or refused, and then fails to parse). */
export interface Inflater {
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
}

/** fflate's inflate (the package's own): portable (the task pane's), slower than a native one. */
export const PORTABLE_INFLATER: Inflater = { inflateRaw: portableInflate };

const detailOf = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  return /^the zip cannot be read \((.*)\)$/s.exec(text)?.[1] ?? text;
};

const zipError = (error: unknown): XlsxFormatError => new XlsxFormatError(message("xlsx.zip", { detail: detailOf(error) }));

export class ZipParts {
  private inflated = 0;
  private listed: Map<string, ZipEntry> | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflater: Inflater = PORTABLE_INFLATER,
  ) {}

  private list(): Map<string, ZipEntry> {
    if (!this.listed) {
      const listed = new Map<string, ZipEntry>();
      try {
        for (const entry of readZipEntries(this.bytes)) listed.set(entry.name, entry);
      } catch (error) {
        throw zipError(error);
      }
      this.listed = listed;
    }
    return this.listed;
  }

  /**
   * The text of the named entries that exist (names without a leading "/"); the sizes the zip states count against
   * the limit before anything is inflated.
   */
  texts(names: readonly string[]): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [name, data] of this.entries(names)) texts.set(name, textOf(data));
    return texts;
  }

  /** The bytes of the named entries that exist, under the same limit as `texts`. */
  entries(names: readonly string[]): Map<string, Uint8Array> {
    const listed = this.list();
    const found: ZipEntry[] = [];
    for (const name of new Set(names)) {
      const entry = listed.get(name);
      if (!entry) continue;
      this.inflated += entry.size;
      if (this.inflated > XLSX_LIMITS.inflatedBytes) {
        throw new XlsxLimitError("inflatedBytes", message("xlsx.inflated", { limit: XLSX_LIMITS.inflatedBytes }));
      }
      found.push(entry);
    }
    const files = new Map<string, Uint8Array>();
    for (const entry of found) files.set(entry.name, inflateEntry(entry, this.inflater));
    return files;
  }
}

/** An entry's bytes (entryBytes with the reader's inflate), its errors as the reader's. */
function inflateEntry(entry: ZipEntry, inflater: Inflater): Uint8Array {
  try {
    return entryBytes(entry, (data, size) => inflater.inflateRaw(data, size));
  } catch (error) {
    throw zipError(error);
  }
}

/** The named entries inflated with the reader's inflate, each handed to `use` (the bench's floors: nothing more, or
 * a bare scan); the number of bytes inflated. */
export function inflateEntries(bytes: Uint8Array, names: (name: string) => boolean, inflater: Inflater = PORTABLE_INFLATER, use?: (name: string, data: Uint8Array) => void): number {
  let total = 0;
  for (const entry of readZipEntries(bytes)) {
    if (!names(entry.name)) continue;
    const data = inflateEntry(entry, inflater);
    total += data.length;
    use?.(entry.name, data);
  }
  return total;
}
