import { AUDIT_LIMITS, incompleteReasonCode, incompleteReasonDetail, type Completeness } from '@/lib/completeness';
import type { Words } from '@/lib/i18n';
import { INCOMPLETE_REASON_TEXT } from '@/lib/labels';

/** Why an audit stopped short, in words: never the code itself; a code this version does not know gets the general sentence. */
export function reasonText({ t, l }: Pick<Words, 't' | 'l'>, reason: string | undefined): string {
  const code = incompleteReasonCode(reason);
  if (!code) return t('incompleteNoReason');
  return l(INCOMPLETE_REASON_TEXT[code], {
    rows: AUDIT_LIMITS.rows.toLocaleString('en-US'),
    minutes: AUDIT_LIMITS.ms / 60_000,
    message: incompleteReasonDetail(reason),
  });
}

/** The verdict in a sentence: "Audit complete: 300 of 300 members read…" or "Audit stopped early: 50 of 300…, why". */
export function verdictText(words: Pick<Words, 't' | 'l'>, completeness: Completeness): string {
  const { t } = words;
  const read = completeness.read.toLocaleString('en-US');
  if (completeness.verdict === 'complete') {
    if (completeness.evidence === 'stated-total') return t('verdictCompleteOfTotal', { read, total: completeness.total.toLocaleString('en-US') });
    return t(completeness.evidence === 'file' ? 'verdictCompleteFile' : 'verdictCompleteToEnd', { read });
  }
  const reason = reasonText(words, completeness.reason);
  return completeness.total !== undefined
    ? t('verdictIncompleteOfTotal', { read, total: completeness.total.toLocaleString('en-US'), reason })
    : t('verdictIncomplete', { read, reason });
}

/** What a comparison with an incomplete audit leaves out, in words; [] when both audits are complete. */
export function comparisonLimits(
  { t }: Pick<Words, 't'>,
  diff: { incomplete: { before: boolean; after: boolean }; withheld: { joined: number; left: number } },
): string[] {
  const limits: string[] = [];
  if (diff.incomplete.before) limits.push(t('compareLimitedBefore', { n: diff.withheld.joined.toLocaleString('en-US') }));
  if (diff.incomplete.after) limits.push(t('compareLimitedAfter', { n: diff.withheld.left.toLocaleString('en-US') }));
  return limits;
}

/** The end of a link-status walk: every contact opened, or how far it got and why. */
export function linkStatusText(words: Pick<Words, 't' | 'l'>, completeness: Completeness): string {
  const { t } = words;
  const read = completeness.read.toLocaleString('en-US');
  return completeness.verdict === 'complete'
    ? t('linkStatusComplete', { read })
    : t('linkStatusIncomplete', { read, reason: reasonText(words, completeness.reason) });
}
