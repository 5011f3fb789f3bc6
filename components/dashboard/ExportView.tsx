import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_OUTPUT_ENCODING } from '@/lib/csv/encode';
import type { ExportFormat, RowCounts } from '@/lib/formats';
import { ROSTER_FILE_MAX_BYTES, tooLarge, type BuiltExport, type FileJob } from '@/lib/files/jobs';
import { FINDING_RULES } from '@/lib/findings';
import type { Problem } from '@/lib/problem';
import { CONSOLE_LABEL } from '@/lib/labels';
import type { FindingId, Snapshot } from '@/lib/model';
import { recordExport } from '@/lib/use-cases';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { Field } from './Field';
import { downloadFile } from './download';
import { ExportOptions, NO_CHOICES, offered, type ExportChoices } from './ExportOptions';
import { EXPORT_FORMATS } from './formats';
import { formatTime, navigate, useAllSnapshots, useSnapshot } from './hooks';
import { routeHash, type SnapshotRef } from './routes';
import { DataTable, PageText } from './DataTable';
import { FileJobProgress, useFileJob } from './FileJobProgress';
import type { LoadedTemplate } from './SavedTemplates';

const ISSUE_LIMIT = 1000;

type ExportJob = Extract<FileJob, { kind: 'build-export' }>;

/** Formats that fit an audit's console first; the audit report and link list fit every roster. */
function defaultFormat(snapshot: Snapshot | null | undefined): string {
  return snapshot?.console === 'receptionist-employees' ? 'receptionist-employees' : 'audit-report';
}

/**
 * The export of one audit in one format. The controls are the options the format declares
 * (`format.options`), so this view names no format.
 */
export function ExportView({ snapshotRef, formatId }: { snapshotRef: SnapshotRef; formatId?: string | undefined }) {
  const { t, l, p, lang } = useI18n();
  const snapshot = useSnapshot(snapshotRef);
  const all = useAllSnapshots();
  const format: ExportFormat | undefined = EXPORT_FORMATS.find((f) => f.id === (formatId ?? defaultFormat(snapshot)));
  const options = format?.options;
  const [template, setTemplate] = useState<LoadedTemplate | null>(null);
  const [choices, setChoices] = useState<ExportChoices>(NO_CHOICES);
  const choose = (patch: Partial<ExportChoices>) => setChoices((current) => ({ ...current, ...patch }));
  const [findingScope, setFindingScope] = useState<FindingId | ''>('');
  // The template's worksheets, as the worker that read it last named them.
  const [sheetsOf, setSheetsOf] = useState<{ template: LoadedTemplate; sheets: string[] } | null>(null);
  const sheets = template && sheetsOf?.template === template ? sheetsOf.sheets : [];
  // The verdict (and the download notice) remembers which choices it answers, so a stale one is never
  // shown or downloaded.
  const [built, setBuilt] = useState<{ input: ExportJob; result: BuiltExport | null; error: Problem | null } | null>(null);
  const [downloaded, setDownloaded] = useState<{ input: ExportJob | null; text: string } | null>(null);

  const chatworkAudits = (all ?? []).filter((s) => s.console === 'chatwork-users');
  const chatworkId = options?.chatworkRoster ? (choices.chatworkRoster ?? chatworkAudits[0]?.id) : undefined;
  const templateBlob = useMemo(() => (template ? new Blob([template.bytes as Uint8Array<ArrayBuffer>]) : undefined), [template]);

  // A template left from another format does not apply to a format that takes none.
  const usesTemplate = !!templateBlob && !!options && options.template !== 'none';
  // The admin's choices, sent to the file worker: it reads the members from the cache and the template itself.
  const input = useMemo((): ExportJob | null => {
    if (!snapshot || !format || !options) return null;
    // Nothing is built (or offered for download) before the rosters to join are known.
    if (options.chatworkRoster && all === undefined) return null;
    const encoding = offered(options.encodings, choices.encoding);
    const output = offered(options.outputs, choices.output);
    const chatworkIdKind = offered(options.chatworkIdKinds, choices.chatworkIdKind);
    return {
      kind: 'build-export',
      formatId: format.id,
      snapshotId: snapshot.id,
      ...(findingScope ? { findingScope } : {}),
      values: options.bulkValues ? choices.bulkValues : [],
      ...(usesTemplate ? { file: templateBlob, ...(choices.sheet ? { sheet: choices.sheet } : {}) } : {}),
      ...(chatworkId ? { chatworkSnapshotId: chatworkId } : {}),
      ...(encoding ? { encoding } : {}),
      ...(output ? { output } : {}),
      ...(chatworkIdKind ? { chatworkIdKind } : {}),
      ...(options.validRowsOnly ? { validRowsOnly: choices.validRowsOnly } : {}),
      ...(options.sso ? { sso: choices.sso } : {}),
      lang,
    };
  }, [snapshot, format, options, all, chatworkId, findingScope, choices, usesTemplate, templateBlob, lang]);

  const verdict = built && built.input === input ? built : null;
  const result = verdict?.result ?? null;
  const buildError = verdict?.error ? p(verdict.error) : '';
  const status = downloaded && downloaded.input === input ? downloaded.text : '';
  const waitingForTemplate = options?.template === 'required' && !input?.file;
  const building = !!format && !!input && !waitingForTemplate && !result && !buildError;
  const buildJob = useFileJob();
  const runBuild = buildJob.run;

  // Every error is shown before anything is downloaded: the build runs in the file worker as the choices change.
  useEffect(() => {
    if (!input || waitingForTemplate) return;
    let current = true;
    void runBuild(input).then((event) => {
      if (!current) return;
      if ((event.type === 'built' || event.type === 'failed') && event.sheets && template) setSheetsOf({ template, sheets: event.sheets });
      setBuilt({ input, result: event.type === 'built' ? event.result : null, error: event.type === 'failed' ? event.problem : null });
    });
    return () => {
      current = false;
    };
  }, [input, waitingForTemplate, runBuild, template]);

  const download = async () => {
    if (!result || !snapshot || !format || !input) return;
    for (const file of result.files) downloadFile(file.bytes, file.name, file.mime);
    await recordExport(rosterDb(), {
      snapshotId: snapshot.id,
      formatId: format.id,
      files: result.files,
      rows: result.rows,
      encoding: input.file ? 'template' : input.output === 'xlsx' ? 'xlsx' : (input.encoding ?? DEFAULT_OUTPUT_ENCODING),
      time: Date.now(),
    });
    setDownloaded({ input, text: t('exportDownloaded', { files: result.files.map((f) => f.name).join(', ') }) });
  };

  const [templateRefusal, setTemplateRefusal] = useState('');
  const readTemplate = async (file: File | undefined) => {
    // Checked before a byte is read: a template is a console's own file, never this large.
    if (file && file.size > ROSTER_FILE_MAX_BYTES) {
      setTemplate(null);
      setTemplateRefusal(p(tooLarge(file.size, ROSTER_FILE_MAX_BYTES).problem));
      return;
    }
    setTemplateRefusal('');
    setTemplate(file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
  };

  const errors = result?.issueCounts.errors ?? 0;
  const warnings = result?.issueCounts.warnings ?? 0;
  const canDownload = !!result && result.files.length > 0 && !building;

  return (
    <>
      <ViewHeading>{t('exportTitle')}</ViewHeading>
      {snapshot === null && <p className="notice">{t('exportNoAudit')}</p>}
      <div className="card export-form">
        <Field label={t('exportAudit')}>
          {(id) => (
            <select
              id={id}
              value={snapshot?.id ?? ''}
              onChange={(e) => navigate({ view: 'export', snapshot: e.target.value, ...(formatId ? { format: formatId } : {}) })}
            >
              {!snapshot && <option value="">{t('choose')}</option>}
              {(all ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {l(CONSOLE_LABEL[s.console])} · {s.tenant} · {formatTime(s.startedAt, lang)} ({s.counts.members.toLocaleString()})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('exportFormat')}>
          {(id) => (
            <select
              id={id}
              value={format?.id ?? ''}
              onChange={(e) => navigate({ view: 'export', snapshot: snapshot?.id ?? snapshotRef, format: e.target.value })}
            >
              {!format && <option value="">{formatId ? t('exportUnknownFormat', { id: formatId }) : t('choose')}</option>}
              {EXPORT_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {l(f.label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {snapshot && (
          <Field label={t('exportScope')}>
            {(id) => (
              <select id={id} value={findingScope} onChange={(e) => setFindingScope(e.target.value as FindingId | '')}>
                <option value="">{t('exportScopeAll', { n: snapshot.counts.members.toLocaleString() })}</option>
                {FINDING_RULES.filter((rule) => (snapshot.counts.findings[rule.id] ?? 0) > 0).map((rule) => (
                  <option key={rule.id} value={rule.id}>
                    {t('exportScopeFinding', { finding: l(rule.title), n: (snapshot.counts.findings[rule.id] ?? 0).toLocaleString() })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {format && (
          <ExportOptions
            format={format}
            choices={choices}
            onChange={choose}
            template={template}
            onTemplateFile={(file) => void readTemplate(file)}
            onSavedTemplate={setTemplate}
            sheets={sheets}
            chatworkAudits={chatworkAudits}
          />
        )}
      </div>

      <section className="card" aria-labelledby="export-check-heading">
        <h2 id="export-check-heading">{t('exportCheck')}</h2>
        <p role="status" aria-live="polite">
          {building
            ? t('exportBuilding')
            : waitingForTemplate
              ? t('exportNeedTemplate')
              : result
                ? result.files.length > 0
                  ? t('exportReady', { errors, warnings, files: result.files.length })
                  : t('exportRefused', { errors })
                : ''}
        </p>
        {building && <FileJobProgress progress={buildJob.progress} onCancel={buildJob.cancel} />}
        {buildError && <p className="error">{buildError}</p>}
        <ProblemDetail problem={verdict?.error ?? undefined} />
        {templateRefusal && <p className="error">{templateRefusal}</p>}
        {result && result.issues.length > 0 && (
          <DataTable
            className="table-wrap issues"
            caption={t('exportIssues')}
            rows={result.issues}
            rowKey={(_, i) => String(i)}
            columns={[
              {
                header: t('exportSeverity'),
                cell: (issue) => (
                  <span className={`badge ${issue.severity === 'error' ? 'critical' : 'warning'}`}>
                    {issue.severity === 'error' ? t('exportError') : t('exportWarning')}
                  </span>
                ),
              },
              { header: t('exportRow'), cell: (issue) => issue.row ?? '—', className: 'num' },
              { header: t('exportColumn'), cell: (issue) => issue.column ?? '—' },
              { header: t('colName'), cell: (issue) => <PageText text={issue.member} /> },
              { header: t('exportMessage'), cell: (issue) => p(issue.problem) },
            ]}
          >
            {errors + warnings > result.issues.length && (
              <p className="muted small">{t('listMore', { n: result.issues.length, rest: errors + warnings - result.issues.length })}</p>
            )}
          </DataTable>
        )}
        {result && result.skippedRows.length > 0 && (
          <details open>
            <summary>{t('exportSkipped', { n: result.skippedRows.length })}</summary>
            <ul className="plain">
              {result.skippedRows.slice(0, ISSUE_LIMIT).map((row) => (
                <li key={`${row.row}-${row.member}`}>
                  {t('exportRow')} {row.row}: <bdi>{row.name || row.member}</bdi>
                </li>
              ))}
            </ul>
          </details>
        )}
        {result?.rowCounts && <RowCountsNotice counts={result.rowCounts} />}
        {result && result.changedCells > 0 && <p className="small">{t('exportChangedCells', { n: result.changedCells })}</p>}
        <div className="form-actions">
          <button className="primary" disabled={!canDownload} onClick={() => void download()}>
            {t('exportDownload')}
            {result?.files.length === 1 ? ` (${result.files[0]!.name})` : result && result.files.length > 1 ? ` (${result.files.length})` : ''}
          </button>
          {snapshot && <a href={routeHash({ view: 'roster', snapshot: snapshot.id })}>{t('open')}</a>}
        </div>
        <p role="status">{status}</p>
      </section>
    </>
  );
}

/** What the upload does to the console's people, before anything is downloaded. */
function RowCountsNotice({ counts }: { counts: RowCounts }) {
  const { t } = useI18n();
  if (counts.mode === 'overwrite') return <p className="notice">{t('exportOverwrite', { ...counts, removes: counts.removes ?? 0 })}</p>;
  return (
    <div className="notice">
      <p>
        <strong>{t('exportAddOnly')}</strong>
      </p>
      <p>{t('exportAddCounts', { rows: counts.rows, keeps: counts.keeps, adds: counts.adds })}</p>
      <p>{counts.removes === undefined ? t('exportAddWouldDeleteUnknown') : t('exportAddWouldDelete', { removes: counts.removes })}</p>
    </div>
  );
}
