/**
 * A zip package (an .xlsx) taken apart and put together again without touching what does not change: entries are
 * listed from the central directory, inflated only when asked for, and written back as the very bytes they were
 * stored as (same compression, same CRC); new or changed entries are deflated here. Linear in the package's size.
 * No Node or DOM imports.
 */
import { deflateSync, inflateSync } from "fflate";
import { XlsxFormatError } from "./xlsxLimits";

/** One entry as the zip stores it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The stored (compressed) bytes. */
  data: Uint8Array;
  size: number;
  time: number;
  date: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** 2020-01-01 00:00:00 in MS-DOS form: the time of every entry written here, so that output is reproducible. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries of a zip, in the order of its central directory. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const v = view(bytes);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (v.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new XlsxFormatError("the zip cannot be read (no central directory)");
  const count = v.getUint16(end + 10, true);
  let offset = v.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new XlsxFormatError("the zip cannot be read (zip64 is not supported)");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || v.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) throw new XlsxFormatError("the zip cannot be read (a broken central directory)");
    const flags = v.getUint16(offset + 8, true);
    const method = v.getUint16(offset + 10, true);
    const nameLength = v.getUint16(offset + 28, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (flags & 1) throw new XlsxFormatError(`the zip cannot be read (${name} is encrypted)`);
    if (method !== 0 && method !== 8) throw new XlsxFormatError(`the zip cannot be read (${name} uses compression method ${method})`);
    const compressed = v.getUint32(offset + 20, true);
    const local = v.getUint32(offset + 42, true);
    if (local + 30 > bytes.length || v.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new XlsxFormatError(`the zip cannot be read (${name} has no local header)`);
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new XlsxFormatError(`the zip cannot be read (${name} is cut off)`);
    entries.push({
      name,
      method,
      crc: v.getUint32(offset + 16, true),
      data: bytes.subarray(start, start + compressed),
      size: v.getUint32(offset + 24, true),
      time: v.getUint16(offset + 12, true),
      date: v.getUint16(offset + 14, true),
    });
    offset += 46 + nameLength + v.getUint16(offset + 30, true) + v.getUint16(offset + 32, true);
  }
  return entries;
}

/** fflate's inflate of an entry's raw deflate data into the size the zip states: portable (no Node or DOM), for the
 * package here and, as the reader's default Inflater, for picked workbooks. */
export const portableInflate = (data: Uint8Array, size: number): Uint8Array => inflateSync(data, { out: new Uint8Array(size) });

/** An entry's bytes: as stored, or inflated (by `inflate`, fflate's unless given) to at most the size the zip
 * states. */
export function entryBytes(entry: ZipEntry, inflate: (data: Uint8Array, size: number) => Uint8Array = portableInflate): Uint8Array {
  if (entry.method === 0) return entry.data.subarray(0, entry.size);
  try {
    return inflate(entry.data, entry.size);
  } catch (error) {
    throw new XlsxFormatError(`the zip cannot be read (${entry.name}: ${error instanceof Error ? error.message : String(error)})`);
  }
}

/** An entry's text (UTF-8). */
export function entryText(entry: ZipEntry): string {
  return decoder.decode(entryBytes(entry));
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** How new entries are compressed: raw deflate (no zlib header) and CRC-32. fflate's and a table here by default;
 * a host may pass faster native ones. */
export interface Compressor {
  deflate(raw: Uint8Array): Uint8Array;
  crc32?(raw: Uint8Array): number;
  /** Text (in pieces) as UTF-8, checked and deflated off the calling thread, so that the caller goes on making the
   * next part meanwhile. */
  deflateTextAsync?(pieces: readonly string[]): Promise<DeflatedText>;
}

/** Text deflated: its size and CRC-32 as UTF-8, and the deflated bytes. */
export interface DeflatedText {
  size: number;
  crc: number;
  data: Uint8Array;
}

const PORTABLE: Compressor = { deflate: (raw) => deflateSync(raw, { level: 6 }) };

/** A new entry holding `content` (text as UTF-8), deflated. */
export function newEntry(name: string, content: string | Uint8Array, compressor: Compressor = PORTABLE): ZipEntry {
  const raw = typeof content === "string" ? encoder.encode(content) : content;
  return deflatedEntry(name, { size: raw.length, crc: (compressor.crc32 ?? crc32)(raw), data: compressor.deflate(raw) });
}

function deflatedEntry(name: string, { size, crc, data }: DeflatedText): ZipEntry {
  return { name, method: 8, crc, data, size, time: 0, date: DOS_DATE };
}

/** Pieces of text as one UTF-8 array, each encoded on its own (a piece of ASCII alone encodes fast). */
function utf8(pieces: readonly string[]): Uint8Array {
  const encoded = pieces.map((piece) => encoder.encode(piece));
  const out = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
  let at = 0;
  for (const e of encoded) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

/** A new entry deflated off the calling thread when the compressor can (else as newEntry); `content`: text, or
 * pieces of text. */
export async function newEntryAsync(name: string, content: string | readonly string[], compressor: Compressor = PORTABLE): Promise<ZipEntry> {
  const pieces = typeof content === "string" ? [content] : content;
  if (!compressor.deflateTextAsync) return newEntry(name, utf8(pieces), compressor);
  return deflatedEntry(name, await compressor.deflateTextAsync(pieces));
}

/** The entries as one zip, each stored as given. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => {
    total += 30 + 46 + 2 * names[i].length + e.data.length;
  });
  if (total > 0xffffffff || entries.length >= 0xffff) throw new XlsxFormatError("the workbook is too large for a zip without zip64");
  const out = new Uint8Array(total);
  const v = view(out);
  const offsets: number[] = [];
  let at = 0;
  const flagsOf = (name: Uint8Array, text: string) => (name.length !== text.length ? 0x800 : 0);
  entries.forEach((e, i) => {
    offsets.push(at);
    v.setUint32(at, LOCAL_FILE_HEADER, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, flagsOf(names[i], e.name), true);
    v.setUint16(at + 8, e.method, true);
    v.setUint16(at + 10, e.time, true);
    v.setUint16(at + 12, e.date, true);
    v.setUint32(at + 14, e.crc, true);
    v.setUint32(at + 18, e.data.length, true);
    v.setUint32(at + 22, e.size, true);
    v.setUint16(at + 26, names[i].length, true);
    v.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(e.data, at + 30 + names[i].length);
    at += 30 + names[i].length + e.data.length;
  });
  const central = at;
  entries.forEach((e, i) => {
    v.setUint32(at, CENTRAL_DIRECTORY_ENTRY, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, 20, true);
    v.setUint16(at + 8, flagsOf(names[i], e.name), true);
    v.setUint16(at + 10, e.method, true);
    v.setUint16(at + 12, e.time, true);
    v.setUint16(at + 14, e.date, true);
    v.setUint32(at + 16, e.crc, true);
    v.setUint32(at + 20, e.data.length, true);
    v.setUint32(at + 24, e.size, true);
    v.setUint16(at + 28, names[i].length, true);
    v.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  v.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  v.setUint16(at + 8, entries.length, true);
  v.setUint16(at + 10, entries.length, true);
  v.setUint32(at + 12, at - central, true);
  v.setUint32(at + 16, central, true);
  return out;
}
