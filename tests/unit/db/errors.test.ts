import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { asStorageError, formatBytes, isQuotaError, requestPersistence, StorageFullError } from '../../../lib/db/errors';

const quota = () => new DOMException('quota exceeded', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('recognises quota errors as raised and as Dexie wraps them', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 5 failed', [quota()]))).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: new Dexie.AbortError('aborted', quota()) }))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Error('constraint')))).toBe(false);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('asStorageError', () => {
  it('keeps a non-quota error as it is', async () => {
    const other = new Error('other');
    expect(await asStorageError(other, async () => ({ usage: 1, quota: 2 }))).toBe(other);
  });

  it('still reports a full storage when the estimate fails or is not given', async () => {
    const failing = await asStorageError(quota(), () => Promise.reject(new Error('no estimate')));
    expect(failing).toBeInstanceOf(StorageFullError);
    expect((failing as StorageFullError).problem).toEqual({ code: 'storage-full' });
    const unknown = (await asStorageError(quota())) as StorageFullError;
    expect(unknown.usage).toBeUndefined();
  });

  it('says how full the storage is', async () => {
    const error = (await asStorageError(new Dexie.AbortError('aborted', quota()), async () => ({
      usage: 1536 * 1024,
      quota: 10 * 1024 ** 3,
    }))) as StorageFullError;
    expect(error.problem).toEqual({ code: 'storage-full-measured', usedBytes: 1536 * 1024, quotaBytes: 10 * 1024 ** 3 });
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
  });
});

describe('requestPersistence', () => {
  it('asks once when not yet persistent and reports the answer', async () => {
    let asked = 0;
    const storage = { persisted: async () => false, persist: async () => (asked++, true) };
    expect(await requestPersistence(storage)).toEqual({ persisted: true, requested: true });
    expect(asked).toBe(1);
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toEqual({ persisted: false, requested: true });
  });

  it('does not ask when already persistent or when the browser cannot', async () => {
    let asked = 0;
    expect(await requestPersistence({ persisted: async () => true, persist: async () => (asked++, true) })).toEqual({ persisted: true, requested: false });
    expect(asked).toBe(0);
    expect(await requestPersistence(undefined)).toEqual({ persisted: false, requested: false });
  });
});
