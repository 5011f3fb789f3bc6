import { z } from 'zod';
import { AUDIT_LIMITS } from './completeness';
import type { KeyValueArea } from './pick-memory';

/**
 * The time one audit may take, as the admin set it (Settings), in the extension's key-value storage;
 * AUDIT_LIMITS.ms when never set. A page that never lets the reader finish (it grows without end,
 * or fights its scrolling) is stopped there and kept as incomplete.
 */
const KEY = 'audit-time-limit-minutes';
export const AuditMinutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export async function auditTimeLimitMs(storage: Pick<KeyValueArea, 'get'>): Promise<number> {
  const stored = AuditMinutes.safeParse((await storage.get(KEY))[KEY]);
  return stored.success ? stored.data * 60_000 : AUDIT_LIMITS.ms;
}

/** Keeps the admin's time bound; throws a ZodError for a value outside 1 minute to 24 hours. */
export async function saveAuditTimeLimit(storage: Pick<KeyValueArea, 'set'>, minutes: number): Promise<void> {
  await storage.set({ [KEY]: AuditMinutes.parse(minutes) });
}
