import { useCallback, useEffect, useRef, useState } from 'react';
import { formatBytes } from '@/lib/db/errors';
import type { FileJob, FileJobEvent } from '@/lib/files/jobs';
import { useI18n } from '../i18n-context';
import { startFileJob, type RunningFileJob } from './file-jobs';

type Progress = FileJobEvent & { type: 'progress' };

/** One file job at a time, run in a worker: its progress while it runs, and a way to cancel it. */
export function useFileJob() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = useRef<RunningFileJob | undefined>(undefined);
  useEffect(() => () => running.current?.cancel(), []);

  const run = useCallback(async (job: FileJob): Promise<FileJobEvent> => {
    running.current?.cancel();
    setProgress({ type: 'progress', phase: 'reading', done: 0, total: job.file?.size ?? 0 });
    const started = startFileJob(job, setProgress);
    running.current = started;
    try {
      return await started.result;
    } finally {
      if (running.current === started) {
        running.current = undefined;
        setProgress(null);
      }
    }
  }, []);
  const cancel = useCallback(() => running.current?.cancel(), []);
  return { run, cancel, progress };
}

/** The running job's progress bar, its words, and its cancel button. */
export function FileJobProgress({ progress, onCancel }: { progress: Progress | null; onCancel: () => void }) {
  const { t } = useI18n();
  if (!progress) return null;
  const figures =
    progress.phase === 'reading'
      ? { done: formatBytes(progress.done), total: formatBytes(progress.total) }
      : { done: progress.done.toLocaleString('en-US'), total: progress.total.toLocaleString('en-US') };
  const label = t(progress.phase === 'reading' ? 'fileReading' : progress.phase === 'checking' ? 'fileChecking' : 'fileWriting', figures);
  return (
    <div className="form-actions">
      <progress aria-label={label} max={progress.total || 1} value={progress.done} />
      <span className="small muted">{label}</span>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** The size bound, in words under the file input. */
export function FileSizeLimit({ bytes }: { bytes: number }) {
  const { t } = useI18n();
  return <p className="muted small">{t('fileSizeLimit', { size: formatBytes(bytes) })}</p>;
}
