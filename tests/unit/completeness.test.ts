import { describe, expect, it } from 'vitest';
import { Completeness, incompleteReasonCode, incompleteReasonDetail, judgeCompleteness, snapshotCompleteness } from '../../lib/completeness';

describe('judgeCompleteness', () => {
  it('is complete with the stated total reached, or read to the end when none is stated', () => {
    expect(judgeCompleteness({ rowsRead: 300, statedTotal: 300, reachedEnd: true })).toEqual({
      verdict: 'complete',
      evidence: 'stated-total',
      read: 300,
      total: 300,
    });
    expect(judgeCompleteness({ rowsRead: 120, reachedEnd: true })).toEqual({ verdict: 'complete', evidence: 'end-of-list', read: 120 });
  });

  it('is never complete short of a stated total, whatever the page says of its end', () => {
    expect(judgeCompleteness({ rowsRead: 50, statedTotal: 300, reachedEnd: true })).toEqual({
      verdict: 'incomplete',
      read: 50,
      total: 300,
      reason: 'short-of-total',
    });
  });

  it('keeps the reader’s reason, and names an unreached end', () => {
    expect(judgeCompleteness({ rowsRead: 10, statedTotal: 300, reachedEnd: false, reason: 'cancelled' })).toEqual({
      verdict: 'incomplete',
      read: 10,
      total: 300,
      reason: 'cancelled',
    });
    expect(judgeCompleteness({ rowsRead: 10, reachedEnd: false })).toEqual({ verdict: 'incomplete', read: 10, reason: 'end-not-reached' });
  });

  it('never calls a read that brought no member complete', () => {
    expect(judgeCompleteness({ rowsRead: 0, reachedEnd: true })).toEqual({ verdict: 'incomplete', read: 0, reason: 'nothing-read' });
  });

  it('reads the flag of an audit saved before verdicts were kept', () => {
    expect(snapshotCompleteness({ complete: false, incompleteReason: 'scroll-stalled', counts: { members: 4 } })).toEqual({
      verdict: 'incomplete',
      read: 4,
      reason: 'scroll-stalled',
    });
  });
});

describe('Completeness schema', () => {
  it('parses every verdict a snapshot may keep, and refuses a complete one without evidence', () => {
    for (const verdict of [
      { verdict: 'complete', evidence: 'stated-total', read: 3, total: 3 },
      { verdict: 'complete', evidence: 'end-of-list', read: 3 },
      { verdict: 'complete', evidence: 'file', read: 3 },
      { verdict: 'incomplete', read: 2, total: 3, reason: 'short-of-total' },
    ])
      expect(Completeness.parse(verdict)).toEqual(verdict);
    expect(Completeness.safeParse({ verdict: 'complete', read: 3 }).success).toBe(false);
  });
});

describe('a reason stored with a detail', () => {
  it("keeps the code apart from the page's message", () => {
    const reason = 'page-error: An error happened while fetching the data';
    expect(incompleteReasonCode(reason)).toBe('page-error');
    expect(incompleteReasonDetail(reason)).toBe('An error happened while fetching the data');
    expect(incompleteReasonCode('failed: TypeError: x')).toBe('failed');
    expect(incompleteReasonCode('page-errors')).toBeUndefined();
    expect(incompleteReasonDetail('scroll-stalled')).toBe('');
  });
});
