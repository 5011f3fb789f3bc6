import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { deleteTemplate, listTemplates, saveTemplate } from '@/lib/db';
import { useI18n } from '../i18n-context';
import { rosterDb } from '../db';
import { Field } from './Field';

export interface LoadedTemplate {
  name: string;
  bytes: Uint8Array;
}

/**
 * Templates kept for next time, only when the admin asks: a console's export holds the roster
 * itself, so nothing is remembered silently.
 */
export function SavedTemplates({
  formatId,
  template,
  onChoose,
}: {
  formatId: string;
  template: LoadedTemplate | null;
  onChoose(template: LoadedTemplate): void;
}) {
  const { t } = useI18n();
  const saved = useLiveQuery(() => listTemplates(rosterDb(), formatId), [formatId]) ?? [];
  const [message, setMessage] = useState('');
  const chosen = saved.find((s) => template && s.name === template.name && s.bytes.length === template.bytes.length);

  const remember = async () => {
    if (!template) return;
    await saveTemplate(rosterDb(), { id: crypto.randomUUID(), name: template.name, formatId, bytes: new Uint8Array(template.bytes), savedAt: Date.now() });
    setMessage(t('exportRemembered', { name: template.name }));
  };
  const forget = async () => {
    if (!chosen) return;
    await deleteTemplate(rosterDb(), chosen.id);
    setMessage(t('exportForgotten', { name: chosen.name }));
  };

  return (
    <div className="saved-templates">
      {saved.length > 0 && (
        <Field label={t('exportSavedTemplates')}>
          {(id) => (
            <select
              id={id}
              value={chosen?.id ?? ''}
              onChange={(e) => {
                const pick = saved.find((s) => s.id === e.target.value);
                if (pick) onChoose({ name: pick.name, bytes: pick.bytes });
              }}
            >
              <option value="">{t('choose')}</option>
              {saved.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} · {new Date(s.savedAt).toLocaleString()}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions">
        {template && !chosen && <button onClick={() => void remember()}>{t('exportRemember')}</button>}
        {chosen && <button onClick={() => void forget()}>{t('exportForget')}</button>}
      </div>
      <p role="status" className="small">
        {message}
      </p>
    </div>
  );
}
