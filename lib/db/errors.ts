import type { Localized } from '../i18n';

export type RosterDbErrorCode =
  'storage-full' | 'invalid-input' | 'not-a-backup' | 'backup-too-new' | 'backup-truncated' | 'backup-invalid' | 'backup-too-large' | 'not-found';

/** Every error this module throws on purpose: a code for the caller, a plain message for the admin. */
export class RosterDbError extends Error {
  readonly code: RosterDbErrorCode;
  readonly text: Localized;

  constructor(code: RosterDbErrorCode, text: Localized, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = 'RosterDbError';
    this.code = code;
    this.text = text;
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
    const known = usage !== undefined && quota !== undefined;
    super(
      'storage-full',
      {
        ja: known
          ? `ブラウザーの保存領域がいっぱいです（使用中 ${formatBytes(usage)} / 上限 ${formatBytes(quota)}）。古い監査結果を削除するか、バックアップを取ってから削除してください。`
          : 'ブラウザーの保存領域がいっぱいです。古い監査結果を削除するか、バックアップを取ってから削除してください。',
        en: known
          ? `The browser's storage is full (${formatBytes(usage)} in use of ${formatBytes(quota)}). Delete older audits, or back them up and then delete them.`
          : "The browser's storage is full. Delete older audits, or back them up and then delete them.",
      },
      { cause },
    );
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
