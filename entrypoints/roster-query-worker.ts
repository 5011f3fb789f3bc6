import { openRosterDb } from '@/lib/db/schema';
import { serveRosterQueries } from '@/lib/roster-query';

/**
 * The dashboard's roster worker (`/roster-query-worker.js`, started with `new Worker`): one
 * snapshot's members read into the roster query engine off the page's thread (see lib/roster-query).
 * It uses no extension API.
 */
export default defineUnlistedScript(() => {
  const handle = serveRosterQueries(openRosterDb(), (event) => self.postMessage(event));
  self.onmessage = (message: MessageEvent<unknown>) => handle(message.data);
});
