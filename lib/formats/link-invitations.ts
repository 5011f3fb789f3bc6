import type { Localized } from '../i18n';
import type { Member } from '../model';
import { buildTable, dateStamp, fileNamePart, memberRows, type MemberColumn } from './table';
import { BUILT_IN_FILE, type ExportFormat } from './types';

const LINK_LINE_USER: Localized = {
  ja: 'LINE ユーザーです。外部連携 (トーク招待) して、1:1 トーク・無料通話・外部グループへの招待をできるようにしてください。',
  en: 'A LINE user: link them externally (talk invitation) to allow 1:1 talk, free calls and external groups.',
};
const LINK_SHARED_CONTACT: Localized = {
  ja: '連絡先の共有のみです。外部連携の招待を送り、1:1 トーク・無料通話・外部グループへの招待をできるようにしてください。',
  en: 'Shared contact only: send an external-link invitation to allow 1:1 talk, free calls and external groups.',
};

const isLine = (member: Member) => member.isLineUser === true || member.fields.contactKind === 'line';

const columns: MemberColumn<'ja' | 'en'>[] = [
  { header: 'name', value: (member) => member.name },
  { header: 'identifier', value: (member) => member.identifier },
  { header: 'email', value: (member) => member.normalizedEmail || member.email || '' },
  { header: 'domain', value: (member) => member.domainDisplay || member.domain },
  { header: 'contact_kind', value: (member) => member.fields.contactKind ?? (isLine(member) ? 'line' : '') },
  { header: 'organisation', value: (member) => member.fields.organisation ?? '' },
  { header: 'suggested_action', value: (member, lang) => (isLine(member) ? LINK_LINE_USER : LINK_SHARED_CONTACT)[lang] },
];

/** Contacts that are only shared, not externally linked, with what to do about each. */
export const linkInvitations: ExportFormat = {
  id: 'link-invitations',
  label: { ja: '外部連携の招待リスト', en: 'External-link invitation list' },
  options: { template: 'none', ...BUILT_IN_FILE, bulkValues: false, sso: false, chatworkRoster: false, chatworkIdKinds: [], validRowsOnly: true },
  columns,
  build: (input) =>
    buildTable({
      columns,
      rows: memberRows(
        columns,
        input.members.filter((member) => member.linkStatus === 'shared-only'),
        input.lang ?? 'ja',
      ),
      baseName: `link-invitations-${fileNamePart(input.snapshot.tenant)}-${dateStamp(input.snapshot.finishedAt)}`,
      encoding: input.encoding,
      output: input.output,
      validRowsOnly: input.validRowsOnly,
    }),
};
