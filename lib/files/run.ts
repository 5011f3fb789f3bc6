import { BACKUP_MAX_BYTES, importBackup, RosterDbError, type EstimateStorage, type RosterDb } from '../db';
import { importRoster } from '../import';
import { recordSnapshot } from '../use-cases';
import { sheetNames } from '../xlsx/table';
import { buildExport } from './export';
import { ISSUES_LISTED, ROSTER_FILE_MAX_BYTES, tooLarge, unexpectedFailure, type FileJob, type FileJobEvent } from './jobs';

/**
 * Runs one file job where it cannot freeze the dashboard (in a worker): the size bound is checked
 * before the file is read, progress is reported as it goes, and every end is one event — what was
 * restored, imported or built, or a failure with its code and words. Cancelling is the worker's end:
 * every write is one transaction (and an export writes nothing), so a job stopped part-way has
 * written nothing.
 */
export async function runFileJob(job: FileJob, deps: { db: RosterDb; estimate?: EstimateStorage }, emit: (event: FileJobEvent) => void): Promise<void> {
  try {
    emit(
      job.kind === 'restore'
        ? await restore(job, deps.db, emit)
        : job.kind === 'import-roster'
          ? await importFile(job, deps, emit)
          : await buildExport(job, deps.db, emit, (file) => readBytes(file, emit)),
    );
  } catch (error) {
    emit(error instanceof RosterDbError ? { type: 'failed', problem: error.problem } : unexpectedFailure(error));
  }
}

async function readBytes(file: Blob, emit: (event: FileJobEvent) => void): Promise<Uint8Array> {
  emit({ type: 'progress', phase: 'reading', done: 0, total: file.size });
  const bytes = new Uint8Array(await file.arrayBuffer());
  emit({ type: 'progress', phase: 'reading', done: file.size, total: file.size });
  return bytes;
}

async function restore(job: FileJob & { kind: 'restore' }, db: RosterDb, emit: (event: FileJobEvent) => void): Promise<FileJobEvent> {
  if (job.file.size > BACKUP_MAX_BYTES) return tooLarge(job.file.size, BACKUP_MAX_BYTES);
  const summary = await importBackup(db, await readBytes(job.file, emit), { onProgress: (progress) => emit({ type: 'progress', ...progress }) });
  return { type: 'restored', ...summary };
}

async function importFile(
  job: FileJob & { kind: 'import-roster' },
  deps: { db: RosterDb; estimate?: EstimateStorage },
  emit: (event: FileJobEvent) => void,
): Promise<FileJobEvent> {
  if (job.file.size > ROSTER_FILE_MAX_BYTES) return tooLarge(job.file.size, ROSTER_FILE_MAX_BYTES);
  const bytes = await readBytes(job.file, emit);
  const sheets = sheetNames(bytes);
  const imported = importRoster(bytes, { ...(job.profile ? { profile: job.profile } : {}), ...(job.sheet ? { sheet: job.sheet } : {}) });
  if (!imported.ok) return { type: 'failed', problem: imported.error, sheets };
  emit({ type: 'progress', phase: 'writing', done: 0, total: imported.rows.length });
  const tenant = imported.tenant || job.name;
  const snapshot = await recordSnapshot(
    deps.db,
    imported.rows,
    {
      console: imported.console,
      profile: imported.profile,
      tenant,
      sourceUrl: `file:${job.name}`,
      title: job.name,
      headers: imported.headers,
      startedAt: job.startedAt,
      pagesRead: 1,
    },
    {
      snapshotId: crypto.randomUUID(),
      completeness: { verdict: 'complete', evidence: 'file', read: imported.rows.length },
      finishedAt: Date.now(),
      ...(deps.estimate ? { estimate: deps.estimate } : {}),
    },
  );
  return {
    type: 'imported',
    snapshotId: snapshot.id,
    members: snapshot.counts.members,
    sheets,
    warnings: imported.warnings.slice(0, ISSUES_LISTED),
    warningCount: imported.warningCount,
  };
}
