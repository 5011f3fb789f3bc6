import { AUDIT_LIMITS, type Completeness } from '@/lib/completeness';
import type { MessageKey, Translate } from '@/lib/i18n';

/** Words for the reader's reason codes; a code the UI does not know gets the general sentence. */
const REASON_TEXT: Record<string, MessageKey> = {
  cancelled: 'reasonCancelled',
  'page-gone': 'reasonPageGone',
  'page-load-failed': 'reasonPageLoadFailed',
  'roster-lost': 'reasonRosterLost',
  'needs-click': 'reasonNeedsClick',
  'scroll-stalled': 'reasonScrollStalled',
  'scroll-moved-back': 'reasonScrollMovedBack',
  'page-limit': 'reasonPageLimit',
  'short-of-total': 'reasonShortOfTotal',
  'end-not-reached': 'reasonEndNotReached',
  failed: 'reasonFailed',
  'nothing-read': 'reasonNothingRead',
  'worker-stopped': 'reasonWorkerStopped',
  'row-limit': 'reasonRowLimit',
  'time-limit': 'reasonTimeLimit',
};

/** Why an audit stopped short, in words: never the code itself. */
export function reasonText(t: Translate, reason: string | undefined): string {
  const code = reason?.startsWith('failed') ? 'failed' : reason;
  return t((code && REASON_TEXT[code]) || 'incompleteNoReason', {
    rows: AUDIT_LIMITS.rows.toLocaleString('en-US'),
    minutes: AUDIT_LIMITS.ms / 60_000,
  });
}

/** The verdict in a sentence: "Audit complete: 300 of 300 members read…" or "Audit stopped early: 50 of 300…, why". */
export function verdictText(t: Translate, completeness: Completeness): string {
  const read = completeness.read.toLocaleString('en-US');
  if (completeness.verdict === 'complete') {
    if (completeness.evidence === 'stated-total') return t('verdictCompleteOfTotal', { read, total: completeness.total.toLocaleString('en-US') });
    return t(completeness.evidence === 'file' ? 'verdictCompleteFile' : 'verdictCompleteToEnd', { read });
  }
  const reason = reasonText(t, completeness.reason);
  return completeness.total !== undefined
    ? t('verdictIncompleteOfTotal', { read, total: completeness.total.toLocaleString('en-US'), reason })
    : t('verdictIncomplete', { read, reason });
}

/** What a comparison with an incomplete audit leaves out, in words; [] when both audits are complete. */
export function comparisonLimits(t: Translate, diff: { incomplete: { before: boolean; after: boolean }; withheld: { joined: number; left: number } }): string[] {
  const limits: string[] = [];
  if (diff.incomplete.before) limits.push(t('compareLimitedBefore', { n: diff.withheld.joined.toLocaleString('en-US') }));
  if (diff.incomplete.after) limits.push(t('compareLimitedAfter', { n: diff.withheld.left.toLocaleString('en-US') }));
  return limits;
}

/** The end of a link-status walk: every contact opened, or how far it got and why. */
export function linkStatusText(t: Translate, completeness: Completeness): string {
  const read = completeness.read.toLocaleString('en-US');
  return completeness.verdict === 'complete'
    ? t('linkStatusComplete', { read })
    : t('linkStatusIncomplete', { read, reason: reasonText(t, completeness.reason) });
}
