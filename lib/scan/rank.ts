import type { ConsoleProfile } from './profile';
import { findAddress } from './address';
import { planColumns } from './columns';
import { discoverSources } from './discover';
import type { RawRow, RosterSource } from './source';
import { BASE_SYNONYMS, roleOfHeader, type ColumnRole, type HeaderSynonym } from './synonyms';

/** Scan-wide limits shared by ranking and reading. */
export const SAMPLE_ROWS = 30;

export interface Reader {
  profile: ConsoleProfile;
  tables: readonly (readonly HeaderSynonym[])[];
  isHeader(text: string): boolean;
}

export function readerFor(profile: ConsoleProfile): Reader {
  const tables = [profile.synonyms, BASE_SYNONYMS];
  return { profile, tables, isHeader: (text) => roleOfHeader(text, tables) !== undefined };
}

/** Fewer clickable names than this are a menu, not a list of contacts. */
const MIN_ITEMS_TO_OPEN = 3;

/** Columns that only a list of people has. */
const PERSON_ROLES: ReadonlySet<ColumnRole | undefined> = new Set<ColumnRole>(['name', 'familyName', 'givenName', 'email', 'identifier']);

export interface Ranked {
  source: RosterSource;
  rows: number;
  sample: RawRow[];
  score: number;
}

/** Lists of people on the page, best first: rows with addresses, a name column, known headers, size. */
export function rankSources(doc: Document, reader: Reader): Ranked[] {
  const ranked: Ranked[] = [];
  const opensDetails = reader.profile.detailWalk !== undefined;
  for (const source of discoverSources(doc, reader.isHeader, { clickableItems: opensDetails })) {
    const elements = source.size ? undefined : source.rowElements();
    const size = source.size?.() ?? elements!.length;
    const sample = sampleRows(source, elements);
    if (sample.length === 0) continue;
    const plan = planColumns(source.headers, sample, reader.profile, reader.tables);
    const withAddress = sample.filter((raw) => raw.addresses.some(Boolean) || raw.cells.some((cell) => findAddress(cell))).length;
    const roles = new Set(plan.roles);
    // A roster lists people: a header says so, or the rows hold addresses or IDs. A name column guessed
    // from content alone is no proof (a schedule's 日付/内容 cells look like names too).
    const namesPeople = source.headers.some((header) => PERSON_ROLES.has(roleOfHeader(header, reader.tables)));
    // A list of clickable names counts where the profile can open each item to learn who it is.
    const namesToOpen = source.opensDetails === true && roles.has('name') && sample.length >= MIN_ITEMS_TO_OPEN;
    if (!namesPeople && withAddress === 0 && !roles.has('identifier') && !roles.has('email') && !namesToOpen) continue;
    const knownHeaders = source.headers.filter(reader.isHeader).length;
    // An item that shows more than a name (a company, a badge) is a person's card, not a menu entry.
    const richItems = namesToOpen ? sample.filter((raw) => raw.cells.filter(Boolean).length >= 2).length / sample.length : 0;
    const score =
      richItems * 10 +
      (withAddress / sample.length) * 40 +
      Math.min(knownHeaders, 6) * 5 +
      (roles.has('name') || roles.has('familyName') ? 10 : 0) +
      (roles.has('identifier') || roles.has('email') ? 10 : 0) +
      Math.min(size, 500) / 25;
    ranked.push({ source, rows: size, sample, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/** The first rows of a list, read; without listing every row of a large table. */
export function sampleRows(source: RosterSource, elements?: readonly Element[]): RawRow[] {
  const sample: RawRow[] = [];
  for (const element of elements ?? source.rowElements(SAMPLE_ROWS)) {
    const raw = source.readRow(element);
    if (raw) sample.push(raw);
    if (sample.length >= SAMPLE_ROWS) break;
  }
  return sample;
}

export function candidateLabel({ source }: Ranked): string {
  const kind = { table: '表 / Table', grid: 'グリッド / Grid', list: '一覧 / List' }[source.kind];
  const what = source.caption || source.headers.filter(Boolean).slice(0, 4).join(', ');
  return `${kind}${what ? `: ${what}` : ''}`.slice(0, 200);
}
