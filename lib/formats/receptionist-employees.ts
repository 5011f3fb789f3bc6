import { z } from 'zod';
import { normalizeHeader } from '../csv/headers';
import { normalizeKey } from '../csv/patch';
import { readTable } from '../xlsx/table';
import type { Member } from '../model';
import { buildTable, dateStamp, fileNamePart, memberRows, type MemberColumn } from './table';
import { buildTemplatePatch, type RowChange } from './template-patch';
import { BUILT_IN_FILE, type ColumnSpec, type ExportFormat, type FieldRule, type FormatInput, type RowCounts } from './types';

type IdKind = NonNullable<FormatInput['chatworkIdKind']>;

/** What is left of a header once its ID words are taken away: the tool the column belongs to, if any. */
function ownerOf(header: string, idWords: RegExp): string | undefined {
  const rest = normalizeHeader(header).replace(/[()[\]【】:_-]/g, '');
  return idWords.test(rest) ? rest.replace(idWords, '') : undefined;
}
const CHATWORK = /^(チャットワーク|chatwork|cw)?$/;

/**
 * The template's column for the chosen ID among several ID-like ones (a file may also hold 「Slack
 * アカウントID」): one that names Chatwork first, then one that names no tool at all. A column that
 * names another tool is never taken.
 */
function idColumnOf(headers: readonly string[], idWords: RegExp): string | undefined {
  const candidates = headers.filter((header) => CHATWORK.test(ownerOf(header, idWords) ?? '-'));
  return candidates.find((header) => ownerOf(header, idWords) !== '') ?? candidates[0];
}

/**
 * The account ID (識別ID / accountID) is fixed and exportable by an admin, so it is the default;
 * a Chatwork ID is chosen by each user and may be unset.
 */
const KINDS: Record<IdKind, { header: string; field: 'chatworkAccountId' | 'chatworkId'; rule: FieldRule; idWords: RegExp }> = {
  'account-id': {
    header: 'チャットワーク アカウントID',
    field: 'chatworkAccountId',
    rule: { schema: z.string().regex(/^\d{1,20}$/), problem: { code: 'field-account-id' } },
    idWords: /(アカウントid|accountid|識別id)$/,
  },
  'chatwork-id': {
    header: 'チャットワークID',
    field: 'chatworkId',
    rule: {
      schema: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/),
      problem: { code: 'field-chatwork-id' },
    },
    // 「チャットワークID」 itself: the tool's name is part of the ID's name.
    idWords: /(?<!アカウント|account|識別)(チャットワークid|chatworkid)$/,
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

/** The audited RECEPTIONIST employees, when the audit is of RECEPTIONIST: what an overwrite is measured against. */
function employeesOf(input: FormatInput): readonly Member[] | undefined {
  return input.snapshot.console === 'receptionist-employees' ? (input.rosterMembers ?? input.members) : undefined;
}

const emailKey = (member: Member) => normalizeKey(member.email || member.normalizedEmail);

/**
 * The built-in file holds only the chosen employees, so it is an *add* file: uploaded with 全件上書き
 * it would delete every employee it lacks, and the counts say how many.
 */
function addFileCounts(input: FormatInput, written: readonly Member[]): RowCounts {
  const employees = employeesOf(input);
  if (!employees) return { mode: 'add', rows: written.length, keeps: 0, adds: written.length, changes: 0, removes: undefined };
  const inFile = new Set(written.map(emailKey));
  const registered = new Set(employees.map(emailKey));
  const keeps = written.filter((member) => registered.has(emailKey(member))).length;
  return {
    mode: 'add',
    rows: written.length,
    keeps,
    adds: written.length - keeps,
    changes: 0,
    removes: [...registered].filter((email) => !inFile.has(email)).length,
  };
}

/**
 * RECEPTIONIST's employee file with each employee's Chatwork ID. RECEPTIONIST's 全件上書き replaces every
 * employee with the file's rows, so an overwrite file is only ever the admin's full download with the
 * ID column filled (every row kept); without that template the file is an add file, named and counted as one.
 */
export const receptionistEmployees: ExportFormat = {
  id: 'receptionist-employees',
  label: { ja: 'RECEPTIONIST 社員一括登録 (Chatwork ID)', en: 'RECEPTIONIST employees (Chatwork IDs)' },
  options: {
    template: 'optional',
    templateHelp: {
      ja: '全件上書き用: RECEPTIONIST から社員を全件ダウンロードしたファイル (CSV または Excel ブック (.xlsx))。全員をそのまま残し、Chatwork の列だけを埋めます。指定しない場合は追加専用のファイルになります。',
      en: 'For a full overwrite (全件上書き): the full employee download from RECEPTIONIST, as CSV or as an Excel workbook (.xlsx). Every employee in it is kept and only the Chatwork column is filled. Without it the file is add-only.',
    },
    ...BUILT_IN_FILE,
    bulkValues: true,
    sso: false,
    chatworkRoster: true,
    chatworkIdKinds: ['account-id', 'chatwork-id'],
    validRowsOnly: true,
  },
  columns: builtInColumns('account-id'),
  build: (input) => {
    const kind = input.chatworkIdKind ?? 'account-id';
    const roster = chatworkRoster(input);
    const stamp = `${fileNamePart(input.snapshot.tenant)}-${dateStamp(input.snapshot.finishedAt)}`;
    if (!input.template) {
      const columns = builtInColumns(kind);
      const result = buildTable({
        columns,
        rows: memberRows(columns, input.members, roster, input.values),
        baseName: `receptionist-employees-add-only-${stamp}`,
        encoding: input.encoding,
        output: input.output,
        validRowsOnly: input.validRowsOnly,
      });
      const skipped = new Set(result.skippedRows.map((row) => row.member));
      return {
        ...result,
        rowCounts: addFileCounts(
          input,
          input.members.filter((member) => !skipped.has(member.key)),
        ),
      };
    }
    const file = readTable(input.template, { ...(input.sheet !== undefined ? { sheet: input.sheet } : {}), wanted: EMAIL_HEADERS });
    const header = file.ok ? idColumnOf(file.headers, KINDS[kind].idWords) : undefined;
    const idColumn: ColumnSpec = { header: header ?? KINDS[kind].header, rule: KINDS[kind].rule, trusted: kind === 'account-id' };
    const result = buildTemplatePatch({
      template: input.template,
      keyColumn: EMAIL_HEADERS,
      columns: [idColumn],
      validRowsOnly: input.validRowsOnly,
      sheet: input.sheet,
      baseName: `receptionist-employees-overwrite-${stamp}`,
      changesFor: (file, keyIndex, issues) => {
        const changes = new Map<string, RowChange>();
        if (!header) {
          issues.push({ severity: 'error', column: idColumn.header, problem: { code: 'template-missing-column', column: idColumn.header } });
          return changes;
        }
        const inTemplate = new Set(file.rows.map((row) => normalizeKey(row[keyIndex] ?? '')));
        const missing = (employeesOf(input) ?? []).filter((member) => !inTemplate.has(emailKey(member)));
        if (missing.length > 0) {
          const names = missing
            .slice(0, 5)
            .map((member) => member.email || member.normalizedEmail)
            .join(', ');
          issues.push({
            severity: 'error',
            problem: { code: 'template-not-full-download', missing: missing.length, names: missing.length > 5 ? `${names} …` : names },
          });
        }
        file.rows.forEach((row, index) => {
          const email = row[keyIndex] ?? '';
          const match = roster.get(normalizeKey(email));
          const id = match?.fields[KINDS[kind].field] ?? '';
          if (id) changes.set(normalizeKey(email), { member: match!.key, name: match!.name, cells: { [header]: id } });
          else if (email.trim()) {
            issues.push({
              severity: 'warning',
              row: index + 1,
              line: file.rowLines[index],
              column: header,
              problem: { code: 'no-chatwork-id', email },
            });
          }
        });
        return changes;
      },
    });
    if (!file.ok) return result;
    const changedRows = new Set((result.changedCells ?? []).map((cell) => cell.row)).size;
    // Every row of the download is written back: nothing is added and nothing removed.
    return { ...result, rowCounts: { mode: 'overwrite', rows: file.rows.length, keeps: file.rows.length, adds: 0, changes: changedRows, removes: 0 } };
  },
};
