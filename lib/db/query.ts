import type { Collection } from 'dexie';
import type { Classification, FindingId, LinkStatus, Member } from '../model';
import { snapshotRange, type RosterDb } from './schema';

export interface MemberFilter {
  classification?: Classification;
  linkStatus?: LinkStatus;
  findingId?: FindingId;
  /** ASCII (punycode) lowercase domain, as stored in `Member.domain`. */
  domain?: string;
  /** Case-insensitive substring of name, identifier, email or domain. */
  text?: string;
}

/** Sortable fields: each one has an index, so a page of a sorted roster never needs the whole roster. */
export type MemberSortField = 'index' | 'name' | 'key' | 'domain' | 'classification';

export interface MemberSort {
  field: MemberSortField;
  direction: 'asc' | 'desc';
}

export interface MemberQuery {
  filter?: MemberFilter;
  sort?: MemberSort;
  offset?: number;
  limit?: number;
}

export interface MemberPage {
  rows: Member[];
  /** Members that match the filter, over all pages. */
  total: number;
}

const SORT_INDEX: Record<MemberSortField, string> = {
  index: '[snapshotId+index]',
  name: '[snapshotId+name]',
  key: '[snapshotId+key+index]',
  domain: '[snapshotId+domain]',
  classification: '[snapshotId+classification]',
};

const DEFAULT_LIMIT = 100;

/**
 * One page of a snapshot's members. Reads only through Dexie, so `useLiveQuery` re-runs it when the
 * rows change. Filters that an index holds (classification, domain) pick the rows by index; the others
 * are checked row by row in one cursor pass that keeps only the page and counts the rest.
 */
export async function queryMembers(db: RosterDb, snapshotId: string, query: MemberQuery = {}): Promise<MemberPage> {
  const { filter = {}, sort = { field: 'index', direction: 'asc' } } = query;
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
  const { collection, remaining } = selectByIndex(db, snapshotId, filter, sort.field);
  const ordered = sort.direction === 'desc' ? collection.reverse() : collection;
  const matches = rowPredicate(remaining);
  if (!matches) {
    const [total, rows] = await Promise.all([ordered.count(), ordered.clone().offset(offset).limit(limit).toArray()]);
    return { rows, total };
  }
  const rows: Member[] = [];
  let total = 0;
  await ordered.each((member) => {
    if (!matches(member)) return;
    if (total >= offset && rows.length < limit) rows.push(member);
    total += 1;
  });
  return { rows, total };
}

/**
 * The index walk for a query. An equality filter on an index is used when the index order is also the
 * requested order: within one value, IndexedDB orders entries by primary key, which is roster order.
 */
function selectByIndex(
  db: RosterDb,
  snapshotId: string,
  filter: MemberFilter,
  sortField: MemberSortField,
): { collection: Collection<Member, [string, number]>; remaining: MemberFilter } {
  const { classification, domain, ...rest } = filter;
  const byIndexOrder = sortField === 'index';
  if (classification !== undefined && (byIndexOrder || sortField === 'classification')) {
    return {
      collection: db.members.where('[snapshotId+classification]').equals([snapshotId, classification]),
      remaining: { ...rest, domain },
    };
  }
  if (domain !== undefined && (byIndexOrder || sortField === 'domain')) {
    return {
      collection: db.members.where('[snapshotId+domain]').equals([snapshotId, domain]),
      remaining: { ...rest, classification },
    };
  }
  const [lower, upper] = snapshotRange(snapshotId);
  return {
    collection: db.members.where(SORT_INDEX[sortField]).between(lower, upper, true, true),
    remaining: filter,
  };
}

function rowPredicate(filter: MemberFilter): ((member: Member) => boolean) | undefined {
  const checks: ((member: Member) => boolean)[] = [];
  const { classification, linkStatus, findingId, domain, text } = filter;
  if (classification !== undefined) checks.push((m) => m.classification === classification);
  if (linkStatus !== undefined) checks.push((m) => m.linkStatus === linkStatus);
  if (findingId !== undefined) checks.push((m) => m.findingIds.includes(findingId));
  if (domain !== undefined) checks.push((m) => m.domain === domain);
  const needle = text === undefined ? '' : foldForSearch(text);
  if (needle) checks.push((m) => memberSearchText(m).includes(needle));
  if (checks.length === 0) return undefined;
  return (member) => checks.every((check) => check(member));
}

/**
 * What the text filter looks in: name, identifier, email, normalized email and domain, each folded.
 * The NUL between them keeps a match inside one field (nobody types a NUL). The row-by-row walk and
 * the in-memory index (query-index.ts) both match against this, so they cannot disagree.
 */
export function memberSearchText(member: Pick<Member, 'name' | 'identifier' | 'email' | 'normalizedEmail' | 'domainDisplay'>): string {
  return [member.name, member.identifier, member.email ?? '', member.normalizedEmail, member.domainDisplay].map(foldForSearch).join('\u0000');
}

const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/** Full-width and case differences do not hide a match (`ＴＡＲＯ` finds `taro`). */
export function foldForSearch(value: string): string {
  // NFKC leaves ASCII as it is, and most addresses are ASCII: skip the costly normalisation for them.
  return (ASCII_ONLY.test(value) ? value : value.normalize('NFKC')).toLowerCase().trim();
}

export interface DomainCount {
  domain: string;
  domainDisplay: string;
  total: number;
  internal: number;
  external: number;
  unknown: number;
}

/** Members per domain, most members first; members without a domain count under ''. */
export async function countsByDomain(db: RosterDb, snapshotId: string): Promise<DomainCount[]> {
  const byDomain = new Map<string, DomainCount>();
  const [lower, upper] = snapshotRange(snapshotId);
  await db.members
    .where('[snapshotId+domain]')
    .between(lower, upper, true, true)
    .each((member) => {
      let count = byDomain.get(member.domain);
      if (!count) {
        count = { domain: member.domain, domainDisplay: member.domainDisplay, total: 0, internal: 0, external: 0, unknown: 0 };
        byDomain.set(member.domain, count);
      }
      count.total += 1;
      count[member.classification] += 1;
    });
  return [...byDomain.values()].sort((a, b) => b.total - a.total || (a.domain < b.domain ? -1 : 1));
}

/** How many members of the snapshot carry each finding (findings no member has are absent). */
export async function findingCounts(db: RosterDb, snapshotId: string): Promise<Partial<Record<FindingId, number>>> {
  const counts: Partial<Record<FindingId, number>> = {};
  const [lower, upper] = snapshotRange(snapshotId);
  await db.members
    .where('[snapshotId+index]')
    .between(lower, upper, true, true)
    .each((member) => {
      for (const id of new Set(member.findingIds)) counts[id] = (counts[id] ?? 0) + 1;
    });
  return counts;
}
