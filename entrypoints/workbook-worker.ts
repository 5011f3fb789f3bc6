import { WorkbookJob } from '@/lib/xlsx/workbook-job';
import { writeWorkbook } from '@/lib/xlsx/write';

/**
 * The dashboard's workbook worker (`/workbook-worker.js`, started with `new Worker`): one table in,
 * one workbook out, written off the page's thread. It uses no extension API and reads no cache.
 */
export default defineUnlistedScript(() => {
  self.onmessage = (message: MessageEvent<unknown>) => {
    const job = WorkbookJob.safeParse(message.data);
    if (!job.success) return;
    const bytes = writeWorkbook(job.data);
    self.postMessage({ type: 'written', bytes }, { transfer: [bytes.buffer] });
  };
});
