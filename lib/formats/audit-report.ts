import { incompleteReasonCode, snapshotCompleteness, type Completeness } from '../completeness';
import { classifyMember } from '../classify';
import { findingRule } from '../findings';
import type { Lang } from '../i18n';
import { CLASSIFICATION_LABEL, LINK_STATUS_LABEL } from '../labels';
import type { Snapshot } from '../model';
import { buildTable, dateStamp, fileNamePart, memberRows, type MemberColumn } from './table';
import { BUILT_IN_FILE, type ExportFormat } from './types';

interface ReportContext {
  snapshot: Snapshot;
  lang: Lang;
}

/** The machine columns: fixed names and codes, for spreadsheets and scripts (DESIGN.md). */
const columns: MemberColumn<ReportContext>[] = [
  { header: 'console', value: (_, { snapshot }) => snapshot.console },
  { header: 'source_url', value: (_, { snapshot }) => snapshot.sourceUrl },
  { header: 'name', value: (member) => member.name },
  { header: 'identifier', value: (member) => member.identifier },
  { header: 'email', value: (member) => member.normalizedEmail || member.email || '' },
  { header: 'domain', value: (member) => member.domainDisplay || member.domain },
  { header: 'classification', value: (member) => member.classification },
  { header: 'link_status', value: (member) => member.linkStatus },
  { header: 'findings', value: (member) => member.findingIds.join(';') },
  { header: 'organisation', value: (member) => member.fields.organisation ?? '' },
  { header: 'status', value: (member) => member.fields.status ?? '' },
  {
    header: 'finding_details',
    value: (member) => member.findings.map((finding) => (finding.detail ? `${finding.id}: ${finding.detail}` : finding.id)).join('; '),
  },
  { header: 'tenant', value: (_, { snapshot }) => snapshot.tenant },
  { header: 'audited_at', value: (_, { snapshot }) => new Date(snapshot.finishedAt).toISOString() },
  // The audit's verdict on every row, so that a filtered or pasted part of the report still says it.
  { header: 'audit_verdict', value: (_, { snapshot }) => snapshotCompleteness(snapshot).verdict },
  { header: 'audit_members_read', value: (_, { snapshot }) => String(snapshotCompleteness(snapshot).read) },
  { header: 'audit_members_stated', value: (_, { snapshot }) => statedOf(snapshotCompleteness(snapshot)) },
  { header: 'audit_incomplete_reason', value: (_, { snapshot }) => reasonOf(snapshotCompleteness(snapshot)) },
];

/** The same facts in words, in the admin's language, after the machine columns: the report is read by people too. */
const LABELLED: Record<Lang, MemberColumn<ReportContext>[]> = {
  ja: [
    { header: '分類', value: (member, { lang }) => CLASSIFICATION_LABEL[member.classification][lang] },
    { header: '分類の理由', value: (member, { snapshot, lang }) => classifyMember(member, snapshot.settings.policy).reasonText[lang] },
    { header: '外部連携', value: (member, { lang }) => LINK_STATUS_LABEL[member.linkStatus][lang] },
    { header: '指摘', value: (member, { lang }) => member.findingIds.map((id) => findingRule(id).title[lang]).join('、') },
  ],
  en: [
    { header: 'Classified as', value: (member, { lang }) => CLASSIFICATION_LABEL[member.classification][lang] },
    { header: 'Why', value: (member, { snapshot, lang }) => classifyMember(member, snapshot.settings.policy).reasonText[lang] },
    { header: 'External link', value: (member, { lang }) => LINK_STATUS_LABEL[member.linkStatus][lang] },
    { header: 'Findings in words', value: (member, { lang }) => member.findingIds.map((id) => findingRule(id).title[lang]).join('; ') },
  ],
};

function statedOf(completeness: Completeness): string {
  return 'total' in completeness && completeness.total !== undefined ? String(completeness.total) : '';
}

function reasonOf(completeness: Completeness): string {
  // The code alone (`failed: …` carries an error's detail, which is no code); one this version does not know, as stored.
  return completeness.verdict === 'incomplete' ? (incompleteReasonCode(completeness.reason) ?? completeness.reason) : '';
}

/** One row per member of one snapshot: what the audit found, for people and spreadsheets. */
export const auditReport: ExportFormat = {
  id: 'audit-report',
  label: { ja: '監査レポート', en: 'Audit report' },
  options: { template: 'none', ...BUILT_IN_FILE, bulkValues: false, sso: false, chatworkRoster: false, chatworkIdKinds: [], validRowsOnly: true },
  columns,
  build: (input) => {
    const lang = input.lang ?? 'ja';
    const all = [...columns, ...LABELLED[lang]];
    return buildTable({
      columns: all,
      rows: memberRows(all, input.members, { snapshot: input.snapshot, lang }),
      baseName: `audit-report-${fileNamePart(input.snapshot.tenant)}-${dateStamp(input.snapshot.finishedAt)}`,
      encoding: input.encoding,
      output: input.output,
      validRowsOnly: input.validRowsOnly,
    });
  },
};

/** The report's columns, for the member table's download of its filtered rows (lib/member-table/export-rows.ts): the same names and words. */
export { columns as reportColumns, LABELLED as reportLabelledColumns, type ReportContext };
