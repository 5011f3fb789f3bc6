import { Classification, FindingId, LinkStatus, type Member } from '../model';
import { foldForSearch, memberSearchText } from './search-text';

/**
 * The roster query engine: one snapshot's members in memory, answering filter, sort, search, counts
 * and windowed pages. It runs in the dashboard's roster worker (entrypoints/roster-query-worker.ts),
 * so a 100,000-member roster is filtered on every keystroke without the page's thread doing the work.
 * Members are added in roster order, a chunk at a time as they are read.
 */

export interface MemberFilter {
  classification?: Classification;
  linkStatus?: LinkStatus;
  findingId?: FindingId;
  /** ASCII (punycode) lowercase domain, as stored in `Member.domain`. */
  domain?: string;
  /** Case-insensitive substring of name, identifier, email or domain. */
  text?: string;
}

export type MemberSortField = 'index' | 'name' | 'key' | 'domain' | 'classification';

export interface MemberSort {
  field: MemberSortField;
  direction: 'asc' | 'desc';
}

export interface MemberWindowQuery {
  filter?: MemberFilter;
  sort?: MemberSort;
  offset?: number;
  limit?: number;
}

export interface MemberWindow {
  rows: Member[];
  /** Members that match the filter, over all windows. */
  total: number;
}

export interface DomainCount {
  domain: string;
  domainDisplay: string;
  total: number;
  internal: number;
  external: number;
  unknown: number;
}

export interface RosterCounts {
  /** Members per domain, most members first; members without a domain count under ''. */
  domains: DomainCount[];
  /** Members carrying each finding (findings no member has are absent). */
  findings: Partial<Record<FindingId, number>>;
  classifications: Record<Classification, number>;
}

export const DEFAULT_WINDOW = 100;
const CLASSIFICATIONS: readonly string[] = Classification.options;
const LINK_STATUSES: readonly string[] = LinkStatus.options;
const FINDING_IDS: readonly string[] = FindingId.options;
const FINDING_WORDS = Math.ceil(FINDING_IDS.length / 32);
const NO_CODE = 255;

/** Members are held by position (the order they were added); the columns hold what filters and sorts look at. */
export class RosterQueryEngine {
  private readonly members: Member[] = [];
  private readonly texts: string[] = [];
  private readonly domainIdOf = new Map<string, number>();
  private readonly domains: { domain: string; display: string }[] = [];
  private domainIds = new Int32Array(1024);
  private classifications = new Uint8Array(1024);
  private linkStatuses = new Uint8Array(1024);
  private findingMasks = new Uint32Array(1024 * FINDING_WORDS);
  /** Positions sorted by a field, ascending; built on the first request for that sort after a change. */
  private readonly orders = new Map<MemberSortField, Int32Array>();
  /** The last selection's positions, with what it was asked for. */
  private last: { rest: string; needle: string; positions: Int32Array } | undefined;

  constructor(readonly snapshotId: string) {}

  get size(): number {
    return this.members.length;
  }

  /** Adds members that follow the ones added so far in roster order. */
  add(members: readonly Member[]): void {
    this.grow(this.size + members.length);
    for (const member of members) {
      const position = this.members.length;
      let domainId = this.domainIdOf.get(member.domain);
      if (domainId === undefined) {
        domainId = this.domains.length;
        this.domainIdOf.set(member.domain, domainId);
        // Roster order: the first member of a domain names it.
        this.domains.push({ domain: member.domain, display: member.domainDisplay });
      }
      this.members.push(member);
      this.texts.push(memberSearchText(member));
      this.domainIds[position] = domainId;
      this.classifications[position] = codeOf(CLASSIFICATIONS, member.classification);
      this.linkStatuses[position] = codeOf(LINK_STATUSES, member.linkStatus);
      for (const id of member.findingIds) {
        const bit = FINDING_IDS.indexOf(id);
        if (bit >= 0) this.findingMasks[position * FINDING_WORDS + (bit >> 5)]! |= 1 << (bit & 31);
      }
    }
    this.orders.clear();
    this.last = undefined;
  }

  /** One window of the members that match, in the requested order. */
  window(query: MemberWindowQuery = {}): MemberWindow {
    const positions = this.select(query.filter, query.sort);
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_WINDOW));
    const rows = Array.from(positions.subarray(offset, offset + limit), (position) => this.members[position]!);
    return { rows, total: positions.length };
  }

  counts(): RosterCounts {
    const domains: DomainCount[] = this.domains.map(({ domain, display }) => ({
      domain,
      domainDisplay: display,
      total: 0,
      internal: 0,
      external: 0,
      unknown: 0,
    }));
    const classifications: Record<Classification, number> = { internal: 0, external: 0, unknown: 0 };
    const findingTotals = new Array<number>(FINDING_IDS.length).fill(0);
    for (let position = 0; position < this.size; position++) {
      const count = domains[this.domainIds[position]!]!;
      count.total += 1;
      const classification = CLASSIFICATIONS[this.classifications[position]!] as Classification | undefined;
      if (classification) {
        count[classification] += 1;
        classifications[classification] += 1;
      }
      for (let bit = 0; bit < FINDING_IDS.length; bit++) {
        if ((this.findingMasks[position * FINDING_WORDS + (bit >> 5)]! & (1 << (bit & 31))) !== 0) findingTotals[bit]! += 1;
      }
    }
    const findings: Partial<Record<FindingId, number>> = {};
    findingTotals.forEach((n, bit) => {
      if (n > 0) findings[FINDING_IDS[bit] as FindingId] = n;
    });
    return { domains: domains.sort((a, b) => b.total - a.total || (a.domain < b.domain ? -1 : 1)), findings, classifications };
  }

  /** Positions of every match, in the order of `sort`. */
  private select(filter: MemberFilter = {}, sort: MemberSort = { field: 'index', direction: 'asc' }): Int32Array {
    const matches = this.predicate(filter);
    const needle = filter.text === undefined ? '' : foldForSearch(filter.text);
    const rest = JSON.stringify([{ ...filter, text: undefined }, sort]);
    // Typing on: a longer needle that contains the last one can only match among the last matches,
    // in the same order, so only those are checked again.
    const narrowed = this.last && this.last.rest === rest && needle.includes(this.last.needle) ? this.last.positions : undefined;
    const candidates = narrowed ?? this.positionsInOrder(sort);
    if (!matches) {
      this.last = { rest, needle, positions: candidates };
      return candidates;
    }
    const positions = new Int32Array(candidates.length);
    let found = 0;
    for (let i = 0; i < candidates.length; i++) {
      const position = candidates[i]!;
      if (matches(position)) positions[found++] = position;
    }
    const matched = positions.slice(0, found);
    this.last = { rest, needle, positions: matched };
    return matched;
  }

  private predicate(filter: MemberFilter): ((position: number) => boolean) | undefined {
    const { texts, domainIds, classifications, linkStatuses, findingMasks } = this;
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
      const wanted = this.domainIdOf.get(filter.domain) ?? -1;
      checks.push((p) => domainIds[p] === wanted);
    }
    const needle = filter.text === undefined ? '' : foldForSearch(filter.text);
    if (needle) checks.push((p) => texts[p]!.includes(needle));
    if (checks.length === 0) return undefined;
    if (checks.length === 1) return checks[0];
    return (p) => checks.every((check) => check(p));
  }

  private positionsInOrder(sort: MemberSort): Int32Array {
    const ascending = this.order(sort.field);
    return sort.direction === 'asc' ? ascending : ascending.slice().reverse();
  }

  private order(field: MemberSortField): Int32Array {
    let order = this.orders.get(field);
    if (!order) {
      const rosterOrder = Int32Array.from({ length: this.size }, (_, i) => i);
      // Equal values keep roster order; `<` on strings compares UTF-16 code units, as IndexedDB keys do.
      const value = this.sortValue(field);
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

  private sortValue(field: MemberSortField): ((position: number) => string) | undefined {
    const { members } = this;
    switch (field) {
      case 'index':
        // Members are added in roster order: their positions are already in it.
        return undefined;
      case 'name':
        return (p) => members[p]!.name;
      case 'key':
        return (p) => members[p]!.key;
      case 'domain':
        return (p) => members[p]!.domain;
      case 'classification':
        return (p) => members[p]!.classification;
    }
  }

  private grow(size: number): void {
    if (size <= this.domainIds.length) return;
    const capacity = Math.max(size, this.domainIds.length * 2);
    const grown = <T extends Int32Array | Uint8Array | Uint32Array>(old: T, make: (n: number) => T, n: number): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.domainIds = grown(this.domainIds, (n) => new Int32Array(n), capacity);
    this.classifications = grown(this.classifications, (n) => new Uint8Array(n), capacity);
    this.linkStatuses = grown(this.linkStatuses, (n) => new Uint8Array(n), capacity);
    this.findingMasks = grown(this.findingMasks, (n) => new Uint32Array(n), capacity * FINDING_WORDS);
  }
}

function codeOf(values: readonly string[], value: string): number {
  const code = values.indexOf(value);
  return code < 0 ? NO_CODE : code;
}
