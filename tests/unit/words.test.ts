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
import { PROBLEM_TEXT, sayProblem, TASK_TEXT, technicalDetail, UNKNOWN_PROBLEM_TEXT, type KnownProblem, type ProblemCode } from '../../lib/problem-text';
import { TASKS } from '../../lib/problem';

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

  it('every audit error of the popup, none with room for an English detail in its sentence', () => {
    checkTable('AUDIT_ERROR_TEXT', AuditErrorCode.options, AUDIT_ERROR_TEXT);
    for (const [code, text] of Object.entries(AUDIT_ERROR_TEXT)) expect(placeholders(text.en), code).toEqual([]);
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

  it('every identifier problem and LINE WORKS ID rule', () => {
    for (const [code, text] of Object.entries({ ...IDENTIFIER_PROBLEM_TEXT, ...LINEWORKS_ID_ISSUE_TEXT })) checkText(code, text);
  });

  it('every task an unexpected error names', () => {
    checkTable('TASK_TEXT', TASKS, TASK_TEXT);
  });

  it('every problem lib/ reports (the cache, file jobs, file reading, import warnings, the roster worker, export checks), every parameter it names filled', () => {
    checkTable('PROBLEM_TEXT', Object.keys(PROBLEM_SAMPLES) as ProblemCode[], PROBLEM_TEXT);
    for (const [code, sample] of Object.entries(PROBLEM_SAMPLES)) {
      for (const lang of ['ja', 'en'] as const) {
        const words = sayProblem(sample, lang);
        expect(words, `${code} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(words, `${code} ${lang}`).not.toBe(UNKNOWN_PROBLEM_TEXT[lang]);
      }
    }
  });
});

/**
 * One problem of every code with every parameter its type names: a new code without a sample, or a
 * sample without a parameter, fails to compile; the test above then checks the words it gets.
 */
const PROBLEM_SAMPLES: { [Code in ProblemCode]: KnownProblem & { code: Code } } = {
  unexpected: { code: 'unexpected', task: 'apply-policy', detail: 'DatabaseClosedError: Database has been closed' },
  'roster-not-open': { code: 'roster-not-open' },
  'import-rows-skipped': { code: 'import-rows-skipped', rows: 1200 },
  'storage-full': { code: 'storage-full' },
  'storage-full-measured': { code: 'storage-full-measured', usedBytes: 1536 * 1024, quotaBytes: 10 * 1024 ** 3 },
  'snapshot-invalid': { code: 'snapshot-invalid', detail: 'members[1].classification' },
  'policy-invalid': { code: 'policy-invalid', detail: 'tenant' },
  'template-invalid': { code: 'template-invalid', detail: 'name' },
  'export-log-invalid': { code: 'export-log-invalid', detail: 'rows' },
  'reclassify-mismatch': { code: 'reclassify-mismatch' },
  'audit-not-found': { code: 'audit-not-found', console: 'chatwork-users', snapshotId: 's1' },
  'backup-too-large': { code: 'backup-too-large', limitBytes: 512 * 1024 ** 2 },
  'not-a-backup': { code: 'not-a-backup' },
  'backup-too-new': { code: 'backup-too-new' },
  'backup-truncated': { code: 'backup-truncated' },
  'backup-invalid': { code: 'backup-invalid', detail: 'members #1 (index): invalid' },
  'backup-invalid-more': { code: 'backup-invalid-more', detail: 'members #1 (index): invalid', more: 15 },
  'backup-invalid-at-least': { code: 'backup-invalid-at-least', detail: 'members #1 (index): invalid', more: 15 },
  'backup-orphan-member': { code: 'backup-orphan-member', snapshotId: 's9' },
  'file-too-large': { code: 'file-too-large', sizeBytes: 70 * 1024 ** 2, limitBytes: 64 * 1024 ** 2 },
  'file-too-large-to-read': { code: 'file-too-large-to-read', detail: 'Invalid string length' },
  'read-failed': { code: 'read-failed', detail: 'NotReadableError' },
  'bad-worker-message': { code: 'bad-worker-message' },
  cancelled: { code: 'cancelled' },
  'export-no-audit': { code: 'export-no-audit' },
  'export-failed': { code: 'export-failed', detail: 'TypeError' },
  'unterminated-quote': { code: 'unterminated-quote', line: 3 },
  'text-after-quote': { code: 'text-after-quote', line: 2 },
  'column-count': { code: 'column-count', line: 3, width: 3, cells: 2 },
  'lossy-decoding': { code: 'lossy-decoding', line: 3, encoding: 'shift_jis' },
  empty: { code: 'empty' },
  'odd-utf16': { code: 'odd-utf16' },
  'zip-not-csv': { code: 'zip-not-csv' },
  'xls-not-csv': { code: 'xls-not-csv' },
  'pdf-not-csv': { code: 'pdf-not-csv' },
  'not-text': { code: 'not-text' },
  'xlsx-legacy-xls': { code: 'xlsx-legacy-xls' },
  'xlsx-not-a-workbook': { code: 'xlsx-not-a-workbook' },
  'xlsx-broken-zip': { code: 'xlsx-broken-zip', part: 'xl/worksheets/sheet1.xml' },
  'xlsx-broken-zip-unnamed': { code: 'xlsx-broken-zip-unnamed' },
  'xlsx-zip64': { code: 'xlsx-zip64' },
  'xlsx-encrypted': { code: 'xlsx-encrypted' },
  'xlsx-too-many-parts': { code: 'xlsx-too-many-parts' },
  'xlsx-too-large': { code: 'xlsx-too-large', part: 'xl/worksheets/sheet1.xml' },
  'xlsx-too-large-unnamed': { code: 'xlsx-too-large-unnamed' },
  'xlsx-macros': { code: 'xlsx-macros' },
  'xlsx-binary-workbook': { code: 'xlsx-binary-workbook' },
  'xlsx-xml-doctype': { code: 'xlsx-xml-doctype', part: 'xl/workbook.xml' },
  'xlsx-xml-malformed': { code: 'xlsx-xml-malformed', part: 'xl/workbook.xml' },
  'xlsx-no-sheet': { code: 'xlsx-no-sheet' },
  'xlsx-sheet-not-found': { code: 'xlsx-sheet-not-found', part: '社員' },
  'xlsx-too-many-strings': { code: 'xlsx-too-many-strings' },
  'xlsx-too-many-cells': { code: 'xlsx-too-many-cells', part: '社員' },
  'xlsx-external-links': { code: 'xlsx-external-links' },
  'no-identifier-column': { code: 'no-identifier-column' },
  'field-lineworks-id': { code: 'field-lineworks-id' },
  'field-person-name': { code: 'field-person-name' },
  'field-nickname': { code: 'field-nickname' },
  'field-furigana': { code: 'field-furigana' },
  'field-password': { code: 'field-password' },
  'field-personal-email': { code: 'field-personal-email' },
  'field-external-key': { code: 'field-external-key' },
  'field-sub-mail-addresses': { code: 'field-sub-mail-addresses' },
  'field-organisation': { code: 'field-organisation' },
  'field-phone': { code: 'field-phone' },
  'field-country-code': { code: 'field-country-code' },
  'field-language': { code: 'field-language' },
  'field-date': { code: 'field-date' },
  'field-account-id': { code: 'field-account-id' },
  'field-chatwork-id': { code: 'field-chatwork-id' },
  'field-too-long': { code: 'field-too-long', max: 20 },
  required: { code: 'required' },
  unencodable: { code: 'unencodable', chars: '𠮷 🍣' },
  'template-required': { code: 'template-required' },
  'template-missing-column': { code: 'template-missing-column', column: 'ID' },
  'no-key-column': { code: 'no-key-column', column: 'メールアドレス' },
  'template-example-row': { code: 'template-example-row', line: 3, cells: '見本, 花子' },
  'template-not-full-download': { code: 'template-not-full-download', missing: 2, names: 'a@example.co.jp, b@example.co.jp' },
  'no-chatwork-id': { code: 'no-chatwork-id', email: 'a@example.co.jp' },
  'no-changes': { code: 'no-changes' },
  'refused-no-such-column': { code: 'refused-no-such-column', column: '趣味' },
  'refused-locked-column': { code: 'refused-locked-column', column: 'ID' },
  'refused-would-clear': { code: 'refused-would-clear', column: '電話番号' },
  'refused-missing-cell': { code: 'refused-missing-cell', column: '部署' },
  'refused-formula-cell': { code: 'refused-formula-cell', column: '文字数' },
  'refused-unencodable': { code: 'refused-unencodable', column: '名', chars: '𠮷' },
};

describe('sayProblem', () => {
  it('fills parameters in the language asked for: counts grouped, sizes as sizes, a console by its name', () => {
    expect(sayProblem({ code: 'backup-invalid-more', detail: 'x', more: 12345 }, 'ja')).toContain('ほかに 12,345 行に問題があります。');
    expect(sayProblem({ code: 'file-too-large', sizeBytes: 70 * 1024 ** 2, limitBytes: 64 * 1024 ** 2 }, 'en')).toBe(
      'The file is too large (70.0 MB; at most 64.0 MB). Nothing was read.',
    );
    expect(sayProblem({ code: 'audit-not-found', console: 'chatwork-users', snapshotId: 's1' }, 'ja')).toBe(
      'Chatwork ユーザー の監査結果 "s1" が見つかりません。',
    );
  });

  it('gives a generic sentence in the language asked for, never the code, for a code this build does not know', () => {
    for (const code of ['retired-code-from-an-old-staging-record', 'constructor', '__proto__']) {
      expect(sayProblem({ code, line: 3 }, 'ja')).toBe(UNKNOWN_PROBLEM_TEXT.ja);
      expect(sayProblem({ code, line: 3 }, 'en')).toBe(UNKNOWN_PROBLEM_TEXT.en);
    }
    checkText('UNKNOWN_PROBLEM_TEXT', UNKNOWN_PROBLEM_TEXT);
  });
});

describe('an error nobody planned for', () => {
  // The exceptions of the places that once showed them as they were (issue 14 point 5).
  const exceptions = ['DatabaseClosedError: Database has been closed', 'the roster is not open yet', 'TypeError: x is undefined'];

  it('is said as what was being done and that nothing saved was lost, in every task and language, never with its exception', () => {
    for (const task of TASKS) {
      for (const detail of exceptions) {
        const problem = { code: 'unexpected', task, detail } as const;
        expect(sayProblem(problem, 'ja'), task).toContain(`${TASK_TEXT[task].ja}中に予期しないエラーが起きました。保存済みのデータは失われていません。`);
        expect(sayProblem(problem, 'en'), task).toContain(`Something unexpected went wrong while ${TASK_TEXT[task].en}. Nothing saved was lost`);
        for (const lang of ['ja', 'en'] as const) expect(sayProblem(problem, lang)).not.toContain(detail);
        // The exception is for the collapsed "details" element alone.
        expect(technicalDetail(problem)).toBe(detail);
      }
    }
  });

  it("no sentence quotes a detail (an exception, a validator's English) but the backup's row-by-row report", () => {
    const quoting = Object.entries(PROBLEM_TEXT)
      .filter(([, text]) => text.en.includes('{detail}') || text.ja.includes('{detail}'))
      .map(([code]) => code);
    expect(quoting.sort()).toEqual(['backup-invalid', 'backup-invalid-at-least', 'backup-invalid-more']);
  });

  it("a file job's unplanned failure keeps its detail out of the sentence too, where a sentence that quotes its detail gives none apart", () => {
    for (const code of ['read-failed', 'export-failed', 'file-too-large-to-read'] as const) {
      const problem = { code, detail: 'NotReadableError: boom' };
      for (const lang of ['ja', 'en'] as const) expect(sayProblem(problem, lang)).not.toContain('boom');
      expect(technicalDetail(problem)).toBe('NotReadableError: boom');
    }
    expect(technicalDetail({ code: 'policy-invalid', detail: 'tenant: Invalid input' })).toBe('tenant: Invalid input');
    // The backup's row-by-row report is the one sentence that quotes its detail: nothing is repeated under "details".
    expect(technicalDetail({ code: 'backup-invalid', detail: 'members #1 (index): invalid' })).toBeUndefined();
    expect(technicalDetail({ code: 'storage-full' })).toBeUndefined();
    // An unknown code's sentence is generic: its detail, if any, goes under "details".
    expect(technicalDetail({ code: 'from-a-newer-build', detail: 'x' })).toBe('x');
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
