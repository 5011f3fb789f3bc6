import { useState } from 'react';
import { ROSTER_FILE_MAX_BYTES, tooLarge, unexpectedFailure } from '@/lib/files/jobs';
import { IMPORT_PROFILES } from '@/lib/import';
import type { Problem } from '@/lib/problem';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { Field } from './Field';
import { FileJobProgress, FileSizeLimit, useFileJob } from './FileJobProgress';
import { routeHash } from './routes';

/** A roster from a file becomes a snapshot exactly like a scanned page: same classification, findings and cache. */
export function ImportRoster() {
  const { t, l, p } = useI18n();
  const [profile, setProfile] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: Problem; snapshotId?: string; warnings?: Problem[]; warningCount?: number }>({
    text: '',
  });
  // A workbook of several sheets: read first on the sheet holding an email or ID column, and again on the one the admin picks.
  const [workbook, setWorkbook] = useState<{ file: File; sheets: string[]; sheet: string } | null>(null);
  const importing = useFileJob();

  const read = async (file: File, sheet?: string) => {
    // Checked before a byte is read; the worker checks again.
    if (file.size > ROSTER_FILE_MAX_BYTES) {
      const { problem } = tooLarge(file.size, ROSTER_FILE_MAX_BYTES);
      setStatus({ text: t('importFailed', { message: p(problem) }), error: problem });
      return;
    }
    setStatus({ text: t('importReading', { name: file.name }) });
    const outcome = await importing.run({
      kind: 'import-roster',
      file,
      name: file.name,
      startedAt: Date.now(),
      ...(profile ? { profile } : {}),
      ...(sheet ? { sheet } : {}),
    });
    const sheets = outcome.type === 'imported' || outcome.type === 'failed' ? (outcome.sheets ?? []) : [];
    setWorkbook(sheets.length > 1 ? { file, sheets, sheet: sheet ?? '' } : null);
    if (outcome.type === 'imported')
      setStatus({
        text: t('importDone', { n: outcome.members.toLocaleString(), name: file.name }),
        snapshotId: outcome.snapshotId,
        warnings: outcome.warnings,
        warningCount: outcome.warningCount,
      });
    else {
      const { problem } = outcome.type === 'failed' ? outcome : unexpectedFailure(outcome.type);
      setStatus({ text: t('importFailed', { message: p(problem) }), error: problem });
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
                <option value="" disabled>
                  {t('exportSheetAuto')}
                </option>
                {workbook.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <FileSizeLimit bytes={ROSTER_FILE_MAX_BYTES} />
      <FileJobProgress progress={importing.progress} onCancel={importing.cancel} />
      <p role="status" className={status.error ? 'error' : undefined}>
        {status.text} {status.snapshotId && <a href={routeHash({ view: 'roster', snapshot: status.snapshotId })}>{t('open')}</a>}
      </p>
      <ProblemDetail problem={status.error} />
      {status.warnings && status.warningCount ? <ImportWarnings warnings={status.warnings} count={status.warningCount} /> : null}
    </section>
  );
}

/** What the admin should know of an imported file (rows of the wrong width, undecodable bytes, rows left out, a workbook's links): the first few in words, and how many in all. */
function ImportWarnings({ warnings, count }: { warnings: Problem[]; count: number }) {
  const { t, p } = useI18n();
  return (
    <div className="notice warn" role="group" aria-labelledby="import-warnings-heading">
      <h3 id="import-warnings-heading">{t('importWarnings', { n: count.toLocaleString() })}</h3>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>{p(warning)}</li>
        ))}
      </ul>
      {count > warnings.length && <p>{t('importWarningsMore', { n: (count - warnings.length).toLocaleString() })}</p>}
    </div>
  );
}
