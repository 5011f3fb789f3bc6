import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportColumns, exportCsvHead, exportCsvLines, exportFileName } from '../../../lib/member-table/export-rows';
import { memberColumnRuns, RosterQueryEngine, ROWS_CHUNK } from '../../../lib/roster-query';
import { makeMember, makeSnapshot } from '../db/factory';

const members = [
  makeMember('s1', 0, { name: 'Taro', normalizedEmail: 'taro@example.co.jp' }),
  makeMember('s1', 4, { name: '=HYPERLINK("x")', normalizedEmail: 'guest@partner.example', findingIds: ['external-domain', 'alias-address'] }),
];
const snapshot = makeSnapshot({ id: 's1', tenant: '株式会社 エグザンプル', finishedAt: new Date(2026, 10, 29, 9).getTime() }, members);

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text, { newline: '\r\n' }).data.filter((row) => row.length > 1);
}

describe('download of the member table rows', () => {
  it('writes the shown columns: machine names and codes first, then the same facts in the admin language', () => {
    const columns = exportColumns(['index', 'name', 'identifier', 'classification', 'findings'], 'ja');
    expect(columns.map((c) => c.header)).toEqual(['position', 'name', 'identifier', 'email', 'classification', 'findings', '分類', '分類の理由', '指摘']);
    expect(exportColumns(['name', 'link', 'domain'], 'en').map((c) => c.header)).toEqual(['name', 'link_status', 'domain', 'External link']);
  });

  it('makes one CSV of a head and chunks: BOM, CRLF lines, every row in the order given, formulas neutralised', () => {
    const columns = exportColumns(['index', 'name', 'classification', 'findings'], 'en');
    const text =
      exportCsvHead(columns) +
      exportCsvLines(columns, members.slice(0, 1), { snapshot, lang: 'en' }) +
      exportCsvLines(columns, members.slice(1), { snapshot, lang: 'en' });
    expect(text.startsWith('\uFEFFposition,name,classification,findings,Classified as,Why,Findings in words\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text.slice(1));
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['1', 'Taro', 'internal', ''],
      ['5', `'=HYPERLINK("x")`, 'external', 'external-domain;alias-address'],
    ]);
    expect(rows[2]![4]).toBe('External');
    expect(rows[2]![6]).toContain('; ');
    expect(exportCsvLines(columns, [], { snapshot, lang: 'en' })).toBe('');
  });

  it('writes exactly the filtered members of a 100,000-member roster, chunk by chunk as the worker hands them over', { timeout: 120_000 }, () => {
    const roster = Array.from({ length: 100_000 }, (_, i) => makeMember('big', i, i % 7 === 0 ? { normalizedEmail: `guest${i}@partner.example` } : {}));
    const engine = new RosterQueryEngine('big');
    for (const run of memberColumnRuns('big', roster)) engine.add(run);
    const columns = exportColumns(['name', 'identifier'], 'ja');
    const { indexes, total } = engine.window({ filter: { domain: 'partner.example' }, sort: { field: 'index', direction: 'desc' }, limit: engine.size });
    const parts = [exportCsvHead(columns)];
    for (let offset = 0; offset < total; offset += ROWS_CHUNK)
      parts.push(
        exportCsvLines(
          columns,
          indexes.slice(offset, offset + ROWS_CHUNK).map((index) => roster[index]!),
          { snapshot, lang: 'ja' },
        ),
      );
    const lines = parse(parts.join('').slice(1));
    const expected = roster.filter((m) => m.domain === 'partner.example').reverse();
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines.slice(1).map((line) => line[1])).toEqual(expected.map((m) => m.identifier));
  });

  it('names the file after the tenant and the audit day', () => {
    expect(exportFileName(snapshot)).toBe('members-filtered-株式会社-エグザンプル-20261129.csv');
  });
});
