/**
 * The little of the ZIP format the spreadsheet code needs (an XLSX is a ZIP of XML parts):
 * the central directory's entries, to refuse a zip bomb before exceljs expands anything, and to
 * set every entry's time to one fixed value so that the same workbook gives the same bytes.
 */
import * as zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's field "last modified time" in the central directory. */
  centralOffset: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Whether `bytes` start like a ZIP file (`PK\3\4`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/** The central directory's entries, or why it cannot be read (ZIP64 is refused: no filing needs 4 GiB). */
export function zipEntries(bytes: Buffer): { entries: ZipEntry[]; problem?: undefined } | { entries?: undefined; problem: string } {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { problem: 'not a readable ZIP archive (no central directory; the file is truncated or not an XLSX workbook)' };
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > eocd) return { problem: 'not a readable ZIP archive (ZIP64 or a damaged central directory)' };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL_SIGNATURE) return { problem: 'not a readable ZIP archive (a damaged central directory)' };
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      centralOffset: p + 12,
      localOffset: bytes.readUInt32LE(p + 42),
    };
    if (entry.localOffset + 30 > bytes.length || bytes.readUInt32LE(entry.localOffset) !== LOCAL_SIGNATURE) return { problem: 'not a readable ZIP archive (an entry points outside the file)' };
    entries.push(entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return { entries };
}

/**
 * Why the archive may not be expanded, or undefined: more than `maxEntries` parts, more than
 * `maxBytes` declared when expanded, or a part that expands past what it declares (a zip bomb
 * lies about its sizes: each part is inflated here with its declared size as the hard limit).
 */
export function zipBombProblem(bytes: Buffer, maxBytes: number, maxEntries = 10_000): string | undefined {
  const read = zipEntries(bytes);
  if (read.problem !== undefined) return read.problem;
  if (read.entries.length > maxEntries) return `the workbook has ${read.entries.length} parts (at most ${maxEntries} are read)`;
  let total = 0;
  for (const e of read.entries) {
    total += e.uncompressedSize;
    if (total > maxBytes) return `the workbook expands to more than ${maxBytes} bytes (the limit for an expanded spreadsheet; see --max-input-size)`;
  }
  for (const e of read.entries) {
    if (e.method === 0) continue;
    if (e.method !== 8) return `part ${e.name} uses an unsupported compression method (${e.method})`;
    const start = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
    if (start + e.compressedSize > bytes.length) return `part ${e.name} is truncated`;
    try {
      const out = zlib.inflateRawSync(bytes.subarray(start, start + e.compressedSize), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      if (out.length !== e.uncompressedSize) return `part ${e.name} does not expand to the size it declares`;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ERR_BUFFER_TOO_LARGE' ? `part ${e.name} expands past the size it declares (a zip bomb)` : `part ${e.name} cannot be expanded (damaged data)`;
    }
  }
  return undefined;
}

/** DOS date 1980-01-01, time 00:00:00: the one time written into every entry. */
const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** `bytes` with every entry's modification time set to 1980-01-01 00:00 (in place), so output is byte-stable. */
export function withFixedTimes(bytes: Buffer): Buffer {
  const read = zipEntries(bytes);
  if (read.problem !== undefined) throw new Error(`internal: the written workbook is not a ZIP archive: ${read.problem}`);
  for (const e of read.entries) {
    bytes.writeUInt16LE(0, e.centralOffset);
    bytes.writeUInt16LE(FIXED_DOS_DATE, e.centralOffset + 2);
    bytes.writeUInt16LE(0, e.localOffset + 10);
    bytes.writeUInt16LE(FIXED_DOS_DATE, e.localOffset + 12);
  }
  return bytes;
}

/** The expanded bytes of the entry `name`, if the archive has it (for recognizing a workbook btyun wrote). */
export function zipEntryData(bytes: Buffer, name: string, maxBytes = 1024 * 1024): Buffer | undefined {
  const read = zipEntries(bytes);
  const e = read.entries?.find((x) => x.name === name);
  if (e === undefined || e.uncompressedSize > maxBytes) return undefined;
  const start = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  try {
    return e.method === 0 ? data : e.method === 8 ? zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) }) : undefined;
  } catch {
    return undefined;
  }
}
