import type { ConsoleId, SnapshotCounts } from '@/lib/model';
import { hasLinkStatus } from './link-status';
import { useI18n } from './i18n-context';

/** The roster's counts; the shared-only count only where link status applies. */
export function ClassificationCounts({ console, counts }: { console: ConsoleId; counts: SnapshotCounts }) {
  const { t } = useI18n();
  const cells = [
    ['members', counts.members, ''],
    ['internal', counts.internal, 'internal'],
    ['external', counts.external, 'external'],
    ['unknown', counts.unknown, 'unknown'],
    ...(hasLinkStatus({ console, counts }) ? ([['sharedOnly', counts.sharedOnly, 'external']] as const) : []),
  ] as const;
  return (
    <dl className="counts">
      {cells.map(([key, value, tone]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd className={tone}>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
