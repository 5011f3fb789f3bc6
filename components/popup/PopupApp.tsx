import { useEffect, useRef, useState } from 'react';
import { AuditEvent, type AuditRequest, type PageInfo, type ScanCandidate, type ScanMode } from '@/lib/messages';
import type { PickState } from '@/lib/scan/list-pick';
import { CONSOLE_LABEL } from '@/lib/labels';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { linkStatusText, verdictText } from '../verdict-text';
import type { Completeness } from '@/lib/completeness';
import { AuditSummary } from './AuditSummary';
import { DomainProposal } from './DomainProposal';
import { choiceStatus, ChosenList, type ChoicePhase } from './ChosenList';
import { auditErrorWords } from './audit-error';

type Phase =
  | { kind: 'inspecting' }
  | { kind: 'ready' }
  | { kind: 'running'; rows: number; page: number; pages?: number }
  | { kind: 'done'; snapshotId: string; completeness: Completeness; candidates: ScanCandidate[] }
  | { kind: 'error'; text: string; detail?: string }
  | ChoicePhase;

interface PortLike {
  postMessage(message: AuditRequest): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

/** The one-click audit of one tab: `tabId` from `?tabId=N` or the active tab. */
export function PopupApp({ tabId, connect }: { tabId: number | undefined; connect: () => PortLike }) {
  const { t, l, p } = useI18n();
  const [phase, setPhase] = useState<Phase>(tabId === undefined ? { kind: 'error', text: t('popupNoTab') } : { kind: 'inspecting' });
  const [page, setPage] = useState<PageInfo>();
  /** The list chosen for this page, when one is remembered; and whether the page was looked at (a page without a roster too). */
  const [pick, setPick] = useState<PickState>();
  const [canChoose, setCanChoose] = useState(false);
  const portRef = useRef<PortLike | undefined>(undefined);
  // Which read the last start asked for: the link-status walk ends with words of its own.
  const [mode, setMode] = useState<ScanMode>('roster');

  useEffect(() => {
    if (tabId === undefined) return;
    const port = connect();
    portRef.current = port;
    port.onMessage.addListener((raw) => {
      const parsed = AuditEvent.safeParse(raw);
      if (!parsed.success) return;
      const event = parsed.data;
      switch (event.type) {
        case 'audit/page':
          setPage(event.page);
          setPick(event.pick);
          setCanChoose(true);
          setPhase((current) => (current.kind === 'inspecting' ? { kind: 'ready' } : current));
          break;
        case 'audit/progress':
          if (event.mode) setMode(event.mode);
          setPhase({ kind: 'running', rows: event.rows, page: event.page, ...(event.pages ? { pages: event.pages } : {}) });
          break;
        case 'audit/done':
          setPhase({ kind: 'done', snapshotId: event.snapshotId, completeness: event.completeness, candidates: event.candidates });
          break;
        case 'audit/error':
          setPhase({ kind: 'error', ...auditErrorWords({ l, p }, event) });
          if (event.code === 'no-roster') setCanChoose(true);
          break;
        // The admin chose a list (the popup stayed open): look at the page again, through that list.
        case 'audit/chosen':
          setPhase({ kind: 'chosen', list: event.list });
          port.postMessage({ type: 'audit/inspect', tabId });
          break;
        case 'audit/choice-cancelled':
          setPhase({ kind: 'choice-cancelled' });
          break;
        case 'audit/forgotten':
          setPick(undefined);
          port.postMessage({ type: 'audit/inspect', tabId });
          break;
      }
    });
    // The background stopped under the popup (Chromium stops idle or busy service workers): what the
    // audit had read is kept by the background when it starts again.
    port.onDisconnect.addListener(() => setPhase((current) => (current.kind === 'running' ? { kind: 'error', text: t('errorInterrupted') } : current)));
    port.postMessage({ type: 'audit/inspect', tabId });
    return () => port.disconnect();
  }, [tabId, connect, t, l, p]);

  const start = (mode: ScanMode, candidate?: number) => {
    if (tabId === undefined) return;
    setMode(mode);
    setPhase({ kind: 'running', rows: 0, page: 1 });
    portRef.current?.postMessage({ type: 'audit/start', tabId, mode, ...(candidate !== undefined ? { candidate } : {}) });
  };

  const choose = () => {
    if (tabId === undefined) return;
    setPhase({ kind: 'choosing' });
    portRef.current?.postMessage({ type: 'audit/choose', tabId });
  };

  const running = phase.kind === 'running';
  const statusText =
    phase.kind === 'inspecting'
      ? t('popupInspecting')
      : phase.kind === 'running'
        ? t(phase.pages ? 'popupProgressOf' : 'popupProgress', { rows: phase.rows, page: phase.page, pages: phase.pages ?? 0 })
        : phase.kind === 'done'
          ? mode === 'link-status'
            ? linkStatusText({ t, l }, phase.completeness)
            : phase.completeness.verdict === 'complete'
              ? verdictText({ t, l }, phase.completeness)
              : `${verdictText({ t, l }, phase.completeness)} ${t('popupIncompleteSaved')}`
          : phase.kind === 'error'
            ? phase.text
            : choiceStatus(t, phase);

  return (
    <main className="popup">
      <header>
        <h1>{t('appName')}</h1>
        {page && (
          <p className="target">
            <span className="muted">{page.console === 'generic' ? t('popupTargetGeneric') : t('popupTargetConsole')}</span>{' '}
            {page.console !== 'generic' && <strong>{l(CONSOLE_LABEL[page.console])}</strong>}
            <br />
            <span className="page-title" title={page.url}>
              {page.title || page.url}
            </span>
          </p>
        )}
      </header>

      <div className="actions">
        <button className="primary" disabled={!page || running} onClick={() => start('roster')}>
          {phase.kind === 'done' ? t('popupAuditAgain') : t('popupAudit')}
        </button>
        {page?.linkStatusWalk && (
          <button disabled={running} onClick={() => start('link-status')}>
            {t('popupLinkStatus')}
          </button>
        )}
        {canChoose && (
          <button disabled={running} onClick={choose}>
            {t('popupChooseList')}
          </button>
        )}
        {running && <button onClick={() => portRef.current?.postMessage({ type: 'audit/cancel' })}>{t('popupCancel')}</button>}
      </div>

      {running && <progress aria-label={statusText} {...(phase.pages ? { max: phase.pages, value: phase.page } : {})} />}
      <p role="status" className={phase.kind === 'error' ? 'error' : undefined}>
        {statusText}
      </p>
      {phase.kind === 'error' && <ProblemDetail detail={phase.detail} />}
      {pick && page && <ChosenList pick={pick} onForget={() => portRef.current?.postMessage({ type: 'audit/forget', profile: page.profile, url: page.url })} />}

      {phase.kind === 'done' && <DomainProposal snapshotId={phase.snapshotId} />}
      {phase.kind === 'done' && <AuditSummary snapshotId={phase.snapshotId} />}
      {phase.kind === 'done' && phase.candidates.length > (pick?.found ? 0 : 1) && (
        <section>
          <h2>{t('popupOtherLists')}</h2>
          <ul className="candidates">
            {/* The reader's best list is another list when the chosen one was audited. */}
            {phase.candidates.slice(pick?.found ? 0 : 1).map((candidate) => (
              <li key={candidate.index}>
                <button onClick={() => start('roster', candidate.index)}>
                  {candidate.label} ({candidate.rows})
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
