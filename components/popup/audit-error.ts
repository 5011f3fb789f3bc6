import { AUDIT_ERROR_TEXT } from '../../lib/labels';
import type { AuditEvent } from '../../lib/messages';
import type { Problem } from '../../lib/problem';
import { technicalDetail } from '../../lib/problem-text';

/**
 * A failed audit as the popup says it: the code's words, then the cache's problem in its own words
 * (a full storage, with how full); the technical detail (the browser's or the page reader's text, an
 * unexpected error's exception) apart, for a collapsed "details" element — never in the sentence.
 */
export function auditErrorWords(
  words: { l(text: { ja: string; en: string }): string; p(problem: Problem): string },
  event: AuditEvent & { type: 'audit/error' },
): { text: string; detail?: string } {
  const said = words.l(AUDIT_ERROR_TEXT[event.code]);
  const text = event.problem ? `${said} ${words.p(event.problem)}` : said;
  const detail = event.detail ?? (event.problem ? technicalDetail(event.problem) : undefined);
  return { text, ...(detail ? { detail } : {}) };
}
