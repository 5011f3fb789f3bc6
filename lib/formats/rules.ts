import { z } from 'zod';
import type { Localized } from '../i18n';
import { LINEWORKS_ID_CLAUSES, lineWorksIdValueIssues } from '../identity/lineworks-id';
import type { FieldRule } from './types';

/** Input rules of LINE WORKS bulk add / bulk modify files (seed 004), one per field. */

function rule(schema: z.ZodType<string>, ja: string, en: string): FieldRule {
  return { schema, message: { ja, en } };
}

/** Characters beside letters, digits and spaces that names and nicknames may hold. */
const NAME_CHARS = /^[\p{L}\p{M}\p{N}\p{Zs}!@&()\-_+[\]{}.,/]*$/u;
const NAME_SPECIALS = '! @ & ( ) - _ + [ ] { } . , /';

const EMAIL_LOCAL = /^[a-z0-9.\-_!]{1,40}$/;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const PHONE = /^[0-9\-*#+PT]{1,100}$/;

function isMailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  return value.length <= 255 && at > 0 && EMAIL_LOCAL.test(value.slice(0, at)) && DOMAIN.test(value.slice(at + 1));
}

function isRealDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const maxLength = (max: number) => rule(z.string().max(max), `${max} 字以内で入力してください。`, `Use at most ${max} characters.`);

export const RULES = {
  // The finding's rule itself, so that the export and the finding never disagree on an ID.
  lineworksId: rule(
    z.string().refine((value) => lineWorksIdValueIssues(value).length === 0),
    LINEWORKS_ID_CLAUSES.map((clause) => clause.text.ja).join('。') + '。',
    LINEWORKS_ID_CLAUSES.map((clause) => clause.text.en).join('. ') + '.',
  ),
  personName: rule(
    z.string().max(80).regex(NAME_CHARS),
    `80 字以内で、記号は ${NAME_SPECIALS} のみ使えます。`,
    `Use at most 80 characters; the only symbols allowed are ${NAME_SPECIALS}.`,
  ),
  nickname: rule(
    z.string().max(100).regex(NAME_CHARS),
    `100 字以内で、記号は ${NAME_SPECIALS} のみ使えます。`,
    `Use at most 100 characters; the only symbols allowed are ${NAME_SPECIALS}.`,
  ),
  furigana: rule(
    z
      .string()
      .max(100)
      .regex(/^[\u30a0-\u30ff\uff66-\uff9f\p{Zs}]*$/u),
    'カタカナ 100 字以内で入力してください。',
    'Use katakana only, at most 100 characters.',
  ),
  password: rule(
    z.string().regex(/^[A-Za-z0-9!-/:-@[-`{-~]{8,20}$/),
    'パスワードは半角英字・数字・記号の 8~20 字です。',
    'A password is 8–20 ASCII letters, digits and symbols.',
  ),
  personalEmail: rule(
    z.string().refine(isMailAddress),
    '「ID@ドメイン」の形式で 255 字以内、ID 部分は半角英小文字・数字・「.」「-」「_」「!」の 1~40 字です。',
    'Use "id@domain", at most 255 characters, the id part 1–40 lowercase letters, digits, ".", "-", "_" or "!".',
  ),
  externalKey: rule(z.string().regex(/^[\p{L}\p{N}]*$/u), 'External Key に記号と「%」は使えません。', 'An External Key cannot hold symbols or "%".'),
  subMailAddresses: rule(
    z.string().refine((value) => {
      const addresses = value.split(';').map((address) => address.trim());
      return addresses.length <= 10 && addresses.every(isMailAddress);
    }),
    'サブメールアドレスは「;」で区切って最大 10 個、それぞれ正しいメールアドレスで入力してください。',
    'Sub mail addresses are up to 10 valid addresses separated by ";".',
  ),
  organisation: rule(
    z.string().refine((value) => value.split('|').every((part) => part.trim() !== '')),
    '組織は最上位から「|」で区切って入力し、空の階層は入れられません。',
    'An organisation is its path from the top, separated by "|", with no empty level.',
  ),
  phone: rule(
    z.string().regex(PHONE),
    '数字と「-」「*」「#」「+」「P」「T」で 100 字以内です。',
    'Use digits and "-", "*", "#", "+", "P", "T", at most 100 characters.',
  ),
  countryCode: rule(z.string().regex(/^\+[0-9]{1,4}$/), '国番号は「+」で始めます (日本は +81)。', 'A country code starts with "+" (Japan is +81).'),
  language: rule(
    z.enum(['Japanese', 'English', 'Korean', 'Chinese(CHN)', 'Chinese(TWN)']),
    '言語は Japanese、English、Korean、Chinese(CHN)、Chinese(TWN) のいずれかです。',
    'The language is one of Japanese, English, Korean, Chinese(CHN), Chinese(TWN).',
  ),
  date: rule(z.string().refine(isRealDate), 'yyyymmdd 形式の実在する日付で入力してください。', 'Use a real date as yyyymmdd.'),
  employeeNumber: maxLength(20),
  text100: maxLength(100),
} satisfies Record<string, FieldRule>;

export const REQUIRED_MESSAGE: Localized = { ja: '必須項目です。', en: 'This field is required.' };
