import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { forgetMemberTables } from '@/lib/member-table/saved-views';
import { forgetAllPicks } from '@/lib/pick-memory';
import { BACKUP_MAX_BYTES, deleteEverything, exportBackup, formatBytes, requestPersistence, storageSummary } from '@/lib/db';
import { tooLarge, unexpectedFailure } from '@/lib/files/jobs';
import { ProblemError, problemOf, type Problem, type Task } from '@/lib/problem';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { downloadFile, fileStamp } from './download';
import { FileJobProgress, FileSizeLimit, useFileJob } from './FileJobProgress';

const estimate = () => navigator.storage.estimate();

export function DataView() {
  const { t, p } = useI18n();
  const ids = useId();
  const summary = useLiveQuery(() => storageSummary(rosterDb(), estimate), []);
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: Problem }>({ text: '' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const restoring = useFileJob();

  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);

  /** Runs one of the view's tasks; a failure is said in words (what was being done, when nobody planned for it). */
  const act = async (task: Task, work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus({ text: await work() });
    } catch (error) {
      const problem = problemOf(error, task);
      setStatus({ text: p(problem), error: problem });
    } finally {
      setBusy(false);
    }
  };

  const persist = () =>
    act('protect-storage', async () => {
      const result = await requestPersistence(navigator.storage);
      setPersisted(result.persisted);
      return result.persisted ? t('dataPersisted') : t('dataPersistDenied');
    });

  const backup = () =>
    act('make-backup', async () => {
      const now = Date.now();
      const name = `roster-audit-backup-${fileStamp(now)}.json`;
      downloadFile(await exportBackup(rosterDb(), now), name, 'application/json');
      return t('dataBackupDone', { name });
    });

  const restore = (file: File | undefined) =>
    file &&
    act('restore-backup', async () => {
      // Checked before a byte is read; the worker checks again.
      if (file.size > BACKUP_MAX_BYTES) throw new ProblemError(tooLarge(file.size, BACKUP_MAX_BYTES).problem);
      const outcome = await restoring.run({ kind: 'restore', file });
      if (outcome.type !== 'restored') throw new ProblemError((outcome.type === 'failed' ? outcome : unexpectedFailure(outcome.type)).problem);
      return t('dataRestoreDone', {
        snapshots: outcome.added.snapshots,
        members: outcome.added.members,
        policies: outcome.added.policies,
        kept: outcome.kept.snapshots,
      });
    });

  const wipe = () =>
    act('delete-data', async () => {
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
      <ProblemDetail problem={status.error} />
    </>
  );
}
