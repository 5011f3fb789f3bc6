import Papa from 'papaparse';
import { patchTemplate } from '../lib/csv/patch';
import { FORMATS } from '../lib/formats';
import type { Member, Snapshot } from '../lib/model';
import { medianMs, type BenchFigure } from './figure';

const MEMBERS = 100_000;

function snapshot(): Snapshot {
  return {
    id: 'bench',
    console: 'lineworks-members',
    tenant: 'example.co.jp',
    sourceUrl: 'https://admin.worksmobile.com/members',
    title: 'bench',
    startedAt: 0,
    finishedAt: 0,
    headers: [],
    settings: { policy: { tenant: '*', internalDomains: ['example.co.jp'], includeSubdomains: true, registrableMatch: false }, profile: 'bench', pagesRead: 1 },
    complete: true,
    counts: { members: MEMBERS, internal: 0, external: 0, unknown: 0, sharedOnly: 0, findings: {} },
  };
}

function members(): Member[] {
  return Array.from({ length: MEMBERS }, (_, i) => {
    const external = i % 7 === 0;
    const domain = external ? 'partner.example.com' : 'example.co.jp';
    const email = `user${i}@${domain}`;
    return {
      snapshotId: 'bench',
      index: i,
      key: email,
      name: i % 11 === 0 ? `=Name ${i}` : `山田 太郎${i}`,
      identifier: email,
      normalizedEmail: email,
      domain,
      domainDisplay: domain,
      classification: external ? 'external' : 'internal',
      classificationReason: '',
      linkStatus: i % 13 === 0 ? 'shared-only' : 'unknown',
      findings: external ? [{ id: 'external-domain', severity: 'warning' }] : [],
      findingIds: external ? ['external-domain'] : [],
      fields: { organisation: '本社|営業部, 東京', status: '使用中' },
      cells: [],
    };
  });
}

export async function runCsvBench(): Promise<BenchFigure[]> {
  const input = { snapshot: snapshot(), members: members() };
  const format = FORMATS['audit-report'];
  const built = format.build(input);
  if (built.files.length !== 1) throw new Error('audit report export failed in the bench');
  const rows = [format.columns.map((column) => column.header)];
  const body = new TextDecoder().decode(built.files[0]!.bytes);
  rows.push(...Papa.parse<string[]>(body, { skipEmptyLines: true }).data.slice(1));

  const RUNS = 5;
  format.build(input);
  const exportMs = await medianMs(RUNS, () => format.build(input));
  const unparseMs = await medianMs(RUNS, () => Papa.unparse(rows, { newline: '\r\n' }));

  const template = built.files[0]!.bytes;
  const changes = new Map<string, Record<string, string>>();
  for (let i = 0; i < MEMBERS; i += 100) changes.set(input.members[i]!.normalizedEmail, { status: '一時停止' });
  const patchMs = await medianMs(RUNS, () => {
    const result = patchTemplate(template, { keyColumn: 'email', changes });
    if (!result.ok || result.changedCells.length !== changes.size) throw new Error('patch failed in the bench');
  });
  const parseUnparseMs = await medianMs(RUNS, () => Papa.unparse(Papa.parse<string[]>(body).data, { newline: '\r\n' }));

  return [
    {
      name: 'export 100,000 members (audit report: validate, neutralise, UTF-8 BOM) vs Papa.unparse',
      value: round(exportMs),
      unit: 'ms',
      baseline: round(unparseMs),
      target: 2,
    },
    {
      name: 'patch a 100,000-row template (1,000 cells) vs Papa.parse + Papa.unparse',
      value: round(patchMs),
      unit: 'ms',
      baseline: round(parseUnparseMs),
      target: 3,
    },
  ];
}

const round = (ms: number) => Math.round(ms * 10) / 10;
