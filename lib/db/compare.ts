import Dexie from 'dexie';
import type { Member } from '../model';
import type { RosterDb } from './schema';

/** Fields whose change between two audits an admin cares about. */
export const COMPARED_FIELDS = {
  name: (m: Member) => m.name,
  domain: (m: Member) => m.domain,
  classification: (m: Member) => m.classification,
  linkStatus: (m: Member) => m.linkStatus,
  status: (m: Member) => m.fields.status ?? '',
  role: (m: Member) => m.fields.role ?? '',
} as const satisfies Record<string, (m: Member) => string>;
export type ComparedField = keyof typeof COMPARED_FIELDS;

export interface MemberChange {
  before: Member;
  after: Member;
  fields: ComparedField[];
}

export interface SnapshotComparison {
  /** In the later audit only (withheld when the earlier audit is incomplete: it may not have read them). */
  joined: Member[];
  /** In the earlier audit only (withheld when the later audit is incomplete: it may not have read them). */
  left: Member[];
  changed: MemberChange[];
  /** Which side did not read its whole roster, so the comparison keeps to what both sides read. */
  incomplete: { before: boolean; after: boolean };
  /** Members absent from one side that are not reported as joined or left, because that side is incomplete. */
  withheld: { joined: number; left: number };
}

const PAGE_SIZE = 2000;

/**
 * Compares two audits by member key. Both rosters are read in key order, a page at a time, and merged:
 * memory holds two pages and the differences, never two whole rosters. A key listed twice in a roster
 * (a duplicate email) pairs with the same occurrence, in roster order, on the other side.
 */
export async function compareSnapshots(db: RosterDb, beforeId: string, afterId: string): Promise<SnapshotComparison> {
  const [beforeSnapshot, afterSnapshot] = await Promise.all([db.snapshots.get(beforeId), db.snapshots.get(afterId)]);
  const incomplete = { before: beforeSnapshot?.complete === false, after: afterSnapshot?.complete === false };
  const result: SnapshotComparison = { joined: [], left: [], changed: [], incomplete, withheld: { joined: 0, left: 0 } };
  const before = membersInKeyOrder(db, beforeId);
  const after = membersInKeyOrder(db, afterId);
  let a = await before.next();
  let b = await after.next();
  while (!a.done || !b.done) {
    if (b.done || (!a.done && a.value.key < b.value.key)) {
      // Absent from the later audit: left, unless the later audit may simply not have read them.
      if (incomplete.after) result.withheld.left++;
      else result.left.push(a.value as Member);
      a = await before.next();
    } else if (a.done || b.value.key < a.value.key) {
      if (incomplete.before) result.withheld.joined++;
      else result.joined.push(b.value);
      b = await after.next();
    } else {
      const fields = changedFields(a.value, b.value);
      if (fields.length > 0) result.changed.push({ before: a.value, after: b.value, fields });
      a = await before.next();
      b = await after.next();
    }
  }
  return result;
}

export function changedFields(before: Member, after: Member): ComparedField[] {
  return (Object.keys(COMPARED_FIELDS) as ComparedField[]).filter((field) => COMPARED_FIELDS[field](before) !== COMPARED_FIELDS[field](after));
}

/** JavaScript's `<` on strings orders by UTF-16 code unit, as IndexedDB orders keys, so the merge agrees with the index. */
async function* membersInKeyOrder(db: RosterDb, snapshotId: string): AsyncGenerator<Member> {
  let lower: unknown[] = [snapshotId, Dexie.minKey];
  let includeLower = true;
  for (;;) {
    const page = await db.members.where('[snapshotId+key+index]').between(lower, [snapshotId, Dexie.maxKey], includeLower, true).limit(PAGE_SIZE).toArray();
    yield* page;
    const last = page[page.length - 1];
    if (page.length < PAGE_SIZE || !last) return;
    lower = [snapshotId, last.key, last.index];
    includeLower = false;
  }
}
