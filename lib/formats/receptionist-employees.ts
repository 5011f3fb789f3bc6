import { z } from 'zod';
import { normalizeHeader } from '../csv/headers';
import { normalizeKey } from '../csv/patch';
import { readTable } from '../xlsx/table';
import type { Member } from '../model';
import { buildTable, dateStamp, fileNamePart, memberRows, type MemberColumn } from './table';
import { buildTemplatePatch, type RowChange } from './template-patch';
import type { ColumnSpec, ExportFormat, FieldRule, FormatInput } from './types';

type IdKind = NonNullable<FormatInput['chatworkIdKind']>;

/**
 * The account ID (識別ID / accountID) is fixed and exportable by an admin, so it is the default;
 * a Chatwork ID is chosen by each user and may be unset.
 */
const KINDS: Record<IdKind, { header: string; field: 'chatworkAccountId' | 'chatworkId'; rule: FieldRule; matches: (header: string) => boolean }> = {
  'account-id': {
    header: 'チャットワーク アカウントID',
    field: 'chatworkAccountId',
    rule: { schema: z.string().regex(/^\d{1,20}$/), message: { ja: 'アカウントID は数字です。', en: 'An account ID is digits.' } },
    matches: (header) => /アカウントid|accountid|識別id/.test(header),
  },
  'chatwork-id': {
    header: 'チャットワークID',
    field: 'chatworkId',
    rule: {
      schema: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/),
      message: { ja: 'チャットワークID は半角英数字と「_」「.」「-」です。', en: 'A Chatwork ID is ASCII letters, digits, "_", "." and "-".' },
    },
    matches: (header) => /(チャットワーク|chatwork)id/.test(header) && !/アカウント|account/.test(header),
  },
};

const EMAIL_HEADERS = ['メールアドレス', 'メール', 'Eメール', 'email', 'e-mail', 'mail address', 'Email Address'];

/** The Chatwork roster by normalized email: the joined one, or the snapshot itself when it is Chatwork's. */
function chatworkRoster(input: FormatInput): Map<string, Member> {
  const roster = new Map<string, Member>();
  const source = input.chatworkByEmail ?? (input.snapshot.console === 'chatwork-users' ? new Map(input.members.map((m) => [m.normalizedEmail, m])) : new Map());
  for (const [email, member] of source) if (email) roster.set(normalizeKey(email), member);
  return roster;
}

function chatworkIdOf(member: Member, roster: Map<string, Member>, kind: IdKind): string {
  const field = KINDS[kind].field;
  return roster.get(normalizeKey(member.normalizedEmail))?.fields[field] ?? member.fields[field] ?? '';
}

function builtInColumns(kind: IdKind): MemberColumn<Map<string, Member>>[] {
  return [
    { header: '名前', required: true, value: (member) => member.name },
    { header: 'メールアドレス', required: true, value: (member) => member.email || member.normalizedEmail },
    { header: '部署', value: (member) => member.fields.organisation ?? '' },
    { header: KINDS[kind].header, rule: KINDS[kind].rule, trusted: kind === 'account-id', value: (member, roster) => chatworkIdOf(member, roster, kind) },
  ];
}

/**
 * RECEPTIONIST's employee file with each employee's Chatwork ID. Given the full-overwrite file as
 * template, only the ID column is filled and every other row is kept (a lost row deletes an employee).
 */
export const receptionistEmployees: ExportFormat = {
  id: 'receptionist-employees',
  label: { ja: 'RECEPTIONIST 社員一括登録 (Chatwork ID)', en: 'RECEPTIONIST employees (Chatwork IDs)' },
  template: 'optional',
  columns: builtInColumns('account-id'),
  build: (input) => {
    const kind = input.chatworkIdKind ?? 'account-id';
    const roster = chatworkRoster(input);
    const baseName = `receptionist-employees-${fileNamePart(input.snapshot.tenant)}-${dateStamp(input.snapshot.finishedAt)}`;
    if (!input.template) {
      const columns = builtInColumns(kind);
      return buildTable({ columns, rows: memberRows(columns, input.members, roster, input.values), baseName, encoding: input.encoding, output: input.output, validRowsOnly: input.validRowsOnly });
    }
    const file = readTable(input.template, { ...(input.sheet !== undefined ? { sheet: input.sheet } : {}), wanted: EMAIL_HEADERS });
    const header = file.ok ? file.headers.find((candidate) => KINDS[kind].matches(normalizeHeader(candidate))) : undefined;
    const idColumn: ColumnSpec = { header: header ?? KINDS[kind].header, rule: KINDS[kind].rule, trusted: kind === 'account-id' };
    return buildTemplatePatch({
      template: input.template,
      keyColumn: EMAIL_HEADERS,
      columns: [idColumn],
      validRowsOnly: input.validRowsOnly,
      sheet: input.sheet,
      baseName,
      changesFor: (file, keyIndex, issues) => {
        const changes = new Map<string, RowChange>();
        if (!header) {
          issues.push({
            severity: 'error',
            code: 'template-missing-column',
            column: idColumn.header,
            message: { ja: `テンプレートに列「${idColumn.header}」がありません。`, en: `The template has no "${idColumn.header}" column.` },
          });
          return changes;
        }
        file.rows.forEach((row, index) => {
          const email = row[keyIndex] ?? '';
          const match = roster.get(normalizeKey(email));
          const id = match?.fields[KINDS[kind].field] ?? '';
          if (id) changes.set(normalizeKey(email), { member: match!.key, name: match!.name, cells: { [header]: id } });
          else if (email.trim()) {
            issues.push({
              severity: 'warning',
              code: 'no-chatwork-id',
              row: index + 1,
              line: file.rowLines[index],
              column: header,
              message: { ja: `${email}: Chatwork の名簿に ID が見つかりません。`, en: `${email}: no ID found in the Chatwork roster.` },
            });
          }
        });
        return changes;
      },
    });
  },
};
