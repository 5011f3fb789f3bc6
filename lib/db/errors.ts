/** Every problem this module reports on purpose, as a code with the parameters its words need (lib/problem-text.ts). */
export type DbProblem =
  | { code: 'storage-full' }
  | { code: 'storage-full-measured'; usedBytes: number; quotaBytes: number }
  | { code: 'snapshot-invalid'; detail: string }
  | { code: 'policy-invalid'; detail: string }
  | { code: 'template-invalid'; detail: string }
  | { code: 'export-log-invalid'; detail: string }
  | { code: 'reclassify-mismatch' }
  | { code: 'audit-not-found'; console: string; snapshotId: string }
  | { code: 'backup-too-large'; limitBytes: number }
  | { code: 'not-a-backup' }
  | { code: 'backup-too-new' }
  | { code: 'backup-truncated' }
  | { code: 'backup-invalid'; detail: string }
  | { code: 'backup-invalid-more'; detail: string; more: number }
  | { code: 'backup-invalid-at-least'; detail: string; more: number }
  | { code: 'backup-orphan-member'; snapshotId: string };
export type RosterDbErrorCode = DbProblem['code'];

/** Every error this module throws on purpose: the problem as a code with parameters; the words are the caller's to look up. */
export class RosterDbError extends Error {
  readonly problem: DbProblem;
  readonly code: RosterDbErrorCode;

  constructor(problem: DbProblem, options?: { cause?: unknown }) {
    // The message is for developers' logs; an admin reads the problem's words.
    super(JSON.stringify(problem).slice(0, 2000), options);
    this.name = 'RosterDbError';
    this.problem = problem;
    this.code = problem.code;
  }
}

/** What `navigator.storage.estimate()` returns; both numbers can be missing. */
export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}
export type EstimateStorage = () => Promise<StorageEstimateLike>;

export class StorageFullError extends RosterDbError {
  readonly usage: number | undefined;
  readonly quota: number | undefined;

  constructor(estimate: StorageEstimateLike, cause?: unknown) {
    const { usage, quota } = estimate;
    super(usage !== undefined && quota !== undefined ? { code: 'storage-full-measured', usedBytes: usage, quotaBytes: quota } : { code: 'storage-full' }, {
      cause,
    });
    this.name = 'StorageFullError';
    this.usage = usage;
    this.quota = quota;
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const QUOTA_EXCEEDED_CODE = 22;

/**
 * Whether an error (as IndexedDB raises it, or as Dexie wraps it in an AbortError, a BulkError or a
 * transaction error) comes from running out of quota.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (e.code === QUOTA_EXCEEDED_CODE && typeof DOMException !== 'undefined' && error instanceof DOMException) return true;
  const nested = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])];
  return nested.some((inner) => isQuotaError(inner, depth + 1));
}

/** Turns a quota failure into a StorageFullError that tells the admin how full the storage is; other errors pass through. */
export async function asStorageError(error: unknown, estimate?: EstimateStorage): Promise<unknown> {
  if (!isQuotaError(error)) return error;
  let figures: StorageEstimateLike = {};
  try {
    figures = estimate ? await estimate() : {};
  } catch {
    // The estimate is only for the message; the storage error itself must still reach the admin.
  }
  return new StorageFullError(figures, error);
}

/** The part of `navigator.storage` that decides whether the browser may evict the cache. */
export interface PersistentStorage {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export interface PersistenceResult {
  /** Whether the cache is now protected from eviction. */
  persisted: boolean;
  /** Whether this call asked the browser (false when it already was persistent, or cannot be). */
  requested: boolean;
}

/** Asks the browser not to evict the cache under storage pressure, once. */
export async function requestPersistence(storage: PersistentStorage | undefined): Promise<PersistenceResult> {
  if (!storage?.persist) return { persisted: false, requested: false };
  if (storage.persisted && (await storage.persisted())) return { persisted: true, requested: false };
  return { persisted: await storage.persist(), requested: true };
}
