import { describe, expect, it } from 'vitest';
import { encodeText, unencodableChars } from '../../../lib/csv/encode';

describe('unencodableChars', () => {
  it('finds characters Shift_JIS cannot hold', () => {
    expect(unencodableChars('𠮷野家🍣', 'shift_jis')).toEqual(['𠮷', '🍣']);
    expect(unencodableChars('€ and €', 'shift_jis')).toEqual(['€']);
  });
  it('accepts Windows-31J characters Excel writes', () => {
    expect(unencodableChars('髙橋 ①㈱ ｱｲｳ ～ ？ ?', 'shift_jis')).toEqual([]);
  });
  it('finds nothing to report in UTF-8', () => {
    expect(unencodableChars('𠮷🍣', 'utf-8')).toEqual([]);
  });
});

describe('encodeText', () => {
  it('writes a BOM when asked', () => {
    expect(Array.from(encodeText('a', 'utf-8', true))).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect(Array.from(encodeText('a', 'utf-8', false))).toEqual([0x61]);
    expect(Array.from(encodeText('a', 'utf-16le', true))).toEqual([0xff, 0xfe, 0x61, 0]);
    expect(Array.from(encodeText('a', 'utf-16be', false))).toEqual([0, 0x61]);
  });
  it('writes Shift_JIS that decodes back', () => {
    const bytes = encodeText('山田,ｱ\r\n', 'shift_jis', false);
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x8e, 0x52]);
    expect(new TextDecoder('shift_jis').decode(bytes)).toBe('山田,ｱ\r\n');
  });
});
