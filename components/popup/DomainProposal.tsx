import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getPolicy, getSnapshot, membersOf } from '@/lib/db';
import { applyPolicy } from '@/lib/use-cases';
import { proposeInternalDomains, type DomainEvidence } from '@/lib/domain-proposal';
import type { Translate } from '@/lib/i18n';
import { DEFAULT_POLICY_TENANT } from '@/lib/model';
import { problemOf, type Problem } from '@/lib/problem';
import { rosterDb } from '../db';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';

function evidenceText(t: Translate, evidence: DomainEvidence): string {
  switch (evidence.kind) {
    case 'admin-address':
      return t('evidenceAdmin', { address: evidence.address });
    case 'tenant-domain':
      return t('evidenceTenant');
    case 'dominant':
      return t('evidenceDominant', { members: evidence.members, withAddress: evidence.withAddress });
    case 'similar-name':
      return t('evidenceSimilar', { like: evidence.like });
  }
}

/**
 * After an audit of a tenant without a domain policy: the internal domains the page and the roster
 * point to, each with why, set in one click (and the saved audits re-classified), or taken to
 * ドメイン設定 to be checked there.
 */
export function DomainProposal({ snapshotId }: { snapshotId: string }) {
  const { t, p } = useI18n();
  const id = useId();
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: Problem }>();
  const data = useLiveQuery(async () => {
    const db = rosterDb();
    const snapshot = await getSnapshot(db, snapshotId);
    if (!snapshot) return null;
    const policy = await getPolicy(db, snapshot.tenant);
    if (policy.internalDomains.length > 0) return { snapshot, proposals: undefined };
    const members = await membersOf(db, snapshotId).toArray();
    return { snapshot, proposals: proposeInternalDomains({ members, cues: snapshot.tenantCues, console: snapshot.console }) };
  }, [snapshotId]);

  // Once the policy is set the proposal goes; what was done stays said.
  if (!data?.proposals)
    return message ? (
      <p aria-live="polite" className="small">
        {message.text}
      </p>
    ) : null;
  const { snapshot, proposals } = data;
  const chosen = proposals.filter((proposal) => (proposal.suggested ? !unticked.has(proposal.domain) : unticked.has(proposal.domain)));
  const toggle = (domain: string) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (!next.delete(domain)) next.add(domain);
      return next;
    });
  const settingsUrl = browser.runtime.getURL(
    `/options.html#/settings${chosen.length > 0 ? `?domains=${encodeURIComponent(chosen.map((proposal) => proposal.display).join(','))}` : ''}`,
  );

  const apply = async () => {
    setBusy(true);
    setMessage({ text: t('proposalApplying') });
    try {
      const db = rosterDb();
      // The tenant's own policy when it has an empty one; else the default, which every tenant without its own follows.
      const tenant = (await db.policies.get(snapshot.tenant)) ? snapshot.tenant : DEFAULT_POLICY_TENANT;
      const { snapshots, changed } = await applyPolicy(db, {
        tenant,
        internalDomains: chosen.map((proposal) => proposal.display),
        includeSubdomains: true,
        registrableMatch: false,
      });
      setMessage({ text: t('proposalApplied', { snapshots, changed }) });
    } catch (error) {
      const problem = problemOf(error, 'apply-policy');
      setMessage({ text: p(problem), error: problem });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="proposal" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('proposalTitle')}</h2>
      {proposals.length === 0 ? (
        <p className="small">{t('proposalNone')}</p>
      ) : (
        <>
          <p className="small">{t('proposalIntro')}</p>
          <ul className="proposal-list">
            {proposals.map((proposal) => (
              <li key={proposal.domain}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(proposal)}
                    onChange={() => toggle(proposal.domain)}
                    aria-describedby={`${id}-${proposal.domain}`}
                  />
                  <strong>{proposal.display}</strong>
                </label>
                <span id={`${id}-${proposal.domain}`} className="small muted">
                  {[...proposal.evidence.map((evidence) => evidenceText(t, evidence)), t('proposalMembers', { n: proposal.members })].join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        {proposals.length > 0 && (
          <button className="primary" disabled={busy || chosen.length === 0} onClick={() => void apply()}>
            {t('proposalApply')}
          </button>
        )}
        <a href={settingsUrl} target="_blank" rel="noreferrer">
          {t('proposalEdit')}
        </a>
      </div>
      {message && (
        <p aria-live="polite" className={message.error ? 'error small' : 'small'}>
          {message.text}
        </p>
      )}
      <ProblemDetail problem={message?.error} />
    </section>
  );
}
