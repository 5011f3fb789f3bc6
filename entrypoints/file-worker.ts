import { openRosterDb } from '@/lib/db';
import { FileJob } from '@/lib/files/jobs';
import { runFileJob } from '@/lib/files/run';

/**
 * The dashboard's file worker (`/file-worker.js`, started with `new Worker`): one job per worker,
 * a big file read off the page's thread (see lib/files). It uses no extension API.
 */
export default defineUnlistedScript(() => {
  self.onmessage = (message: MessageEvent<unknown>) => {
    const job = FileJob.safeParse(message.data);
    if (!job.success) return;
    void runFileJob(job.data, { db: openRosterDb(), estimate: () => navigator.storage.estimate() }, (event) => self.postMessage(event));
  };
});
