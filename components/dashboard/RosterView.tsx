import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type RefObject,
} from 'react';
import type { DomainCount, MemberFilter, MemberSortField } from '@/lib/roster-query';
import {
  availableColumns,
  gridTracks,
  resizeColumn,
  visibleColumns,
  type ColumnLayout,
  type MemberColumnId,
  type MemberColumnSpec,
} from '@/lib/member-table/columns';
import type { TableState } from '@/lib/member-table/saved-views';
import { findingRule, FINDING_RULES, SEVERITY_ORDER } from '@/lib/findings';
import { Classification, LinkStatus, type FindingId, type Member, type Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { ClassificationCounts } from '../ClassificationCounts';
import { ProblemDetail } from '../ProblemDetail';
import { hasLinkStatus } from '../link-status';
import { ViewHeading } from './ViewHeading';
import { Field } from './Field';
import { BarChart, SplitChart } from './charts';
import { formatTime, useSnapshot } from './hooks';
import { CLASSIFICATION_LABEL, CONSOLE_LABEL, LINK_STATUS_LABEL } from '@/lib/labels';
import { routeHash, type SnapshotRef } from './routes';
import { usePagedMembers, type MemberSort } from './usePagedMembers';
import { useRosterWorker, type RosterWorker } from './useRosterWorker';
import { ColumnChooser, columnLabel, DownloadRows, ResizeHandle, SavedViews, useColumnLayout } from './MemberTableTools';
import { snapshotCompleteness } from '@/lib/completeness';
import { verdictText } from '../verdict-text';

const ROW_HEIGHT = 44;
/** Rows drawn beyond each edge of the view, so a scroll shows drawn rows before the next render. */
const OVERSCAN = 12;
const TOP_DOMAINS = 10;

// A member's detail (and the history it reads) loads when a member is first opened, not with the table.
const MemberDetail = lazy(() => import('./MemberDetail').then((m) => ({ default: m.MemberDetail })));

export function RosterView({ snapshotRef, initialFinding }: { snapshotRef: SnapshotRef; initialFinding?: FindingId | undefined }) {
  const { t, l, lang } = useI18n();
  const read = useSnapshot(snapshotRef);
  // The view is drawn from a deferred copy: React draws it as a transition, a few milliseconds at a
  // time, so its first drawing is no long task on the page's thread.
  const snapshot = useDeferredValue(read);
  // The roster worker reads the members once, answers the table's windows, and counts the domains
  // for the chart and the domain filter. It starts as soon as the snapshot is read, while the view
  // is being drawn.
  const roster = useRosterWorker(read?.id);
  const domains = roster.counts?.domains;
  // The table's filters live here: a chart's bar sets them as the table's own controls do.
  const [filter, setFilter] = useState<MemberFilter>(initialFinding ? { findingId: initialFinding } : {});
  useEffect(() => {
    if (roster.counts) performance.mark('roster-search-ready');
  }, [roster.counts]);
  if (snapshot === undefined) return <p className="muted">{t('loading')}</p>;
  if (snapshot === null) {
    return (
      <>
        <ViewHeading>{t('rosterTitle')}</ViewHeading>
        <p>{t('snapshotNotFound')}</p>
        <a href={routeHash({ view: 'snapshots' })}>{t('navAudits')}</a>
      </>
    );
  }
  return (
    <>
      <ViewHeading
        actions={
          <>
            <a className="button" href={routeHash({ view: 'findings', snapshot: snapshot.id })}>
              {t('findings')}
            </a>
            <a className="button primary" href={routeHash({ view: 'export', snapshot: snapshot.id })}>
              {t('navExport')}
            </a>
          </>
        }
      >
        {l(CONSOLE_LABEL[snapshot.console])} · {snapshot.tenant}
      </ViewHeading>
      <p className="muted subtitle">
        {formatTime(snapshot.startedAt, lang)} ·{' '}
        <bdi className="truncate-inline" title={snapshot.sourceUrl}>
          {snapshot.title || snapshot.sourceUrl}
        </bdi>
      </p>
      <p className={snapshot.complete ? 'muted' : 'notice warn'}>
        {!snapshot.complete && <strong>{t('incomplete')} </strong>}
        {verdictText({ t, l }, snapshotCompleteness(snapshot))}
      </p>
      <RosterOverview snapshot={snapshot} domains={domains} filter={filter} onChoose={(chosen) => chooseFromChart(setFilter, chosen)} />
      {/* The worker follows the snapshot read, the view its deferred copy: while they differ (a newer audit
          became the latest), the table waits rather than show one audit's rows under another's heading. */}
      {read?.id === snapshot.id ? (
        <RosterTable snapshot={snapshot} domains={domains} roster={roster} filter={filter} setFilter={setFilter} />
      ) : (
        <p className="muted">{t('loading')}</p>
      )}
    </>
  );
}

type ChartChoice = Pick<MemberFilter, 'classification' | 'findingId' | 'domain'>;

/** A chart's bar filters the table by what it counts; choosing the chosen bar again lifts that filter. The table comes into view. */
function chooseFromChart(setFilter: (update: (f: MemberFilter) => MemberFilter) => void, chosen: ChartChoice): void {
  setFilter((current) => {
    const next = { ...current };
    for (const [key, value] of Object.entries(chosen) as [keyof ChartChoice, string][]) {
      if (current[key] === value) delete next[key];
      else (next as Record<string, string>)[key] = value;
    }
    return next;
  });
  document.getElementById('roster-table-heading')?.scrollIntoView({ block: 'start' });
}

function RosterOverview({
  snapshot,
  domains,
  filter,
  onChoose,
}: {
  snapshot: Snapshot;
  domains: DomainCount[] | undefined;
  filter: MemberFilter;
  onChoose: (chosen: ChartChoice) => void;
}) {
  const { t, l } = useI18n();
  const findings = (Object.entries(snapshot.counts.findings) as [FindingId, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => SEVERITY_ORDER[findingRule(a[0]).severity] - SEVERITY_ORDER[findingRule(b[0]).severity] || b[1] - a[1]);
  return (
    <section aria-label={t('overview')} className="overview">
      <ClassificationCounts console={snapshot.console} counts={snapshot.counts} />
      <div className="chart-grid">
        <div className="card">
          <SplitChart
            title={t('chartClassification')}
            valueLabel={t('members')}
            parts={Classification.options.map((c) => ({ key: c, label: l(CLASSIFICATION_LABEL[c]), value: snapshot.counts[c] }))}
            onSelect={(key) => onChoose({ classification: key as Classification })}
            selected={filter.classification}
          />
        </div>
        <div className="card">
          <BarChart
            title={t('chartFindings')}
            valueLabel={t('members')}
            emptyText={t('noFindings')}
            bars={findings.map(([id, n]) => ({ key: id, label: l(findingRule(id).title), value: n, tone: findingRule(id).severity }))}
            onSelect={(key) => onChoose({ findingId: key as FindingId })}
            selected={filter.findingId}
          />
        </div>
        <div className="card">
          <BarChart
            title={t('chartDomains', { n: TOP_DOMAINS })}
            valueLabel={t('members')}
            emptyText={domains === undefined ? t('loading') : t('noDomains')}
            bars={(domains ?? []).slice(0, TOP_DOMAINS).map((d) => ({
              key: d.domain,
              label: d.domainDisplay || t('noDomain'),
              value: d.total,
              tone: d.internal >= d.external && d.internal >= d.unknown ? 'internal' : d.external >= d.unknown ? 'external' : 'unknown',
            }))}
            onSelect={(key) => onChoose({ domain: key })}
            selected={filter.domain}
          />
        </div>
      </div>
    </section>
  );
}

function RosterTable({
  snapshot,
  domains,
  roster,
  filter,
  setFilter,
}: {
  snapshot: Snapshot;
  domains: DomainCount[] | undefined;
  roster: RosterWorker;
  filter: MemberFilter;
  setFilter: (update: (f: MemberFilter) => MemberFilter) => void;
}) {
  const { t, p } = useI18n();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<MemberSort>({ field: 'index', direction: 'asc' });
  const [selected, setSelected] = useState<Member | null>(null);

  // Every key filters at once: the roster worker answers from memory, off the page's thread.
  const cleanFilter = useMemo(
    () => Object.fromEntries(Object.entries({ ...filter, text: text.trim() }).filter(([, v]) => v !== undefined && v !== '')) as MemberFilter,
    [filter, text],
  );
  const unfiltered = Object.keys(cleanFilter).length === 0;
  const paged = usePagedMembers(snapshot.id, cleanFilter, sort, roster, unfiltered ? snapshot.counts.members : undefined);
  usePerformanceMarks(paged.queryKey, paged.total !== undefined);

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const count = paged.total ?? 0;
  const { first, last } = useRowWindow(scrollRef, count);
  useEffect(() => {
    if (last >= first) paged.ensureRows(first, last);
  });
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [paged.queryKey]);

  // The console decides the columns (link status exists on contacts only); the admin hides and sizes them, per console.
  const withLinkStatus = hasLinkStatus(snapshot);
  const available = useMemo(() => availableColumns(withLinkStatus), [withLinkStatus]);
  const [layout, setLayout] = useColumnLayout(snapshot.console);
  const columns = useMemo(() => visibleColumns(available, layout), [available, layout]);
  const tracks = gridTracks(columns, layout);
  // One array while the columns stay: the memoised rows are not drawn again for a keystroke.
  const shownIds = useMemo(() => columns.map((column) => column.id), [columns]);
  const measured = useColumnWidths(tracks.template);
  const tableState: TableState = { filter, text, sort, layout };
  const applyView = (view: TableState) => {
    setFilter(() => view.filter);
    setText(view.text);
    setSort(view.sort);
    setLayout(view.layout);
  };
  const viewTarget = domains && {
    columns: available,
    findings: snapshot.counts.findings,
    domains: new Set(domains.map((d) => d.domain)),
    withLinkStatus,
  };
  const toggleSort = useCallback(
    (field: MemberSortField) =>
      setSort((s) => (s.field === field ? { field, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: 'asc' })),
    [],
  );

  return (
    <section className="card roster" aria-labelledby="roster-table-heading">
      <h2 id="roster-table-heading">{t('rosterMembers')}</h2>
      <RosterFilters snapshot={snapshot} domains={domains} withLinkStatus={withLinkStatus} text={text} onText={setText} filter={filter} setFilter={setFilter} />
      <div className="table-tools">
        <ColumnChooser columns={available} layout={layout} onChange={setLayout} />
        <SavedViews console={snapshot.console} state={tableState} shown={columns} target={viewTarget} onApply={applyView} />
        <DownloadRows snapshot={snapshot} roster={roster} filter={cleanFilter} sort={sort} shown={shownIds} total={paged.total} />
      </div>
      <p className="result-count" role="status" aria-live="polite">
        {paged.total === undefined ? t('loading') : t('rosterShowing', { n: paged.total.toLocaleString(), total: snapshot.counts.members.toLocaleString() })}
        {paged.error && <span className="error"> {p(paged.error)}</span>}
      </p>
      <ProblemDetail problem={paged.error} />
      <div className="roster-layout">
        <div
          className="vtable"
          role="table"
          aria-label={t('rosterMembers')}
          aria-rowcount={(paged.total ?? 0) + 1}
          style={{ '--columns': tracks.template, '--table-min-width': `${tracks.minWidth}px` } as CSSProperties}
        >
          <div role="rowgroup" className="vtable-head" ref={headRef}>
            <TableHead columns={columns} sort={sort} onSort={toggleSort} layout={layout} onLayout={setLayout} widths={measured.widths} rowRef={measured.ref} />
          </div>
          <div
            ref={scrollRef}
            className="vtable-body"
            role="rowgroup"
            tabIndex={-1}
            // The head scrolls sideways with the rows when the columns are wider than the card.
            onScroll={(e) => headRef.current && (headRef.current.scrollLeft = e.currentTarget.scrollLeft)}
          >
            <div style={{ height: count * ROW_HEIGHT, position: 'relative', minWidth: tracks.minWidth }}>
              {Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => {
                const position = first + offset;
                const member = paged.rowAt(position);
                return (
                  <MemberRow
                    key={position}
                    position={position}
                    top={position * ROW_HEIGHT}
                    member={member}
                    selected={!!selected && !!member && selected.index === member.index}
                    shown={shownIds}
                    onOpen={setSelected}
                  />
                );
              })}
            </div>
            {paged.total === 0 && <p className="empty-rows muted">{t('rosterNoMatch')}</p>}
          </div>
        </div>
        {selected && (
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <MemberDetail snapshot={snapshot} member={selected} onClose={() => setSelected(null)} />
          </Suspense>
        )}
      </div>
    </section>
  );
}

/**
 * The table's filters. Memoised: the rows of a new query arriving do not draw them again (nor the
 * hundreds of domain options a large roster can have).
 */
const RosterFilters = memo(function RosterFilters({
  snapshot,
  domains,
  withLinkStatus,
  text,
  onText,
  filter,
  setFilter,
}: {
  snapshot: Snapshot;
  domains: DomainCount[] | undefined;
  withLinkStatus: boolean;
  text: string;
  onText: (text: string) => void;
  filter: MemberFilter;
  setFilter: (update: (f: MemberFilter) => MemberFilter) => void;
}) {
  const { t, l } = useI18n();
  const setField = <K extends keyof MemberFilter>(key: K, value: string) => setFilter((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  const findingOptions = FINDING_RULES.filter((rule) => (snapshot.counts.findings[rule.id] ?? 0) > 0);
  return (
    <div className="filters" role="search" aria-label={t('filters')}>
      <Field label={t('filterText')}>
        {(id) => <input id={id} type="search" value={text} onChange={(e) => onText(e.target.value)} placeholder={t('filterTextPlaceholder')} />}
      </Field>
      <Field label={t('colClassification')}>
        {(id) => (
          <select id={id} value={filter.classification ?? ''} onChange={(e) => setField('classification', e.target.value)}>
            <option value="">{t('all')}</option>
            {Classification.options.map((c) => (
              <option key={c} value={c}>
                {l(CLASSIFICATION_LABEL[c])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {withLinkStatus && (
        <Field label={t('colLinkStatus')}>
          {(id) => (
            <select id={id} value={filter.linkStatus ?? ''} onChange={(e) => setField('linkStatus', e.target.value)}>
              <option value="">{t('all')}</option>
              {LinkStatus.options.map((s) => (
                <option key={s} value={s}>
                  {l(LINK_STATUS_LABEL[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('filterFinding')}>
        {(id) => (
          <select id={id} value={filter.findingId ?? ''} onChange={(e) => setField('findingId', e.target.value)}>
            <option value="">{t('all')}</option>
            {(filter.findingId && !findingOptions.some((r) => r.id === filter.findingId)
              ? [...findingOptions, findingRule(filter.findingId)]
              : findingOptions
            ).map((rule) => (
              <option key={rule.id} value={rule.id}>
                {l(rule.title)} ({(snapshot.counts.findings[rule.id] ?? 0).toLocaleString()})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('colDomain')}>
        {(id) => (
          <select id={id} value={filter.domain ?? ''} onChange={(e) => setField('domain', e.target.value)}>
            <option value="">{t('all')}</option>
            {(domains ?? []).slice(0, 500).map((d) => (
              <option key={d.domain} value={d.domain}>
                {d.domainDisplay || t('noDomain')} ({d.total.toLocaleString()})
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
});

/** The header row: column names, sort buttons and resize handles. Memoised like the filters. */
const TableHead = memo(function TableHead({
  columns,
  sort,
  onSort,
  layout,
  onLayout,
  widths,
  rowRef,
}: {
  columns: readonly MemberColumnSpec[];
  sort: MemberSort;
  onSort: (field: MemberSortField) => void;
  layout: ColumnLayout;
  onLayout: (layout: ColumnLayout, live?: boolean) => void;
  widths: Partial<Record<MemberColumnId, number>>;
  rowRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useI18n();
  const headIds = useId();
  const widthOf = (column: MemberColumnSpec) =>
    layout.widths[column.id] ?? widths[column.id] ?? ('px' in column.natural ? column.natural.px : column.natural.min);
  return (
    <div role="row" aria-rowindex={1} className="vrow" ref={rowRef}>
      {columns.map((column) => {
        const label = columnLabel(column.id, t);
        return (
          // Named by its label alone: the resize handle's own name is not part of the column's.
          <div
            key={column.id}
            role="columnheader"
            data-column={column.id}
            className={`vcell col-${column.id}`}
            aria-labelledby={`${headIds}-${column.id}`}
            aria-sort={column.sort && sort.field === column.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {column.sort ? (
              <button className="sort-button" onClick={() => onSort(column.sort!)}>
                <span id={`${headIds}-${column.id}`}>{label}</span>
                <span aria-hidden="true" className="sort-mark">
                  {sort.field === column.sort ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                </span>
              </button>
            ) : (
              <span id={`${headIds}-${column.id}`}>{label}</span>
            )}
            <ResizeHandle label={label} width={widthOf(column)} onResize={(px, live) => onLayout(resizeColumn(layout, column.id, px), live)} />
          </div>
        );
      })}
    </div>
  );
});

interface MemberRowProps {
  /** The row's place in the query's order (0-based). */
  position: number;
  /** Pixels from the top of the rows. */
  top: number;
  /** Undefined while its window is on its way. */
  member: Member | undefined;
  selected: boolean;
  shown: readonly MemberColumnId[];
  onOpen: (member: Member) => void;
}

/**
 * One row of the table. Its props are plain values and stable references, so a keystroke or a new
 * query's answer draws only the rows whose member or place changed, not the whole window.
 */
const MemberRow = memo(function MemberRow({ position, top, member, selected, shown, onOpen }: MemberRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={position + 2}
      className={`vrow${selected ? ' selected' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      {member ? (
        <MemberCells member={member} shown={shown} onOpen={onOpen} />
      ) : (
        <div role="cell" className="vcell muted">
          …
        </div>
      )}
    </div>
  );
});

/** The shown cells of one member, in the columns' order. Page text is isolated in `<bdi>`: a right-to-left override in a name must not reorder what follows it. */
function MemberCells({ member, shown, onOpen }: { member: Member; shown: readonly MemberColumnId[]; onOpen: (member: Member) => void }) {
  const { l } = useI18n();
  const worst = [...member.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const cell = (id: MemberColumnId) => {
    switch (id) {
      case 'index':
        return (
          <div key={id} role="cell" className="vcell col-index muted">
            {member.index + 1}
          </div>
        );
      case 'name':
        return (
          <div key={id} role="cell" className="vcell col-name">
            <button className="link-button truncate" onClick={() => onOpen(member)} title={member.name}>
              <bdi>{member.name || member.identifier || '—'}</bdi>
            </button>
          </div>
        );
      case 'identifier':
        return (
          <div key={id} role="cell" className="vcell col-identifier">
            <FullValue text={member.identifier || member.email || ''} />
          </div>
        );
      case 'domain':
        return (
          <div key={id} role="cell" className="vcell col-domain">
            <FullValue text={member.domainDisplay} />
          </div>
        );
      case 'classification':
        return (
          <div key={id} role="cell" className="vcell col-classification">
            <span className={`pill ${member.classification}`}>{l(CLASSIFICATION_LABEL[member.classification])}</span>
          </div>
        );
      case 'link':
        return (
          <div key={id} role="cell" className="vcell col-link">
            <span className={`pill link-${member.linkStatus}`}>{l(LINK_STATUS_LABEL[member.linkStatus])}</span>
          </div>
        );
      case 'findings':
        return (
          <div key={id} role="cell" className="vcell col-findings truncate">
            {worst.length === 0 ? (
              <span className="muted">—</span>
            ) : (
              <span className={`sev ${worst[0]!.severity}`} title={worst.map((f) => l(findingRule(f.id).title)).join(' / ')}>
                {l(findingRule(worst[0]!.id).title)}
                {worst.length > 1 ? ` +${worst.length - 1}` : ''}
              </span>
            )}
          </div>
        );
    }
  };
  return <>{shown.map(cell)}</>;
}

/**
 * The rows to draw of `count` rows ROW_HEIGHT tall in a scroll box: those in view and OVERSCAN on
 * each side (`last < first` when there are none). Rows of one height make this arithmetic, so a new
 * count (each query's answer on 100,000 members) costs nothing, where a virtualiser that measures
 * rows walks all of them. Renders again only when the range changes, not at every scrolled pixel.
 */
function useRowWindow(scrollRef: RefObject<HTMLDivElement | null>, count: number): { first: number; last: number } {
  const [view, setView] = useState({ top: 0, rows: 0 });
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const update = () => {
      const top = Math.floor(box.scrollTop / ROW_HEIGHT);
      const rows = Math.ceil(box.clientHeight / ROW_HEIGHT) + 1;
      setView((current) => (current.top === top && current.rows === rows ? current : { top, rows }));
    };
    update();
    box.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(box);
    return () => {
      box.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [scrollRef]);
  const first = Math.max(0, Math.min(view.top, count - 1) - OVERSCAN);
  const last = Math.min(count - 1, view.top + view.rows + OVERSCAN);
  return { first, last };
}

/** The rendered width of each header cell, for a resize handle's value before the admin has set one; measured again when the layout or the card's width changes. */
function useColumnWidths(template: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<Partial<Record<MemberColumnId, number>>>({});
  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    const measure = () => {
      const next: Partial<Record<MemberColumnId, number>> = {};
      for (const cell of row.querySelectorAll<HTMLElement>('[data-column]'))
        next[cell.dataset.column as MemberColumnId] = Math.round(cell.getBoundingClientRect().width);
      setWidths((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    return () => observer.disconnect();
  }, [template]);
  return { ref, widths };
}

/**
 * A value cut to its cell's width, shown whole on hover and on keyboard focus (an address or a
 * domain is useless cut off); page text stays isolated in `<bdi>`.
 */
function FullValue({ text }: { text: string }) {
  if (text === '') return <span className="muted">—</span>;
  return (
    <span className="full-value" tabIndex={0} title={text}>
      <bdi>{text}</bdi>
    </span>
  );
}

/**
 * Marks for the benchmark: `roster-first-rows` when the first rows of the view are on screen, then
 * `roster-filter-applied` each time a changed query has produced its rows. Effects run after the DOM
 * holds the rows.
 */
function usePerformanceMarks(queryKey: string, loaded: boolean) {
  const marked = useRef<{ first: boolean; key: string }>({ first: false, key: '' });
  useEffect(() => {
    if (!loaded || marked.current.key === queryKey) return;
    performance.mark(marked.current.first ? 'roster-filter-applied' : 'roster-first-rows');
    marked.current = { first: true, key: queryKey };
  }, [queryKey, loaded]);
}
