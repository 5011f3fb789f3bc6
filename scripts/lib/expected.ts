import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURE_ROOT } from './fixture-server';

/** One sample page and the members an audit of it must find, as written by the fixture generator. */
export interface ExpectedAudit {
  /** Host the page is served under, and its path. */
  host: string;
  path: string;
  file: string;
  console: string;
  profile: string;
  mode: 'roster' | 'link-status';
  policy: { tenant: string; internalDomains: string[]; includeSubdomains: boolean; registrableMatch: boolean };
  members: {
    name: string;
    identifier: string;
    normalizedEmail: string;
    domain: string;
    classification: string;
    linkStatus: string;
    findings: string[];
  }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every `*.expected.json` under the sample consoles, with the page it describes. */
export function expectedAudits(): ExpectedAudit[] {
  return walk(FIXTURE_ROOT)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const [host, ...rest] = relative(FIXTURE_ROOT, file).split('/');
      const pageFile = rest.join('/').replace(/(\.link-status)?\.expected\.json$/, '.html');
      const path = '/' + pageFile.replace(/(^|\/)index\.html$/, '$1');
      const data = JSON.parse(readFileSync(file, 'utf8')) as Omit<ExpectedAudit, 'host' | 'path' | 'file'>;
      return { ...data, host: host!, path, file };
    });
}

/** What an audit is checked on, member by member: from a stored member or from an expectation. */
export interface ComparableMember {
  name: string;
  normalizedEmail: string;
  classification: string;
  linkStatus: string;
  findings: string[];
}

export function comparableMember(member: {
  name: string;
  normalizedEmail: string;
  classification: string;
  linkStatus: string;
  findings?: readonly string[];
  findingIds?: readonly string[];
}): ComparableMember {
  return {
    name: member.name,
    normalizedEmail: member.normalizedEmail,
    classification: member.classification,
    linkStatus: member.linkStatus,
    findings: [...(member.findingIds ?? member.findings ?? [])].sort(),
  };
}
