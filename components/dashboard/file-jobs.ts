import { FileJobEvent, type FileJob } from '@/lib/files/jobs';
import { startExtensionWorker } from './extension-worker';

export interface RunningFileJob {
  /** The job's last event: what was done, or why not. */
  result: Promise<FileJobEvent>;
  /** Stops the worker at once; the job's writes are one transaction, so nothing is half written. */
  cancel(): void;
}

/** Runs one file job in its own worker, reporting progress; the page's thread only posts the File. */
export function startFileJob(job: FileJob, onProgress: (event: FileJobEvent & { type: 'progress' }) => void): RunningFileJob {
  let settle: (event: FileJobEvent) => void = () => undefined;
  const result = new Promise<FileJobEvent>((resolve) => (settle = resolve));
  const end = (event: FileJobEvent) => {
    worker.terminate();
    settle(event);
  };
  const worker = startExtensionWorker(
    '/file-worker.js',
    FileJobEvent,
    (event) => (event.type === 'progress' ? onProgress(event) : end(event)),
    (message) =>
      end({ type: 'failed', code: 'read-failed', text: { ja: `ファイルを読み込めませんでした: ${message}`, en: `The file could not be read: ${message}` } }),
    // An answer outside the schema ends the job in words rather than leaving the page waiting.
    () =>
      end({
        type: 'failed',
        code: 'bad-worker-message',
        text: {
          ja: 'ファイルの処理結果を受け取れませんでした。何も書き込んでいません。',
          en: 'The result of the file could not be received. Nothing was written.',
        },
      }),
  );
  worker.postMessage(job);
  return {
    result,
    cancel: () => end({ type: 'failed', code: 'cancelled', text: { ja: '取り消しました。何も読み込んでいません。', en: 'Cancelled. Nothing was read.' } }),
  };
}
