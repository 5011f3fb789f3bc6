import { FileJobEvent, type FileJob, type FileJobProblem } from '@/lib/files/jobs';
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
    (message) => end(failed({ code: 'read-failed', detail: message.slice(0, 500) })),
    // An answer outside the schema ends the job in words rather than leaving the page waiting.
    () => end(failed({ code: 'bad-worker-message' })),
  );
  worker.postMessage(job);
  return {
    result,
    cancel: () => end(failed({ code: 'cancelled' })),
  };
}

function failed(problem: FileJobProblem): FileJobEvent {
  return { type: 'failed', problem };
}
