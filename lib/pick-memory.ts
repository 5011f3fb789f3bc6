import { ListPick } from './scan/list-pick';

/**
 * The list the admin chose, remembered for one console profile and one kind of page: the origin
 * and the path with its varying parts (numbers, UUIDs, long hex ids) generalised, so that the
 * choice made on `/orgs/12/members` holds on `/orgs/40/members`. Kept in the extension's
 * key-value storage by the background.
 */

/** The part of `storage.local` this needs (the polyfill's StorageArea fits). */
export interface KeyValueArea {
  /** The items under the key; every item for null. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const KEY_PREFIX = 'pick|';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_ID = /^(?=.*\d)[0-9a-f]{16,}$/i;

/** Origin and path, with UUID-like segments as `*` and digit runs as `#`; undefined for an address that is none. */
export function pagePattern(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const path = parsed.pathname
    .split('/')
    .map((segment) => (UUID.test(segment) || HEX_ID.test(segment) ? '*' : segment.replace(/\d+/g, '#')))
    .join('/');
  return `${parsed.origin}${path}`;
}

export function pickKey(profile: string, url: string): string | undefined {
  const pattern = pagePattern(url);
  return pattern && `${KEY_PREFIX}${profile}|${pattern}`;
}

export async function rememberPick(area: KeyValueArea, profile: string, url: string, pick: ListPick): Promise<void> {
  const key = pickKey(profile, url);
  if (key) await area.set({ [key]: pick });
}

/** The choice remembered for such a page; undefined when none, or when what is stored is not a choice. */
export async function recallPick(area: KeyValueArea, profile: string, url: string): Promise<ListPick | undefined> {
  const key = pickKey(profile, url);
  if (!key) return undefined;
  const parsed = ListPick.safeParse((await area.get(key))[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function forgetPick(area: KeyValueArea, profile: string, url: string): Promise<void> {
  const key = pickKey(profile, url);
  if (key) await area.remove(key);
}

/** Forgets every chosen list (the dashboard's "delete everything"). */
export async function forgetAllPicks(area: KeyValueArea): Promise<void> {
  const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(KEY_PREFIX));
  if (keys.length > 0) await area.remove(keys);
}
