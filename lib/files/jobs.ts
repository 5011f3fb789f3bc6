import { z } from 'zod';
import { formatBytes } from '../db/errors';
import type { Localized } from '../i18n';

/**
 * The messages between the dashboard and the worker that reads big files (a backup to restore, a
 * roster file to import) off the page's thread. Both sides parse what they receive.
 */

/** The largest roster file read (CSV or workbook), checked on the file's size before it is read. */
export const ROSTER_FILE_MAX_BYTES = 64 * 1024 * 1024;

export const FileJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('restore'), file: z.instanceof(Blob) }),
  z.object({
    kind: z.literal('import-roster'),
    file: z.instanceof(Blob),
    name: z.string().max(500),
    profile: z.string().max(100).optional(),
    sheet: z.string().max(500).optional(),
    startedAt: z.number(),
  }),
]);
export type FileJob = z.infer<typeof FileJob>;

const Text = z.object({ ja: z.string().max(20_000), en: z.string().max(20_000) });
const Count = z.number().int().nonnegative();

export const FileJobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: z.enum(['reading', 'checking', 'writing']), done: Count, total: Count }),
  z.object({
    type: z.literal('restored'),
    added: z.object({ snapshots: Count, members: Count, policies: Count, templates: Count, exports: Count }),
    kept: z.object({ snapshots: Count, policies: Count, templates: Count, exports: Count }),
  }),
  z.object({ type: z.literal('imported'), snapshotId: z.string(), members: Count, sheets: z.array(z.string().max(500)).max(1000) }),
  /** Every failure: a code, and the words for the admin in both languages. */
  z.object({ type: z.literal('failed'), code: z.string().max(100), text: Text, sheets: z.array(z.string().max(500)).max(1000).optional() }),
]);
export type FileJobEvent = z.infer<typeof FileJobEvent>;

/** The refusal of a file over `limit`, before a byte of it is read. */
export function tooLarge(size: number, limit: number): FileJobEvent & { type: 'failed' } {
  const text: Localized = {
    ja: `ファイルが大きすぎます（${formatBytes(size)}、上限 ${formatBytes(limit)}）。何も読み込んでいません。`,
    en: `The file is too large (${formatBytes(size)}; at most ${formatBytes(limit)}). Nothing was read.`,
  };
  return { type: 'failed', code: 'file-too-large', text };
}

/** An error nobody planned for, still in words: never a raw exception for the admin. */
export function unexpectedFailure(error: unknown): FileJobEvent & { type: 'failed' } {
  const detail = String((error as Error)?.message ?? error).slice(0, 500);
  if (error instanceof RangeError) {
    return {
      type: 'failed',
      code: 'file-too-large',
      text: { ja: `ファイルが大きすぎて読み込めません。何も読み込んでいません。(${detail})`, en: `The file is too large to read. Nothing was read. (${detail})` },
    };
  }
  return { type: 'failed', code: 'read-failed', text: { ja: `ファイルを読み込めませんでした。何も読み込んでいません。(${detail})`, en: `The file could not be read. Nothing was read. (${detail})` } };
}
