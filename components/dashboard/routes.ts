import { FindingId } from '../../lib/model';

/** A snapshot as a URL names it: its id, or `latest` for the newest audit. */
export type SnapshotRef = string;

/**
 * Every view of the dashboard. The first four are the automation contract (DESIGN.md) and keep their
 * URLs; the others are the dashboard's own.
 */
export type Route =
  | { view: 'snapshots' }
  | { view: 'roster'; snapshot: SnapshotRef; finding?: FindingId }
  | { view: 'findings'; snapshot: SnapshotRef }
  /** `domains`: internal domains proposed elsewhere (the popup), to prefill the default policy's form. */
  | { view: 'settings'; domains?: string }
  | { view: 'export'; snapshot: SnapshotRef; format?: string }
  | { view: 'compare'; a?: SnapshotRef; b?: SnapshotRef }
  | { view: 'join' }
  | { view: 'data' }
  | { view: 'not-found'; path: string };

export type ViewName = Route['view'];

export const LATEST: SnapshotRef = 'latest';

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Reads `#/snapshots/abc?x=1` (with or without the `#`); anything unknown is `not-found`, never an exception. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const queryAt = text.indexOf('?');
  const path = queryAt === -1 ? text : text.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : text.slice(queryAt + 1));
  const parts = path.split('/').filter((part) => part !== '');
  const param = (name: string) => params.get(name)?.trim() || undefined;
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { view: 'not-found', path };
  switch (first) {
    case undefined:
      return { view: 'snapshots' };
    case 'snapshots': {
      if (second === undefined) return { view: 'snapshots' };
      const snapshot = decode(second);
      if (!snapshot) return { view: 'not-found', path };
      const finding = FindingId.safeParse(param('finding'));
      return { view: 'roster', snapshot, ...(finding.success ? { finding: finding.data } : {}) };
    }
    case 'findings':
      return second === undefined ? { view: 'findings', snapshot: param('snapshot') ?? LATEST } : { view: 'not-found', path };
    case 'export': {
      if (second !== undefined) return { view: 'not-found', path };
      const format = param('format');
      return { view: 'export', snapshot: param('snapshot') ?? LATEST, ...(format ? { format } : {}) };
    }
    case 'compare': {
      if (second !== undefined) return { view: 'not-found', path };
      const a = param('a');
      const b = param('b');
      return { view: 'compare', ...(a ? { a } : {}), ...(b ? { b } : {}) };
    }
    case 'settings': {
      if (second !== undefined) return { view: 'not-found', path };
      const domains = param('domains');
      return { view: 'settings', ...(domains ? { domains } : {}) };
    }
    case 'join':
    case 'data':
      return second === undefined ? { view: first } : { view: 'not-found', path };
    default:
      return { view: 'not-found', path };
  }
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The hash (with `#`) that `parseRoute` reads back as the same route. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'snapshots':
      return '#/snapshots';
    case 'roster':
      return withQuery(`#/snapshots/${encodeURIComponent(route.snapshot)}`, { finding: route.finding });
    case 'findings':
      return withQuery('#/findings', { snapshot: route.snapshot });
    case 'export':
      return withQuery('#/export', { snapshot: route.snapshot, format: route.format });
    case 'compare':
      return withQuery('#/compare', { a: route.a, b: route.b });
    case 'settings':
      return withQuery('#/settings', { domains: route.domains });
    case 'join':
    case 'data':
      return `#/${route.view}`;
    case 'not-found':
      return `#/${route.path}`;
  }
}

/** The sidebar entry a view belongs to: a roster and its findings sit under the audits. */
export function navSection(view: ViewName): ViewName {
  return view === 'roster' || view === 'findings' ? 'snapshots' : view;
}
