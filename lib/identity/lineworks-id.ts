import type { Localized } from '../i18n';

/**
 * The LINE WORKS ID rule of seed 004 (bulk add / bulk modify), the one rule both the
 * `invalid-lineworks-id` finding and the bulk files' ID column use, so that an ID the finding
 * accepts is never refused by the export and the other way round.
 */
export type LineWorksIdIssue = 'length' | 'uppercase' | 'characters' | 'first-character' | 'edge-dot' | 'consecutive-dots';

export const LINEWORKS_ID_MIN_LENGTH = 2;
export const LINEWORKS_ID_MAX_LENGTH = 40;

interface Clause {
  issue: LineWorksIdIssue;
  broken: (id: string) => boolean;
  text: Localized;
}

/**
 * One clause per sentence of seed 004's ID rule. The seed writes 「半角文字」 for the body and
 * 「半角英小文字」 for the first character and for the personal address's ID part; the console's IDs
 * are lowercase, so an uppercase letter anywhere breaks the rule (it is not lower-cased for the
 * admin: a changed ID is another account).
 */
export const LINEWORKS_ID_CLAUSES: readonly Clause[] = [
  // seed 004: 「-」、「.」、「_」を 2~40 字で設定できます
  {
    issue: 'length',
    broken: (id) => [...id].length < LINEWORKS_ID_MIN_LENGTH || [...id].length > LINEWORKS_ID_MAX_LENGTH,
    text: {
      ja: `IDは${LINEWORKS_ID_MIN_LENGTH}〜${LINEWORKS_ID_MAX_LENGTH}文字で入力してください`,
      en: `An ID must be ${LINEWORKS_ID_MIN_LENGTH}–${LINEWORKS_ID_MAX_LENGTH} characters long`,
    },
  },
  // seed 004: 先頭の文字には半角英小文字、および数字を使用できます
  {
    issue: 'uppercase',
    broken: (id) => /[A-Z]/.test(id),
    text: { ja: 'IDに英大文字は使用できません', en: 'An ID cannot contain uppercase letters' },
  },
  // seed 004: 半角文字、数字、「-」、「.」、「_」
  {
    issue: 'characters',
    broken: (id) => /[^A-Za-z0-9._-]/.test(id),
    text: {
      ja: 'IDには半角英小文字、数字、「-」「.」「_」のみ使用できます',
      en: 'An ID may contain only lowercase letters, digits, "-", "." and "_"',
    },
  },
  // seed 004: 先頭の文字には半角英小文字、および数字を使用できます
  {
    issue: 'first-character',
    broken: (id) => /^[-_]/.test(id),
    text: { ja: 'IDの先頭には半角英小文字または数字を使用してください', en: 'An ID must start with a lowercase letter or a digit' },
  },
  // seed 004: 先頭または最後が「.」のIDや
  {
    issue: 'edge-dot',
    broken: (id) => id.startsWith('.') || id.endsWith('.'),
    text: { ja: '先頭または最後が「.」のIDは使用できません', en: 'An ID cannot start or end with "."' },
  },
  // seed 004: 「.」が連続するIDは使用できません
  {
    issue: 'consecutive-dots',
    broken: (id) => id.includes('..'),
    text: { ja: '「.」が連続するIDは使用できません', en: 'An ID cannot contain consecutive dots' },
  },
];

export const LINEWORKS_ID_ISSUE_TEXT = Object.fromEntries(LINEWORKS_ID_CLAUSES.map((clause) => [clause.issue, clause.text])) as Record<
  LineWorksIdIssue,
  Localized
>;

// Zero-width and format characters a copied cell may carry; they are never part of an ID.
const INVISIBLE = /\p{Cf}/gu;

/**
 * The ID as a bulk file holds it: the part before the last `@` of an `id@domain` (the domain is the
 * tenant's, not the ID's), full-width forms folded, invisible characters and outer spaces dropped.
 * Nothing else changes: no case folding and no trimmed dots, so the rule sees what the console would.
 */
export function lineworksLocalId(identifier: string): string {
  const text = identifier.normalize('NFKC').replace(INVISIBLE, '').trim();
  const at = text.lastIndexOf('@');
  return (at === -1 ? text : text.slice(0, at)).trim();
}

/** Every clause a bulk file's ID value breaks, none when valid. The value is the ID itself (no `@domain`). */
export function lineWorksIdValueIssues(id: string): LineWorksIdIssue[] {
  return LINEWORKS_ID_CLAUSES.filter((clause) => clause.broken(id)).map((clause) => clause.issue);
}

/** Every clause the ID of a member shown as `id` or `id@domain` breaks, none when valid. */
export function lineWorksIdIssues(identifier: string): LineWorksIdIssue[] {
  return lineWorksIdValueIssues(lineworksLocalId(identifier));
}

export function isValidLineWorksId(identifier: string): boolean {
  return lineWorksIdIssues(identifier).length === 0;
}
