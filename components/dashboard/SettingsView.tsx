import { useEffect, useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getPolicy } from '@/lib/db';
import { AuditMinutes, auditTimeLimitMs, saveAuditTimeLimit } from '@/lib/audit-settings';
import { AUDIT_LIMITS } from '@/lib/completeness';
import { parseDomainList } from '@/lib/identity/domain-policy';
import { DEFAULT_POLICY_TENANT } from '@/lib/model';
import { problemOf, type Problem } from '@/lib/problem';
import { applyPolicy, removeOwnPolicy } from '@/lib/use-cases';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { Field } from './Field';

/** `proposed`: domains the popup found on a page, comma-separated, filled into the default policy's form for the admin to check and save. */
export function SettingsView({ proposed }: { proposed?: string | undefined }) {
  const { t } = useI18n();
  const tenants = useLiveQuery(async () => {
    const all = await rosterDb().snapshots.orderBy('tenant').uniqueKeys();
    return (all as string[]).filter((tenant) => tenant !== '' && tenant !== DEFAULT_POLICY_TENANT);
  }, []);
  const ownPolicies = useLiveQuery(() => rosterDb().policies.toCollection().primaryKeys(), []);
  // One form at a time, so "Internal domains" and "Save" each name exactly one control.
  const [tenant, setTenant] = useState(DEFAULT_POLICY_TENANT);

  return (
    <>
      <ViewHeading>{t('settingsTitle')}</ViewHeading>
      <p className="subtitle muted">{t('settingsIntro')}</p>
      <section className="card" aria-labelledby="policy-heading">
        <h2 id="policy-heading">{tenant === DEFAULT_POLICY_TENANT ? t('policyDefaultTitle') : t('policyTenantTitle', { tenant })}</h2>
        <Field label={t('policyAppliesTo')}>
          {(id) => (
            <select id={id} value={tenant} onChange={(e) => setTenant(e.target.value)}>
              <option value={DEFAULT_POLICY_TENANT}>{t('policyDefaultOption')}</option>
              {(tenants ?? []).map((name) => (
                <option key={name} value={name}>
                  {name} — {ownPolicies?.includes(name) ? t('policyOwn') : t('policyUsesDefault')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p className="muted small">{tenant === DEFAULT_POLICY_TENANT ? t('policyDefaultHelp') : t('policyTenantHelp')}</p>
        <PolicyForm key={tenant} tenant={tenant} proposed={tenant === DEFAULT_POLICY_TENANT ? proposed : undefined} />
      </section>
      <AuditLimitForm />
    </>
  );
}

/** The time one audit may take (the row bound is fixed and stated beside it). */
function AuditLimitForm() {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  useEffect(() => {
    void auditTimeLimitMs(browser.storage.local).then((ms) => setMinutes(String(ms / 60_000)));
  }, []);
  const save = async () => {
    const value = Number(minutes);
    if (!AuditMinutes.safeParse(value).success) {
      setStatus({ text: t('auditLimitInvalid'), error: true });
      return;
    }
    await saveAuditTimeLimit(browser.storage.local, value);
    setStatus({ text: t('auditLimitSaved', { minutes: value }) });
  };
  return (
    <section className="card" aria-labelledby="audit-limit-heading">
      <h2 id="audit-limit-heading">{t('auditLimitTitle')}</h2>
      <p className="muted small">{t('auditLimitHelp', { rows: AUDIT_LIMITS.rows.toLocaleString('en-US') })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('auditLimitMinutes')}>
          {(id) => <input id={id} type="number" min={1} max={24 * 60} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit">{t('auditLimitSave')}</button>
        </div>
        <p role="status" className={status.error ? 'error' : undefined}>
          {status.text}
        </p>
      </form>
    </section>
  );
}

function PolicyForm({ tenant, proposed }: { tenant: string; proposed?: string | undefined }) {
  const { t, l, p } = useI18n();
  const id = useId();
  const isDefault = tenant === DEFAULT_POLICY_TENANT;
  const [loaded, setLoaded] = useState(false);
  const [hasOwn, setHasOwn] = useState(false);
  const [text, setText] = useState('');
  const [includeSubdomains, setIncludeSubdomains] = useState(true);
  const [registrableMatch, setRegistrableMatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: Problem }>({ text: '' });

  useEffect(() => {
    void (async () => {
      const db = rosterDb();
      const own = await db.policies.get(tenant);
      const policy = own ?? (await getPolicy(db, tenant));
      setHasOwn(own !== undefined);
      // Proposed domains fill an empty form only: a policy the admin already set is never overwritten unseen.
      const fill = proposed && policy.internalDomains.length === 0 ? parseDomainList(proposed).displayDomains : [];
      setPrefilled(fill.length > 0);
      setText((fill.length > 0 ? fill : policy.internalDomains).join('\n'));
      setIncludeSubdomains(policy.includeSubdomains);
      setRegistrableMatch(policy.registrableMatch);
      setLoaded(true);
    })();
  }, [tenant, proposed]);

  const parsed = useMemo(() => parseDomainList(text), [text]);

  const run = async (work: () => Promise<{ snapshots: number; changed: number }>, doneKey: 'policySaved' | 'policyRemoved') => {
    setBusy(true);
    setStatus({ text: t('policyApplying') });
    try {
      const { snapshots, changed } = await work();
      setStatus({ text: t(doneKey, { snapshots, changed }) });
    } catch (error) {
      const problem = problemOf(error, 'apply-policy');
      setStatus({ text: p(problem), error: problem });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const applied = await applyPolicy(rosterDb(), {
        tenant,
        internalDomains: parsed.displayDomains,
        includeSubdomains,
        registrableMatch,
      });
      setHasOwn(true);
      return applied;
    }, 'policySaved');

  const removeOwn = () =>
    run(async () => {
      const applied = await removeOwnPolicy(rosterDb(), tenant);
      setHasOwn(false);
      setText(applied.policy.internalDomains.join('\n'));
      setIncludeSubdomains(applied.policy.includeSubdomains);
      setRegistrableMatch(applied.policy.registrableMatch);
      return applied;
    }, 'policyRemoved');

  return (
    <form
      className="policy-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {!isDefault && !hasOwn && loaded && <p className="notice">{t('policyShowingDefault')}</p>}
      {prefilled && <p className="notice">{t('policyPrefilled')}</p>}
      <label htmlFor={`${id}-domains`} className="field-label">
        {t('policyDomains')}
      </label>
      <textarea
        id={`${id}-domains`}
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-help ${id}-problems`}
        spellCheck={false}
        disabled={!loaded}
      />
      <p id={`${id}-help`} className="muted small">
        {t('policyDomainsHelp')}
      </p>
      <div id={`${id}-problems`} aria-live="polite">
        {parsed.rejected.length > 0 && (
          <div className="notice warn">
            <p>{t('policyRejected', { n: parsed.rejected.length })}</p>
            <ul>
              {parsed.rejected.map((entry, i) => (
                <li key={`${entry.entry}-${i}`}>
                  <code>{entry.entry}</code>: {l(entry.message)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={includeSubdomains} onChange={(e) => setIncludeSubdomains(e.target.checked)} />
        {t('policySubdomains')}
      </label>
      <label className="check">
        <input type="checkbox" checked={registrableMatch} onChange={(e) => setRegistrableMatch(e.target.checked)} />
        {t('policyRegistrable')}
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !loaded}>
          {t('save')}
        </button>
        {!isDefault && hasOwn && (
          <button type="button" onClick={() => void removeOwn()} disabled={busy}>
            {t('policyRemoveOwn')}
          </button>
        )}
      </div>
      <p role="status" className={status.error ? 'error' : undefined}>
        {status.text}
      </p>
      <ProblemDetail problem={status.error} />
    </form>
  );
}
