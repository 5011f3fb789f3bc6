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
 * Detects the encoding (BOM first, then strict UTF-8, then Shift_JIS, which is what Excel in Japan
 * writes) and decodes. `override` forces an encoding when the admin knows better than the guess.
 */
export function decodeCsv(bytes: Uint8Array, override?: CsvEncoding): DecodedCsv {
  const bom = bomOf(bytes);
  let encoding: CsvEncoding;
  if (override) encoding = override;
  else if (bom) encoding = bom.encoding;
  else encoding = isValidUtf8(bytes) ? 'utf-8' : 'shift_jis';
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
