import { z } from 'zod';

/**
 * A problem `lib/` reports to the admin: a code and the parameters its words need (`{ code:
 * 'file-too-large', sizeBytes: 70_000_000, limitBytes: 67_108_864 }`). Each area declares its own
 * union of these (RosterDbError's, a file job's, a file read's, an export check's); the words live in
 * one table at the edge (lib/problem-text.ts), looked up where the problem is shown. This schema is
 * how a problem crosses a messaging boundary: any code, and parameters that are text or numbers —
 * a code the reader does not know (an older or newer build's) still arrives, and gets a generic
 * sentence rather than a raw code.
 */
export const Problem = z.object({ code: z.string().min(1).max(100) }).catchall(z.union([z.string().max(1_000_000), z.number()]));
export type Problem = z.infer<typeof Problem>;

/** The detail of an error nobody planned for (an exception's message), short enough to carry. */
export function errorDetail(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 500);
}
