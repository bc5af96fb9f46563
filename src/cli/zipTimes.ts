/**
 * ExcelJS stamps every zip entry with the current time, so the same workbook written twice differs byte for
 * byte. Setting every entry's DOS time and date to one fixed value makes the output reproducible (the stamps are
 * outside the CRC-protected data).
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** 2020-01-01 00:00:00 in MS-DOS form. */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

/** The zip with every entry's modification time set to 2020-01-01 00:00; unchanged when it is not a plain zip. */
export function withFixedZipTimes(zip: Buffer): Buffer {
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) return zip;
  const fixed = Buffer.from(zip);
  const entries = fixed.readUInt16LE(end + 10);
  let offset = fixed.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > fixed.length || fixed.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return zip;
    fixed.writeUInt16LE(DOS_TIME, offset + 12);
    fixed.writeUInt16LE(DOS_DATE, offset + 14);
    const local = fixed.readUInt32LE(offset + 42);
    if (local + 30 > fixed.length || fixed.readUInt32LE(local) !== LOCAL_FILE_HEADER) return zip;
    fixed.writeUInt16LE(DOS_TIME, local + 10);
    fixed.writeUInt16LE(DOS_DATE, local + 12);
    offset += 46 + fixed.readUInt16LE(offset + 28) + fixed.readUInt16LE(offset + 30) + fixed.readUInt16LE(offset + 32);
  }
  return fixed;
}
