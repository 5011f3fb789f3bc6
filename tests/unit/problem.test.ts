import { describe, expect, it } from 'vitest';
import { RosterDbError } from '../../lib/db/errors';
import { Problem, ProblemError, problemOf, unexpected } from '../../lib/problem';
import { sayProblem } from '../../lib/problem-text';

describe('problemOf: the problem behind an error, never its raw text as the sentence', () => {
  it("keeps the problem an error carries: the cache's, or one thrown as a ProblemError", () => {
    expect(problemOf(new RosterDbError({ code: 'storage-full' }), 'apply-policy')).toEqual({ code: 'storage-full' });
    expect(problemOf(new ProblemError({ code: 'roster-not-open' }), 'read-roster')).toEqual({ code: 'roster-not-open' });
    expect(problemOf({ problem: { code: 'file-too-large', sizeBytes: 2, limitBytes: 1 } }, 'restore-backup')).toEqual({
      code: 'file-too-large',
      sizeBytes: 2,
      limitBytes: 1,
    });
  });

  it('makes anything else an unexpected problem of the task, its text only as the detail', () => {
    for (const error of [new TypeError('x is undefined'), 'the roster is not open yet', { problem: 'not a problem' }, null, undefined]) {
      const problem = problemOf(error, 'compare');
      expect(problem).toMatchObject({ code: 'unexpected', task: 'compare' });
      expect(Problem.parse(problem)).toEqual(problem);
      const detail = String(problem.detail);
      for (const lang of ['ja', 'en'] as const) if (detail.length > 3) expect(sayProblem(problem, lang)).not.toContain(detail);
    }
    expect(problemOf(new TypeError('x is undefined'), 'read-history')).toEqual({ code: 'unexpected', task: 'read-history', detail: 'x is undefined' });
    expect(unexpected('save-audit', 'y'.repeat(2000)).detail).toHaveLength(500);
  });
});
