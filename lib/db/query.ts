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
  /**
   * How many members match, when the caller knows it already (the snapshot's `counts.members` for a
   * query without a filter): counting a 100,000-member range is most of the cost of a first page.
   * Used only where the query would otherwise count an index range.
   */
  knownTotal?: number;
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
  const plan = indexPlan(filter, sort.field);
  const collection = selectByIndex(db, snapshotId, plan.indexed, sort.field);
  const ordered = sort.direction === 'desc' ? collection.reverse() : collection;
  const matches = rowPredicate(plan.remaining);
  if (!matches) {
    const [total, rows] = await Promise.all([query.knownTotal ?? ordered.count(), ordered.clone().offset(offset).limit(limit).toArray()]);
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
 * Whether `queryMembers` must read every member of the snapshot to answer (a filter that no index
 * serves in the requested order): seconds on a 100,000-member roster, where the in-memory index
 * (query-index.ts) answers in milliseconds once built.
 */
export function queryWalksRoster(filter: MemberFilter = {}, sortField: MemberSortField = 'index'): boolean {
  return rowPredicate(indexPlan(filter, sortField).remaining) !== undefined;
}

/** An equality filter that an index answers: the index and the value. */
type IndexedFilter = { index: '[snapshotId+classification]' | '[snapshotId+domain]'; value: string } | undefined;

/**
 * Which filter an index picks the rows by. An equality filter on an index is used when the index
 * order is also the requested order: within one value, IndexedDB orders entries by primary key,
 * which is roster order. The rest of the filter is checked row by row.
 */
function indexPlan(filter: MemberFilter, sortField: MemberSortField): { indexed: IndexedFilter; remaining: MemberFilter } {
  const { classification, domain, ...rest } = filter;
  const byIndexOrder = sortField === 'index';
  if (classification !== undefined && (byIndexOrder || sortField === 'classification')) {
    return { indexed: { index: '[snapshotId+classification]', value: classification }, remaining: { ...rest, domain } };
  }
  if (domain !== undefined && (byIndexOrder || sortField === 'domain')) {
    return { indexed: { index: '[snapshotId+domain]', value: domain }, remaining: { ...rest, classification } };
  }
  return { indexed: undefined, remaining: filter };
}

function selectByIndex(db: RosterDb, snapshotId: string, indexed: IndexedFilter, sortField: MemberSortField): Collection<Member, [string, number]> {
  if (indexed) return db.members.where(indexed.index).equals([snapshotId, indexed.value]);
  const [lower, upper] = snapshotRange(snapshotId);
  return db.members.where(SORT_INDEX[sortField]).between(lower, upper, true, true);
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
  // `join` makes one flat string; `+` would make a rope that V8 flattens on the first search of each.
  return [member.name, member.identifier, member.email ?? '', member.normalizedEmail, member.domainDisplay].map(foldForSearch).join('\u0000');
}

// eslint-disable-next-line no-control-regex -- the range is all of ASCII, control characters included on purpose
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
