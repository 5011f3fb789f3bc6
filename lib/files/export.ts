import { membersOf, type RosterDb } from '../db';
import { formatById, type BuildResult, type FormatInput } from '../formats';
import { chatworkMembersByEmail } from '../use-cases/export';
import { sheetNames } from '../xlsx/table';
import { errorDetail } from '../problem';
import { ISSUES_LISTED, ROSTER_FILE_MAX_BYTES, tooLarge, type BuiltExport, type FileJob, type FileJobEvent, type FileJobProblem } from './jobs';

type ExportJob = FileJob & { kind: 'build-export' };

/**
 * Builds an export file where it cannot freeze the dashboard: the worker reads the audit's members
 * from the cache itself (a 100,000-member roster is never copied from the page), reads and patches
 * the template, and answers with the files and the first problems. The page sends only the admin's
 * choices and the template.
 */
export async function buildExport(
  job: ExportJob,
  db: RosterDb,
  emit: (event: FileJobEvent) => void,
  readBytes: (file: Blob) => Promise<Uint8Array>,
): Promise<FileJobEvent> {
  if (job.file && job.file.size > ROSTER_FILE_MAX_BYTES) return tooLarge(job.file.size, ROSTER_FILE_MAX_BYTES);
  const format = formatById(job.formatId);
  const snapshot = await db.snapshots.get(job.snapshotId);
  if (!format || !snapshot) return { type: 'failed', problem: { code: 'export-no-audit' } satisfies FileJobProblem };
  const template = job.file ? await readBytes(job.file) : undefined;
  const sheets = template ? sheetNames(template) : [];
  const rosterMembers = await membersOf(db, snapshot.id).toArray();
  const scope = job.findingScope;
  const members = scope ? rosterMembers.filter((m) => m.findingIds.includes(scope)) : rosterMembers;
  emit({ type: 'progress', phase: 'checking', done: 0, total: members.length });
  // A value set for every exported member; a blank one is the admin's explicit wish to clear that column.
  const typed = Object.fromEntries(job.values.map(({ header, value }) => [header, value]));
  const chatworkByEmail = job.chatworkSnapshotId ? await chatworkMembersByEmail(db, job.chatworkSnapshotId) : undefined;
  const input: FormatInput = {
    snapshot,
    members,
    rosterMembers,
    ...(job.values.length > 0
      ? { values: new Map(members.map((m) => [m.key, typed])), allowClear: new Set(job.values.filter((v) => v.value === '').map((v) => v.header)) }
      : {}),
    ...(template ? { template, ...(job.sheet && sheets.includes(job.sheet) ? { sheet: job.sheet } : {}) } : {}),
    ...(chatworkByEmail ? { chatworkByEmail } : {}),
    ...(job.encoding ? { encoding: job.encoding } : {}),
    ...(job.output ? { output: job.output } : {}),
    ...(job.validRowsOnly !== undefined ? { validRowsOnly: job.validRowsOnly } : {}),
    ...(job.sso !== undefined ? { sso: job.sso } : {}),
    ...(job.chatworkIdKind ? { chatworkIdKind: job.chatworkIdKind } : {}),
    lang: job.lang,
  };
  try {
    return { type: 'built', result: summarise(format.build(input), members.length), sheets };
  } catch (error) {
    // A bug, not the admin's doing; still in words, and nothing was downloaded.
    return { type: 'failed', problem: { code: 'export-failed', detail: errorDetail(error) } satisfies FileJobProblem, sheets };
  }
}

/** What the page shows of a build: the files, the first problems with the count of all, what the upload does. */
function summarise(result: BuildResult, exported: number): BuiltExport {
  const count = (severity: 'error' | 'warning') => result.issues.filter((issue) => issue.severity === severity).length;
  return {
    files: result.files,
    issues: result.issues.slice(0, ISSUES_LISTED),
    issueCounts: { errors: count('error'), warnings: count('warning') },
    skippedRows: result.skippedRows,
    changedCells: result.changedCells?.length ?? 0,
    rows: Math.max(0, exported - result.skippedRows.length),
    ...(result.rowCounts ? { rowCounts: result.rowCounts } : {}),
  };
}
