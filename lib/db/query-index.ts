import { liveQuery } from 'dexie';
import { Classification, FindingId, LinkStatus, type Member } from '../model';
import { foldForSearch, memberSearchText, type DomainCount, type MemberFilter, type MemberPage, type MemberSort, type MemberSortField } from './query';
import { membersOf, snapshotRange, type RosterDb } from './schema';

/**
 * An in-memory index of one snapshot's members, for a dashboard that re-filters a 100,000-member roster
 * on every keystroke. It holds only what the filters and sorts look at (folded search text, codes,
 * interned domains, finding bits), never whole members: the rows on screen are read by primary key.
 * It answers exactly as `queryMembers` does, including the order of equal sort values.
 */
export interface MemberSearchIndex {
  readonly snapshotId: string;
  readonly size: number;
  /** `Member.index` of every match, in the requested order. */
  select(filter?: MemberFilter, sort?: MemberSort): Int32Array;
  /** As `countsByDomain`, without reading the roster again. */
  domainCounts(): DomainCount[];
}

/** Members per read while building: one request's worth, and short enough to keep the page responsive. */
export const INDEX_CHUNK_SIZE = 5000;

const CLASSIFICATIONS: readonly string[] = Classification.options;
const LINK_STATUSES: readonly string[] = LinkStatus.options;
const FINDING_IDS: readonly string[] = FindingId.options;
const FINDING_WORDS = Math.ceil(FINDING_IDS.length / 32);
const NO_CODE = 255;

/**
 * Reads the snapshot's members a chunk at a time, in roster order, and indexes them. Each chunk is its
 * own read, so a write between chunks can mix old and new rows: watch the members with `watchMembers`
 * first and build again after a change. Rejects with the signal's reason once `signal` aborts.
 */
export async function buildMemberSearchIndex(
  db: RosterDb,
  snapshotId: string,
  options: { chunkSize?: number; signal?: AbortSignal } = {},
): Promise<MemberSearchIndex> {
  const chunkSize = Math.max(1, options.chunkSize ?? INDEX_CHUNK_SIZE);
  const builder = new IndexBuilder();
  const [lower, upper] = snapshotRange(snapshotId);
  let from: [string, unknown] = lower;
  let includeFrom = true;
  for (;;) {
    const chunk = await db.members.where('[snapshotId+index]').between(from, upper, includeFrom, true).limit(chunkSize).toArray();
    options.signal?.throwIfAborted();
    for (const member of chunk) builder.add(member);
    const last = chunk[chunk.length - 1];
    if (!last || chunk.length < chunkSize) break;
    from = [snapshotId, last.index];
    includeFrom = false;
  }
  return builder.finish(snapshotId);
}

/** One page of a selection, as `queryMembers` answers it; rows deleted since the index was built are left out. */
export async function selectionPage(db: RosterDb, snapshotId: string, selection: Int32Array, offset: number, limit: number): Promise<MemberPage> {
  const start = Math.max(0, Math.floor(offset));
  const keys = Array.from(selection.subarray(start, start + Math.max(0, Math.floor(limit))), (index): [string, number] => [snapshotId, index]);
  const rows = await db.members.bulkGet(keys);
  return { rows: rows.filter((row): row is Member => row !== undefined), total: selection.length };
}

/**
 * Calls `listener(0)` once it watches the snapshot's members, then `listener(1)`, `listener(2)` …
 * after each committed write to them (a re-classification, a new save under the same id, a delete).
 * An index built after version n was reported reflects at least the members of version n.
 * Returns the function that stops watching.
 */
export function watchMembers(db: RosterDb, snapshotId: string, listener: (version: number) => void): () => void {
  let version = 0;
  // Dexie watches the whole key range a primary-key query names, whatever its limit: reading one row
  // is enough to hear of every write to the snapshot's members, where counting them costs a walk.
  const subscription = liveQuery(() => membersOf(db, snapshotId).limit(1).toArray()).subscribe({
    next: () => listener(version++),
    // A failed read only means no more change reports; the paged reads report their own errors.
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

class IndexBuilder {
  private readonly indexes: number[] = [];
  private readonly texts: string[] = [];
  private readonly names: string[] = [];
  private readonly keys: string[] = [];
  private readonly domainIds: number[] = [];
  private readonly classifications: number[] = [];
  private readonly linkStatuses: number[] = [];
  private readonly findingMasks: number[] = [];
  private readonly domainIdOf = new Map<string, number>();
  private readonly domains: { domain: string; display: string }[] = [];

  add(member: Member): void {
    let domainId = this.domainIdOf.get(member.domain);
    if (domainId === undefined) {
      domainId = this.domains.length;
      this.domainIdOf.set(member.domain, domainId);
      // Roster order: the first member of a domain names it, as countsByDomain's walk of the domain index does.
      this.domains.push({ domain: member.domain, display: member.domainDisplay });
    }
    this.indexes.push(member.index);
    this.texts.push(memberSearchText(member));
    this.names.push(member.name);
    this.keys.push(member.key);
    this.domainIds.push(domainId);
    this.classifications.push(codeOf(CLASSIFICATIONS, member.classification));
    this.linkStatuses.push(codeOf(LINK_STATUSES, member.linkStatus));
    const mask = new Array<number>(FINDING_WORDS).fill(0);
    for (const id of member.findingIds) {
      const bit = FINDING_IDS.indexOf(id);
      if (bit >= 0) mask[bit >> 5]! |= 1 << (bit & 31);
    }
    this.findingMasks.push(...mask);
  }

  finish(snapshotId: string): MemberSearchIndex {
    return new InMemoryMemberIndex(snapshotId, {
      indexes: Int32Array.from(this.indexes),
      texts: this.texts,
      names: this.names,
      keys: this.keys,
      domainIds: Int32Array.from(this.domainIds),
      classifications: Uint8Array.from(this.classifications),
      linkStatuses: Uint8Array.from(this.linkStatuses),
      findingMasks: Uint32Array.from(this.findingMasks),
      domains: this.domains,
    });
  }
}

function codeOf(values: readonly string[], value: string): number {
  const code = values.indexOf(value);
  return code < 0 ? NO_CODE : code;
}

interface IndexColumns {
  /** One entry per member, in roster (primary key) order. */
  indexes: Int32Array;
  texts: string[];
  names: string[];
  keys: string[];
  domainIds: Int32Array;
  classifications: Uint8Array;
  linkStatuses: Uint8Array;
  /** FINDING_WORDS words per member. */
  findingMasks: Uint32Array;
  domains: { domain: string; display: string }[];
}

class InMemoryMemberIndex implements MemberSearchIndex {
  readonly size: number;
  /** Positions sorted by a field, ascending; built on the first request for that sort. */
  private readonly orders = new Map<MemberSortField, Int32Array>();
  /** The last selection's positions, with what it was asked for. */
  private last: { rest: string; needle: string; positions: Int32Array } | undefined;

  constructor(
    readonly snapshotId: string,
    private readonly columns: IndexColumns,
  ) {
    this.size = columns.indexes.length;
  }

  select(filter: MemberFilter = {}, sort: MemberSort = { field: 'index', direction: 'asc' }): Int32Array {
    const matches = this.predicate(filter);
    const needle = filter.text === undefined ? '' : foldForSearch(filter.text);
    const rest = JSON.stringify([{ ...filter, text: undefined }, sort]);
    // Typing on: a longer needle that contains the last one can only match among the last matches,
    // in the same order, so only those are checked again.
    const narrowed = this.last && this.last.rest === rest && needle.includes(this.last.needle) ? this.last.positions : undefined;
    const candidates = narrowed ?? this.positionsInOrder(sort);
    const positions = new Int32Array(candidates.length);
    let found = 0;
    for (let i = 0; i < candidates.length; i++) {
      const position = candidates[i]!;
      if (!matches || matches(position)) positions[found++] = position;
    }
    const matched = positions.slice(0, found);
    this.last = { rest, needle, positions: matched };
    const { indexes } = this.columns;
    return matched.map((position) => indexes[position]!);
  }

  domainCounts(): DomainCount[] {
    const { domainIds, classifications, domains } = this.columns;
    const counts: DomainCount[] = domains.map(({ domain, display }) => ({
      domain,
      domainDisplay: display,
      total: 0,
      internal: 0,
      external: 0,
      unknown: 0,
    }));
    for (let position = 0; position < this.size; position++) {
      const count = counts[domainIds[position]!]!;
      count.total += 1;
      const classification = CLASSIFICATIONS[classifications[position]!] as Classification | undefined;
      if (classification) count[classification] += 1;
    }
    return counts.sort((a, b) => b.total - a.total || (a.domain < b.domain ? -1 : 1));
  }

  private predicate(filter: MemberFilter): ((position: number) => boolean) | undefined {
    const { texts, domainIds, classifications, linkStatuses, findingMasks } = this.columns;
    const checks: ((position: number) => boolean)[] = [];
    if (filter.classification !== undefined) {
      const code = codeOf(CLASSIFICATIONS, filter.classification);
      checks.push((p) => classifications[p] === code);
    }
    if (filter.linkStatus !== undefined) {
      const code = codeOf(LINK_STATUSES, filter.linkStatus);
      checks.push((p) => linkStatuses[p] === code);
    }
    if (filter.findingId !== undefined) {
      const bit = FINDING_IDS.indexOf(filter.findingId);
      const word = bit >> 5;
      const flag = 1 << (bit & 31);
      checks.push((p) => bit >= 0 && (findingMasks[p * FINDING_WORDS + word]! & flag) !== 0);
    }
    if (filter.domain !== undefined) {
      const wanted = this.columns.domains.findIndex((d) => d.domain === filter.domain);
      checks.push((p) => domainIds[p] === wanted);
    }
    const needle = filter.text === undefined ? '' : foldForSearch(filter.text);
    if (needle) checks.push((p) => texts[p]!.includes(needle));
    if (checks.length === 0) return undefined;
    if (checks.length === 1) return checks[0];
    return (p) => checks.every((check) => check(p));
  }

  /** Every position, in the order of `sort`. */
  private positionsInOrder(sort: MemberSort): Int32Array {
    const ascending = this.order(sort.field);
    return sort.direction === 'asc' ? ascending : ascending.slice().reverse();
  }

  private order(field: MemberSortField): Int32Array {
    let order = this.orders.get(field);
    if (!order) {
      const rosterOrder = Int32Array.from({ length: this.size }, (_, i) => i);
      // Equal values keep roster order, as IndexedDB orders equal index keys by primary key; `<` on
      // strings compares UTF-16 code units, as IndexedDB compares string keys.
      const value = field === 'index' ? undefined : this.sortValue(field);
      order = !value
        ? rosterOrder
        : rosterOrder.sort((a, b) => {
            const x = value(a);
            const y = value(b);
            return x < y ? -1 : x > y ? 1 : a - b;
          });
      this.orders.set(field, order);
    }
    return order;
  }

  private sortValue(field: Exclude<MemberSortField, 'index'>): (position: number) => string {
    const { names, keys, domainIds, domains, classifications } = this.columns;
    switch (field) {
      case 'name':
        return (p) => names[p]!;
      case 'key':
        return (p) => keys[p]!;
      case 'domain':
        return (p) => domains[domainIds[p]!]!.domain;
      case 'classification':
        return (p) => CLASSIFICATIONS[classifications[p]!] ?? '';
    }
  }
}
