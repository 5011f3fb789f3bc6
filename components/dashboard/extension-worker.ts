import type { z } from 'zod';

/** The dashboard's workers, built by WXT from entrypoints/ as unlisted scripts. */
export type WorkerFile = '/file-worker.js' | '/roster-query-worker.js' | '/workbook-worker.js';

/**
 * Starts one of the extension's workers. What it posts is parsed with `schema` before `onEvent`
 * sees it (a message that does not parse goes to `onMalformed`, else is dropped); `onError` hears
 * of a worker that failed.
 */
export function startExtensionWorker<T>(
  file: WorkerFile,
  schema: z.ZodType<T>,
  onEvent: (event: T) => void,
  onError: (message: string) => void,
  onMalformed?: () => void,
): Worker {
  const worker = new Worker(browser.runtime.getURL(file));
  worker.onmessage = (message: MessageEvent<unknown>) => {
    const event = schema.safeParse(message.data);
    if (event.success) onEvent(event.data);
    else onMalformed?.();
  };
  worker.onerror = (error) => onError(error.message);
  return worker;
}
