import { useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { compareSnapshots, latestSnapshot, previousSnapshot, type SnapshotComparison } from '@/lib/db';
import { foldForSearch, memberSearchText } from '@/lib/roster-query';
import { CHANGE_KIND_LABEL, changeRows, changesCsv, changesSheet, comparedValue, COMPARED_FIELD_LABEL, type ChangeKind } from '@/lib/compare-changes';
import { encodeText } from '@/lib/csv/encode';
import { XLSX_MIME } from '@/lib/xlsx/write';
import { writeWorkbookOffThread } from './workbook-job';
import { fileNamePart } from '@/lib/formats/table';
import type { Localized } from '@/lib/i18n';
import type { Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { problemOf, type Problem } from '@/lib/problem';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { Field } from './Field';
import { formatTime, navigate, useAllSnapshots } from './hooks';
import { CLASSIFICATION_LABEL, CONSOLE_LABEL } from '@/lib/labels';
import { DataTable, PageText } from './DataTable';
import { LATEST, type SnapshotRef } from './routes';
import { downloadFile, fileStamp } from './download';
import { comparisonLimits } from '../verdict-text';

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
  const { t, l, p, lang } = useI18n();
  const all = useAllSnapshots();
  const pair = useComparedPair(a, b);
  const before = pair?.before ?? null;
  const after = pair?.after ?? null;
  const beforeId = before?.id;
  const afterId = after?.id;
  // The outcome remembers which pair it answers: another pair shows nothing until its own arrives.
  const [outcome, setOutcome] = useState<{ beforeId: string; afterId: string; result: SnapshotComparison | null; error?: Problem } | null>(null);
  const current = outcome && outcome.beforeId === beforeId && outcome.afterId === afterId ? outcome : null;
  const result = current?.result ?? null;
  const error = current?.error;

  useEffect(() => {
    if (!beforeId || !afterId) return;
    let live = true;
    compareSnapshots(rosterDb(), beforeId, afterId).then(
      (comparison) => live && setOutcome({ beforeId, afterId, result: comparison }),
      (e: unknown) => live && setOutcome({ beforeId, afterId, result: null, error: problemOf(e, 'compare') }),
    );
    return () => {
      live = false;
    };
  }, [beforeId, afterId]);

  const sameRoster = (s: Snapshot, other: Snapshot | null) => !other || (s.console === other.console && s.tenant === other.tenant);
  const pick = (side: 'a' | 'b', id: string) => navigate({ view: 'compare', a: side === 'a' ? id : before?.id, b: side === 'b' ? id : after?.id });

  return (
    <>
      <ViewHeading>{t('compareTitle')}</ViewHeading>
      <p className="subtitle muted">{t('compareIntro')}</p>
      <div className="card filters">
        <Field label={t('compareBefore')}>
          {(id) => (
            <select id={id} value={before?.id ?? ''} onChange={(e) => pick('a', e.target.value)}>
              <option value="">{t('choose')}</option>
              {(all ?? [])
                .filter((s) => sameRoster(s, after) && s.id !== after?.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {snapshotOption(s, l, lang)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('compareAfter')}>
          {(id) => (
            <select id={id} value={after?.id ?? ''} onChange={(e) => pick('b', e.target.value)}>
              <option value="">{t('choose')}</option>
              {(all ?? [])
                .filter((s) => sameRoster(s, before) && s.id !== before?.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {snapshotOption(s, l, lang)}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      {before && after && !sameRoster(before, after) && <p className="notice warn">{t('compareDifferentRosters')}</p>}
      {(!before || !after) && <p className="notice">{t('compareNeedTwo')}</p>}
      {error && <p className="error">{p(error)}</p>}
      <ProblemDetail problem={error} />
      {result && (
        <>
          {comparisonLimits({ t }, result).map((limit) => (
            <p key={limit} className="notice warn">
              {limit}
            </p>
          ))}
          <dl className="counts">
            <div>
              <dt>{t('compareJoined')}</dt>
              <dd className="internal">{result.joined.length.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('compareLeft')}</dt>
              <dd className="external">{result.left.length.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('compareChanged')}</dt>
              <dd>{result.changed.length.toLocaleString()}</dd>
            </div>
          </dl>
          <ChangeList result={result} before={before!} after={after!} />
        </>
      )}
    </>
  );
}

const PAGE_SIZE = 50;

/**
 * Every change of the comparison in one list, a page at a time: filtered by kind, searched by name,
 * ID, email or domain, and downloaded as CSV or an Excel workbook (all the changes the filter keeps, not just the page).
 */
function ChangeList({ result, before, after }: { result: SnapshotComparison; before: Snapshot; after: Snapshot }) {
  const { t, l, lang } = useI18n();
  const headingId = useId();
  const rows = useMemo(() => changeRows(result), [result]);
  const [kind, setKind] = useState<ChangeKind | ''>('');
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const shown = useMemo(() => {
    const folded = foldForSearch(text.trim());
    return rows.filter((row) => (kind === '' || row.kind === kind) && (folded === '' || memberSearchText(row.member).includes(folded)));
  }, [rows, kind, text]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const counts: Record<ChangeKind, number> = { joined: result.joined.length, left: result.left.length, changed: result.changed.length };
  const fileName = (ext: string) => `changes-${fileNamePart(after.tenant)}-${fileStamp(before.startedAt)}-${fileStamp(after.startedAt)}.${ext}`;
  const downloadCsv = () => downloadFile(encodeText(changesCsv(shown, lang), 'utf-8', true), fileName('csv'), 'text/csv;charset=utf-8');
  // The workbook is written in a worker: 10,000 changes take seconds on a busy machine, and the page stays usable.
  const [writing, setWriting] = useState<'' | 'writing' | 'failed'>('');
  const downloadXlsx = () => {
    setWriting('writing');
    writeWorkbookOffThread(changesSheet(shown, lang)).then(
      (bytes) => {
        downloadFile(bytes, fileName('xlsx'), XLSX_MIME);
        setWriting('');
      },
      () => setWriting('failed'),
    );
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('compareChanges', { n: shown.length.toLocaleString() })}</h2>
      <div className="filters">
        <Field label={t('compareKind')}>
          {(id) => (
            <select
              id={id}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ChangeKind | '');
                setPage(0);
              }}
            >
              <option value="">
                {t('all')} ({rows.length.toLocaleString()})
              </option>
              {(Object.keys(counts) as ChangeKind[]).map((k) => (
                <option key={k} value={k}>
                  {l(CHANGE_KIND_LABEL[k])} ({counts[k].toLocaleString()})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filterText')}>
          {(id) => (
            <input
              id={id}
              type="search"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setPage(0);
              }}
              placeholder={t('filterTextPlaceholder')}
            />
          )}
        </Field>
        <button type="button" onClick={downloadCsv} disabled={shown.length === 0}>
          {t('compareDownload')}
        </button>
        <button type="button" onClick={downloadXlsx} disabled={shown.length === 0 || writing === 'writing'}>
          {t('compareDownloadXlsx')}
        </button>
        <span role="status" className="small">
          {writing === 'writing' ? t('compareWritingXlsx') : writing === 'failed' ? t('compareXlsxFailed') : ''}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <DataTable
          rows={pageRows}
          rowKey={(row) => `${row.kind}-${row.member.key}-${row.member.index}`}
          columns={[
            { header: t('compareKind'), cell: (row) => <span className={`pill change-${row.kind}`}>{l(CHANGE_KIND_LABEL[row.kind])}</span> },
            { header: t('colName'), cell: (row) => <PageText text={row.member.name} /> },
            { header: t('colIdentifier'), cell: (row) => <PageText text={row.member.identifier} /> },
            { header: t('colDomain'), cell: (row) => <PageText text={row.member.domainDisplay} /> },
            {
              header: t('colClassification'),
              cell: (row) => <span className={`pill ${row.member.classification}`}>{l(CLASSIFICATION_LABEL[row.member.classification])}</span>,
            },
            {
              header: t('compareFields'),
              cell: (row) => (
                <ul className="plain">
                  {row.fields.map((field) => (
                    <li key={field}>
                      <strong>{l(COMPARED_FIELD_LABEL[field])}</strong>: <bdi>{comparedValue(row.before!, field, lang)}</bdi> →{' '}
                      <bdi>{comparedValue(row.member, field, lang)}</bdi>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('comparePages')}>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t('pagePrevious')}
          </button>
          <span aria-live="polite">{t('pageOf', { page: current + 1, pages })}</span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            {t('pageNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
