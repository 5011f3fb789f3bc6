import type { Localized } from '../i18n';

/** Why a LINE WORKS ID breaks the input rules of the bulk add / bulk modify files (seed 004). */
export type LineWorksIdIssue = 'length' | 'uppercase' | 'characters' | 'first-character' | 'edge-dot' | 'consecutive-dots';

export const LINEWORKS_ID_MIN_LENGTH = 2;
export const LINEWORKS_ID_MAX_LENGTH = 40;

export const LINEWORKS_ID_ISSUE_TEXT: Record<LineWorksIdIssue, Localized> = {
  length: {
    ja: `IDは${LINEWORKS_ID_MIN_LENGTH}〜${LINEWORKS_ID_MAX_LENGTH}文字で入力してください`,
    en: `An ID must be ${LINEWORKS_ID_MIN_LENGTH}–${LINEWORKS_ID_MAX_LENGTH} characters long`,
  },
  uppercase: { ja: 'IDに英大文字は使用できません', en: 'An ID cannot contain uppercase letters' },
  characters: {
    ja: 'IDには半角英小文字、数字、「-」「.」「_」のみ使用できます',
    en: 'An ID may contain only lowercase letters, digits, "-", "." and "_"',
  },
  'first-character': {
    ja: 'IDの先頭には半角英小文字または数字を使用してください',
    en: 'An ID must start with a lowercase letter or a digit',
  },
  'edge-dot': { ja: '先頭または最後が「.」のIDは使用できません', en: 'An ID cannot start or end with "."' },
  'consecutive-dots': { ja: '「.」が連続するIDは使用できません', en: 'An ID cannot contain consecutive dots' },
};

/**
 * Checks a LINE WORKS ID against the rules of seed 004. Takes the ID's local part or a whole
 * `id@domain` (only the part before the last `@` is checked). Returns every broken rule, none when valid.
 */
export function lineWorksIdIssues(id: string): LineWorksIdIssue[] {
  const at = id.lastIndexOf('@');
  const local = at === -1 ? id : id.slice(0, at);
  const issues: LineWorksIdIssue[] = [];
  const length = [...local].length;
  if (length < LINEWORKS_ID_MIN_LENGTH || length > LINEWORKS_ID_MAX_LENGTH) issues.push('length');
  if (/[A-Z]/.test(local)) issues.push('uppercase');
  if (/[^A-Za-z0-9._-]/.test(local)) issues.push('characters');
  if (/^[-_]/.test(local)) issues.push('first-character');
  if (local.startsWith('.') || local.endsWith('.')) issues.push('edge-dot');
  if (local.includes('..')) issues.push('consecutive-dots');
  return issues;
}

export function isValidLineWorksId(id: string): boolean {
  return lineWorksIdIssues(id).length === 0;
}
