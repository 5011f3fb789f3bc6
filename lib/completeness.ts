import { z } from 'zod';

/**
 * Bounds of one audit, whatever the page does: past either the read stops and what was read is kept
 * as an incomplete audit (stated in the README).
 */
export const AUDIT_LIMITS = {
  /** Members one audit reads at most. */
  rows: 500_000,
  /** Time one audit may take, from the click to its end. */
  ms: 60 * 60 * 1000,
} as const;

/**
 * Why an audit stopped short: the reader's codes (`IncompleteReason` in lib/scan/contract.ts), the
 * verdict's own (short-of-total, end-not-reached, nothing-read), the background's bounds and its
 * stop by the browser, and `failed` (stored as `failed: …` with the error's detail). Each has words in
 * lib/labels.ts.
 */
export const INCOMPLETE_REASONS = [
  'cancelled',
  'page-gone',
  'page-load-failed',
  'roster-lost',
  'needs-click',
  'scroll-stalled',
  'scroll-moved-back',
  'page-limit',
  'page-error',
  'short-of-total',
  'end-not-reached',
  'nothing-read',
  'failed',
  'worker-stopped',
  'row-limit',
  'time-limit',
] as const;
export type IncompleteReasonCode = (typeof INCOMPLETE_REASONS)[number];

/** Reasons stored with a detail after the code: `failed: <error>`, `page-error: <the page's message>`. */
const WITH_DETAIL = /^(failed|page-error)(?::\s*([\s\S]*))?$/;

/** The code of a stored reason (`failed: …` is `failed`); undefined for none, or one this version does not know. */
export function incompleteReasonCode(reason: string | undefined): IncompleteReasonCode | undefined {
  const code = reason?.match(WITH_DETAIL)?.[1] ?? reason;
  return (INCOMPLETE_REASONS as readonly (string | undefined)[]).includes(code) ? (code as IncompleteReasonCode) : undefined;
}

/** The detail stored after a reason's code (the page's own error message); '' when there is none. */
export function incompleteReasonDetail(reason: string | undefined): string {
  return reason?.match(WITH_DETAIL)?.[2]?.trim() ?? '';
}

const Count = z.number().int().nonnegative().max(100_000_000);

/**
 * What an audit may claim about its count, with the evidence for it. "Complete" needs evidence:
 * the total the page states was reached, the list was read to its demonstrable end, or the
 * roster came whole from a file. Anything else is incomplete, with the count and the reason.
 */
export const Completeness = z.union([
  z.object({ verdict: z.literal('complete'), evidence: z.literal('stated-total'), read: Count, total: Count }),
  z.object({ verdict: z.literal('complete'), evidence: z.enum(['end-of-list', 'file']), read: Count }),
  z.object({ verdict: z.literal('incomplete'), read: Count, total: Count.optional(), reason: z.string().max(500) }),
]);
export type Completeness = z.infer<typeof Completeness>;

export interface ReadOutcome {
  /** Rows the background received (the page is untrusted: its own count is not taken). */
  rowsRead: number;
  statedTotal?: number | undefined;
  reachedEnd: boolean;
  reason?: string | undefined;
}

/** The verdict on one read. Never complete when a stated total was not reached. */
export function judgeCompleteness({ rowsRead, statedTotal, reachedEnd, reason }: ReadOutcome): Completeness {
  const total = statedTotal !== undefined && statedTotal > 0 ? statedTotal : undefined;
  // A list was found but no member came of it: nothing shows the roster was read.
  if (rowsRead === 0 && !reason) return { verdict: 'incomplete', read: 0, ...(total !== undefined ? { total } : {}), reason: 'nothing-read' };
  if (reason || !reachedEnd) {
    return { verdict: 'incomplete', read: rowsRead, ...(total !== undefined ? { total } : {}), reason: reason || 'end-not-reached' };
  }
  if (total === undefined) return { verdict: 'complete', evidence: 'end-of-list', read: rowsRead };
  if (rowsRead >= total) return { verdict: 'complete', evidence: 'stated-total', read: rowsRead, total };
  return { verdict: 'incomplete', read: rowsRead, total, reason: 'short-of-total' };
}

/** A snapshot's verdict; for one saved before verdicts were kept, what its flag and count say. */
export function snapshotCompleteness(snapshot: {
  complete: boolean;
  incompleteReason?: string | undefined;
  completeness?: Completeness | undefined;
  counts: { members: number };
}): Completeness {
  if (snapshot.completeness) return snapshot.completeness;
  return snapshot.complete
    ? { verdict: 'complete', evidence: 'end-of-list', read: snapshot.counts.members }
    : { verdict: 'incomplete', read: snapshot.counts.members, reason: snapshot.incompleteReason || 'end-not-reached' };
}
