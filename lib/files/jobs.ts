import { z } from 'zod';
import { FORMAT_IDS } from '../formats/types';
import { FindingId } from '../model';
import { errorDetail, Problem } from '../problem';

/**
 * The messages between the dashboard and the worker that reads big files (a backup to restore, a
 * roster file to import, a template to build an export from) off the page's thread. Both sides
 * parse what they receive.
 */

/** The largest roster file or template read (CSV or workbook), checked on the file's size before it is read. */
export const ROSTER_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** Problems of an export listed for the admin; the rest are counted. */
export const ISSUES_LISTED = 20;

const Count = z.number().int().nonnegative();
const Name = z.string().max(500);

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
  /** An export built from the audit in the cache with the admin's choices; `file` is the template. */
  z.object({
    kind: z.literal('build-export'),
    formatId: z.enum(FORMAT_IDS),
    snapshotId: z.string().max(200),
    file: z.instanceof(Blob).optional(),
    sheet: Name.optional(),
    findingScope: FindingId.optional(),
    values: z.array(z.object({ header: Name, value: z.string().max(10_000) })).max(500),
    chatworkSnapshotId: z.string().max(200).optional(),
    /** The options the format declares (lib/formats `options`); one it does not declare is left out. */
    encoding: z.enum(['utf-8-bom', 'utf-8', 'shift_jis']).optional(),
    output: z.enum(['csv', 'xlsx']).optional(),
    validRowsOnly: z.boolean().optional(),
    sso: z.boolean().optional(),
    chatworkIdKind: z.enum(['account-id', 'chatwork-id']).optional(),
    lang: z.enum(['ja', 'en']),
  }),
]);
export type FileJob = z.infer<typeof FileJob>;

const Issue = z.object({
  severity: z.enum(['error', 'warning']),
  row: Count.optional(),
  line: Count.optional(),
  column: z.string().max(100_000).optional(),
  member: z.string().max(100_000).optional(),
  // A problem may quote a template's cells; only ISSUES_LISTED of them cross.
  problem: Problem,
});

/** A built export as the page shows it: the first ISSUES_LISTED problems and the count of every one. */
export const BuiltExport = z.object({
  files: z.array(z.object({ name: Name, bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array), mime: z.string().max(200) })).max(100_000),
  issues: z.array(Issue).max(ISSUES_LISTED),
  issueCounts: z.object({ errors: Count, warnings: Count }),
  skippedRows: z.array(z.object({ row: Count, member: z.string().max(100_000), name: z.string().max(100_000) })).max(1_000_000),
  /** Cells a template patch changed. */
  changedCells: Count,
  /** Members in the files. */
  rows: Count,
  rowCounts: z
    .object({ mode: z.enum(['add', 'overwrite']), rows: Count, keeps: Count, adds: Count, changes: Count, removes: z.union([Count, z.undefined()]) })
    .optional(),
});
export type BuiltExport = z.infer<typeof BuiltExport>;

export const FileJobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: z.enum(['reading', 'checking', 'writing']), done: Count, total: Count }),
  z.object({
    type: z.literal('restored'),
    added: z.object({ snapshots: Count, members: Count, policies: Count, templates: Count, exports: Count }),
    kept: z.object({ snapshots: Count, policies: Count, templates: Count, exports: Count }),
  }),
  /** `warnings`: the first ISSUES_LISTED of what the admin is told about the file (codes, lib/import `ImportWarning`); `warningCount` all of them. */
  z.object({
    type: z.literal('imported'),
    snapshotId: z.string(),
    members: Count,
    sheets: z.array(Name).max(1000),
    warnings: z.array(Problem).max(ISSUES_LISTED),
    warningCount: Count,
  }),
  /** `sheets`: the template's worksheets, for the admin to choose from (none for CSV). */
  z.object({ type: z.literal('built'), result: BuiltExport, sheets: z.array(Name).max(1000) }),
  /** Every failure: the problem as a code with parameters; the page puts it in the admin's words. */
  z.object({ type: z.literal('failed'), problem: Problem, sheets: z.array(Name).max(1000).optional() }),
]);
export type FileJobEvent = z.infer<typeof FileJobEvent>;

/** The problems of a file job itself (the others come from what it calls: the cache, the file's reading). */
export type FileJobProblem =
  | { code: 'file-too-large'; sizeBytes: number; limitBytes: number }
  | { code: 'file-too-large-to-read'; detail: string }
  | { code: 'read-failed'; detail: string }
  // The page's side of a job: the worker's answer broke the schema, or the admin stopped it.
  | { code: 'bad-worker-message' }
  | { code: 'cancelled' }
  | { code: 'export-no-audit' }
  | { code: 'export-failed'; detail: string };

/** The refusal of a file over `limit`, before a byte of it is read. */
export function tooLarge(size: number, limit: number): FileJobEvent & { type: 'failed' } {
  return { type: 'failed', problem: { code: 'file-too-large', sizeBytes: size, limitBytes: limit } satisfies FileJobProblem };
}

/** An error nobody planned for, still a problem with words: never a raw exception for the admin. */
export function unexpectedFailure(error: unknown): FileJobEvent & { type: 'failed' } {
  const problem: FileJobProblem = { code: error instanceof RangeError ? 'file-too-large-to-read' : 'read-failed', detail: errorDetail(error) };
  return { type: 'failed', problem };
}
