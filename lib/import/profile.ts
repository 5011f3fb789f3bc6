import type { Localized } from '../i18n';
import type { ConsoleId, MemberRowInput } from '../model';

/** The first non-empty value among these columns, '' when none has one. */
export type CellGetter = (...headers: string[]) => string;

/** How one source's roster file maps onto member rows. */
export interface ImportProfile {
  id: string;
  label: Localized;
  console: ConsoleId;
  /** Columns that identify the source: every entry (one of its spellings) must be present. */
  signature: readonly (readonly string[])[];
  /** `has` tells a blank cell (the file says "none") from a column the file lacks (it says nothing). */
  row(get: CellGetter, has: (...headers: string[]) => boolean): MemberRowInput;
}

export const EMAIL_HEADERS = [
  'メールアドレス',
  'メール',
  'Eメール',
  'email',
  'e-mail',
  'mail',
  'email address',
  'mail address',
  'Email Address [Required]',
  'userPrincipalName',
];

/** 姓 + 名 (or first + last) as a display name, whichever parts exist. */
export function joinName(...parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}
