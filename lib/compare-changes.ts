import { COMPARED_FIELDS, type ComparedField, type SnapshotComparison } from './db/compare';
import { neutralizeCell } from './csv/neutralize';
import type { WorkbookJob } from './xlsx/workbook-job';
import type { Lang, Localized } from './i18n';
import { CLASSIFICATION_LABEL, LINK_STATUS_LABEL } from './labels';
import type { Member } from './model';

export type ChangeKind = 'joined' | 'left' | 'changed';

/** One line of a comparison: who joined, left or changed, and for a change what changed. */
export interface ChangeRow {
  kind: ChangeKind;
  /** The member as the later audit has them (the earlier one for who left). */
  member: Member;
  /** For a change: the member as the earlier audit had them, and the fields that differ. */
  before?: Member;
  fields: ComparedField[];
}

export const CHANGE_KIND_LABEL: Record<ChangeKind, Localized> = {
  joined: { ja: '追加', en: 'Joined' },
  left: { ja: '削除', en: 'Left' },
  changed: { ja: '変更', en: 'Changed' },
};

export const COMPARED_FIELD_LABEL: Record<ComparedField, Localized> = {
  name: { ja: '名前', en: 'name' },
  domain: { ja: 'ドメイン', en: 'domain' },
  classification: { ja: '分類', en: 'classification' },
  linkStatus: { ja: '連携状態', en: 'link status' },
  status: { ja: '状態', en: 'status' },
  role: { ja: '権限', en: 'role' },
};

/** Every change of a comparison as one list: joined, then left, then changed. */
export function changeRows(comparison: SnapshotComparison): ChangeRow[] {
  return [
    ...comparison.joined.map((member): ChangeRow => ({ kind: 'joined', member, fields: [] })),
    ...comparison.left.map((member): ChangeRow => ({ kind: 'left', member, fields: [] })),
    ...comparison.changed.map((change): ChangeRow => ({ kind: 'changed', member: change.after, before: change.before, fields: change.fields })),
  ];
}

/** A field's value in words: classification and link status as labels, the rest as read ('—' when blank). */
export function comparedValue(member: Member, field: ComparedField, lang: Lang): string {
  if (field === 'classification') return CLASSIFICATION_LABEL[member.classification][lang];
  if (field === 'linkStatus') return LINK_STATUS_LABEL[member.linkStatus][lang];
  return COMPARED_FIELDS[field](member) || '—';
}

/** What changed, in words: `状態: 登録待ち → 使用中; 名前: … → …`. */
export function changeText(row: Pick<ChangeRow, 'member' | 'before' | 'fields'>, lang: Lang): string {
  const before = row.before;
  if (!before) return '';
  return row.fields
    .map((field) => `${COMPARED_FIELD_LABEL[field][lang]}: ${comparedValue(before, field, lang)} → ${comparedValue(row.member, field, lang)}`)
    .join('; ');
}

const quote = (value: string) => {
  const safe = neutralizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The changes as a table, the same for CSV and Excel: machine columns first (`change` is
 * joined|left|changed, `changed_fields` the field names joined by `;`), then the change and what
 * changed in the admin's language.
 */
export function changesTable(rows: readonly ChangeRow[], lang: Lang): { headers: string[]; rows: string[][] } {
  return {
    headers: [
      'change',
      'name',
      'identifier',
      'email',
      'domain',
      'classification',
      'changed_fields',
      lang === 'ja' ? '種類' : 'Change',
      lang === 'ja' ? '変更内容' : 'What changed',
    ],
    rows: rows.map((row) => [
      row.kind,
      row.member.name,
      row.member.identifier,
      row.member.normalizedEmail || row.member.email || '',
      row.member.domainDisplay || row.member.domain,
      row.member.classification,
      row.fields.join(';'),
      CHANGE_KIND_LABEL[row.kind][lang],
      changeText(row, lang),
    ]),
  };
}

/** The changes as CSV text (RFC 4180, CRLF), every cell neutralised against formulas. */
export function changesCsv(rows: readonly ChangeRow[], lang: Lang): string {
  const table = changesTable(rows, lang);
  return [table.headers, ...table.rows].map((line) => line.map(quote).join(',') + '\r\n').join('');
}

/**
 * The changes as an Excel sheet: the same columns, every value a text cell (never a formula, so
 * nothing to neutralise). The dashboard's workbook worker writes it (lib/xlsx/write.ts).
 */
export function changesSheet(rows: readonly ChangeRow[], lang: Lang): WorkbookJob {
  const table = changesTable(rows, lang);
  return { sheetName: lang === 'ja' ? '変更' : 'Changes', headers: table.headers, required: table.headers.map(() => false), rows: table.rows };
}
