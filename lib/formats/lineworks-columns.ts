import { lineworksLocalId } from '../identity/lineworks-id';
import type { Member } from '../model';
import { RULES } from './rules';
import type { MemberColumn } from './table';

/** Splits a display name into 姓 and 名 on the first run of spaces (full-width too). */
export function splitName(name: string): { family: string; given: string } {
  const parts = name.trim().split(/[\s\u3000]+/);
  return { family: parts[0] ?? '', given: parts.slice(1).join(' ') };
}

/**
 * A LINE WORKS ID is the local part of the member's ID or email, as read: an ID that breaks the rule
 * is refused like the finding flags it, never quietly changed into another account's ID.
 */
export function lineworksIdOf(member: Member): string {
  return lineworksLocalId(member.identifier.includes('@') ? member.identifier : member.email || member.identifier);
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

/**
 * In the order of the console's sample as a published script follows it (姓, 名, ID, パスワード,
 * フリガナ, 個人メールアドレス … 入社日); the columns that order lacks (生年月日, 社員番号, 利用開始日,
 * External Key) follow. Aliases are the admin guide's spellings (「名前」, 「携帯電話 / 国際電話番号」)
 * and English headers, so a sample file in any of them is filled.
 */
export const LINEWORKS_COLUMNS: readonly LineworksColumn[] = [
  {
    header: '姓',
    aliases: ['Last Name', 'Family Name', 'Surname'],
    rule: RULES.personName,
    requiredIn: ALL_MODES,
    value: (member) => splitName(member.name).family,
  },
  {
    header: '名',
    aliases: ['名前', 'First Name', 'Given Name'],
    rule: RULES.personName,
    requiredIn: ALL_MODES,
    value: (member) => splitName(member.name).given,
  },
  { header: 'ID', aliases: ['LINE WORKS ID', 'User ID'], rule: RULES.lineworksId, requiredIn: ALL_MODES, value: lineworksIdOf },
  { header: 'パスワード', aliases: ['Password'], rule: RULES.password, inAdd: ['admin'], inModify: false, requiredIn: ['admin'], value: none },
  {
    header: '姓 (フリガナ)',
    aliases: ['姓(ふりがな)', 'Last Name (Phonetic)', 'Last Name (Furigana)', 'Phonetic Last Name'],
    rule: RULES.furigana,
    value: none,
  },
  {
    header: '名 (フリガナ)',
    aliases: ['名前 (フリガナ)', '名(ふりがな)', 'First Name (Phonetic)', 'First Name (Furigana)', 'Phonetic First Name'],
    rule: RULES.furigana,
    value: none,
  },
  {
    header: '個人メールアドレス',
    aliases: ['Personal Email', 'Personal Email Address', 'Private Email'],
    rule: RULES.personalEmail,
    requiredIn: ['member'],
    // Only the member-created mode needs it; elsewhere the company address would just repeat the ID.
    value: (member, file) => (file === 'member' ? (member.email || member.normalizedEmail).trim() : ''),
  },
  { header: 'サブメールアドレス', aliases: ['Sub Email', 'Sub Email Address', 'Secondary Email'], rule: RULES.subMailAddresses, value: none },
  { header: 'ニックネーム', aliases: ['Nickname'], rule: RULES.nickname, value: none },
  { header: '利用権限タイプ', aliases: ['Usage Permission Type', 'Permission Type', 'Access Type'], value: none },
  { header: '職級', aliases: ['Job Grade', 'Grade', 'Level'], value: none },
  { header: '組織', aliases: ['Organization', 'Organisation', 'Department'], rule: RULES.organisation, value: (member) => member.fields.organisation ?? '' },
  { header: '役職', aliases: ['Position', 'Job Title', 'Title'], value: (member) => member.fields.position ?? '' },
  {
    header: '電話番号',
    aliases: ['Phone', 'Phone Number', 'Telephone', 'Work Phone'],
    rule: RULES.phone,
    trusted: true,
    value: (member) => member.fields.phone ?? '',
  },
  {
    header: '携帯電話 国番号',
    aliases: ['携帯電話 / 国際電話番号', '携帯電話 国際電話番号', '携帯電話国番号', 'Mobile Country Code', 'Mobile Phone Country Code', 'Country Code'],
    rule: RULES.countryCode,
    trusted: true,
    value: none,
  },
  {
    header: '携帯電話 番号',
    aliases: ['携帯電話 / 電話番号', '携帯電話 電話番号', '携帯電話番号', '携帯電話', 'Mobile Phone', 'Mobile Phone Number', 'Mobile Number'],
    rule: RULES.phone,
    trusted: true,
    value: none,
  },
  { header: '言語', aliases: ['Language'], rule: RULES.language, value: none },
  { header: '担当業務', aliases: ['Task', 'Tasks', 'Responsibilities', 'Duties'], rule: RULES.text100, value: none },
  { header: '勤務先', aliases: ['Workplace', 'Work Location', 'Office'], rule: RULES.text100, value: none },
  { header: 'SNS', value: none },
  { header: 'SNS_ID', aliases: ['SNS ID'], rule: RULES.text100, value: none },
  { header: '入社日', aliases: ['Hire Date', 'Hired Date', 'Date of Hire', 'Joined Date'], rule: RULES.date, value: none },
  // Seed 004 lists 生年月日 in bulk modify only, and 利用開始日 in both files.
  { header: '生年月日', aliases: ['Birthday', 'Birth Date', 'Date of Birth'], rule: RULES.date, inAdd: [], value: none },
  {
    header: '社員番号',
    aliases: ['Employee Number', 'Employee ID', 'Employee No.'],
    rule: RULES.employeeNumber,
    value: (member) => member.fields.employeeNumber ?? '',
  },
  { header: '利用開始日', aliases: ['Start Date', 'Usage Start Date', 'Service Start Date'], rule: RULES.date, value: none },
  { header: 'External Key', aliases: ['ExternalKey', 'External ID'], rule: RULES.externalKey, requiredIn: 'sso', value: none },
];

function isRequired(column: LineworksColumn, mode: LineworksFile, sso: boolean): boolean {
  if (column.requiredIn === 'sso') return sso;
  if (mode === 'modify') return column.header === '姓' || column.header === '名' || column.header === 'ID';
  return column.requiredIn?.includes(mode) ?? false;
}

/** The columns of one file, with `required` set for its password mode (or bulk modify). */
export function lineworksColumns(mode: LineworksFile, sso = false): MemberColumn<LineworksFile>[] {
  return LINEWORKS_COLUMNS.filter((column) => (mode === 'modify' ? column.inModify !== false : (column.inAdd ?? ALL_MODES).includes(mode))).map((column) => ({
    header: column.header,
    aliases: column.aliases,
    rule: column.rule,
    trusted: column.trusted,
    value: column.value,
    required: isRequired(column, mode, sso),
  }));
}
