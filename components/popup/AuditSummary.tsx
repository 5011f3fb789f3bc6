import { useLiveQuery } from 'dexie-react-hooks';
import { compareSnapshots, getSnapshot, previousSnapshot } from '@/lib/db';
import { findingRule } from '@/lib/findings';
import type { FindingId } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { ClassificationCounts } from '../ClassificationCounts';
import { comparisonLimits } from '../verdict-text';

/** The result at a glance: counts, findings by kind, and what changed since the last audit. */
export function AuditSummary({ snapshotId }: { snapshotId: string }) {
  const { t, l } = useI18n();
  const data = useLiveQuery(async () => {
    const db = rosterDb();
    const snapshot = await getSnapshot(db, snapshotId);
    if (!snapshot) return null;
    const previous = await previousSnapshot(db, snapshot);
    const diff = previous ? await compareSnapshots(db, previous.id, snapshot.id) : undefined;
    return { snapshot, diff };
  }, [snapshotId]);
  if (!data) return null;
  const { snapshot, diff } = data;
  const findings = Object.entries(snapshot.counts.findings) as [FindingId, number][];
  const dashboard = browser.runtime.getURL(`/options.html#/snapshots/${snapshot.id}`);

  return (
    <section aria-label={t('findings')}>
      <ClassificationCounts console={snapshot.console} counts={snapshot.counts} />
      <h2>{t('findings')}</h2>
      {findings.length === 0 ? (
        <p className="muted">{t('noFindings')}</p>
      ) : (
        <ul className="findings-list">
          {findings
            .sort((a, b) => b[1] - a[1])
            .map(([id, count]) => (
              <li key={id}>
                <span>{l(findingRule(id).title)}</span>
                <strong>{count}</strong>
              </li>
            ))}
        </ul>
      )}
      <h2>{t('popupSinceLast')}</h2>
      {diff ? (
        <p>
          {t('popupJoined', { n: diff.joined.length })} · {t('popupLeft', { n: diff.left.length })} · {t('popupChanged', { n: diff.changed.length })}
          {comparisonLimits({ t }, diff).map((limit) => (
            <span key={limit} className="small warning-text">
              <br />
              {limit}
            </span>
          ))}
        </p>
      ) : (
        <p className="muted">{t('popupNoPrevious')}</p>
      )}
      <p>
        <a href={dashboard} target="_blank" rel="noreferrer">
          {t('popupOpenRoster')}
        </a>
      </p>
    </section>
  );
}
