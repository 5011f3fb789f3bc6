import type { AuditErrorCode, AuditEvent } from './messages';
import { errorDetail, type Problem } from './problem';

/**
 * Why an audit the popup asked for failed, as the background tells it: a code (its words in
 * lib/labels.ts `AUDIT_ERROR_TEXT`), the cache's problem behind a `storage` failure, and the
 * technical detail (the browser's or the page reader's own text) kept apart from any sentence.
 */
export class AuditFailure extends Error {
  readonly detail: string | undefined;
  readonly problem: Problem | undefined;

  constructor(
    readonly code: AuditErrorCode,
    options: { detail?: string; problem?: Problem } = {},
  ) {
    // The message is for developers' logs; an admin reads the code's words.
    super(options.detail ?? code);
    this.name = 'AuditFailure';
    this.detail = options.detail;
    this.problem = options.problem;
  }
}

/** The popup's word of a failed audit: an AuditFailure as it is, anything else an unexpected failure with its detail apart. */
export function auditErrorEvent(error: unknown): AuditEvent & { type: 'audit/error' } {
  const failure = error instanceof AuditFailure ? error : new AuditFailure('failed', { detail: errorDetail(error) });
  return {
    type: 'audit/error',
    code: failure.code,
    ...(failure.detail ? { detail: failure.detail.slice(0, 1000) } : {}),
    ...(failure.problem ? { problem: failure.problem } : {}),
  };
}
