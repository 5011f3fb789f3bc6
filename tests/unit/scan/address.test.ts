import { describe, expect, it } from 'vitest';
import { findAddress, findAddresses, isAddress, mailtoAddress } from '../../../lib/scan/address';

describe('addresses in page text', () => {
  it.each([
    ['taro@example.co.jp（営業部）', 'taro@example.co.jp'],
    ['taro@example.co.jp、hanako@example.co.jp', 'taro@example.co.jp'],
    ['連絡先：taro@example.co.jp', 'taro@example.co.jp'],
    ['taro@example.co.jp営業部', 'taro@example.co.jp'],
    ['taro@example.co.jp, jiro@other.com', 'taro@example.co.jp'],
    ['メールは taro@example.co.jp です。', 'taro@example.co.jp'],
    ['山田@例え.jp', '山田@例え.jp'],
    ['taro.yamada@examplecorp', 'taro.yamada@examplecorp'],
    ['ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯ．ＪＰ', 'ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯ．ＪＰ'],
  ])('%s → %s', (text, address) => {
    expect(findAddress(text)).toBe(address);
  });

  it('finds every address of a cell, once each', () => {
    expect(findAddresses('a@x.co.jp、b@y.co.jp，a@x.co.jp (c@z.jp)')).toEqual(['a@x.co.jp', 'b@y.co.jp', 'c@z.jp']);
    expect(mailtoAddress('mailto:a@x.jp,b@y.jp?subject=hi')).toBe('a@x.jp');
  });
});

describe('whole addresses', () => {
  it('tells an address from text around one', () => {
    expect(isAddress('saki.okamoto@examplecorp-sales.jp')).toBe(true);
    expect(isAddress('山田@例え.jp')).toBe(true);
    expect(isAddress('メールを送る')).toBe(false);
    expect(isAddress('taro@example.co.jp（営業部）')).toBe(false);
  });
});
