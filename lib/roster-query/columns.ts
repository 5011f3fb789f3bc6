import type { Member } from '../model';
import { memberSearchText } from './search-text';

/**
 * The stored form the roster engine reads: what filters, sorts, searches and counts look at, for a
 * run of members in roster order, in one record. Reading 100,000 member objects costs seconds of
 * structured-clone work in the worker (each name, cell and finding is an object or string of its
 * own); this form clones as a handful of strings and typed arrays. Full members are still read, a
 * window at a time, from the members table. Written beside the members whenever they change
 * (lib/db/member-columns.ts); the members stay what is true.
 */
export interface MemberColumns {
  snapshotId: string;
  /** Position (in roster order) of the first member of this run. */
  start: number;
  count: number;
  /** `Member.index` of each member. */
  indexes: Int32Array;
  /** Each member's STRING_FIELDS, one after the other, in one string. */
  strings: string;
  /** Where each of those strings ends in `strings`: count × STRING_FIELDS.length offsets. */
  ends: Uint32Array;
  /** The classification, link status and finding ids this run uses, each once. */
  words: string[];
  /** Each member's words (indexes into `words`): classification, link status, then its finding ids. */
  tags: Uint16Array;
  /** Where each member's tags end in `tags`. */
  tagEnds: Uint32Array;
}

/** The strings kept per member: the three sort values, how its domain is shown, and its folded search text. */
export const STRING_FIELDS = ['name', 'key', 'domain', 'domainDisplay', 'searchText'] as const;
export type StringField = (typeof STRING_FIELDS)[number];

/** Members per record: one record is a single quick read. */
export const COLUMN_RUN = 10_000;
/** The first record is smaller: it brings the first rows, before the rest is read. */
export const FIRST_COLUMN_RUN = 500;

/** The records of one snapshot's members, which must be given whole and in roster order. */
export function memberColumnRuns(snapshotId: string, members: readonly Member[], run = COLUMN_RUN): MemberColumns[] {
  const runs: MemberColumns[] = [];
  for (let start = 0; start < members.length;) {
    const size = start === 0 ? Math.min(FIRST_COLUMN_RUN, run) : run;
    runs.push(memberColumns(snapshotId, start, members.slice(start, start + size)));
    start += size;
  }
  return runs;
}

function memberColumns(snapshotId: string, start: number, members: readonly Member[]): MemberColumns {
  const parts: string[] = [];
  const ends = new Uint32Array(members.length * STRING_FIELDS.length);
  const wordIds = new Map<string, number>();
  const tags: number[] = [];
  const tagEnds = new Uint32Array(members.length);
  const tag = (word: string) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(word, id);
    }
    tags.push(id);
  };
  let end = 0;
  members.forEach((member, i) => {
    const values: Record<StringField, string> = {
      name: member.name,
      key: member.key,
      domain: member.domain,
      domainDisplay: member.domainDisplay,
      searchText: memberSearchText(member),
    };
    STRING_FIELDS.forEach((field, f) => {
      parts.push(values[field]);
      end += values[field].length;
      ends[i * STRING_FIELDS.length + f] = end;
    });
    tag(member.classification);
    tag(member.linkStatus);
    for (const id of member.findingIds) tag(id);
    tagEnds[i] = tags.length;
  });
  return {
    snapshotId,
    start,
    count: members.length,
    indexes: Int32Array.from(members, (member) => member.index),
    strings: parts.join(''),
    ends,
    words: [...wordIds.keys()],
    tags: Uint16Array.from(tags),
    tagEnds,
  };
}
