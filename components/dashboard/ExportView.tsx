import { useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { logExport, membersOf } from '@/lib/db';
import type { OutputEncoding } from '@/lib/csv/encode';
import type { BuildResult, ExportFormat, FormatInput, OutputKind, RowCounts } from '@/lib/formats';
import { sheetNames } from '@/lib/xlsx/table';
import { formatBytes } from '@/lib/db/errors';
import { ROSTER_FILE_MAX_BYTES, tooLarge } from '@/lib/files/jobs';
import { FINDING_RULES } from '@/lib/findings';
import type { FindingId, Member, Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { Field } from './Field';
import { downloadFile } from './download';
import { EXPORT_FORMATS } from './formats';
import { formatTime, navigate, useAllSnapshots, useSnapshot } from './hooks';
import { CONSOLE_LABEL } from '@/lib/labels';
import { routeHash, type SnapshotRef } from './routes';
import { DataTable, PageText } from './DataTable';
import { SavedTemplates } from './SavedTemplates';

const ENCODINGS: { id: OutputEncoding; label: 'encodingUtf8Bom' | 'encodingUtf8' | 'encodingSjis' }[] = [
  { id: 'utf-8-bom', label: 'encodingUtf8Bom' },
  { id: 'utf-8', label: 'encodingUtf8' },
  { id: 'shift_jis', label: 'encodingSjis' },
];
const ISSUE_LIMIT = 1000;

/** Formats that fit an audit's console first; the audit report and link list fit every roster. */
function defaultFormat(snapshot: Snapshot | null | undefined): string {
  return snapshot?.console === 'receptionist-employees' ? 'receptionist-employees' : 'audit-report';
}

export function ExportView({ snapshotRef, formatId }: { snapshotRef: SnapshotRef; formatId?: string | undefined }) {
  const { t, l, lang } = useI18n();
  const snapshot = useSnapshot(snapshotRef);
  const all = useAllSnapshots();
  const ids = useId();
  const format: ExportFormat | undefined = EXPORT_FORMATS.find((f) => f.id === (formatId ?? defaultFormat(snapshot)));
  const [template, setTemplate] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [encoding, setEncoding] = useState<OutputEncoding>('utf-8-bom');
  const [output, setOutput] = useState<OutputKind>('csv');
  // '' reads the sheet that holds the columns the format looks for.
  const [sheet, setSheet] = useState('');
  const sheets = useMemo(() => (template ? sheetNames(template.bytes) : []), [template]);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [sso, setSso] = useState(false);
  const [chatworkIdKind, setChatworkIdKind] = useState<'account-id' | 'chatwork-id'>('account-id');
  const [chatworkChoice, setChatworkChoice] = useState<string | undefined>();
  const [findingScope, setFindingScope] = useState<FindingId | ''>('');
  const [bulkValues, setBulkValues] = useState<{ header: string; value: string }[]>([]);
  const [draft, setDraft] = useState({ header: '', value: '' });
  // The verdict (and the download notice) remembers which choices it answers, so a stale one is never
  // shown or downloaded.
  const [built, setBuilt] = useState<{ input: FormatInput; result: BuildResult | null; error: string } | null>(null);
  const [downloaded, setDownloaded] = useState<{ input: FormatInput | null; text: string } | null>(null);

  const chatworkAudits = (all ?? []).filter((s) => s.console === 'chatwork-users');
  const chatworkId = format?.id === 'receptionist-employees' ? (chatworkChoice ?? chatworkAudits[0]?.id) : undefined;
  const members = useLiveQuery(async (): Promise<Member[] | null> => (snapshot ? membersOf(rosterDb(), snapshot.id).toArray() : null), [snapshot?.id]);
  const chatworkByEmail = useLiveQuery(async () => {
    if (!chatworkId) return undefined;
    const map = new Map<string, Member>();
    await membersOf(rosterDb(), chatworkId).each((m) => {
      if (m.normalizedEmail && !map.has(m.normalizedEmail)) map.set(m.normalizedEmail, m);
    });
    return map;
  }, [chatworkId]);

  const input = useMemo((): FormatInput | null => {
    if (!snapshot || !members) return null;
    // Nothing is built (or offered for download) before the roster to join has loaded.
    if (format?.id === 'receptionist-employees' && (all === undefined || (chatworkId && !chatworkByEmail))) return null;
    const chosen = findingScope ? members.filter((m) => m.findingIds.includes(findingScope)) : members;
    // A value set for every exported member; a blank one is the admin's explicit wish to clear that column.
    const typed = Object.fromEntries(bulkValues.map(({ header, value }) => [header, value]));
    const values = bulkValues.length > 0 ? new Map(chosen.map((m) => [m.key, typed])) : undefined;
    const allowClear = new Set(bulkValues.filter((v) => v.value === '').map((v) => v.header));
    return {
      snapshot,
      members: chosen,
      rosterMembers: members,
      ...(values ? { values, allowClear } : {}),
      ...(template ? { template: template.bytes, ...(sheet && sheets.includes(sheet) ? { sheet } : {}) } : {}),
      ...(chatworkByEmail ? { chatworkByEmail } : {}),
      encoding,
      output,
      validRowsOnly,
      sso,
      chatworkIdKind,
      lang,
    };
  }, [snapshot, members, format?.id, all, chatworkId, findingScope, bulkValues, template, sheet, sheets, chatworkByEmail, encoding, output, validRowsOnly, sso, chatworkIdKind, lang]);

  const verdict = built && built.input === input ? built : null;
  const result = verdict?.result ?? null;
  const buildError = verdict?.error ?? '';
  const status = downloaded && downloaded.input === input ? downloaded.text : '';
  // A template left from another format does not apply to a format that takes none.
  const usesTemplate = !!template && format?.template !== 'none';
  const waitingForTemplate = format?.template === 'required' && !input?.template;
  const building = !!format && !!input && !waitingForTemplate && !result && !buildError;

  // Every error is shown before anything is downloaded: the build runs as the choices change.
  useEffect(() => {
    if (!format || !input) return;
    if (format.template === 'required' && !input.template) return;
    const timer = setTimeout(() => {
      try {
        setBuilt({ input, result: format.build(input), error: '' });
      } catch (error) {
        setBuilt({ input, result: null, error: error instanceof Error ? error.message : String(error) });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [format, input]);

  const download = async () => {
    if (!result || !snapshot || !format) return;
    for (const file of result.files) downloadFile(file.bytes, file.name, file.mime);
    const rows = (input?.members.length ?? 0) - result.skippedRows.length;
    for (const file of result.files) {
      await logExport(rosterDb(), {
        id: crypto.randomUUID(),
        time: Date.now(),
        snapshotId: snapshot.id,
        formatId: format.id,
        fileName: file.name,
        rows: Math.max(0, rows),
        encoding: template ? 'template' : output === 'xlsx' ? 'xlsx' : encoding,
      });
    }
    setDownloaded({ input, text: t('exportDownloaded', { files: result.files.map((f) => f.name).join(', ') }) });
  };

  const [templateRefusal, setTemplateRefusal] = useState('');
  const readTemplate = async (file: File | undefined) => {
    // Checked before a byte is read: a template is a console's own file, never this large.
    if (file && file.size > ROSTER_FILE_MAX_BYTES) {
      setTemplate(null);
      setTemplateRefusal(l(tooLarge(file.size, ROSTER_FILE_MAX_BYTES).text));
      return;
    }
    setTemplateRefusal('');
    setTemplate(file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
  };

  const errors = result?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = result?.issues.filter((i) => i.severity === 'warning') ?? [];
  const canDownload = !!result && result.files.length > 0 && !building;

  return (
    <>
      <ViewHeading>{t('exportTitle')}</ViewHeading>
      {snapshot === null && <p className="notice">{t('exportNoAudit')}</p>}
      <div className="card export-form">
        <Field label={t('exportAudit')}>
          {(id) => (
            <select id={id}
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
            <select id={id}
            value={format?.id ?? ''}
            onChange={(e) => navigate({ view: 'export', snapshot: snapshot?.id ?? snapshotRef, format: e.target.value })}
          >
            {!format && <option value="">{formatId ? t('exportUnknownFormat', { id: formatId }) : t('choose')}</option>}
            {EXPORT_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>{l(f.label)}</option>
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
        {format && format.columns.length > 0 && format.id !== 'audit-report' && (
          <fieldset className="field">
            <legend>{t('exportValues')}</legend>
            <p className="muted small">{t('exportValuesHelp')}</p>
            {bulkValues.length > 0 && (
              <ul className="plain value-list">
                {bulkValues.map((entry) => (
                  <li key={entry.header}>
                    <code>{entry.header}</code> = {entry.value === '' ? <em>{t('exportValueBlank')}</em> : <code>{entry.value}</code>}{' '}
                    <button type="button" className="link-button" onClick={() => setBulkValues((list) => list.filter((v) => v.header !== entry.header))}>
                      {t('exportValueRemove', { column: entry.header })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="filters">
              <Field label={t('exportColumn')}>
                {(id) => (
                  <select id={id} value={draft.header} onChange={(e) => setDraft((d) => ({ ...d, header: e.target.value }))}>
                    <option value="">{t('choose')}</option>
                    {format.columns.map((column) => (
                      <option key={column.header} value={column.header}>{column.header}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('exportValue')}>
                {(id) => <input id={id} type="text" value={draft.value} onChange={(e) => setDraft((d) => ({ ...d, value: e.target.value }))} />}
              </Field>
              <button
                type="button"
                disabled={!draft.header}
                onClick={() => {
                  setBulkValues((list) => [...list.filter((v) => v.header !== draft.header), draft]);
                  setDraft({ header: '', value: '' });
                }}
              >
                {t('exportValueAdd')}
              </button>
            </div>
          </fieldset>
        )}
        {format && format.template !== 'none' && (
          <div className="field">
            <label htmlFor={`${ids}-template`}>{t('exportTemplate')}</label>
            <input id={`${ids}-template`} type="file" accept=".csv,.txt,text/csv,.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void readTemplate(e.target.files?.[0])} aria-describedby={`${ids}-template-help`} />
            <p id={`${ids}-template-help`} className="muted small">
              {format.id === 'receptionist-employees'
                ? t('exportReceptionistTemplate')
                : format.template === 'required'
                  ? t('exportTemplateRequired')
                  : t('exportTemplateOptional')}{' '}
              {t('fileTemplateLimit', { size: formatBytes(ROSTER_FILE_MAX_BYTES) })}
              {template && ` ${t('exportTemplateLoaded', { name: template.name })}`}
            </p>
            <SavedTemplates formatId={format.id} template={template} onChoose={setTemplate} />
          </div>
        )}
        {format && format.template !== 'none' && sheets.length > 1 && (
          <Field label={t('exportSheet')}>
            {(id) => (
              <select id={id} value={sheets.includes(sheet) ? sheet : ''} onChange={(e) => setSheet(e.target.value)}>
                <option value="">{t('exportSheetAuto')}</option>
                {sheets.map((name) => (
                  <option key={name} value={name}>{name}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        <fieldset className="field">
          <legend>{t('exportOutput')}</legend>
          {(['csv', 'xlsx'] as const).map((kind) => (
            <label key={kind} className="check">
              <input type="radio" name={`${ids}-output`} value={kind} checked={output === kind} onChange={() => setOutput(kind)} disabled={usesTemplate} />
              {t(kind === 'csv' ? 'exportOutputCsv' : 'exportOutputXlsx')}
            </label>
          ))}
          {usesTemplate && <p className="muted small">{t('exportTemplateKeepsKind')}</p>}
        </fieldset>
        <fieldset className="field">
          <legend>{t('exportEncoding')}</legend>
          {ENCODINGS.map((choice) => (
            <label key={choice.id} className="check">
              <input type="radio" name={`${ids}-encoding`} value={choice.id} checked={encoding === choice.id} onChange={() => setEncoding(choice.id)} disabled={!!template || output === 'xlsx'} />
              {t(choice.label)}
            </label>
          ))}
          {template && <p className="muted small">{t('exportTemplateKeepsEncoding')}</p>}
        </fieldset>
        {format?.id === 'receptionist-employees' && (
          <>
            <Field label={t('exportChatworkRoster')}>
              {(id) => (
                <select id={id} value={chatworkId ?? ''} onChange={(e) => setChatworkChoice(e.target.value)}>
                {chatworkAudits.length === 0 && <option value="">{t('joinNoAudit')}</option>}
                {chatworkAudits.map((s) => (
                  <option key={s.id} value={s.id}>{s.tenant} · {formatTime(s.startedAt, lang)} ({s.counts.members.toLocaleString()})</option>
                ))}
              </select>
              )}
            </Field>
            <fieldset className="field">
              <legend>{t('exportChatworkKind')}</legend>
              <label className="check">
                <input type="radio" name={`${ids}-cw`} checked={chatworkIdKind === 'account-id'} onChange={() => setChatworkIdKind('account-id')} />
                {t('exportChatworkAccountId')}
              </label>
              <label className="check">
                <input type="radio" name={`${ids}-cw`} checked={chatworkIdKind === 'chatwork-id'} onChange={() => setChatworkIdKind('chatwork-id')} />
                {t('exportChatworkId')}
              </label>
            </fieldset>
          </>
        )}
        {format?.id.startsWith('lineworks-bulk-add') && (
          <label className="check">
            <input type="checkbox" checked={sso} onChange={(e) => setSso(e.target.checked)} />
            {t('exportSso')}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={validRowsOnly} onChange={(e) => setValidRowsOnly(e.target.checked)} />
          {t('exportValidOnly')}
        </label>
      </div>

      <section className="card" aria-labelledby="export-check-heading">
        <h2 id="export-check-heading">{t('exportCheck')}</h2>
        <p role="status" aria-live="polite">
          {building
            ? t('exportBuilding')
            : format?.template === 'required' && !template
              ? t('exportNeedTemplate')
              : result
                ? result.files.length > 0
                  ? t('exportReady', { errors: errors.length, warnings: warnings.length, files: result.files.length })
                  : t('exportRefused', { errors: errors.length })
                : ''}
        </p>
        {buildError && <p className="error">{buildError}</p>}
        {templateRefusal && <p className="error">{templateRefusal}</p>}
        {result && result.issues.length > 0 && (
          <DataTable
            className="table-wrap issues"
            caption={t('exportIssues')}
            rows={result.issues.slice(0, ISSUE_LIMIT)}
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
              { header: t('exportMessage'), cell: (issue) => l(issue.message) },
            ]}
          >
            {result.issues.length > ISSUE_LIMIT && <p className="muted small">{t('listLimited', { n: ISSUE_LIMIT })}</p>}
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
        {result && result.changedCells && result.changedCells.length > 0 && (
          <p className="small">{t('exportChangedCells', { n: result.changedCells.length })}</p>
        )}
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
      <p><strong>{t('exportAddOnly')}</strong></p>
      <p>{t('exportAddCounts', { rows: counts.rows, keeps: counts.keeps, adds: counts.adds })}</p>
      <p>{counts.removes === undefined ? t('exportAddWouldDeleteUnknown') : t('exportAddWouldDelete', { removes: counts.removes })}</p>
    </div>
  );
}
