import Encoding from 'encoding-japanese';
import { bomBytes, type CsvEncoding } from './decode';

/** Encodings offered for a built file. UTF-8 with BOM is the default: Excel in Japan opens it correctly. */
export type OutputEncoding = 'utf-8-bom' | 'utf-8' | 'shift_jis';
export const DEFAULT_OUTPUT_ENCODING: OutputEncoding = 'utf-8-bom';

export function outputEncodingLayout(encoding: OutputEncoding): { encoding: CsvEncoding; bom: boolean } {
  if (encoding === 'shift_jis') return { encoding: 'shift_jis', bom: false };
  return { encoding: 'utf-8', bom: encoding === 'utf-8-bom' };
}

const QUESTION_MARK = 0x3f;
const sjisCache = new Map<string, boolean>();

/** Whether Shift_JIS (Windows-31J, what Excel writes) holds the character; encoding-japanese writes `?` otherwise. */
function sjisHolds(char: string): boolean {
  let holds = sjisCache.get(char);
  if (holds === undefined) {
    const bytes = Encoding.convert(Encoding.stringToCode(char), { to: 'SJIS', from: 'UNICODE', type: 'array' });
    holds = char === '?' || !(bytes.length === 1 && bytes[0] === QUESTION_MARK);
    sjisCache.set(char, holds);
  }
  return holds;
}

// eslint-disable-next-line no-control-regex -- the range is all of ASCII, control characters included on purpose
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Characters of `value` the encoding cannot hold, each once, in order of appearance. */
export function unencodableChars(value: string, encoding: CsvEncoding): string[] {
  if (encoding !== 'shift_jis' || ASCII_ONLY.test(value)) return [];
  const missing: string[] = [];
  for (const char of value) if (!sjisHolds(char) && !missing.includes(char)) missing.push(char);
  return missing;
}

/** Encodes text, the BOM first when asked. Callers check `unencodableChars` first: nothing is replaced here silently. */
export function encodeText(text: string, encoding: CsvEncoding, bom: boolean): Uint8Array {
  const prefix = bom ? bomBytes(encoding) : new Uint8Array(0);
  let body: Uint8Array;
  if (encoding === 'utf-8') body = new TextEncoder().encode(text);
  else if (encoding === 'shift_jis') {
    body = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));
  } else {
    body = new Uint8Array(text.length * 2);
    const little = encoding === 'utf-16le';
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      body[2 * i] = little ? unit & 0xff : unit >> 8;
      body[2 * i + 1] = little ? unit >> 8 : unit & 0xff;
    }
  }
  if (prefix.length === 0) return body;
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}
