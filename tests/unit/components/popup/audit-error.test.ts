import { describe, expect, it } from 'vitest';
import { auditErrorWords } from '../../../../components/popup/audit-error';
import { wordsIn } from '../../../../lib/i18n';
import { AUDIT_ERROR_TEXT } from '../../../../lib/labels';
import { AuditErrorCode } from '../../../../lib/messages';
import type { Problem } from '../../../../lib/problem';
import { sayProblem } from '../../../../lib/problem-text';

const words = (lang: 'ja' | 'en') => ({ ...wordsIn(lang), p: (problem: Problem) => sayProblem(problem, lang) });
const ENGLISH_DETAIL = 'Error: the page did not answer within 10 s';

describe("auditErrorWords: the popup's sentence for a failed audit", () => {
  it("says every code in the admin's language and keeps the page's or browser's text out of the sentence", () => {
    for (const code of AuditErrorCode.options) {
      const ja = auditErrorWords(words('ja'), { type: 'audit/error', code, detail: ENGLISH_DETAIL });
      expect(ja.text, code).toBe(AUDIT_ERROR_TEXT[code].ja);
      expect(ja.text).not.toContain(ENGLISH_DETAIL);
      expect(ja.detail).toBe(ENGLISH_DETAIL);
      expect(auditErrorWords(words('en'), { type: 'audit/error', code }).text).toBe(AUDIT_ERROR_TEXT[code].en);
    }
  });

  it("adds the cache's problem in words, and an unexpected one's exception only as the detail", () => {
    const full = auditErrorWords(words('ja'), { type: 'audit/error', code: 'storage', problem: { code: 'storage-full' } });
    expect(full.text).toBe(`${AUDIT_ERROR_TEXT.storage.ja} ${sayProblem({ code: 'storage-full' }, 'ja')}`);
    expect(full.detail).toBeUndefined();

    const problem = { code: 'unexpected', task: 'save-audit', detail: 'DatabaseClosedError: Database has been closed' };
    const odd = auditErrorWords(words('ja'), { type: 'audit/error', code: 'storage', problem });
    expect(odd.text).toContain('監査結果の保存中に予期しないエラーが起きました。');
    expect(odd.text).not.toContain('DatabaseClosedError');
    expect(odd.detail).toBe('DatabaseClosedError: Database has been closed');
  });
});
