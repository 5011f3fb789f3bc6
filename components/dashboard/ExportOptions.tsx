import { useId, useState } from 'react';
import type { OutputEncoding } from '@/lib/csv/encode';
import type { ChatworkIdKind, ExportFormat, OutputKind } from '@/lib/formats';
import { formatBytes } from '@/lib/db/errors';
import { ROSTER_FILE_MAX_BYTES } from '@/lib/files/jobs';
import type { MessageKey } from '@/lib/i18n';
import type { Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { Field } from './Field';
import { formatTime } from './hooks';
import { SavedTemplates, type LoadedTemplate } from './SavedTemplates';

/** What the admin chose; an option the format does not declare is never read. */
export interface ExportChoices {
  encoding?: OutputEncoding;
  output?: OutputKind;
  /** '' reads the sheet that holds the columns the format looks for. */
  sheet: string;
  validRowsOnly: boolean;
  sso: boolean;
  chatworkIdKind?: ChatworkIdKind;
  /** The Chatwork audit to join; unset takes the newest. */
  chatworkRoster?: string;
  /** A value set for every exported member; a blank one is the admin's explicit wish to clear that column. */
  bulkValues: { header: string; value: string }[];
}

export const NO_CHOICES: ExportChoices = { sheet: '', validRowsOnly: false, sso: false, bulkValues: [] };

/** The chosen entry of a declared list when the format offers it, else the list's first (its default); undefined for an empty list. */
export function offered<T>(list: readonly T[], chosen: T | undefined): T | undefined {
  return chosen !== undefined && list.includes(chosen) ? chosen : list[0];
}

const OUTPUT_LABEL: Record<OutputKind, MessageKey> = { csv: 'exportOutputCsv', xlsx: 'exportOutputXlsx' };
const ENCODING_LABEL: Record<OutputEncoding, MessageKey> = { 'utf-8-bom': 'encodingUtf8Bom', 'utf-8': 'encodingUtf8', shift_jis: 'encodingSjis' };
const CHATWORK_ID_KIND_LABEL: Record<ChatworkIdKind, MessageKey> = { 'account-id': 'exportChatworkAccountId', 'chatwork-id': 'exportChatworkId' };

/** One control per option the format declares, in one order for every format. */
export function ExportOptions({
  format,
  choices,
  onChange,
  template,
  onTemplateFile,
  onSavedTemplate,
  sheets,
  chatworkAudits,
}: {
  format: ExportFormat;
  choices: ExportChoices;
  onChange(patch: Partial<ExportChoices>): void;
  template: LoadedTemplate | null;
  /** A file the admin chose (read and size-checked by the view). */
  onTemplateFile(file: File | undefined): void;
  onSavedTemplate(template: LoadedTemplate): void;
  sheets: readonly string[];
  chatworkAudits: readonly Snapshot[];
}) {
  const { t, l, lang } = useI18n();
  const ids = useId();
  const { options } = format;
  const usesTemplate = !!template && options.template !== 'none';
  const output = offered(options.outputs, choices.output);
  const encoding = offered(options.encodings, choices.encoding);
  const chatworkIdKind = offered(options.chatworkIdKinds, choices.chatworkIdKind);
  return (
    <>
      {options.bulkValues && format.columns.length > 0 && (
        <BulkValues format={format} values={choices.bulkValues} onChange={(bulkValues) => onChange({ bulkValues })} />
      )}
      {options.template !== 'none' && (
        <div className="field">
          <label htmlFor={`${ids}-template`}>{t('exportTemplate')}</label>
          <input
            id={`${ids}-template`}
            type="file"
            accept=".csv,.txt,text/csv,.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => onTemplateFile(e.target.files?.[0])}
            aria-describedby={`${ids}-template-help`}
          />
          <p id={`${ids}-template-help`} className="muted small">
            {options.templateHelp ? l(options.templateHelp) : t(options.template === 'required' ? 'exportTemplateRequired' : 'exportTemplateOptional')}{' '}
            {t('fileTemplateLimit', { size: formatBytes(ROSTER_FILE_MAX_BYTES) })}
            {template && ` ${t('exportTemplateLoaded', { name: template.name })}`}
          </p>
          <SavedTemplates formatId={format.id} template={template} onChoose={onSavedTemplate} />
        </div>
      )}
      {options.template !== 'none' && sheets.length > 1 && (
        <Field label={t('exportSheet')}>
          {(id) => (
            <select id={id} value={sheets.includes(choices.sheet) ? choices.sheet : ''} onChange={(e) => onChange({ sheet: e.target.value })}>
              <option value="">{t('exportSheetAuto')}</option>
              {sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {options.outputs.length > 1 && (
        <fieldset className="field">
          <legend>{t('exportOutput')}</legend>
          {options.outputs.map((kind) => (
            <label key={kind} className="check">
              <input
                type="radio"
                name={`${ids}-output`}
                value={kind}
                checked={output === kind}
                onChange={() => onChange({ output: kind })}
                disabled={usesTemplate}
              />
              {t(OUTPUT_LABEL[kind])}
            </label>
          ))}
          {usesTemplate && <p className="muted small">{t('exportTemplateKeepsKind')}</p>}
        </fieldset>
      )}
      {options.encodings.length > 1 && (
        <fieldset className="field">
          <legend>{t('exportEncoding')}</legend>
          {options.encodings.map((choice) => (
            <label key={choice} className="check">
              <input
                type="radio"
                name={`${ids}-encoding`}
                value={choice}
                checked={encoding === choice}
                onChange={() => onChange({ encoding: choice })}
                disabled={usesTemplate || output === 'xlsx'}
              />
              {t(ENCODING_LABEL[choice])}
            </label>
          ))}
          {usesTemplate && <p className="muted small">{t('exportTemplateKeepsEncoding')}</p>}
        </fieldset>
      )}
      {options.chatworkRoster && (
        <Field label={t('exportChatworkRoster')}>
          {(id) => (
            <select id={id} value={choices.chatworkRoster ?? chatworkAudits[0]?.id ?? ''} onChange={(e) => onChange({ chatworkRoster: e.target.value })}>
              {chatworkAudits.length === 0 && <option value="">{t('joinNoAudit')}</option>}
              {chatworkAudits.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.tenant} · {formatTime(s.startedAt, lang)} ({s.counts.members.toLocaleString()})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {options.chatworkIdKinds.length > 1 && (
        <fieldset className="field">
          <legend>{t('exportChatworkKind')}</legend>
          {options.chatworkIdKinds.map((kind) => (
            <label key={kind} className="check">
              <input type="radio" name={`${ids}-cw`} checked={chatworkIdKind === kind} onChange={() => onChange({ chatworkIdKind: kind })} />
              {t(CHATWORK_ID_KIND_LABEL[kind])}
            </label>
          ))}
        </fieldset>
      )}
      {options.sso && (
        <label className="check">
          <input type="checkbox" checked={choices.sso} onChange={(e) => onChange({ sso: e.target.checked })} />
          {t('exportSso')}
        </label>
      )}
      {options.validRowsOnly && (
        <label className="check">
          <input type="checkbox" checked={choices.validRowsOnly} onChange={(e) => onChange({ validRowsOnly: e.target.checked })} />
          {t('exportValidOnly')}
        </label>
      )}
    </>
  );
}

/** One value set in a column for every exported member. */
function BulkValues({
  format,
  values,
  onChange,
}: {
  format: ExportFormat;
  values: ExportChoices['bulkValues'];
  onChange(values: ExportChoices['bulkValues']): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ header: '', value: '' });
  return (
    <fieldset className="field">
      <legend>{t('exportValues')}</legend>
      <p className="muted small">{t('exportValuesHelp')}</p>
      {values.length > 0 && (
        <ul className="plain value-list">
          {values.map((entry) => (
            <li key={entry.header}>
              <code>{entry.header}</code> = {entry.value === '' ? <em>{t('exportValueBlank')}</em> : <code>{entry.value}</code>}{' '}
              <button type="button" className="link-button" onClick={() => onChange(values.filter((v) => v.header !== entry.header))}>
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
                <option key={column.header} value={column.header}>
                  {column.header}
                </option>
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
            onChange([...values.filter((v) => v.header !== draft.header), draft]);
            setDraft({ header: '', value: '' });
          }}
        >
          {t('exportValueAdd')}
        </button>
      </div>
    </fieldset>
  );
}
