import { z } from 'zod';
import type { Localized } from '../i18n';
import { Classification, FindingId, LinkStatus, type ConsoleId } from '../model';
import type { KeyValueArea } from '../pick-memory';
import type { MemberFilter, MemberSort } from '../roster-query/engine';
import { MemberSortSchema } from '../roster-query/messages';
import { ColumnLayout, KEY_COLUMN, MemberColumnId, NATURAL_LAYOUT, clampWidth, type MemberColumnSpec } from './columns';

/**
 * The member table's settings kept per console in the extension's key-value storage (storage.local,
 * beside the audit time bound and the remembered lists): the column layout, and the views the admin
 * saved by name (filters, search, sort, shown columns, widths). No roster data is stored, only how to
 * look at one; "delete everything" forgets them too.
 */

const LAYOUT_PREFIX = 'member-table-layout|';
const VIEWS_PREFIX = 'member-table-views|';
export const VIEW_NAME_MAX = 80;
export const VIEWS_MAX = 50;

/**
 * A saved view as stored. Values are kept as plain strings, not as this version's codes, so a view
 * naming a finding, a domain or a column that an audit lacks (or that a later version added) still
 * reads, and is applied as far as it can be.
 */
export const SavedView = z.object({
  name: z.string().min(1).max(VIEW_NAME_MAX),
  filter: z
    .object({
      classification: z.string().max(50),
      linkStatus: z.string().max(50),
      findingId: z.string().max(100),
      domain: z.string().max(300),
    })
    .partial(),
  text: z.string().max(1000),
  sort: z.object({ field: z.string().max(50), direction: z.enum(['asc', 'desc']) }),
  /** The shown columns, in order. */
  columns: z.array(z.string().max(50)).max(50),
  widths: z.record(z.string().max(50), z.number()),
  savedAt: z.number(),
});
export type SavedView = z.infer<typeof SavedView>;

/** What the table shows now: what a view saves and what applying one restores. */
export interface TableState {
  filter: Omit<MemberFilter, 'text'>;
  text: string;
  sort: MemberSort;
  layout: ColumnLayout;
}

/** Something a view names that the audit at hand lacks (or this version does not know), left out when applying it. */
export type SkippedPart =
  | { kind: 'column'; column: MemberColumnId }
  | { kind: 'unknown-column' }
  | { kind: 'finding'; finding: FindingId }
  | { kind: 'unknown-finding' }
  | { kind: 'domain'; domain: string }
  | { kind: 'link-status' }
  | { kind: 'unknown-value' }
  | { kind: 'sort' };

export const SKIPPED_PART_TEXT: Record<SkippedPart['kind'], Localized> = {
  column: { ja: '列「{column}」(この名簿にはありません)', en: 'the column “{column}” (this roster has none)' },
  'unknown-column': { ja: 'この版にない列', en: 'a column this version does not know' },
  finding: { ja: '検出事項「{finding}」(この監査では 0 人)', en: 'the finding “{finding}” (no member has it in this audit)' },
  'unknown-finding': { ja: 'この版にない検出事項', en: 'a finding this version does not know' },
  domain: { ja: 'ドメイン「{domain}」(この監査にはありません)', en: 'the domain “{domain}” (not in this audit)' },
  'link-status': { ja: '連携状態の絞り込み (この名簿にはありません)', en: 'the link status filter (this roster has none)' },
  'unknown-value': { ja: 'この版にない絞り込みの値', en: 'a filter value this version does not know' },
  sort: { ja: 'この版にない並べ替え', en: 'a sort this version does not know' },
};

export type ViewNameProblem = 'empty' | 'too-long' | 'taken' | 'too-many' | 'missing';

export const VIEW_NAME_PROBLEM_TEXT: Record<ViewNameProblem, Localized> = {
  empty: { ja: 'ビューの名前を入力してください。', en: 'Type a name for the view.' },
  'too-long': { ja: `ビューの名前は ${VIEW_NAME_MAX} 文字までです。`, en: `A view's name can be at most ${VIEW_NAME_MAX} characters.` },
  taken: { ja: 'その名前のビューはすでにあります。', en: 'A view of that name exists already.' },
  'too-many': {
    ja: `ビューは管理画面ごとに ${VIEWS_MAX} 件までです。不要なビューを削除してください。`,
    en: `At most ${VIEWS_MAX} views per console: delete one you no longer need.`,
  },
  missing: { ja: 'そのビューは見つかりません (別の画面で削除された可能性があります)。', en: 'That view is gone (deleted in another window, perhaps).' },
};

export type ViewsChange = { ok: true; views: SavedView[] } | { ok: false; problem: ViewNameProblem };

/** The current state under a name, as stored. */
export function viewOf(name: string, state: TableState, shown: readonly MemberColumnSpec[], savedAt: number): SavedView {
  const filter = Object.fromEntries(Object.entries(state.filter).filter(([, value]) => value !== undefined && value !== '')) as SavedView['filter'];
  return {
    name: name.trim(),
    filter,
    text: state.text,
    sort: { ...state.sort },
    columns: shown.map((column) => column.id),
    widths: { ...state.layout.widths },
    savedAt,
  };
}

/** What a view can be applied to: the audit's columns and the values its filters can take. */
export interface ViewTarget {
  columns: readonly MemberColumnSpec[];
  /** Members per finding in this audit. */
  findings: Partial<Record<FindingId, number>>;
  /** The audit's domains (ASCII form, as filtered on). */
  domains: ReadonlySet<string>;
  withLinkStatus: boolean;
}

/** A view applied to an audit: what it can set, and what it names that the audit lacks. */
export function applyView(view: SavedView, target: ViewTarget): TableState & { skipped: SkippedPart[] } {
  const skipped: SkippedPart[] = [];
  const available = new Set<string>(target.columns.map((column) => column.id));
  const filter: TableState['filter'] = {};

  const classification = view.filter.classification;
  if (classification !== undefined) {
    const known = Classification.safeParse(classification);
    if (known.success) filter.classification = known.data;
    else skipped.push({ kind: 'unknown-value' });
  }
  const linkStatus = view.filter.linkStatus;
  if (linkStatus !== undefined) {
    const known = LinkStatus.safeParse(linkStatus);
    if (!known.success) skipped.push({ kind: 'unknown-value' });
    else if (!target.withLinkStatus) skipped.push({ kind: 'link-status' });
    else filter.linkStatus = known.data;
  }
  const findingId = view.filter.findingId;
  if (findingId !== undefined) {
    const known = FindingId.safeParse(findingId);
    if (!known.success) skipped.push({ kind: 'unknown-finding' });
    else if (!target.findings[known.data]) skipped.push({ kind: 'finding', finding: known.data });
    else filter.findingId = known.data;
  }
  const domain = view.filter.domain;
  if (domain !== undefined) {
    if (target.domains.has(domain)) filter.domain = domain;
    else skipped.push({ kind: 'domain', domain });
  }

  const sort = MemberSortSchema.safeParse(view.sort);
  if (!sort.success) skipped.push({ kind: 'sort' });

  const shown = new Set<string>([KEY_COLUMN]);
  for (const id of view.columns) {
    const known = MemberColumnId.safeParse(id);
    if (!known.success) skipped.push({ kind: 'unknown-column' });
    else if (!available.has(known.data)) skipped.push({ kind: 'column', column: known.data });
    else shown.add(known.data);
  }
  const widths: ColumnLayout['widths'] = {};
  for (const [id, px] of Object.entries(view.widths)) {
    const known = MemberColumnId.safeParse(id);
    if (known.success && available.has(known.data) && Number.isFinite(px)) widths[known.data] = clampWidth(px);
  }
  return {
    filter,
    text: view.text,
    sort: sort.success ? sort.data : { field: 'index', direction: 'asc' },
    layout: { hidden: target.columns.map((column) => column.id).filter((id) => !shown.has(id)), widths },
    skipped,
  };
}

const sameName = (a: string, b: string) => a.trim().normalize('NFKC').toLowerCase() === b.trim().normalize('NFKC').toLowerCase();

function nameProblem(name: string): ViewNameProblem | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > VIEW_NAME_MAX) return 'too-long';
  return undefined;
}

/** The console's saved views, by name; a stored entry that does not read as a view is left out (and kept until the list is next written). */
export async function loadViews(area: Pick<KeyValueArea, 'get'>, console: ConsoleId): Promise<SavedView[]> {
  const key = VIEWS_PREFIX + console;
  const stored: unknown = (await area.get(key))[key];
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const view = SavedView.safeParse(entry);
    return view.success ? [view.data] : [];
  });
}

async function writeViews(area: Pick<KeyValueArea, 'set'>, console: ConsoleId, views: SavedView[]): Promise<ViewsChange> {
  const sorted = [...views].sort((a, b) => a.name.localeCompare(b.name));
  await area.set({ [VIEWS_PREFIX + console]: sorted });
  return { ok: true, views: sorted };
}

/** Saves a view; one of the same name (case and width aside) is replaced, as saving a document again replaces it. */
export async function saveView(area: Pick<KeyValueArea, 'get' | 'set'>, console: ConsoleId, view: SavedView): Promise<ViewsChange> {
  const problem = nameProblem(view.name);
  if (problem) return { ok: false, problem };
  const parsed = SavedView.parse({ ...view, name: view.name.trim() });
  const others = (await loadViews(area, console)).filter((v) => !sameName(v.name, parsed.name));
  if (others.length >= VIEWS_MAX) return { ok: false, problem: 'too-many' };
  return writeViews(area, console, [...others, parsed]);
}

export async function renameView(area: Pick<KeyValueArea, 'get' | 'set'>, console: ConsoleId, from: string, to: string): Promise<ViewsChange> {
  const problem = nameProblem(to);
  if (problem) return { ok: false, problem };
  const views = await loadViews(area, console);
  const view = views.find((v) => v.name === from);
  if (!view) return { ok: false, problem: 'missing' };
  if (views.some((v) => v !== view && sameName(v.name, to))) return { ok: false, problem: 'taken' };
  return writeViews(area, console, [...views.filter((v) => v !== view), { ...view, name: to.trim() }]);
}

export async function deleteView(area: Pick<KeyValueArea, 'get' | 'set'>, console: ConsoleId, name: string): Promise<ViewsChange> {
  const views = await loadViews(area, console);
  if (!views.some((v) => v.name === name)) return { ok: false, problem: 'missing' };
  return writeViews(
    area,
    console,
    views.filter((v) => v.name !== name),
  );
}

/** The console's column layout; the natural one when none was set or what is stored does not read as one. */
export async function loadLayout(area: Pick<KeyValueArea, 'get'>, console: ConsoleId): Promise<ColumnLayout> {
  const key = LAYOUT_PREFIX + console;
  const stored = ColumnLayout.safeParse((await area.get(key))[key]);
  return stored.success ? stored.data : NATURAL_LAYOUT;
}

export async function saveLayout(area: Pick<KeyValueArea, 'set'>, console: ConsoleId, layout: ColumnLayout): Promise<void> {
  await area.set({ [LAYOUT_PREFIX + console]: ColumnLayout.parse(layout) });
}

/** Forgets every console's layout and views (the dashboard's "delete everything"). */
export async function forgetMemberTables(area: KeyValueArea): Promise<void> {
  const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(LAYOUT_PREFIX) || key.startsWith(VIEWS_PREFIX));
  if (keys.length > 0) await area.remove(keys);
}
