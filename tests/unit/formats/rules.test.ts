import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/formats/rules';

const cases: Record<keyof typeof RULES, { pass: string[]; fail: string[] }> = {
  lineworksId: {
    pass: ['taro', 'taro.yamada', 't-1_x', '1abc', 'ab', 'a'.repeat(40)],
    fail: ['a', 'a'.repeat(41), 'Taro', '.taro', '-taro', '_taro', 'taro.', 'ta..ro', 'taro@x', 'tarō', 'ta ro'],
  },
  personName: { pass: ['山田', 'Yamada', 'O.Brien-Smith (Jr.)', '[営業]_{A}+&!@,/', 'あ'.repeat(80)], fail: ['あ'.repeat(81), '山田#', 'a;b', 'x%'] },
  nickname: { pass: ['たろー', 'x'.repeat(100)], fail: ['x'.repeat(101), 'a*b'] },
  furigana: { pass: ['ヤマダ', 'ﾔﾏﾀﾞ', 'ヤマダ タロウ', 'ア'.repeat(100)], fail: ['やまだ', 'Yamada', '山田', 'ア'.repeat(101)] },
  password: { pass: ['Passw0rd', 'a1!b2@c3#', 'x'.repeat(20)], fail: ['short1!', 'x'.repeat(21), 'パスワード12345', 'has space1'] },
  personalEmail: {
    pass: ['taro@example.com', 'taro.y-1_!@mail.example.co.jp', `${'a'.repeat(40)}@example.com`],
    fail: ['Taro@example.com', 'taro', 'taro@', '@example.com', `${'a'.repeat(41)}@example.com`, 'ta ro@example.com', `a@${'b'.repeat(250)}.com`],
  },
  externalKey: { pass: ['abc123', 'ユーザー1'], fail: ['abc%', 'a-b', 'a@b', 'a b'] },
  subMailAddresses: {
    pass: ['a@example.com', 'a@example.com;b@example.com', Array.from({ length: 10 }, (_, i) => `u${i}@example.com`).join(';')],
    fail: ['a@example.com;', 'a@example.com,b@example.com', Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join(';')],
  },
  organisation: { pass: ['本社', '本社|営業部|東京'], fail: ['本社||東京', '|本社', '本社|'] },
  phone: { pass: ['03-1234-5678', '+81-90-1234-5678', '100#2*3P4T', '1'.repeat(100)], fail: ['03 1234', '(03)1234', 'x', '1'.repeat(101)] },
  countryCode: { pass: ['+81', '+1'], fail: ['81', '+', '+81-3', 'jp'] },
  language: { pass: ['Japanese', 'English', 'Korean', 'Chinese(CHN)', 'Chinese(TWN)'], fail: ['japanese', 'Chinese', '日本語'] },
  date: { pass: ['20240229', '20250101', '19991231'], fail: ['20230229', '2025-01-01', '20251301', '20250132', '250101'] },
  employeeNumber: { pass: ['A001', 'x'.repeat(20)], fail: ['x'.repeat(21)] },
  text100: { pass: ['東京本社', 'x'.repeat(100)], fail: ['x'.repeat(101)] },
};

describe('LINE WORKS field rules (seed 004)', () => {
  for (const [name, { pass, fail }] of Object.entries(cases)) {
    const rule = RULES[name as keyof typeof RULES];
    it.each(pass)(`${name} accepts %j`, (value) => expect(rule.schema.safeParse(value).success).toBe(true));
    it.each(fail)(`${name} refuses %j`, (value) => expect(rule.schema.safeParse(value).success).toBe(false));
  }
  it('every rule names the problem a value that breaks it has (its words: tests/unit/words.test.ts)', () => {
    for (const rule of Object.values(RULES)) expect(rule.problem.code).toMatch(/^field-/);
  });
});
