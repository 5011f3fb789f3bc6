import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { forgetMemberTables } from '@/lib/member-table/saved-views';
import { forgetAllPicks } from '@/lib/pick-memory';
import { BACKUP_MAX_BYTES, deleteEverything, exportBackup, formatBytes, RosterDbError, requestPersistence, storageSummary } from '@/lib/db';
import { tooLarge, unexpectedFailure, type FileJobEvent } from '@/lib/files/jobs';
import type { Problem } from '@/lib/problem';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { downloadFile, fileStamp } from './download';
import { FileJobProgress, FileSizeLimit, useFileJob } from './FileJobProgress';

/** A file job's refusal, carried to the status line, where it is put into words. */
class FileRefusal extends Error {
  readonly problem: Problem;
  constructor(failure: FileJobEvent & { type: 'failed' }) {
    super(failure.problem.code);
    this.problem = failure.problem;
  }
}

const estimate = () => navigator.storage.estimate();

export function DataView() {
  const { t, p } = useI18n();
  const ids = useId();
  const summary = useLiveQuery(() => storageSummary(rosterDb(), estimate), []);
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const restoring = useFileJob();

  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus({ text: await work() });
    } catch (error) {
      const words = error instanceof RosterDbError || error instanceof FileRefusal ? p(error.problem) : error instanceof Error ? error.message : String(error);
      setStatus({ text: words, error: true });
    } finally {
      setBusy(false);
    }
  };

  const persist = () =>
    act(async () => {
      const result = await requestPersistence(navigator.storage);
      setPersisted(result.persisted);
      return result.persisted ? t('dataPersisted') : t('dataPersistDenied');
    });

  const backup = () =>
    act(async () => {
      const now = Date.now();
      const name = `roster-audit-backup-${fileStamp(now)}.json`;
      downloadFile(await exportBackup(rosterDb(), now), name, 'application/json');
      return t('dataBackupDone', { name });
    });

  const restore = (file: File | undefined) =>
    file &&
    act(async () => {
      // Checked before a byte is read; the worker checks again.
      if (file.size > BACKUP_MAX_BYTES) throw new FileRefusal(tooLarge(file.size, BACKUP_MAX_BYTES));
      const outcome = await restoring.run({ kind: 'restore', file });
      if (outcome.type !== 'restored') throw new FileRefusal(outcome.type === 'failed' ? outcome : unexpectedFailure(outcome.type));
      return t('dataRestoreDone', {
        snapshots: outcome.added.snapshots,
        members: outcome.added.members,
        policies: outcome.added.policies,
        kept: outcome.kept.snapshots,
      });
    });

  const wipe = () =>
    act(async () => {
      await Promise.all([deleteEverything(rosterDb()), forgetAllPicks(browser.storage.local), forgetMemberTables(browser.storage.local)]);
      setConfirming(false);
      return t('dataDeleted');
    });

  const usage = summary?.usage;
  const quota = summary?.quota;
  return (
    <>
      <ViewHeading>{t('dataTitle')}</ViewHeading>
      <p className="subtitle muted">{t('privacyNote')}</p>
      <section className="card" aria-labelledby="storage-heading">
        <h2 id="storage-heading">{t('dataStorage')}</h2>
        {summary && (
          <>
            <dl className="counts">
              <div>
                <dt>{t('dataAudits')}</dt>
                <dd>{summary.snapshots.toLocaleString()}</dd>
              </div>
              <div>
                <dt>{t('members')}</dt>
                <dd>{summary.members.toLocaleString()}</dd>
              </div>
              <div>
                <dt>{t('dataPolicies')}</dt>
                <dd>{summary.policies.toLocaleString()}</dd>
              </div>
              <div>
                <dt>{t('dataTemplates')}</dt>
                <dd>{summary.templates.toLocaleString()}</dd>
              </div>
              <div>
                <dt>{t('dataExports')}</dt>
                <dd>{summary.exports.toLocaleString()}</dd>
              </div>
            </dl>
            {usage !== undefined && quota !== undefined && (
              <div className="usage">
                <label htmlFor={`${ids}-usage`}>{t('dataUsage', { used: formatBytes(usage), quota: formatBytes(quota) })}</label>
                <meter id={`${ids}-usage`} min={0} max={quota} value={usage} />
              </div>
            )}
          </>
        )}
        <p>
          {persisted ? t('dataIsPersistent') : t('dataNotPersistent')}{' '}
          {!persisted && (
            <button onClick={() => void persist()} disabled={busy}>
              {t('dataRequestPersist')}
            </button>
          )}
        </p>
      </section>
      <section className="card" aria-labelledby="backup-heading">
        <h2 id="backup-heading">{t('dataBackupTitle')}</h2>
        <p className="muted small">{t('dataBackupHelp')}</p>
        <div className="form-actions">
          <button className="primary" onClick={() => void backup()} disabled={busy}>
            {t('dataBackup')}
          </button>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-restore`}>{t('dataRestore')}</label>
          <input
            id={`${ids}-restore`}
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              void restore(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <p className="muted small">{t('dataRestoreHelp')}</p>
          <FileSizeLimit bytes={BACKUP_MAX_BYTES} />
          <FileJobProgress progress={restoring.progress} onCancel={restoring.cancel} />
        </div>
      </section>
      <section className="card danger-zone" aria-labelledby="wipe-heading">
        <h2 id="wipe-heading">{t('dataDeleteTitle')}</h2>
        <p className="muted small">{t('dataDeleteHelp')}</p>
        {confirming ? (
          <div className="confirm" role="group" aria-label={t('dataDeleteConfirm')}>
            <p>
              <strong>{t('dataDeleteConfirm')}</strong>
            </p>
            <button className="danger" onClick={() => void wipe()} disabled={busy}>
              {t('dataDeleteYes')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </div>
        ) : (
          <button className="danger" onClick={() => setConfirming(true)}>
            {t('dataDeleteEverything')}
          </button>
        )}
      </section>
      <p role="status" className={status.error ? 'error notice' : status.text ? 'notice ok' : undefined}>
        {status.text}
      </p>
    </>
  );
}
