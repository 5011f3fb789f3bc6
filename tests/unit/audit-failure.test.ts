import { describe, expect, it } from 'vitest';
import { AuditFailure, auditErrorEvent } from '../../lib/audit-failure';
import { AuditEvent } from '../../lib/messages';

describe('auditErrorEvent: what the popup is told of a failed audit', () => {
  it('carries a code and, apart, the detail; never a sentence', () => {
    const events = [
      auditErrorEvent(new AuditFailure('no-answer')),
      auditErrorEvent(new AuditFailure('not-allowed', { detail: 'Cannot access a chrome:// URL' })),
      auditErrorEvent(new AuditFailure('storage', { problem: { code: 'storage-full' } })),
      auditErrorEvent(new TypeError('x is undefined')),
      auditErrorEvent('something odd'),
    ];
    for (const event of events) {
      expect(AuditEvent.parse(event)).toEqual(event);
      expect(event).not.toHaveProperty('message');
    }
    expect(events).toEqual([
      { type: 'audit/error', code: 'no-answer' },
      { type: 'audit/error', code: 'not-allowed', detail: 'Cannot access a chrome:// URL' },
      { type: 'audit/error', code: 'storage', problem: { code: 'storage-full' } },
      { type: 'audit/error', code: 'failed', detail: 'x is undefined' },
      { type: 'audit/error', code: 'failed', detail: 'something odd' },
    ]);
  });

  it('keeps a long detail within what the schema carries', () => {
    const event = auditErrorEvent(new Error('z'.repeat(5000)));
    expect(AuditEvent.parse(event)).toEqual(event);
  });
});
