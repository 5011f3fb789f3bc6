import { useEffect, useRef, useState } from 'react';
import { classifyMember } from '@/lib/classify';
import { findingRule } from '@/lib/findings';
import { accountState } from '@/lib/findings/account-status';
import { LINEWORKS_ID_ISSUE_TEXT } from '@/lib/identity/lineworks-id';
import { IDENTIFIER_PROBLEM_TEXT } from '@/lib/identity/normalize';
import type { FieldKey, Member, Snapshot } from '@/lib/model';
import type { Localized } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { problemOf, type Problem } from '@/lib/problem';
import { changeText } from '@/lib/compare-changes';
import { MEMBER_HISTORY_AUDITS, memberSightings } from '@/lib/db';
import { HISTORY_EVENT_LABEL, memberHistory, type HistoryEvent } from '@/lib/member-history';
import { rosterDb } from '../db';
import { formatTime } from './hooks';
import { routeHash } from './routes';
import { ACCOUNT_STATE_LABEL, CLASSIFICATION_LABEL, FIELD_LABEL, LINK_STATUS_LABEL, SEVERITY_LABEL } from '@/lib/labels';

/**
 * Everything read and derived for one member; every value is untrusted page text, shown as text only
 * and isolated in `<bdi>` so that a right-to-left override cannot reorder the text around it.
 */
export function MemberDetail({ snapshot, member, onClose }: { snapshot: Snapshot; member: Member; onClose: () => void }) {
  const { t, l } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [member.index]);
  const fields = Object.entries(member.fields) as [FieldKey, string][];
  // The status as read, with what it means; wording no source names is said to be so, not guessed at.
  const statusText = (status: string) => {
    const state = accountState(status);
    return `${status} (${state ? l(ACCOUNT_STATE_LABEL[state]) : t('statusUnrecognised')})`;
  };
  const rows: [string, string][] = [
    [t('colName'), member.name],
    [t('colIdentifier'), member.identifier],
    ...(member.email ? [[t('detailEmail'), member.email] as [string, string]] : []),
    ...(member.otherEmails?.length ? [[t('detailOtherEmails'), member.otherEmails.join(', ')] as [string, string]] : []),
    [t('detailNormalizedEmail'), member.normalizedEmail],
    [t('colDomain'), member.domainDisplay === member.domain ? member.domain : `${member.domainDisplay} (${member.domain})`],
    // The stored reason is a code; the same classification under the audit's policy gives its words.
    [t('colClassification'), `${l(CLASSIFICATION_LABEL[member.classification])} — ${l(classifyMember(member, snapshot.settings.policy).reasonText)}`],
    [t('colLinkStatus'), l(LINK_STATUS_LABEL[member.linkStatus])],
    ...(member.isLineUser ? [[t('detailLineUser'), t('yes')] as [string, string]] : []),
    ...fields.map(([key, value]) => [l(FIELD_LABEL[key]), key === 'status' ? statusText(value) : value] as [string, string]),
  ];
  return (
    <aside className="member-detail" aria-labelledby="member-detail-heading">
      <div className="card-head">
        <h2 id="member-detail-heading" tabIndex={-1} ref={headingRef}>
          <bdi>{member.name || member.identifier || t('detailUnnamed')}</bdi>
        </h2>
        <button onClick={onClose}>{t('close')}</button>
      </div>
      <dl className="detail-list">
        {rows.map(([label, value], i) => (
          <div key={`${label}-${i}`}>
            <dt>{label}</dt>
            <dd>
              <bdi>{value || '—'}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('findings')}</h3>
      {member.findings.length === 0 ? (
        <p className="muted">{t('noFindings')}</p>
      ) : (
        <ul className="finding-explanations">
          {member.findings.map((finding, i) => {
            const rule = findingRule(finding.id);
            return (
              <li key={`${finding.id}-${i}`} className={`sev-border ${finding.severity}`}>
                <p>
                  <span className={`badge ${finding.severity}`}>{l(SEVERITY_LABEL[finding.severity])}</span> <strong>{l(rule.title)}</strong>
                  {finding.detail && (
                    <span className="muted">
                      {' — '}
                      <bdi>{finding.id === 'invalid-lineworks-id' ? idRuleText(finding.detail, l) : finding.detail}</bdi>
                    </span>
                  )}
                </p>
                <p className="small">{l(rule.explanation)}</p>
              </li>
            );
          })}
        </ul>
      )}
      <MemberHistory snapshot={snapshot} memberKey={member.key} />
      {member.cells.length > 0 && (
        <>
          <h3>{t('detailRawCells')}</h3>
          <table className="data-table compact">
            <tbody>
              {member.cells.map((cell, i) => (
                <tr key={i}>
                  <th scope="row">{snapshot.headers[i] || t('detailColumn', { n: i + 1 })}</th>
                  <td className="break">
                    <bdi>{cell}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}

/**
 * The member across the newest audits of their roster, read when the detail opens: one indexed
 * look-up per audit (lib/db/member-history.ts), at most MEMBER_HISTORY_AUDITS audits, said in words.
 */
function MemberHistory({ snapshot, memberKey }: { snapshot: Snapshot; memberKey: string }) {
  const { t, l, p, lang } = useI18n();
  const [history, setHistory] = useState<{ key: string; events: HistoryEvent[]; checked: number; total: number; error?: Problem } | null>(null);
  const { console, tenant } = snapshot;
  useEffect(() => {
    let live = true;
    memberSightings(rosterDb(), { console, tenant }, memberKey).then(
      ({ sightings, auditsInRoster }) =>
        live && setHistory({ key: memberKey, events: memberHistory(sightings), checked: sightings.length, total: auditsInRoster }),
      (e: unknown) => live && setHistory({ key: memberKey, events: [], checked: 0, total: 0, error: problemOf(e, 'read-history') }),
    );
    return () => {
      live = false;
    };
  }, [console, tenant, memberKey]);
  const current = history?.key === memberKey ? history : null;
  const first = current?.events[0];
  const changes = current?.events.slice(1) ?? [];
  const auditLink = (event: HistoryEvent) => <a href={routeHash({ view: 'roster', snapshot: event.snapshotId })}>{formatTime(event.startedAt, lang)}</a>;
  return (
    <section aria-labelledby="member-history-heading">
      <h3 id="member-history-heading">{t('historyTitle')}</h3>
      {!current ? (
        <p className="muted">{t('historyLoading')}</p>
      ) : current.error ? (
        <>
          <p className="error">{p(current.error)}</p>
          <ProblemDetail problem={current.error} />
        </>
      ) : (
        <>
          <p className="small muted">{t('historyBound', { n: current.checked, total: current.total, limit: MEMBER_HISTORY_AUDITS })}</p>
          {first && (
            <p>
              {first.kind === 'first-seen' && current.total > current.checked
                ? t('historyFirstSeenBound', { time: formatTime(first.startedAt, lang) })
                : `${t('historyFirstSeen', { time: formatTime(first.startedAt, lang) })}${first.kind === 'joined' ? ` (${l(HISTORY_EVENT_LABEL.joined)})` : ''}`}
            </p>
          )}
          {changes.length === 0 ? (
            <p className="muted">{t('historyNoChange')}</p>
          ) : (
            <ol className="member-history">
              {changes.map((event) => (
                <li key={`${event.snapshotId}-${event.kind}`}>
                  {auditLink(event)} <span className={`pill change-${event.kind}`}>{l(HISTORY_EVENT_LABEL[event.kind])}</span>
                  {event.fields.length > 0 && (
                    <span className="small">
                      {' '}
                      <bdi>{changeText(event, lang)}</bdi>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

// The ID finding's detail is the broken clauses' codes (`uppercase;edge-dot`) or a problem of the cell: said in words.
const ID_DETAIL_TEXT: Readonly<Record<string, Localized>> = { ...IDENTIFIER_PROBLEM_TEXT, ...LINEWORKS_ID_ISSUE_TEXT };

function idRuleText(detail: string, l: (text: Localized) => string): string {
  return detail
    .split(';')
    .map((code) => (ID_DETAIL_TEXT[code] ? l(ID_DETAIL_TEXT[code]) : code))
    .join(' / ');
}
