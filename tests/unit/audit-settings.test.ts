import { describe, expect, it } from 'vitest';
import { auditTimeLimitMs, saveAuditTimeLimit } from '../../lib/audit-settings';
import { AUDIT_LIMITS } from '../../lib/completeness';

function memoryArea() {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: (key: string | null) => Promise.resolve(key === null ? { ...items } : key in items ? { [key]: items[key] } : {}),
    set: (more: Record<string, unknown>) => Promise.resolve(void Object.assign(items, more)),
  };
}

describe('audit time bound', () => {
  it('is the default until the admin sets one, then what was set', async () => {
    const area = memoryArea();
    expect(await auditTimeLimitMs(area)).toBe(AUDIT_LIMITS.ms);
    await saveAuditTimeLimit(area, 5);
    expect(await auditTimeLimitMs(area)).toBe(5 * 60_000);
  });

  it('refuses a bound outside 1 minute to 24 hours, and reads a stored value that is none as the default', async () => {
    const area = memoryArea();
    await expect(saveAuditTimeLimit(area, 0)).rejects.toThrow();
    await expect(saveAuditTimeLimit(area, 1.5)).rejects.toThrow();
    await expect(saveAuditTimeLimit(area, 24 * 60 + 1)).rejects.toThrow();
    area.items['audit-time-limit-minutes'] = 'forever';
    expect(await auditTimeLimitMs(area)).toBe(AUDIT_LIMITS.ms);
  });
});
