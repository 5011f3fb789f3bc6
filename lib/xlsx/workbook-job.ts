import { z } from 'zod';

/**
 * The messages between the dashboard and its workbook worker (entrypoints/workbook-worker.ts), which
 * writes a built table as a workbook (lib/xlsx/write.ts) off the page's thread: 10,000 rows take
 * seconds on a busy machine. Both sides parse what they receive.
 */
export const WorkbookJob = z.object({
  sheetName: z.string().max(200),
  headers: z.array(z.string().max(1000)).max(1000),
  required: z.array(z.boolean()).max(1000),
  rows: z.array(z.array(z.string().max(100_000)).max(1000)).max(1_000_000),
});
export type WorkbookJob = z.infer<typeof WorkbookJob>;

export const WorkbookWritten = z.object({ type: z.literal('written'), bytes: z.instanceof(Uint8Array) });
export type WorkbookWritten = z.infer<typeof WorkbookWritten>;
