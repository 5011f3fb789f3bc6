import type { SnapshotCounts } from '@/lib/model';
import { useI18n } from './i18n-context';

export function ClassificationCounts({ counts }: { counts: SnapshotCounts }) {
  const { t } = useI18n();
  const cells = [
    ['members', counts.members, ''],
    ['internal', counts.internal, 'internal'],
    ['external', counts.external, 'external'],
    ['unknown', counts.unknown, 'unknown'],
    ['sharedOnly', counts.sharedOnly, 'external'],
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
