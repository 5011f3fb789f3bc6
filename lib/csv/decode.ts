/** Text encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Whether the file starts with a byte order mark (not part of `text`). */
  bom: boolean;
  /** Byte length of the BOM, so that offsets in the text map back to bytes. */
  bomLength: number;
  /** Whether bytes were invalid in the encoding and decoded as U+FFFD. */
  lossy: boolean;
}

/** Code units of the file after the BOM: bytes for ASCII-compatible encodings, 16-bit units for UTF-16. */
export type CodeUnits = Uint8Array | Uint16Array;

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

const BOM_BYTES: Record<CsvEncoding, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  shift_jis: [],
};

export function bomBytes(encoding: CsvEncoding): Uint8Array {
  return new Uint8Array(BOM_BYTES[encoding]);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Valid UTF-8 up to a last character cut in half: a file truncated in a download or by a size
 * limit. Reading it as Shift_JIS would turn every Japanese character into mojibake.
 */
function isUtf8CutShort(bytes: Uint8Array): boolean {
  let start = bytes.length;
  // A UTF-8 character is at most 4 bytes: step back over continuation bytes to its lead byte.
  while (start > 0 && bytes.length - start < 4 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  if (start === 0 || bytes[start - 1]! < 0xc0) return false;
  return isValidUtf8(bytes.subarray(0, start - 1));
}

const SNIFF_BYTES = 4096;

/**
 * UTF-16 written without a BOM: ASCII-range text has a zero byte in every other position, on the
 * odd side for little-endian and the even side for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): CsvEncoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** What a file that is not text at all most likely is. */
export type BinaryKind = 'zip' | 'ole' | 'pdf' | 'binary';

const SIGNATURES: readonly [BinaryKind, readonly number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

/** Tab, LF, VT (FileMaker's line break in a cell), FF, CR and ESC (ISO-2022-JP) occur in text. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/**
 * An Excel workbook (.xlsx is a zip, .xls an OLE file), a PDF, or any file with zero bytes or many
 * control characters: no CSV, whatever its name says.
 */
export function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  for (const [kind, signature] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return kind;
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary';
    if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) controls++;
  }
  // A stray Ctrl-Z at the end (old DOS tools) is no reason to refuse a file.
  return controls > 8 && controls > sample.length * 0.01 ? 'binary' : undefined;
}

/**
 * Detects the encoding (BOM first, then strict UTF-8, then Shift_JIS, which is what Excel in Japan
 * writes) and decodes. `override` forces an encoding when the admin knows better than the guess.
 */
export function decodeCsv(bytes: Uint8Array, override?: CsvEncoding): DecodedCsv {
  const bom = bomOf(bytes);
  let encoding: CsvEncoding;
  if (override) encoding = override;
  else if (bom) encoding = bom.encoding;
  else encoding = utf16WithoutBom(bytes) ?? (isValidUtf8(bytes) || isUtf8CutShort(bytes) ? 'utf-8' : 'shift_jis');
  const bomLength = bom && bom.encoding === encoding ? bom.length : 0;
  const body = bytes.subarray(bomLength);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  const lossy = text.includes('\uFFFD') && !isFaithfulReplacement(body, encoding);
  return { text, encoding, bom: bomLength > 0, bomLength, lossy };
}

/** U+FFFD written in the file itself is not a decoding loss. */
function isFaithfulReplacement(body: Uint8Array, encoding: CsvEncoding): boolean {
  return encoding === 'utf-8' && isValidUtf8(body);
}

/** The file body as code units, in which every CSV structural character is one unit. */
export function codeUnitsOf(bytes: Uint8Array, encoding: CsvEncoding, bomLength: number): CodeUnits {
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-8' || encoding === 'shift_jis') return body;
  const units = new Uint16Array(body.length >> 1);
  const little = encoding === 'utf-16le';
  for (let i = 0, j = 0; i < units.length; i++, j += 2) {
    const a = body[j]!;
    const b = body[j + 1]!;
    units[i] = little ? a | (b << 8) : (a << 8) | b;
  }
  return units;
}

export function unitSize(encoding: CsvEncoding): 1 | 2 {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
}

const decoders = new Map<CsvEncoding, TextDecoder>();
function decoderFor(encoding: CsvEncoding): TextDecoder {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding === 'shift_jis' ? 'shift_jis' : 'utf-8', { ignoreBOM: true });
    decoders.set(encoding, decoder);
  }
  return decoder;
}

/** Decodes a span of code units; most cells are short ASCII, which skips the decoder. */
export function decodeUnits(units: CodeUnits, start: number, end: number, encoding: CsvEncoding): string {
  if (end <= start) return '';
  if (units instanceof Uint16Array) return fromCharCodes(units, start, end);
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (units[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return fromCharCodes(units, start, end);
  return decoderFor(encoding).decode(units.subarray(start, end));
}

const CHUNK = 4096;
function fromCharCodes(units: CodeUnits, start: number, end: number): string {
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
  let out = '';
  for (let i = start; i < end; i += CHUNK) out += fromCharCodes(units, i, Math.min(end, i + CHUNK));
  return out;
}
