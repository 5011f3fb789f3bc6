import { describe, expect, it } from 'vitest';
import { foldForSearch, memberSearchText } from '../../../lib/roster-query';

describe('member search text', () => {
  it('holds each folded field once, apart from the others', () => {
    const text = memberSearchText({
      name: 'ＴＡＲＯ Yamada',
      identifier: 'Taro@Example.co.jp',
      email: 'taro@example.co.jp',
      normalizedEmail: 'taro@example.co.jp',
      domainDisplay: 'example.co.jp',
    });
    expect(text.split('\u0000')).toEqual(['taro yamada', 'taro@example.co.jp', 'example.co.jp']);
    expect(text.includes(foldForSearch('yamadataro'))).toBe(false);
  });
});
