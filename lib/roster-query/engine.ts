import { Classification, FindingId, LinkStatus, type Member } from '../model';
import { STRING_FIELDS, type MemberColumns } from './columns';
import { foldForSearch } from './search-text';

/**
 * The roster query engine: one snapshot's members in memory, answering filter, sort, search, counts
 * and windowed pages. It runs in the dashboard's roster worker (entrypoints/roster-query-worker.ts),
 * so a 100,000-member roster is filtered on every keystroke without the page's thread doing the work.
 * Members are added in roster order, a run of their columns (./columns.ts) at a time as they are read;
 * a window names its members by `Member.index`, and the caller reads those members.
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

/** A window as the engine answers it: the `Member.index` of each row. */
export interface IndexWindow {
  indexes: number[];
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
/** Selections kept for Backspace: a word's worth of keystrokes, at most 400 KB each on 100,000 members. */
const RECENT_SELECTIONS = 16;

interface Selection {
  /** The query apart from its text. */
  rest: string;
  /** The folded text. */
  needle: string;
  positions: Int32Array;
}

/** Members are held by position (the order they were added); the columns hold what filters and sorts look at. */
export class RosterQueryEngine {
  private count = 0;
  private readonly texts: string[] = [];
  private readonly names: string[] = [];
  private readonly keys: string[] = [];
  private readonly domainNames: string[] = [];
  private readonly domainIdOf = new Map<string, number>();
  private readonly domains: { domain: string; display: string }[] = [];
  private indexes = new Int32Array(1024);
  private domainIds = new Int32Array(1024);
  private classifications = new Uint8Array(1024);
  private linkStatuses = new Uint8Array(1024);
  private findingMasks = new Uint32Array(1024 * FINDING_WORDS);
  /** Positions sorted by a field, ascending; built on the first request for that sort after a change. */
  private readonly orders = new Map<MemberSortField, Int32Array>();
  /**
   * Recent selections, most recent last, each with what it was asked for: typing on narrows the last
   * one, and Backspace (or typing a query again) finds its answer here without a pass over the roster.
   */
  private recent: Selection[] = [];

  constructor(readonly snapshotId: string) {}

  get size(): number {
    return this.count;
  }

  /** Adds the run of members that follows the ones added so far in roster order. */
  add(run: MemberColumns): void {
    if (run.start !== this.count) throw new Error(`members from position ${run.start} cannot follow ${this.count}`);
    this.grow(this.count + run.count);
    const fields = STRING_FIELDS.length;
    const { strings, ends, tags, tagEnds } = run;
    // The run's own words, as this engine's codes (a finding id this code no longer knows is no code).
    const classificationOf = run.words.map((word) => codeOf(CLASSIFICATIONS, word));
    const linkStatusOf = run.words.map((word) => codeOf(LINK_STATUSES, word));
    const findingBitOf = run.words.map((word) => FINDING_IDS.indexOf(word));
    let from = 0;
    let tagFrom = 0;
    for (let i = 0; i < run.count; i++) {
      const position = this.count + i;
      const field = (f: number) => {
        const start = f === 0 ? from : ends[i * fields + f - 1]!;
        return strings.slice(start, ends[i * fields + f]!);
      };
      const domain = field(2);
      let domainId = this.domainIdOf.get(domain);
      if (domainId === undefined) {
        domainId = this.domains.length;
        this.domainIdOf.set(domain, domainId);
        // Roster order: the first member of a domain names it.
        this.domains.push({ domain, display: field(3) });
      }
      this.names.push(field(0));
      this.keys.push(field(1));
      this.domainNames.push(domain);
      this.texts.push(field(4));
      from = ends[i * fields + fields - 1]!;
      this.indexes[position] = run.indexes[i]!;
      this.domainIds[position] = domainId;
      this.classifications[position] = classificationOf[tags[tagFrom]!]!;
      this.linkStatuses[position] = linkStatusOf[tags[tagFrom + 1]!]!;
      for (let t = tagFrom + 2; t < tagEnds[i]!; t++) {
        const bit = findingBitOf[tags[t]!]!;
        if (bit >= 0) this.findingMasks[position * FINDING_WORDS + (bit >> 5)]! |= 1 << (bit & 31);
      }
      tagFrom = tagEnds[i]!;
    }
    this.count += run.count;
    this.orders.clear();
    this.recent = [];
  }

  /** One window of the members that match, in the requested order. */
  window(query: MemberWindowQuery = {}): IndexWindow {
    const positions = this.select(query.filter, query.sort);
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_WINDOW));
    const indexes = Array.from(positions.subarray(offset, offset + limit), (position) => this.indexes[position]!);
    return { indexes, total: positions.length };
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
    const needle = filter.text === undefined ? '' : foldForSearch(filter.text);
    const rest = JSON.stringify([{ ...filter, text: undefined }, sort]);
    const known = this.recent.find((selection) => selection.rest === rest && selection.needle === needle);
    if (known) return this.remember(known).positions;
    const matches = this.predicate(filter);
    // Typing on: a longer needle that contains an earlier one can only match among that one's matches,
    // in the same order, so only those are checked again. The longest such needle leaves the fewest.
    let narrowed: Selection | undefined;
    for (const selection of this.recent) {
      if (selection.rest === rest && needle.includes(selection.needle) && (!narrowed || selection.positions.length < narrowed.positions.length))
        narrowed = selection;
    }
    const candidates = narrowed?.positions ?? this.positionsInOrder(sort);
    if (!matches) return this.remember({ rest, needle, positions: candidates }).positions;
    const positions = new Int32Array(candidates.length);
    let found = 0;
    for (let i = 0; i < candidates.length; i++) {
      const position = candidates[i]!;
      if (matches(position)) positions[found++] = position;
    }
    return this.remember({ rest, needle, positions: positions.slice(0, found) }).positions;
  }

  private remember(selection: Selection): Selection {
    this.recent = [...this.recent.filter((kept) => kept !== selection).slice(-(RECENT_SELECTIONS - 1)), selection];
    return selection;
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
    const { names, keys, domainNames, classifications } = this;
    switch (field) {
      case 'index':
        // Members are added in roster order: their positions are already in it.
        return undefined;
      case 'name':
        return (p) => names[p]!;
      case 'key':
        return (p) => keys[p]!;
      case 'domain':
        return (p) => domainNames[p]!;
      case 'classification':
        return (p) => CLASSIFICATIONS[classifications[p]!] ?? '';
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
    this.indexes = grown(this.indexes, (n) => new Int32Array(n), capacity);
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
