import { useState } from 'react';
import { buildSnapshot } from '@/lib/audit';
import { getPolicy, saveSnapshot } from '@/lib/db';
import { IMPORT_PROFILES, importRoster } from '@/lib/import';
import { sheetNames } from '@/lib/xlsx/table';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { Field } from './Field';
import { routeHash } from './routes';

/** A roster from a file becomes a snapshot exactly like a scanned page: same classification, findings and cache. */
export function ImportRoster() {
  const { t, l } = useI18n();
  const [profile, setProfile] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean; snapshotId?: string }>({ text: '' });
  // A workbook of several sheets: read first on the sheet holding an email or ID column, and again on the one the admin picks.
  const [workbook, setWorkbook] = useState<{ file: File; sheets: string[]; sheet: string } | null>(null);

  const read = async (file: File, sheet?: string) => {
    setStatus({ text: t('importReading', { name: file.name }) });
    const startedAt = Date.now();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sheets = sheetNames(bytes);
    setWorkbook(sheets.length > 1 ? { file, sheets, sheet: sheet ?? '' } : null);
    const imported = importRoster(bytes, { ...(profile ? { profile } : {}), ...(sheet ? { sheet } : {}) });
    if (!imported.ok) {
      setStatus({ text: t('importFailed', { message: l(imported.error.message) }), error: true });
      return;
    }
    try {
      const db = rosterDb();
      const tenant = imported.tenant || file.name;
      const { snapshot, members } = buildSnapshot(
        imported.rows,
        { console: imported.console, profile: imported.profile, tenant, sourceUrl: `file:${file.name}`, title: file.name, headers: imported.headers, startedAt, pagesRead: 1 },
        { snapshotId: crypto.randomUUID(), policy: await getPolicy(db, tenant), completeness: { verdict: 'complete', evidence: 'file', read: imported.rows.length }, finishedAt: Date.now() },
      );
      await saveSnapshot(db, snapshot, members, { estimate: () => navigator.storage.estimate() });
      setStatus({ text: t('importDone', { n: members.length.toLocaleString(), name: file.name }), snapshotId: snapshot.id });
    } catch (error) {
      setStatus({ text: t('importFailed', { message: error instanceof Error ? error.message : String(error) }), error: true });
    }
  };

  const chooseSheet = (sheet: string) => {
    if (workbook) void read(workbook.file, sheet);
  };

  return (
    <section className="card" aria-labelledby="import-roster-heading">
      <h2 id="import-roster-heading">{t('importTitle')}</h2>
      <p className="muted small">{t('importHelp')}</p>
      <div className="filters">
        <Field label={t('importKind')}>
          {(id) => (
            <select id={id} value={profile} onChange={(e) => setProfile(e.target.value)}>
              <option value="">{t('importAuto')}</option>
              {IMPORT_PROFILES.map((p) => (
                <option key={p.id} value={p.id}>
                  {l(p.label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('importFile')}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void read(file);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        {workbook && (
          <Field label={t('exportSheet')}>
            {(id) => (
              <select id={id} value={workbook.sheet} onChange={(e) => chooseSheet(e.target.value)}>
                <option value="" disabled>{t('exportSheetAuto')}</option>
                {workbook.sheets.map((name) => (
                  <option key={name} value={name}>{name}</option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <p role="status" className={status.error ? 'error' : undefined}>
        {status.text}{' '}
        {status.snapshotId && <a href={routeHash({ view: 'roster', snapshot: status.snapshotId })}>{t('open')}</a>}
      </p>
    </section>
  );
}
