import type { Member } from '../model';
import { RULES } from './rules';
import type { MemberColumn } from './table';

/** Splits a display name into 姓 and 名 on the first run of spaces (full-width too). */
export function splitName(name: string): { family: string; given: string } {
  const parts = name.trim().split(/[\s\u3000]+/);
  return { family: parts[0] ?? '', given: parts.slice(1).join(' ') };
}

/** A LINE WORKS ID is the local part of the member's ID or email, in lowercase. */
export function lineworksIdOf(member: Member): string {
  const source = member.identifier.includes('@') ? member.identifier : member.email || member.identifier;
  const at = source.lastIndexOf('@');
  return (at >= 0 ? source.slice(0, at) : source).normalize('NFKC').trim().toLowerCase();
}

export type PasswordMode = 'auto' | 'admin' | 'member';

const none = () => '';

/** Which file a column is for: bulk add in one password mode, or bulk modify. */
export type LineworksFile = PasswordMode | 'modify';

/**
 * Columns of the bulk add / bulk modify files (seed 004), in the order of the console's sample file.
 * `inAdd` lists the bulk add files a column appears in (all when absent); `requiredIn` the ones where
 * it must be filled.
 */
interface LineworksColumn extends MemberColumn<LineworksFile> {
  inAdd?: readonly PasswordMode[];
  inModify?: boolean;
  requiredIn?: readonly PasswordMode[] | 'sso';
}

const ALL_MODES: readonly PasswordMode[] = ['auto', 'admin', 'member'];

export const LINEWORKS_COLUMNS: readonly LineworksColumn[] = [
  { header: '姓', rule: RULES.personName, requiredIn: ALL_MODES, value: (member) => splitName(member.name).family },
  { header: '名', rule: RULES.personName, requiredIn: ALL_MODES, value: (member) => splitName(member.name).given },
  { header: 'ID', rule: RULES.lineworksId, requiredIn: ALL_MODES, value: lineworksIdOf },
  { header: 'パスワード', rule: RULES.password, inAdd: ['admin'], inModify: false, requiredIn: ['admin'], value: none },
  {
    header: '個人メールアドレス',
    rule: RULES.personalEmail,
    requiredIn: ['member'],
    // Only the member-created mode needs it; elsewhere the company address would just repeat the ID.
    value: (member, file) => (file === 'member' ? (member.email || member.normalizedEmail).trim() : ''),
  },
  { header: 'External Key', rule: RULES.externalKey, requiredIn: 'sso', value: none },
  { header: '姓 (フリガナ)', rule: RULES.furigana, value: none },
  { header: '名 (フリガナ)', rule: RULES.furigana, value: none },
  { header: 'ニックネーム', rule: RULES.nickname, value: none },
  { header: 'サブメールアドレス', rule: RULES.subMailAddresses, value: none },
  { header: '利用権限タイプ', value: none },
  { header: '職級', value: none },
  { header: '組織', rule: RULES.organisation, value: (member) => member.fields.organisation ?? '' },
  { header: '役職', value: (member) => member.fields.position ?? '' },
  { header: '電話番号', rule: RULES.phone, trusted: true, value: (member) => member.fields.phone ?? '' },
  { header: '携帯電話 国際電話番号', rule: RULES.countryCode, trusted: true, value: none },
  { header: '携帯電話 電話番号', rule: RULES.phone, trusted: true, value: none },
  { header: '言語', rule: RULES.language, value: none },
  { header: '勤務先', rule: RULES.text100, value: none },
  { header: '担当業務', rule: RULES.text100, value: none },
  { header: 'SNS', value: none },
  { header: 'SNS_ID', rule: RULES.text100, value: none },
  { header: '生年月日', rule: RULES.date, inAdd: [], value: none },
  { header: '入社日', rule: RULES.date, value: none },
  { header: '社員番号', rule: RULES.employeeNumber, value: (member) => member.fields.employeeNumber ?? '' },
  { header: '利用開始日', rule: RULES.date, inModify: false, value: none },
];

function isRequired(column: LineworksColumn, mode: LineworksFile, sso: boolean): boolean {
  if (column.requiredIn === 'sso') return sso;
  if (mode === 'modify') return column.header === '姓' || column.header === '名' || column.header === 'ID';
  return column.requiredIn?.includes(mode) ?? false;
}

/** The columns of one file, with `required` set for its password mode (or bulk modify). */
export function lineworksColumns(mode: LineworksFile, sso = false): MemberColumn<LineworksFile>[] {
  return LINEWORKS_COLUMNS.filter((column) =>
    mode === 'modify' ? column.inModify !== false : (column.inAdd ?? ALL_MODES).includes(mode),
  ).map((column) => ({
    header: column.header,
    rule: column.rule,
    trusted: column.trusted,
    value: column.value,
    required: isRequired(column, mode, sso),
  }));
}
