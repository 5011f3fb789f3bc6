import { describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../lib/db/snapshots';
import { deleteMemberColumns } from '../../../lib/db/member-columns';
import { memberColumnRuns, ROWS_CHUNK, RosterQueryEvent, serveRosterQueries, type RosterQueryRequest } from '../../../lib/roster-query';
import { makeRoster } from '../db/factory';
import { freshDb } from '../db/fake-db';
import { PEOPLE, peopleRoster } from './people';

const unfiltered = { filter: {}, sort: { field: 'index' as const, direction: 'asc' as const } };

/** `runSize`: the stored runs s1's members are read in; `withoutColumns`: s1 stored as before they existed. */
async function served(options: { runSize?: number; withoutColumns?: boolean } = {}) {
  const db = freshDb();
  const roster = peopleRoster();
  const neighbour = makeRoster({ id: 's0' }, 3);
  await saveSnapshot(db, neighbour.snapshot, neighbour.members);
  await saveSnapshot(db, roster.snapshot, roster.members);
  if (options.runSize !== undefined || options.withoutColumns) await deleteMemberColumns(db, 's1');
  if (options.runSize !== undefined) await db.memberColumns.bulkPut(memberColumnRuns('s1', roster.members, options.runSize));
  const events: RosterQueryEvent[] = [];
  let heard: () => void = () => undefined;
  const handle = serveRosterQueries(db, (event) => {
    // What the page receives is what the worker posts: it must parse.
    events.push(RosterQueryEvent.parse(event));
    heard();
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      heard = () => done() && resolve();
      if (done()) resolve();
    });
  const ask = (request: RosterQueryRequest) => handle(request);
  return { db, events, until, ask, members: roster.members };
}

describe('roster worker service', () => {
  it('reads the snapshot and reports its counts, then answers any query from memory', async () => {
    const s = await served({ runSize: 2 });
    s.ask({ type: 'open', snapshotId: 's1', version: 0 });
    await s.until(() => s.events.some((e) => e.type === 'ready'));
    expect(s.events[0]).toMatchObject({
      type: 'ready',
      snapshotId: 's1',
      version: 0,
      size: PEOPLE.length,
      counts: { classifications: { internal: 3, external: 5, unknown: 1 } },
    });
    s.ask({
      type: 'window',
      id: 7,
      snapshotId: 's1',
      version: 0,
      filter: { classification: 'external' },
      sort: { field: 'name', direction: 'asc' },
      offset: 1,
      limit: 2,
    });
    await s.until(() => s.events.length === 2);
    expect(s.events[1]).toMatchObject({ type: 'window', id: 7, total: 5 });
    expect((s.events[1] as { rows: { name: string }[] }).rows.map((m) => m.name)).toEqual(['Kato Shiro', 'Same Name']);
  });

  it('answers the first rows in roster order before the rest is read, with the total the page knows', async () => {
    const s = await served({ runSize: 2 });
    s.ask({ type: 'window', id: 1, snapshotId: 's1', version: 0, ...unfiltered, offset: 0, limit: 2, knownTotal: PEOPLE.length });
    s.ask({ type: 'window', id: 2, snapshotId: 's1', version: 0, filter: { text: 'same' }, sort: unfiltered.sort, offset: 0, limit: 10 });
    await s.until(() => s.events.length === 3);
    expect(s.events.map((e) => e.type)).toEqual(['window', 'ready', 'window']);
    expect(s.events[0]).toMatchObject({ type: 'window', id: 1, total: PEOPLE.length, rows: s.members.slice(0, 2) });
    // A filtered query waits until every member is read: its total counts them all.
    expect(s.events[2]).toMatchObject({ type: 'window', id: 2, total: 2 });
  });

  it('reads the members again for a new version, and only the snapshot asked for', async () => {
    const s = await served();
    s.ask({ type: 'open', snapshotId: 's1', version: 0 });
    await s.until(() => s.events.length === 1);
    const smaller = makeRoster({ id: 's1' }, PEOPLE.slice(0, 2));
    await saveSnapshot(s.db, smaller.snapshot, smaller.members);
    // The same version is not read again.
    s.ask({ type: 'open', snapshotId: 's1', version: 0 });
    s.ask({ type: 'window', id: 3, snapshotId: 's1', version: 1, ...unfiltered, offset: 0, limit: 50 });
    await s.until(() => s.events.length === 3);
    expect(s.events.map((e) => e.type)).toEqual(['ready', 'ready', 'window']);
    expect(s.events[1]).toMatchObject({ version: 1, size: 2 });
    expect(s.events[2]).toMatchObject({ id: 3, total: 2 });
    s.ask({ type: 'window', id: 4, snapshotId: 'nope', version: 0, ...unfiltered, offset: 0, limit: 50 });
    await s.until(() => s.events.length === 5);
    expect(s.events.slice(3)).toMatchObject([
      { type: 'ready', size: 0 },
      { type: 'window', id: 4, total: 0, rows: [] },
    ]);
  });

  it('hands over every match of a rows request in order, a chunk at a time, once the members are read', async () => {
    const s = await served({ runSize: 700 });
    // Every third member outside the tenant: 834 of 2,500 match, sorted by name backwards.
    const big = makeRoster(
      { id: 's2' },
      Array.from({ length: 2500 }, (_, i) => (i % 3 === 0 ? { normalizedEmail: `guest${i}@partner.example` } : {})),
    );
    await saveSnapshot(s.db, big.snapshot, big.members);
    const sort = { field: 'name' as const, direction: 'desc' as const };
    s.ask({ type: 'rows', id: 9, snapshotId: 's2', version: 0, filter: { classification: 'external' }, sort });
    await s.until(() => s.events.filter((e) => e.type === 'rows').length === 1);
    const chunks = s.events.filter((e) => e.type === 'rows');
    expect(s.events[0]!.type).toBe('ready');
    expect(chunks.map((c) => [c.offset, c.rows.length, c.total])).toEqual([[0, 834, 834]]);
    const expected = big.members
      .filter((m) => m.classification === 'external')
      .map((m) => m.name)
      .sort()
      .reverse();
    expect(chunks.flatMap((c) => c.rows.map((m) => m.name))).toEqual(expected);

    s.ask({ type: 'rows', id: 10, snapshotId: 's2', version: 0, ...unfiltered });
    await s.until(() => s.events.filter((e) => e.type === 'rows' && e.id === 10).length === 3);
    const all = s.events.filter((e) => e.type === 'rows' && e.id === 10) as (RosterQueryEvent & { type: 'rows' })[];
    expect(all.map((c) => [c.offset, c.rows.length, c.total])).toEqual([
      [0, ROWS_CHUNK, 2500],
      [1000, ROWS_CHUNK, 2500],
      [2000, 500, 2500],
    ]);
    expect(all.flatMap((c) => c.rows.map((m) => m.index))).toEqual(big.members.map((m) => m.index));

    s.ask({ type: 'rows', id: 11, snapshotId: 's2', version: 0, filter: { text: 'nobody at all' }, sort });
    await s.until(() => s.events.some((e) => e.type === 'rows' && e.id === 11));
    expect(s.events.filter((e) => e.type === 'rows' && e.id === 11)).toMatchObject([{ offset: 0, total: 0, rows: [] }]);
  });

  it('reads a snapshot stored before its columns existed, and stores them for the next time', async () => {
    const s = await served({ withoutColumns: true });
    expect(await s.db.memberColumns.where('snapshotId').equals('s1').count()).toBe(0);
    s.ask({ type: 'window', id: 1, snapshotId: 's1', version: 0, filter: { classification: 'external' }, sort: unfiltered.sort, offset: 0, limit: 2 });
    await s.until(() => s.events.length === 2);
    expect(s.events[0]).toMatchObject({ type: 'ready', size: PEOPLE.length });
    expect(s.events[1]).toMatchObject({ type: 'window', id: 1, total: 5, rows: [s.members[1], s.members[2]] });
    expect(await s.db.memberColumns.get(['s1', 0])).toMatchObject({ count: PEOPLE.length, indexes: Int32Array.from(s.members, (m) => m.index) });
  });

  it('tells of members it cannot read with a code, the exception only as its detail, to the roster and every query waiting', async () => {
    const s = await served();
    s.db.close();
    s.ask({ type: 'window', id: 3, snapshotId: 's1', version: 0, ...unfiltered, filter: { classification: 'external' }, offset: 0, limit: 5 });
    await s.until(() => s.events.length >= 2);
    expect(s.events).toMatchObject([
      { type: 'failed', problem: { code: 'unexpected', task: 'read-roster' } },
      { type: 'failed', id: 3, problem: { code: 'unexpected', task: 'read-roster' } },
    ]);
    expect(s.events.every((event) => !('message' in event))).toBe(true);
    expect(String((s.events[0] as unknown as { problem: { detail: string } }).problem.detail)).toMatch(/closed/i);
  });

  it('ignores a message that is not a request', async () => {
    const s = await served();
    const invalid: unknown[] = [
      null,
      'open',
      { type: 'open' },
      { type: 'window', id: -1, snapshotId: 's1', version: 0, ...unfiltered, offset: 0, limit: 5 },
      { type: 'window', id: 1, snapshotId: 's1', version: 0, filter: { classification: 'nobody' }, sort: unfiltered.sort, offset: 0, limit: 5 },
      { type: 'window', id: 1, snapshotId: 's1', version: 0, filter: { unknownField: 1 }, sort: unfiltered.sort, offset: 0, limit: 5 },
      { type: 'window', id: 1, snapshotId: 's1', version: 0, ...unfiltered, offset: 0, limit: 100_000 },
    ];
    for (const message of invalid) s.ask(message as RosterQueryRequest);
    s.ask({ type: 'open', snapshotId: 's0', version: 0 });
    await s.until(() => s.events.length >= 1);
    // Only the valid request was served: none of the others opened s1 or got a window.
    expect(s.events).toMatchObject([{ type: 'ready', snapshotId: 's0', size: 3 }]);
  });
});
