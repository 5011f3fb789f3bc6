import { z } from 'zod';
import { lineWorksIdValueIssues } from '../identity/lineworks-id';
import type { FieldProblem, FieldRule } from './types';

/** Input rules of LINE WORKS bulk add / bulk modify files (seed 004), one per field. */

function rule(schema: z.ZodType<string>, problem: FieldProblem): FieldRule {
  return { schema, problem };
}

/** Characters beside letters, digits and spaces that names and nicknames may hold. */
const NAME_CHARS = /^[\p{L}\p{M}\p{N}\p{Zs}!@&()\-_+[\]{}.,/]*$/u;

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

const maxLength = (max: number) => rule(z.string().max(max), { code: 'field-too-long', max });

export const RULES = {
  // The finding's rule itself, so that the export and the finding never disagree on an ID.
  lineworksId: rule(
    z.string().refine((value) => lineWorksIdValueIssues(value).length === 0),
    { code: 'field-lineworks-id' },
  ),
  personName: rule(z.string().max(80).regex(NAME_CHARS), { code: 'field-person-name' }),
  nickname: rule(z.string().max(100).regex(NAME_CHARS), { code: 'field-nickname' }),
  furigana: rule(
    z
      .string()
      .max(100)
      .regex(/^[\u30a0-\u30ff\uff66-\uff9f\p{Zs}]*$/u),
    { code: 'field-furigana' },
  ),
  password: rule(z.string().regex(/^[A-Za-z0-9!-/:-@[-`{-~]{8,20}$/), { code: 'field-password' }),
  personalEmail: rule(z.string().refine(isMailAddress), { code: 'field-personal-email' }),
  externalKey: rule(z.string().regex(/^[\p{L}\p{N}]*$/u), { code: 'field-external-key' }),
  subMailAddresses: rule(
    z.string().refine((value) => {
      const addresses = value.split(';').map((address) => address.trim());
      return addresses.length <= 10 && addresses.every(isMailAddress);
    }),
    { code: 'field-sub-mail-addresses' },
  ),
  organisation: rule(
    z.string().refine((value) => value.split('|').every((part) => part.trim() !== '')),
    { code: 'field-organisation' },
  ),
  phone: rule(z.string().regex(PHONE), { code: 'field-phone' }),
  countryCode: rule(z.string().regex(/^\+[0-9]{1,4}$/), { code: 'field-country-code' }),
  language: rule(z.enum(['Japanese', 'English', 'Korean', 'Chinese(CHN)', 'Chinese(TWN)']), { code: 'field-language' }),
  date: rule(z.string().refine(isRealDate), { code: 'field-date' }),
  employeeNumber: maxLength(20),
  text100: maxLength(100),
} satisfies Record<string, FieldRule>;
