import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { deleteSnapshot, deleteTenant, listSnapshots, type SnapshotGroup } from '@/lib/db';
import type { Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { TrendChart, type TrendPoint } from './charts';
import { rosterTrend } from '@/lib/roster-trend';
import { findingRule } from '@/lib/findings';
import { ImportRoster } from './ImportRoster';
import { formatTime } from './hooks';
import { CONSOLE_LABEL } from '@/lib/labels';
import { routeHash } from './routes';
import { snapshotCompleteness } from '@/lib/completeness';
import { verdictText } from '../verdict-text';

function findingTotal(snapshot: Snapshot): number {
  return Object.values(snapshot.counts.findings).reduce((sum, n) => sum + (n ?? 0), 0);
}

export function SnapshotsView() {
  const { t } = useI18n();
  const groups = useLiveQuery(() => listSnapshots(rosterDb()), []);
  return (
    <>
      <ViewHeading>{t('auditsTitle')}</ViewHeading>
      {groups === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : groups.length === 0 ? (
        <div className="card empty">
          <p>{t('auditsEmpty')}</p>
          <p>
            <a href={routeHash({ view: 'data' })}>{t('auditsEmptyRestore')}</a>
          </p>
        </div>
      ) : (
        groups.map((group) => <SnapshotGroupCard key={`${group.console}|${group.tenant}`} group={group} />)
      )}
      <ImportRoster />
    </>
  );
}

/** `confirming` holds a snapshot id, or this for the whole roster's audits. */
const WHOLE_ROSTER = 'whole-roster';

function SnapshotGroupCard({ group }: { group: SnapshotGroup }) {
  const { t, l, lang } = useI18n();
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const headingId = `group-${group.console}-${group.tenant}`.replace(/[^\w-]/g, '_');

  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current.slice(-1), id]));

  const remove = async (snapshot: Snapshot) => {
    await deleteSnapshot(rosterDb(), snapshot.id);
    setConfirming(null);
    setSelected((current) => current.filter((x) => x !== snapshot.id));
    setMessage(t('auditDeleted', { time: formatTime(snapshot.startedAt, lang) }));
  };

  const rosterName = `${l(CONSOLE_LABEL[group.console])} · ${group.tenant || t('tenantUnknown')}`;

  const compareHref = () => {
    const [first, second] = selected.map((id) => group.snapshots.find((s) => s.id === id)!).sort((a, b) => a.startedAt - b.startedAt);
    return routeHash({ view: 'compare', a: first!.id, b: second!.id });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>
          {l(CONSOLE_LABEL[group.console])} <span className="muted">· {group.tenant || t('tenantUnknown')}</span>
        </h2>
        <div className="row-actions">
          {selected.length === 2 ? (
            <a className="button" href={compareHref()}>
              {t('compareSelected')}
            </a>
          ) : (
            <span className="muted small">{t('compareHint')}</span>
          )}
          {confirming === WHOLE_ROSTER ? (
            <div className="confirm" role="group" aria-label={t('confirmDeleteRoster', { roster: rosterName })}>
              <span className="small">{t('confirmDeleteRoster', { roster: rosterName })}</span>
              <button className="danger" onClick={() => void deleteTenant(rosterDb(), group.console, group.tenant)}>
                {t('delete')}
              </button>
              <button onClick={() => setConfirming(null)}>{t('cancel')}</button>
            </div>
          ) : (
            <button className="link-button" onClick={() => setConfirming(WHOLE_ROSTER)}>
              {t('deleteRoster')}
            </button>
          )}
        </div>
      </div>
      {group.snapshots.length > 1 && <RosterTrendCharts snapshots={group.snapshots} />}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('compareColumn')}</span>
              </th>
              <th scope="col">{t('auditTime')}</th>
              <th scope="col" className="num">
                {t('members')}
              </th>
              <th scope="col" className="num">
                {t('internal')}
              </th>
              <th scope="col" className="num">
                {t('external')}
              </th>
              <th scope="col" className="num">
                {t('unknown')}
              </th>
              <th scope="col" className="num">
                {t('findings')}
              </th>
              <th scope="col">{t('completeness')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {group.snapshots.map((snapshot) => {
              const time = formatTime(snapshot.startedAt, lang);
              return (
                <tr key={snapshot.id}>
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.includes(snapshot.id)}
                      onChange={() => toggle(snapshot.id)}
                      aria-label={t('selectForCompare', { time })}
                    />
                  </td>
                  <td>
                    <a href={routeHash({ view: 'roster', snapshot: snapshot.id })}>{time}</a>
                    <div className="muted small truncate" title={snapshot.sourceUrl}>
                      <bdi>{snapshot.title || snapshot.sourceUrl}</bdi>
                    </div>
                  </td>
                  <td className="num">{snapshot.counts.members.toLocaleString()}</td>
                  <td className="num internal">{snapshot.counts.internal.toLocaleString()}</td>
                  <td className="num external">{snapshot.counts.external.toLocaleString()}</td>
                  <td className="num unknown">{snapshot.counts.unknown.toLocaleString()}</td>
                  <td className="num">{findingTotal(snapshot).toLocaleString()}</td>
                  <td>
                    {snapshot.complete ? <span className="badge ok">{t('complete')}</span> : <span className="badge warn">{t('incomplete')}</span>}
                    <div className={snapshot.complete ? 'small muted' : 'small warning-text'}>{verdictText({ t, l }, snapshotCompleteness(snapshot))}</div>
                  </td>
                  <td>
                    {confirming === snapshot.id ? (
                      <div className="confirm" role="group" aria-label={t('confirmDeleteAudit', { time })}>
                        <span className="small">{t('confirmDeleteAudit', { time })}</span>
                        <button className="danger" onClick={() => void remove(snapshot)}>
                          {t('delete')}
                        </button>
                        <button onClick={() => setConfirming(null)}>{t('cancel')}</button>
                      </div>
                    ) : (
                      <div className="row-actions">
                        <a href={routeHash({ view: 'roster', snapshot: snapshot.id })}>{t('open')}</a>
                        <a href={routeHash({ view: 'findings', snapshot: snapshot.id })}>{t('findings')}</a>
                        <a href={routeHash({ view: 'export', snapshot: snapshot.id })}>{t('navExport')}</a>
                        <button className="link-button" onClick={() => setConfirming(snapshot.id)} aria-label={t('deleteAuditOf', { time })}>
                          {t('delete')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" className="small">
        {message}
      </p>
    </section>
  );
}

/** A short date for the axis: the year only when the audits span more than one. */
function shortDate(time: number, lang: string, withYear: boolean): string {
  return new Date(time).toLocaleDateString(
    lang === 'ja' ? 'ja-JP' : 'en-US',
    withYear ? { year: 'numeric', month: 'numeric', day: 'numeric' } : { month: 'short', day: 'numeric' },
  );
}

/** The roster's counts and findings across all its audits, from the audits' summaries (no member is read). */
function RosterTrendCharts({ snapshots }: { snapshots: Snapshot[] }) {
  const { t, l, lang } = useI18n();
  const trend = rosterTrend(snapshots);
  const years = new Set(trend.audits.map((audit) => new Date(audit.startedAt).getFullYear()));
  const points: TrendPoint[] = trend.audits.map((audit) => ({
    label: shortDate(audit.startedAt, lang, years.size > 1),
    full: `${formatTime(audit.startedAt, lang)}${audit.complete ? '' : ` (${t('incomplete')})`}`,
    href: routeHash({ view: 'roster', snapshot: audit.snapshotId }),
  }));
  return (
    <div className="trend-charts">
      <TrendChart
        title={t('trendTitle')}
        points={points}
        notRecorded={t('notRecorded')}
        series={trend.counts.map((line) => ({ key: line.key, label: t(line.key), tone: line.key, values: line.values }))}
      />
      {trend.findings.length > 0 && (
        <TrendChart
          title={t('trendFindingsTitle')}
          points={points}
          notRecorded={t('notRecorded')}
          series={trend.findings.map((line, i) => ({
            key: line.key,
            label: l(findingRule(line.key).title),
            tone: `finding-${i % 8}${i >= 8 ? ' dashed' : ''}`,
            values: line.values,
          }))}
        />
      )}
    </div>
  );
}
