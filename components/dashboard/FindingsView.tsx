import { FINDING_RULES, rulesForConsole, SEVERITY_ORDER } from '@/lib/findings';
import type { FindingId } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { ViewHeading } from './ViewHeading';
import { BarChart } from './charts';
import { formatTime, useSnapshot } from './hooks';
import { CONSOLE_LABEL, SEVERITY_LABEL } from '@/lib/labels';
import { routeHash, type SnapshotRef } from './routes';

/** Findings of one audit grouped by rule, each rule explained in plain words. */
export function FindingsView({ snapshotRef }: { snapshotRef: SnapshotRef }) {
  const { t, l, lang } = useI18n();
  const snapshot = useSnapshot(snapshotRef);
  if (snapshot === undefined) return <p className="muted">{t('loading')}</p>;
  const counts = snapshot?.counts.findings ?? {};
  const applicable = snapshot ? rulesForConsole(snapshot.console) : FINDING_RULES;
  const found = applicable
    .filter((rule) => (counts[rule.id] ?? 0) > 0)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (counts[b.id] ?? 0) - (counts[a.id] ?? 0));
  const clear = applicable.filter((rule) => !((counts[rule.id] ?? 0) > 0));

  return (
    <>
      <ViewHeading>
        {t('findings')}
        {snapshot && (
          <span className="heading-sub">
            {' '}
            · {l(CONSOLE_LABEL[snapshot.console])} · {snapshot.tenant}
          </span>
        )}
      </ViewHeading>
      {snapshot ? (
        <p className="muted subtitle">
          {formatTime(snapshot.startedAt, lang)} · <a href={routeHash({ view: 'roster', snapshot: snapshot.id })}>{t('open')}</a>
        </p>
      ) : (
        <p className="notice">{t('findingsNoAudit')}</p>
      )}
      {snapshot && (
        <div className="card">
          <BarChart
            title={t('chartFindings')}
            valueLabel={t('members')}
            emptyText={t('noFindings')}
            bars={found.map((rule) => ({ key: rule.id, label: l(rule.title), value: counts[rule.id] ?? 0, tone: rule.severity }))}
            // A bar opens the roster filtered to the members with that finding.
            onSelect={(id) => (location.hash = routeHash({ view: 'roster', snapshot: snapshot.id, finding: id as FindingId }))}
          />
        </div>
      )}
      {found.length > 0 && (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">{t('findingsFound')}</h2>
          <ul className="rule-list">
            {found.map((rule) => (
              <li key={rule.id} className={`card sev-border ${rule.severity}`}>
                <div className="card-head">
                  <h3>
                    <span className={`badge ${rule.severity}`}>{l(SEVERITY_LABEL[rule.severity])}</span> {l(rule.title)}
                  </h3>
                  <strong className="big-number">{(counts[rule.id] ?? 0).toLocaleString()}</strong>
                </div>
                <p>{l(rule.explanation)}</p>
                <p className="small">
                  <a href={routeHash({ view: 'roster', snapshot: snapshot!.id, finding: rule.id })}>
                    {t('findingsShowMembers', { n: (counts[rule.id] ?? 0).toLocaleString() })}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{snapshot ? t('findingsClear') : t('findingsAllRules')}</h2>
        <ul className="rule-list compact">
          {clear.map((rule) => (
            <li key={rule.id} className="card">
              <h3>
                <span className={`badge ${rule.severity}`}>{l(SEVERITY_LABEL[rule.severity])}</span> {l(rule.title)}{' '}
                {snapshot && <span className="badge ok">0</span>}
              </h3>
              <p className="small">{l(rule.explanation)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
