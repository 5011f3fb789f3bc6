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

/** What the product was doing when an error nobody planned for came: the words say it (lib/problem-text.ts). */
export const TASKS = [
  'apply-policy',
  'read-roster',
  'read-history',
  'compare',
  'join',
  'save-audit',
  'make-backup',
  'restore-backup',
  'delete-data',
  'protect-storage',
] as const;
export type Task = (typeof TASKS)[number];

/**
 * An error nobody planned for, while doing `task`: its words say what was being done and that
 * nothing saved was lost; `detail` (the exception's own text, English and technical) is never the
 * sentence, only what a collapsed "details" element shows.
 */
export type UnexpectedProblem = { code: 'unexpected'; task: Task; detail: string };

export function unexpected(task: Task, error: unknown): UnexpectedProblem {
  return { code: 'unexpected', task, detail: errorDetail(error) };
}

/** An error that carries a problem, for code that reports by throwing (a promise's rejection). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    // The message is for developers' logs; an admin reads the problem's words.
    super(JSON.stringify(problem).slice(0, 2000));
    this.name = 'ProblemError';
  }
}

/**
 * The problem behind an error, for the admin's words: the one it carries (a RosterDbError, a
 * ProblemError, a file job's refusal), else an unexpected one while doing `task` — never the
 * exception's text as the sentence.
 */
export function problemOf(error: unknown, task: Task): Problem {
  if (typeof error === 'object' && error !== null && 'problem' in error) {
    const carried = Problem.safeParse((error as { problem: unknown }).problem);
    if (carried.success) return carried.data;
  }
  return unexpected(task, error);
}
