import { WorkbookWritten, type WorkbookJob } from '@/lib/xlsx/workbook-job';
import { startExtensionWorker } from './extension-worker';

/** Writes one workbook in its own worker; rejects with the worker's error, or when its answer does not parse. */
export function writeWorkbookOffThread(job: WorkbookJob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = startExtensionWorker(
      '/workbook-worker.js',
      WorkbookWritten,
      (written) => {
        worker.terminate();
        resolve(written.bytes);
      },
      (message) => {
        worker.terminate();
        reject(new Error(message));
      },
      () => {
        worker.terminate();
        reject(new Error('malformed'));
      },
    );
    worker.postMessage(job);
  });
}
