import { describe, expect, it } from 'vitest';
import { CHANGE_KIND_LABEL, COMPARED_FIELD_LABEL } from '../../lib/compare-changes';
import { INCOMPLETE_REASONS, incompleteReasonCode, judgeCompleteness, type IncompleteReasonCode } from '../../lib/completeness';
import { findingRule } from '../../lib/findings';
import { FORMAT_IDS, FORMATS } from '../../lib/formats';
import { MESSAGES, say, wordsIn, type Localized } from '../../lib/i18n';
import { LINEWORKS_ID_ISSUE_TEXT } from '../../lib/identity/lineworks-id';
import { IDENTIFIER_PROBLEM_TEXT } from '../../lib/identity/normalize';
import { IMPORT_PROFILES } from '../../lib/import';
import {
  ACCOUNT_STATE_LABEL,
  AUDIT_ERROR_TEXT,
  CLASSIFICATION_LABEL,
  CONSOLE_LABEL,
  FIELD_LABEL,
  INCOMPLETE_REASON_TEXT,
  LINK_STATUS_LABEL,
  RELATION_LABEL,
  SEVERITY_LABEL,
} from '../../lib/labels';
import { SKIPPED_PART_TEXT, VIEW_NAME_PROBLEM_TEXT } from '../../lib/member-table/saved-views';
import { AuditErrorCode } from '../../lib/messages';
import { Classification, ConsoleId, FieldKey, FindingId, LinkStatus, Severity } from '../../lib/model';
import type { IncompleteReason } from '../../lib/scan/contract';
import { XLSX_MESSAGES, type XlsxErrorCode } from '../../lib/xlsx/errors';

// Every reason the reader gives has words: a new reader code missing from INCOMPLETE_REASONS fails to compile.
const readerReasonsHaveWords: IncompleteReasonCode = '' as IncompleteReason;
void readerReasonsHaveWords;

/** Text a Japanese admin reads as Japanese: kana or kanji, or a name that stays as it is in both languages. */
const JAPANESE = /[\u3001-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
const NAMES_KEPT = new Set(['Roster Audit', 'CSV', 'UTF-8', 'Shift_JIS', 'Chatwork ID', 'RECEPTIONIST × Chatwork']);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Both texts there, not blank, with the same placeholders; the Japanese one Japanese. */
function checkText(where: string, text: Localized | undefined) {
  expect(text, where).toBeDefined();
  expect(text!.ja.trim(), `${where} ja`).not.toBe('');
  expect(text!.en.trim(), `${where} en`).not.toBe('');
  expect(placeholders(text!.ja), `${where} placeholders`).toEqual(placeholders(text!.en));
  if (!NAMES_KEPT.has(text!.ja)) expect(text!.ja, `${where} ja is Japanese`).toMatch(JAPANESE);
}

function checkTable<Code extends string>(name: string, codes: readonly Code[], table: Readonly<Record<Code, Localized>>) {
  for (const code of codes) checkText(`${name}.${code}`, table[code]);
  // No text for a code that no longer exists.
  expect(Object.keys(table).sort(), name).toEqual([...codes].sort());
}

describe('one text system: every code an admin can meet has Japanese and English words', () => {
  it('every UI message', () => {
    for (const [key, text] of Object.entries(MESSAGES)) checkText(key, text);
  });

  it("the member table's saved views: what applying one skipped, why a name is refused", () => {
    for (const [key, text] of Object.entries({ ...SKIPPED_PART_TEXT, ...VIEW_NAME_PROBLEM_TEXT })) checkText(key, text);
  });

  it('consoles, classifications, link statuses, severities, fields', () => {
    checkTable('CONSOLE_LABEL', ConsoleId.options, CONSOLE_LABEL);
    checkTable('CLASSIFICATION_LABEL', Classification.options, CLASSIFICATION_LABEL);
    checkTable('LINK_STATUS_LABEL', LinkStatus.options, LINK_STATUS_LABEL);
    checkTable('SEVERITY_LABEL', Severity.options, SEVERITY_LABEL);
    checkTable('FIELD_LABEL', FieldKey.options, FIELD_LABEL);
    // Unions without a runtime list: the Record type holds every code, the test checks each text.
    for (const [code, text] of Object.entries({ ...ACCOUNT_STATE_LABEL, ...RELATION_LABEL, ...CHANGE_KIND_LABEL, ...COMPARED_FIELD_LABEL }))
      checkText(code, text);
  });

  it('every reason an audit stops short, and every code the verdict itself gives', () => {
    checkTable('INCOMPLETE_REASON_TEXT', INCOMPLETE_REASONS, INCOMPLETE_REASON_TEXT);
    const judged = [
      judgeCompleteness({ rowsRead: 0, reachedEnd: true }),
      judgeCompleteness({ rowsRead: 5, reachedEnd: false }),
      judgeCompleteness({ rowsRead: 5, statedTotal: 9, reachedEnd: true }),
      judgeCompleteness({ rowsRead: 5, reachedEnd: false, reason: 'failed: TypeError: x is undefined' }),
    ];
    for (const verdict of judged) {
      expect(verdict.verdict).toBe('incomplete');
      if (verdict.verdict === 'incomplete') expect(incompleteReasonCode(verdict.reason), verdict.reason).toBeDefined();
    }
  });

  it('every audit error of the popup', () => {
    checkTable('AUDIT_ERROR_TEXT', AuditErrorCode.options, AUDIT_ERROR_TEXT);
  });

  it('every finding: its title and its explanation', () => {
    for (const id of FindingId.options) {
      checkText(`${id} title`, findingRule(id).title);
      checkText(`${id} explanation`, findingRule(id).explanation);
    }
  });

  it('every export format, and every import kind', () => {
    for (const id of FORMAT_IDS) {
      checkText(id, FORMATS[id].label);
      if (FORMATS[id].options.templateHelp) checkText(`${id} template`, FORMATS[id].options.templateHelp);
    }
    for (const profile of IMPORT_PROFILES) checkText(profile.id, profile.label);
  });

  it('every identifier problem and LINE WORKS ID rule, and every workbook refusal', () => {
    for (const [code, text] of Object.entries({ ...IDENTIFIER_PROBLEM_TEXT, ...LINEWORKS_ID_ISSUE_TEXT })) checkText(code, text);
    for (const code of Object.keys(XLSX_MESSAGES) as XlsxErrorCode[]) checkText(code, XLSX_MESSAGES[code]('xl/worksheets/sheet1.xml'));
  });
});

describe('say', () => {
  it('fills placeholders in the language asked for and leaves an unfilled one visible', () => {
    expect(say({ ja: '{n} 人', en: '{n} members' }, 'ja', { n: 3 })).toBe('3 人');
    expect(say({ ja: '{n} 人', en: '{n} members' }, 'en')).toBe('{n} members');
    expect(wordsIn('ja').t('popupJoined', { n: 2 })).toBe('2 人追加');
    expect(wordsIn('en').l(INCOMPLETE_REASON_TEXT['row-limit'], { rows: '500,000' })).toBe('Stopped at the bound of 500,000 members per audit.');
  });
});
