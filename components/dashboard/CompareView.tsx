import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { compareSnapshots, latestSnapshot, previousSnapshot, type ComparedField, type SnapshotComparison } from '@/lib/db';
import type { Localized } from '@/lib/i18n';
import type { Member, Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { ViewHeading } from './DashboardApp';
import { Field } from './Field';
import { formatTime, navigate, useAllSnapshots } from './hooks';
import { CLASSIFICATION_LABEL, CONSOLE_LABEL } from './labels';
import { DataTable, PageText } from './DataTable';
import { LATEST, routeHash, type SnapshotRef } from './routes';
import { comparisonLimits } from '../verdict-text';

/** More rows than this are counted, not listed: the page stays quick with any roster. */
const LIST_LIMIT = 500;

const FIELD_LABEL: Record<ComparedField, Localized> = {
  name: { ja: '名前', en: 'name' },
  domain: { ja: 'ドメイン', en: 'domain' },
  classification: { ja: '分類', en: 'classification' },
  linkStatus: { ja: '連携状態', en: 'link status' },
  status: { ja: '状態', en: 'status' },
  role: { ja: '権限', en: 'role' },
};

/** The two audits to compare: as the URL names them, else the latest and the one before it. */
function useComparedPair(a: SnapshotRef | undefined, b: SnapshotRef | undefined) {
  return useLiveQuery(async () => {
    const db = rosterDb();
    const after = b && b !== LATEST ? await db.snapshots.get(b) : a ? undefined : await latestSnapshot(db);
    const before = a && a !== LATEST ? await db.snapshots.get(a) : after ? await previousSnapshot(db, after) : undefined;
    return { before: before ?? null, after: after ?? null };
  }, [a, b]);
}

function snapshotOption(s: Snapshot, l: (text: Localized) => string, lang: string): string {
  return `${l(CONSOLE_LABEL[s.console])} · ${s.tenant} · ${formatTime(s.startedAt, lang)} (${s.counts.members.toLocaleString()})`;
}

export function CompareView({ a, b }: { a?: SnapshotRef | undefined; b?: SnapshotRef | undefined }) {
  const { t, l, lang } = useI18n();
  const all = useAllSnapshots();
  const pair = useComparedPair(a, b);
  const before = pair?.before ?? null;
  const after = pair?.after ?? null;
  const beforeId = before?.id;
  const afterId = after?.id;
  // The outcome remembers which pair it answers: another pair shows nothing until its own arrives.
  const [outcome, setOutcome] = useState<{ beforeId: string; afterId: string; result: SnapshotComparison | null; error: string } | null>(null);
  const current = outcome && outcome.beforeId === beforeId && outcome.afterId === afterId ? outcome : null;
  const result = current?.result ?? null;
  const error = current?.error ?? '';

  useEffect(() => {
    if (!beforeId || !afterId) return;
    let live = true;
    compareSnapshots(rosterDb(), beforeId, afterId).then(
      (comparison) => live && setOutcome({ beforeId, afterId, result: comparison, error: '' }),
      (e: unknown) => live && setOutcome({ beforeId, afterId, result: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [beforeId, afterId]);

  const sameRoster = (s: Snapshot, other: Snapshot | null) => !other || (s.console === other.console && s.tenant === other.tenant);
  const pick = (side: 'a' | 'b', id: string) =>
    navigate({ view: 'compare', a: side === 'a' ? id : before?.id, b: side === 'b' ? id : after?.id });

  return (
    <>
      <ViewHeading>{t('compareTitle')}</ViewHeading>
      <p className="subtitle muted">{t('compareIntro')}</p>
      <div className="card filters">
        <Field label={t('compareBefore')}>
          {(id) => (
            <select id={id} value={before?.id ?? ''} onChange={(e) => pick('a', e.target.value)}>
            <option value="">{t('choose')}</option>
            {(all ?? []).filter((s) => sameRoster(s, after) && s.id !== after?.id).map((s) => (
              <option key={s.id} value={s.id}>{snapshotOption(s, l, lang)}</option>
            ))}
          </select>
          )}
        </Field>
        <Field label={t('compareAfter')}>
          {(id) => (
            <select id={id} value={after?.id ?? ''} onChange={(e) => pick('b', e.target.value)}>
            <option value="">{t('choose')}</option>
            {(all ?? []).filter((s) => sameRoster(s, before) && s.id !== before?.id).map((s) => (
              <option key={s.id} value={s.id}>{snapshotOption(s, l, lang)}</option>
            ))}
          </select>
          )}
        </Field>
      </div>
      {before && after && !sameRoster(before, after) && <p className="notice warn">{t('compareDifferentRosters')}</p>}
      {(!before || !after) && <p className="notice">{t('compareNeedTwo')}</p>}
      {error && <p className="error">{error}</p>}
      {result && (
        <>
          {comparisonLimits(t, result).map((limit) => (
            <p key={limit} className="notice warn">
              {limit}
            </p>
          ))}
          <dl className="counts">
            <div><dt>{t('compareJoined')}</dt><dd className="internal">{result.joined.length.toLocaleString()}</dd></div>
            <div><dt>{t('compareLeft')}</dt><dd className="external">{result.left.length.toLocaleString()}</dd></div>
            <div><dt>{t('compareChanged')}</dt><dd>{result.changed.length.toLocaleString()}</dd></div>
          </dl>
          <MemberList title={t('compareJoined')} members={result.joined} snapshotId={after!.id} />
          <MemberList title={t('compareLeft')} members={result.left} snapshotId={before!.id} />
          <section className="card" aria-labelledby="changed-heading">
            <h2 id="changed-heading">{t('compareChanged')} ({result.changed.length.toLocaleString()})</h2>
            {result.changed.length === 0 ? (
              <p className="muted">{t('none')}</p>
            ) : (
              <DataTable
                rows={result.changed.slice(0, LIST_LIMIT)}
                rowKey={(change) => `${change.after.key}-${change.after.index}`}
                columns={[
                  { header: t('colName'), cell: (change) => <PageText text={change.after.name} /> },
                  { header: t('colIdentifier'), cell: (change) => <PageText text={change.after.identifier} /> },
                  {
                    header: t('compareFields'),
                    cell: (change) => (
                      <ul className="plain">
                        {change.fields.map((field) => (
                          <li key={field}>
                            <strong>{l(FIELD_LABEL[field])}</strong>: <bdi>{fieldText(change.before, field, l)}</bdi> →{' '}
                            <bdi>{fieldText(change.after, field, l)}</bdi>
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )}
            {result.changed.length > LIST_LIMIT && <p className="muted small">{t('listLimited', { n: LIST_LIMIT })}</p>}
          </section>
        </>
      )}
    </>
  );
}

function fieldText(member: Member, field: ComparedField, l: (text: Localized) => string): string {
  switch (field) {
    case 'classification':
      return l(CLASSIFICATION_LABEL[member.classification]);
    case 'status':
    case 'role':
      return member.fields[field] || '—';
    default:
      return member[field] || '—';
  }
}

function MemberList({ title, members, snapshotId }: { title: string; members: Member[]; snapshotId: string }) {
  const { t, l } = useI18n();
  // From useId, not the title: a Japanese title has no word characters, so both lists would share one id.
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({members.length.toLocaleString()})
      </h2>
      {members.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <DataTable
          rows={members.slice(0, LIST_LIMIT)}
          rowKey={(m) => `${m.key}-${m.index}`}
          columns={[
            { header: t('colName'), cell: (m) => <PageText text={m.name} /> },
            { header: t('colIdentifier'), cell: (m) => <PageText text={m.identifier} /> },
            { header: t('colDomain'), cell: (m) => <PageText text={m.domainDisplay} /> },
            {
              header: t('colClassification'),
              cell: (m) => <span className={`pill ${m.classification}`}>{l(CLASSIFICATION_LABEL[m.classification])}</span>,
            },
          ]}
        />
      )}
      {members.length > LIST_LIMIT && (
        <p className="muted small">
          {t('listLimited', { n: LIST_LIMIT })} <a href={routeHash({ view: 'roster', snapshot: snapshotId })}>{t('open')}</a>
        </p>
      )}
    </section>
  );
}
