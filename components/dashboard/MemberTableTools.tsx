import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MessageKey, Translate } from '@/lib/i18n';
import { findingRule } from '@/lib/findings';
import type { ConsoleId, Snapshot } from '@/lib/model';
import type { MemberFilter, MemberSort } from '@/lib/roster-query';
import {
  COLUMN_WIDTH,
  KEY_COLUMN,
  NATURAL_LAYOUT,
  setColumnShown,
  widthAfterKey,
  type ColumnLayout,
  type MemberColumnId,
  type MemberColumnSpec,
} from '@/lib/member-table/columns';
import {
  applyView,
  deleteView,
  loadLayout,
  loadViews,
  renameView,
  saveLayout,
  saveView,
  SKIPPED_PART_TEXT,
  VIEW_NAME_MAX,
  VIEW_NAME_PROBLEM_TEXT,
  viewOf,
  type SavedView,
  type SkippedPart,
  type TableState,
  type ViewsChange,
  type ViewTarget,
} from '@/lib/member-table/saved-views';
import { useI18n } from '../i18n-context';
import { downloadFile } from './download';
import { Field } from './Field';
import type { RosterWorker } from './useRosterWorker';

/** The member table's tools: the column chooser, resize handles, saved views and the download of the rows shown. */

const COLUMN_WORDS: Record<Exclude<MemberColumnId, 'index'>, MessageKey> = {
  name: 'colName',
  identifier: 'colIdentifier',
  domain: 'colDomain',
  classification: 'colClassification',
  link: 'colLinkStatus',
  findings: 'findings',
};

export function columnLabel(id: MemberColumnId, t: Translate): string {
  return id === 'index' ? '#' : t(COLUMN_WORDS[id]);
}

/**
 * The console's column layout, read from storage.local once per console and written back on every
 * change the admin makes; `live` changes (a drag under way) are shown without being written.
 */
export function useColumnLayout(console: ConsoleId): [ColumnLayout, (layout: ColumnLayout, live?: boolean) => void] {
  const [layout, setLayout] = useState<{ console: ConsoleId; layout: ColumnLayout }>({ console, layout: NATURAL_LAYOUT });
  useEffect(() => {
    let current = true;
    // Storage that cannot be read leaves the natural layout: the table still works, only unarranged.
    loadLayout(browser.storage.local, console).then(
      (stored) => current && setLayout({ console, layout: stored }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [console]);
  // One function per console: the table's memoised header is not drawn again for it.
  const change = useCallback(
    (next: ColumnLayout, live = false) => {
      setLayout({ console, layout: next });
      // A layout that cannot be written holds on screen until the page is reloaded; nothing else is lost.
      if (!live) saveLayout(browser.storage.local, console, next).catch(() => undefined);
    },
    [console],
  );
  return [layout.console === console ? layout.layout : NATURAL_LAYOUT, change];
}

/** Show or hide columns; the name column is always shown (its box is checked and cannot be cleared). */
export function ColumnChooser({
  columns,
  layout,
  onChange,
}: {
  columns: readonly MemberColumnSpec[];
  layout: ColumnLayout;
  onChange: (layout: ColumnLayout) => void;
}) {
  const { t } = useI18n();
  return (
    <details className="table-tool">
      <summary>{t('tableColumns')}</summary>
      <fieldset className="tool-panel">
        <legend className="sr-only">{t('tableColumns')}</legend>
        {columns.map(({ id }) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={id === KEY_COLUMN || !layout.hidden.includes(id)}
              disabled={id === KEY_COLUMN}
              onChange={(e) => onChange(setColumnShown(layout, id, e.target.checked))}
            />
            {id === KEY_COLUMN ? t('tableColumnAlways', { column: columnLabel(id, t) }) : columnLabel(id, t)}
          </label>
        ))}
        <button type="button" onClick={() => onChange(NATURAL_LAYOUT)}>
          {t('tableColumnsReset')}
        </button>
      </fieldset>
    </details>
  );
}

/**
 * A column's right edge: drag it, or focus it and press the arrow keys (Shift for bigger steps, Home
 * and End for the bounds). A focusable separator is a widget with a value: its width in pixels.
 */
export function ResizeHandle({ label, width, onResize }: { label: string; width: number; onResize: (px: number, live?: boolean) => void }) {
  const { t } = useI18n();
  const drag = useRef<{ x: number; width: number; px: number } | undefined>(undefined);
  const onKeyDown = (e: KeyboardEvent) => {
    const next = widthAfterKey(width, e.key, e.shiftKey);
    if (next === undefined) return;
    e.preventDefault();
    onResize(next);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: e.clientX, width, px: width };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current) return;
    drag.current.px = drag.current.width + e.clientX - drag.current.x;
    onResize(drag.current.px, true);
  };
  const onPointerUp = () => {
    if (drag.current) onResize(drag.current.px);
    drag.current = undefined;
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('tableColumnWidth', { column: label })}
      aria-valuenow={Math.round(width)}
      aria-valuemin={COLUMN_WIDTH.min}
      aria-valuemax={COLUMN_WIDTH.max}
      tabIndex={0}
      className="resize-handle"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}

function skippedWords(part: SkippedPart, t: Translate, l: (text: { ja: string; en: string }, params?: Record<string, string>) => string): string {
  const text = SKIPPED_PART_TEXT[part.kind];
  switch (part.kind) {
    case 'column':
      return l(text, { column: columnLabel(part.column, t) });
    case 'finding':
      return l(text, { finding: l(findingRule(part.finding).title) });
    case 'domain':
      return l(text, { domain: part.domain });
    default:
      return l(text);
  }
}

/** Save the table's state under a name; apply, rename or delete a saved one. Views belong to the console, not to one audit. */
export function SavedViews({
  console,
  state,
  shown,
  target,
  onApply,
}: {
  console: ConsoleId;
  state: TableState;
  shown: readonly MemberColumnSpec[];
  /** Undefined until the roster's counts are known: a view's finding and domain filters are checked against them. */
  target: ViewTarget | undefined;
  onApply: (state: TableState) => void;
}) {
  const { t, l, lang } = useI18n();
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  useEffect(() => {
    void loadViews(browser.storage.local, console).then(setViews, () => setStatus({ text: t('viewsUnavailable'), error: true }));
  }, [console, t]);

  const change = async (work: () => Promise<ViewsChange>, done: (views: SavedView[]) => string) => {
    try {
      const result = await work();
      if (!result.ok) {
        setStatus({ text: l(VIEW_NAME_PROBLEM_TEXT[result.problem]), error: true });
        return;
      }
      setViews(result.views);
      setStatus({ text: done(result.views) });
    } catch {
      setStatus({ text: t('viewsUnavailable'), error: true });
    }
  };
  const save = () =>
    change(
      () => saveView(browser.storage.local, console, viewOf(name, state, shown, Date.now())),
      () => {
        setChosen(name.trim());
        setName('');
        return t('viewSaved', { name: name.trim() });
      },
    );
  const rename = () =>
    change(
      () => renameView(browser.storage.local, console, chosen, newName),
      () => {
        setChosen(newName.trim());
        setNewName('');
        return t('viewRenamed', { name: newName.trim() });
      },
    );
  const remove = () =>
    change(
      () => deleteView(browser.storage.local, console, chosen),
      () => {
        setChosen('');
        return t('viewDeleted', { name: chosen });
      },
    );
  const apply = () => {
    const view = views.find((v) => v.name === chosen);
    if (!view || !target) return;
    const { skipped, ...applied } = applyView(view, target);
    onApply(applied);
    const list = lang === 'ja' ? '、' : '; ';
    setStatus({
      text:
        skipped.length === 0
          ? t('viewApplied', { name: view.name })
          : t('viewAppliedSkipping', { name: view.name, skipped: skipped.map((part) => skippedWords(part, t, l)).join(list) }),
    });
  };

  return (
    <details className="table-tool">
      <summary>
        {t('viewsTitle')} ({views.length.toLocaleString()})
      </summary>
      <div className="tool-panel">
        <p className="muted small">{t('viewsHelp')}</p>
        <form
          className="tool-row"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t('viewName')}>
            {(id) => <input id={id} type="text" value={name} maxLength={VIEW_NAME_MAX} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit">{t('viewSave')}</button>
        </form>
        {views.length > 0 && (
          <>
            <div className="tool-row">
              <Field label={t('viewChoose')}>
                {(id) => (
                  <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                    <option value="">{t('viewNone')}</option>
                    {views.map((view) => (
                      <option key={view.name} value={view.name}>
                        {view.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="button" className="primary" disabled={!chosen || !target} onClick={apply}>
                {t('viewApply')}
              </button>
              <button type="button" disabled={!chosen} onClick={() => void remove()}>
                {t('delete')}
              </button>
            </div>
            <form
              className="tool-row"
              onSubmit={(e) => {
                e.preventDefault();
                void rename();
              }}
            >
              <Field label={t('viewNewName')}>
                {(id) => <input id={id} type="text" value={newName} maxLength={VIEW_NAME_MAX} onChange={(e) => setNewName(e.target.value)} />}
              </Field>
              <button type="submit" disabled={!chosen}>
                {t('viewRename')}
              </button>
            </form>
          </>
        )}
      </div>
      <p role="status" className={status.error ? 'error small' : 'small'}>
        {status.text}
      </p>
    </details>
  );
}

/**
 * Downloads exactly the rows the table shows: the roster worker hands over every match in the table's
 * order a chunk at a time, and each chunk becomes CSV lines before the next arrives, so the page stays
 * responsive for 100,000 members and never holds them all.
 */
export function DownloadRows({
  snapshot,
  roster,
  filter,
  sort,
  shown,
  total,
}: {
  snapshot: Snapshot;
  roster: RosterWorker;
  filter: MemberFilter;
  sort: MemberSort;
  shown: readonly MemberColumnId[];
  total: number | undefined;
}) {
  const { t, lang } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  const download = async () => {
    let done = 0;
    setStatus({ text: '' });
    setProgress({ done, total: total ?? 0 });
    try {
      // The CSV writer (and the encoders it carries) loads on the first download, not with the table.
      const { exportColumns, exportCsvHead, exportCsvLines, exportFileName } = await import('@/lib/member-table/export-rows');
      const columns = exportColumns(shown, lang);
      const context = { snapshot, lang };
      const parts = [exportCsvHead(columns)];
      const written = await roster.allRows({ filter, sort }, (rows, all) => {
        parts.push(exportCsvLines(columns, rows, context));
        done += rows.length;
        setProgress({ done, total: all });
      });
      const name = exportFileName(snapshot);
      downloadFile(parts, name, 'text/csv;charset=utf-8');
      setStatus({ text: t('rowsDownloaded', { n: written.toLocaleString(), name }) });
    } catch {
      setStatus({ text: t('rowsDownloadFailed'), error: true });
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <div className="table-tool download-rows">
      <button type="button" disabled={total === undefined || progress !== undefined} onClick={() => void download()}>
        {t('rowsDownload', { n: (total ?? 0).toLocaleString() })}
      </button>
      <p role="status" className={status.error ? 'error small' : 'small muted'}>
        {progress ? t('rowsDownloading', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() }) : status.text}
      </p>
    </div>
  );
}
