import { useEffect, useRef } from 'react';
import { classifyMember } from '@/lib/classify';
import { findingRule } from '@/lib/findings';
import { accountState } from '@/lib/findings/account-status';
import { LINEWORKS_ID_ISSUE_TEXT } from '@/lib/identity/lineworks-id';
import { IDENTIFIER_PROBLEM_TEXT } from '@/lib/identity/normalize';
import type { FieldKey, Member, Snapshot } from '@/lib/model';
import type { Localized } from '@/lib/i18n';
import { useI18n } from '../i18n-context';
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

// The ID finding's detail is the broken clauses' codes (`uppercase;edge-dot`) or a problem of the cell: said in words.
const ID_DETAIL_TEXT: Readonly<Record<string, Localized>> = { ...IDENTIFIER_PROBLEM_TEXT, ...LINEWORKS_ID_ISSUE_TEXT };

function idRuleText(detail: string, l: (text: Localized) => string): string {
  return detail
    .split(';')
    .map((code) => (ID_DETAIL_TEXT[code] ? l(ID_DETAIL_TEXT[code]) : code))
    .join(' / ');
}
