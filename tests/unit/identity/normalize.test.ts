import { describe, expect, it } from 'vitest';
import { looksLikeAddress, normalizeIdentifier, plusAddressBase } from '../../../lib/identity/normalize';
import { identifierCases } from '../../fixtures/identifiers';

// Rows whose classification comes from the identifier alone.
const identifierOnly = identifierCases.filter(({ row }) => row.email === undefined && row.isLineUser === undefined && row.fields === undefined);

describe('normalizeIdentifier over the corpus', () => {
  it('has a corpus of at least 60 identifiers', () => {
    expect(identifierCases.length).toBeGreaterThanOrEqual(60);
    expect(identifierOnly.length).toBeGreaterThanOrEqual(60);
  });

  it.each(identifierOnly.map((c) => [c.note, c] as const))('%s', (_note, { row, expect: expected }) => {
    const normalized = normalizeIdentifier(row.identifier);
    expect(normalized.raw).toBe(row.identifier);
    expect(normalized.email).toBe(expected.email);
    expect(normalized.domain).toBe(expected.domain);
    expect(normalized.domainDisplay).toBe(expected.domainDisplay);
    expect(normalized.problem).toBe(expected.problem);
    expect(normalized.isAddress).toBe(expected.email !== '');
  });
});

describe('normalizeIdentifier details', () => {
  it('keeps the case of the local part and the cleaned text, lowercases only the comparison form', () => {
    const normalized = normalizeIdentifier('  Taro.Yamada@Example.CO.JP ');
    expect(normalized).toMatchObject({
      cleaned: 'Taro.Yamada@Example.CO.JP',
      localPart: 'Taro.Yamada',
      email: 'taro.yamada@example.co.jp',
      normalizedId: 'taro.yamada@example.co.jp',
    });
  });

  it('gives a lowercase normalizedId to an identifier without @', () => {
    expect(normalizeIdentifier(' ＴａｒｏＹ ').normalizedId).toBe('taroy');
    const accountId = normalizeIdentifier('1234567');
    expect(accountId).toMatchObject({ isAddress: false, normalizedId: '1234567' });
    expect(accountId.problem).toBeUndefined();
  });

  it('never throws, whatever it is given', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      'a',
      'Z',
      '@',
      '＠',
      '.',
      '。',
      '-',
      '+',
      '%',
      '<',
      '>',
      '"',
      '(',
      ')',
      ' ',
      '\u3000',
      '\u200b',
      '\u202e',
      '\u0000',
      'mailto:',
      '?',
      'xn--',
      '日',
      '%E3',
      ',',
      ';',
      '[',
      ']',
      ':',
    ];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const normalized = normalizeIdentifier(text);
      expect(normalized.isAddress ? normalized.email.includes('@') : normalized.email === '').toBe(true);
    }
    expect(normalizeIdentifier(undefined as unknown as string).problem).toBe('empty');
    expect(normalizeIdentifier(42 as unknown as string).problem).toBe('empty');
  });
});

describe('looksLikeAddress', () => {
  it.each([
    ['taro@example.co.jp', true],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', true],
    ['taro.yamada@examplecorp', true],
    ['Taro <taro@example.com>', true],
    ['mailto:taro@example.com', true],
    ['Taro Yamada', false],
    ['1234567', false],
    ['@', false],
    ['a@@b', false],
    ['Contact taro@example.com for details', false],
    [`${'x'.repeat(500)}@example.com`, false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeAddress(text)).toBe(expected);
  });
});

describe('plusAddressBase', () => {
  it('drops the plus tag and keeps everything else', () => {
    expect(plusAddressBase('taro+news@example.co.jp')).toBe('taro@example.co.jp');
    expect(plusAddressBase('t.a.r.o+a+b@example.co.jp')).toBe('t.a.r.o@example.co.jp');
  });

  it('is null without a tag, with a leading plus or with a plus in the domain', () => {
    expect(plusAddressBase('taro@example.co.jp')).toBeNull();
    expect(plusAddressBase('+taro@example.co.jp')).toBeNull();
    expect(plusAddressBase('')).toBeNull();
    expect(plusAddressBase('taro@ex+ample.com')).toBeNull();
  });
});
