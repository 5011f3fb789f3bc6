import { z } from 'zod';
import { Classification, FindingId, LinkStatus, Member } from '../model';
import { Problem, type UnexpectedProblem } from '../problem';

/**
 * The messages between the dashboard and its roster worker. Both sides parse what they receive:
 * the page asks, the worker answers with windows of members and the roster's counts.
 */

const Id = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();

export const MemberFilterSchema = z
  .object({
    classification: Classification.optional(),
    linkStatus: LinkStatus.optional(),
    findingId: FindingId.optional(),
    domain: z.string().max(300).optional(),
    text: z.string().max(1000).optional(),
  })
  .strict();

export const MemberSortSchema = z.object({
  field: z.enum(['index', 'name', 'key', 'domain', 'classification']),
  direction: z.enum(['asc', 'desc']),
});

export const RosterQueryRequest = z.discriminatedUnion('type', [
  /** Reads the snapshot's members (again, for a new `version`: they changed) and answers from them. */
  z.object({ type: z.literal('open'), snapshotId: z.string().min(1), version: Count }),
  z.object({
    type: z.literal('window'),
    id: Id,
    snapshotId: z.string().min(1),
    version: Count,
    filter: MemberFilterSchema,
    sort: MemberSortSchema,
    offset: Count,
    limit: z.number().int().min(0).max(1000),
    /** How many members match when the page knows it (no filter: the snapshot's count): the first rows then need not wait for the rest. */
    knownTotal: Count.optional(),
  }),
  /** Every member that matches, in order (the table's download): answered as `rows` events of at most ROWS_CHUNK members. */
  z.object({ type: z.literal('rows'), id: Id, snapshotId: z.string().min(1), version: Count, filter: MemberFilterSchema, sort: MemberSortSchema }),
]);
export type RosterQueryRequest = z.infer<typeof RosterQueryRequest>;

const DomainCountSchema = z.object({
  domain: z.string(),
  domainDisplay: z.string(),
  total: Count,
  internal: Count,
  external: Count,
  unknown: Count,
});

/** Members per `rows` event: each one is parsed and written on the page's thread between its other work. */
export const ROWS_CHUNK = 1000;

export const RosterQueryEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('window'), id: Id, rows: z.array(Member).max(1000), total: Count }),
  /** Members `offset`… of the `total` that match a `rows` request; the last chunk ends at `total` (one empty chunk when none match). */
  z.object({ type: z.literal('rows'), id: Id, rows: z.array(Member).max(ROWS_CHUNK), offset: Count, total: Count }),
  /** Every member is read: any query is answered from memory from now on, and these are the roster's counts. */
  z.object({
    type: z.literal('ready'),
    snapshotId: z.string(),
    version: Count,
    size: Count,
    counts: z.object({
      domains: z.array(DomainCountSchema),
      findings: z.partialRecord(FindingId, Count),
      classifications: z.record(Classification, Count),
    }),
  }),
  /** The members could not be read; `id` when one query is what failed. A code, never words (lib/problem-text.ts). */
  z.object({ type: z.literal('failed'), id: Id.optional(), problem: Problem }),
]);
export type RosterQueryEvent = z.infer<typeof RosterQueryEvent>;

/** Why the dashboard got no members from its roster worker: asked before the roster was open, or the members could not be read. */
export type RosterQueryProblem = { code: 'roster-not-open' } | UnexpectedProblem;
