import { deflateSync, Inflate } from 'fflate';
import { XlsxError } from './errors';

/**
 * The zip layer of a workbook, read from its central directory. Entries are kept as the raw
 * bytes of their local record, so that a rewritten package copies every entry it does not change
 * byte for byte (compressed data, timestamps, extra fields and all) instead of re-compressing it.
 */

/** Total bytes every entry of one package may inflate to, and each entry on its own. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 128 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;
/** Compressed bytes handed to the inflater at a time: one step inflates to at most ~1,000× this. */
const INFLATE_STEP = 16 * 1024;
/**
 * Sheet XML deflates about 10 to 50 times; a bomb about 1,000 times. Past its first 32 MiB an entry
 * inflating more than 200 times what it has consumed is stopped there, long before the size bound,
 * so a bomb costs a fraction of a second rather than seconds.
 */
const MAX_RATIO = 200;
const RATIO_FREE_BYTES = 32 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the local record in the package. */
  localOffset: number;
  /** Offset and length of the compressed data. */
  dataOffset: number;
  /** Length of the whole local record: header, data and data descriptor. */
  recordLength: number;
  /** The central directory record as it came. */
  central: Uint8Array;
}

export interface ZipPackage {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  /** The end-of-central-directory comment, kept when the package is written again. */
  comment: Uint8Array;
  /** Bytes inflated so far from this package, against MAX_INFLATED_BYTES. */
  inflated: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

function findEndRecord(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

/** Reads a zip's directory; nothing is inflated yet. Throws XlsxError on anything it will not read. */
export function openZip(bytes: Uint8Array): ZipPackage {
  const end = findEndRecord(bytes);
  if (end < 0) throw new XlsxError('not-a-workbook');
  const count = u16(bytes, end + 10);
  const centralSize = u32(bytes, end + 12);
  const centralOffset = u32(bytes, end + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw new XlsxError('zip64');
  if (count > MAX_ENTRIES) throw new XlsxError('too-many-parts');
  if (centralOffset + centralSize > end) throw new XlsxError('broken-zip');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let declared = 0;
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL) throw new XlsxError('broken-zip');
    const nameLength = u16(bytes, at + 28);
    const recordEnd = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (recordEnd > end) throw new XlsxError('broken-zip');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const localOffset = u32(bytes, at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new XlsxError('encrypted');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new XlsxError('zip64');
    if (method !== 0 && method !== 8) throw new XlsxError('broken-zip', name);
    // A bomb may lie about its sizes; the declared ones are checked here and the real ones while inflating.
    declared += size;
    if (size > MAX_ENTRY_BYTES || declared > MAX_INFLATED_BYTES) throw new XlsxError('too-large', name);
    if (localOffset + 30 > centralOffset || u32(bytes, localOffset) !== LOCAL) throw new XlsxError('broken-zip', name);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    let recordLength = dataOffset + compressedSize - localOffset;
    if (flags & 8) recordLength += u32(bytes, localOffset + recordLength) === DESCRIPTOR ? 16 : 12;
    if (localOffset + recordLength > centralOffset) throw new XlsxError('broken-zip', name);
    const entry: ZipEntry = { name, method, flags, compressedSize, size, localOffset, dataOffset, recordLength, central: bytes.subarray(at, recordEnd) };
    entries.push(entry);
    byName.set(name, entry);
    at = recordEnd;
  }
  return { bytes, entries, byName, comment: bytes.subarray(end + 22, end + 22 + u16(bytes, end + 20)), inflated: 0 };
}

/** Inflates one entry, stopping as soon as it passes its own bound or the package's. */
export function readEntry(zip: ZipPackage, entry: ZipEntry): Uint8Array {
  const data = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const limit = Math.min(MAX_ENTRY_BYTES, MAX_INFLATED_BYTES - zip.inflated);
  if (entry.method === 0) {
    if (data.length > limit) throw new XlsxError('too-large', entry.name);
    zip.inflated += data.length;
    return data;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit || (total > RATIO_FREE_BYTES && total > consumed * MAX_RATIO)) throw new XlsxError('too-large', entry.name);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      consumed = Math.min(data.length, at + INFLATE_STEP);
      inflate.push(data.subarray(at, consumed), consumed === data.length);
    }
    if (data.length === 0) inflate.push(data, true);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError('broken-zip', entry.name);
  }
  zip.inflated += total;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let write = 0;
  for (const chunk of chunks) {
    out.set(chunk, write);
    write += chunk.length;
  }
  return out;
}

export function readText(zip: ZipPackage, name: string): string | undefined {
  const entry = zip.byName.get(name);
  return entry ? new TextDecoder().decode(readEntry(zip, entry)) : undefined;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function put16(b: Uint8Array, at: number, v: number) {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, at: number, v: number) {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, v >>> 16);
}

interface OutRecord {
  local: Uint8Array;
  central: Uint8Array;
}

/** A new local record for changed content, keeping the entry's name, time and flags (less the data descriptor). */
function rewrittenRecord(zip: ZipPackage, entry: ZipEntry, content: Uint8Array): OutRecord {
  // On sheet XML, fflate's level 5 is about 40% faster than 6 for output about 2% larger.
  const data = deflateSync(content, { level: 5 });
  const crc = crc32(content);
  const oldLocal = zip.bytes.subarray(entry.localOffset, entry.dataOffset);
  const header = oldLocal.slice();
  const flags = entry.flags & ~8;
  put16(header, 6, flags);
  put16(header, 8, 8);
  put32(header, 14, crc);
  put32(header, 18, data.length);
  put32(header, 22, content.length);
  const local = new Uint8Array(header.length + data.length);
  local.set(header);
  local.set(data, header.length);
  const central = entry.central.slice();
  put16(central, 8, flags);
  put16(central, 10, 8);
  put32(central, 16, crc);
  put32(central, 20, data.length);
  put32(central, 24, content.length);
  return { local, central };
}

/**
 * The package again with some entries' content replaced: every other entry's local record is
 * copied as it came, and only the directory's offsets move. With no replacement it is the input.
 */
export function rewriteZip(zip: ZipPackage, replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  if (replaced.size === 0) return zip.bytes.slice();
  const records: OutRecord[] = zip.entries.map((entry) => {
    const content = replaced.get(entry.name);
    if (content) return rewrittenRecord(zip, entry, content);
    return { local: zip.bytes.subarray(entry.localOffset, entry.localOffset + entry.recordLength), central: entry.central.slice() };
  });
  let localTotal = 0;
  let centralTotal = 0;
  for (const record of records) {
    localTotal += record.local.length;
    centralTotal += record.central.length;
  }
  const out = new Uint8Array(localTotal + centralTotal + 22 + zip.comment.length);
  let write = 0;
  for (const record of records) {
    put32(record.central, 42, write);
    out.set(record.local, write);
    write += record.local.length;
  }
  for (const record of records) {
    out.set(record.central, write);
    write += record.central.length;
  }
  put32(out, write, EOCD);
  put16(out, write + 8, records.length);
  put16(out, write + 10, records.length);
  put32(out, write + 12, centralTotal);
  put32(out, write + 16, localTotal);
  put16(out, write + 20, zip.comment.length);
  out.set(zip.comment, write + 22);
  return out;
}
