import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { joinLineworksMembersContacts, joinReceptionistChatwork, type LineworksMembersContactsRow, type ReceptionistChatworkRow } from '@/lib/db';
import { findingRule } from '@/lib/findings';
import type { ConsoleId, MemberFinding, Snapshot } from '@/lib/model';
import { useI18n } from '../i18n-context';
import { ProblemDetail } from '../ProblemDetail';
import { problemOf } from '@/lib/problem';
import { rosterDb } from '../db';
import { ViewHeading } from './ViewHeading';
import { Field } from './Field';
import { formatTime, useAllSnapshots } from './hooks';
import { CONSOLE_LABEL, RELATION_LABEL } from '@/lib/labels';
import { DataTable, PageText } from './DataTable';

const LIST_LIMIT = 500;

export function JoinView() {
  const { t } = useI18n();
  return (
    <>
      <ViewHeading>{t('joinTitle')}</ViewHeading>
      <p className="subtitle muted">{t('joinIntro')}</p>
      <JoinSection
        id="receptionist-chatwork"
        title={t('joinReceptionistTitle')}
        help={t('joinReceptionistHelp')}
        left="receptionist-employees"
        right="chatwork-users"
        run={(a, b) => joinReceptionistChatwork(rosterDb(), a, b)}
        render={(rows: ReceptionistChatworkRow[]) => <ReceptionistTable rows={rows} />}
      />
      <JoinSection
        id="lineworks-members-contacts"
        title={t('joinLineworksTitle')}
        help={t('joinLineworksHelp')}
        left="lineworks-members"
        right="lineworks-contacts"
        run={(a, b) => joinLineworksMembersContacts(rosterDb(), a, b)}
        render={(rows: LineworksMembersContactsRow[]) => <LineworksTable rows={rows} />}
      />
    </>
  );
}

function JoinSection<Row>({
  id,
  title,
  help,
  left,
  right,
  run,
  render,
}: {
  id: string;
  title: string;
  help: string;
  left: ConsoleId;
  right: ConsoleId;
  run: (leftId: string, rightId: string) => Promise<Row[]>;
  render: (rows: Row[]) => ReactNode;
}) {
  const { t, l, p, lang } = useI18n();
  const all = useAllSnapshots();
  const [chosen, setChosen] = useState<{ left?: string; right?: string }>({});
  const of = (console: ConsoleId) => (all ?? []).filter((s) => s.console === console);
  const leftId = chosen.left ?? of(left)[0]?.id;
  const rightId = chosen.right ?? of(right)[0]?.id;
  // The outcome remembers which audits it joins: another choice shows nothing until its own arrives.
  const [outcome, setOutcome] = useState<{ leftId: string; rightId: string; rows: Row[] | null; failure?: { cause: unknown } } | null>(null);
  const current = outcome && outcome.leftId === leftId && outcome.rightId === rightId ? outcome : null;
  const rows = current?.rows ?? null;
  const problem = current?.failure ? problemOf(current.failure.cause, 'join') : undefined;

  // `run` is a new function each render; the chosen audits decide when to join again.
  const join = useEffectEvent(run);
  useEffect(() => {
    if (!leftId || !rightId) return;
    let live = true;
    join(leftId, rightId).then(
      (result) => live && setOutcome({ leftId, rightId, rows: result }),
      (e: unknown) => live && setOutcome({ leftId, rightId, rows: null, failure: { cause: e } }),
    );
    return () => {
      live = false;
    };
  }, [leftId, rightId]);

  const picker = (side: 'left' | 'right', console: ConsoleId, value: string | undefined) => (
    <Field label={l(CONSOLE_LABEL[console])}>
      {(id) => (
        <select id={id} value={value ?? ''} onChange={(e) => setChosen((c) => ({ ...c, [side]: e.target.value }))}>
          {of(console).length === 0 && <option value="">{t('joinNoAudit')}</option>}
          {of(console).map((s: Snapshot) => (
            <option key={s.id} value={s.id}>
              {s.tenant} · {formatTime(s.startedAt, lang)} ({s.counts.members.toLocaleString()})
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="muted small">{help}</p>
      <div className="filters">
        {picker('left', left, leftId)}
        {picker('right', right, rightId)}
      </div>
      {(!leftId || !rightId) && <p className="notice">{t('joinNeedBoth')}</p>}
      {problem && <p className="error">{p(problem)}</p>}
      <ProblemDetail problem={problem} />
      {rows && (
        <>
          <p role="status">{t('joinRows', { n: rows.length.toLocaleString() })}</p>
          {render(rows.slice(0, LIST_LIMIT))}
          {rows.length > LIST_LIMIT && <p className="muted small">{t('listLimited', { n: LIST_LIMIT })}</p>}
        </>
      )}
    </section>
  );
}

function Findings({ findings }: { findings: MemberFinding[] }) {
  const { l } = useI18n();
  if (findings.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain">
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`} className={`sev ${f.severity}`}>
          {l(findingRule(f.id).title)}
          {f.detail ? ` (${f.detail})` : ''}
        </li>
      ))}
    </ul>
  );
}

function ReceptionistTable({ rows }: { rows: ReceptionistChatworkRow[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      rows={rows}
      rowKey={(row, i) => `${row.email}-${i}`}
      columns={[
        { header: t('detailEmail'), cell: (row) => <PageText text={row.email} /> },
        { header: t('joinEmployee'), cell: (row) => <PageText text={row.employee?.name} /> },
        { header: t('joinChatworkUser'), cell: (row) => <PageText text={row.chatworkUser?.name} /> },
        { header: t('joinAccountId'), cell: (row) => <PageText text={row.employee?.fields.chatworkAccountId} /> },
        { header: t('joinProposed'), cell: (row) => <PageText text={row.proposedChatworkAccountId} /> },
        { header: t('findings'), cell: (row) => <Findings findings={row.findings} /> },
      ]}
    />
  );
}

function LineworksTable({ rows }: { rows: LineworksMembersContactsRow[] }) {
  const { t, l } = useI18n();
  return (
    <DataTable
      rows={rows}
      rowKey={(row, i) => `${row.email}-${i}`}
      columns={[
        { header: t('detailEmail'), cell: (row) => <PageText text={row.email} /> },
        { header: t('joinMember'), cell: (row) => <PageText text={row.member?.name} /> },
        { header: t('joinContact'), cell: (row) => <PageText text={row.contact?.name} /> },
        { header: t('joinRelation'), cell: (row) => l(RELATION_LABEL[row.relation]) },
        { header: t('findings'), cell: (row) => <Findings findings={row.findings} /> },
      ]}
    />
  );
}
