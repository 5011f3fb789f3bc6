import type { ConsoleProfile } from '../consoles/profile';
import type { PageInfo, ScanCandidate } from '../messages';
import type { MemberRowInput } from '../model';
import { findAddress } from './address';
import { planColumns, rowToMember } from './columns';
import { NoRosterError } from './contract';
import type { ListPick, PickState } from './list-pick';
import { pickSummary, rankedPick } from './pick';
import { candidateLabel, rankSources, readerFor } from './rank';
import { cleanText } from './text';

const MAX_CANDIDATES = 50;

/**
 * What the page shows before a scan: its console, its tenant, and every roster-like list, best
 * first. The list the admin chose (`pick`) takes the best one's place when the page shows it.
 */
export function inspectPage(doc: Document, url: string, pick?: ListPick): { page: PageInfo; tenant: string; headers: string[]; candidates: ScanCandidate[]; pick?: PickState } {
  const reader = readerFor(doc, url);
  const ranked = rankSources(doc, reader).slice(0, MAX_CANDIDATES);
  const picked = pick && rankedPick(doc, pick, reader);
  const best = picked ?? ranked[0];
  if (!best) throw new NoRosterError();
  const plan = planColumns(best.source.headers, best.sample, reader.profile, reader.tables);
  const rows = best.sample.map((raw) => rowToMember(raw, plan, reader.profile)).filter((row) => row !== undefined);
  return {
    page: {
      console: reader.profile.console,
      profile: reader.profile.id,
      linkStatusWalk: reader.profile.detailWalk !== undefined,
      title: cleanText(doc.title).slice(0, 500),
      url: url.slice(0, 4000),
    },
    tenant: tenantOf(doc, url, reader.profile, rows),
    headers: best.source.headers.slice(0, 100).map((header) => header.slice(0, 200)),
    candidates: ranked.map((entry, index) => ({ index, label: candidateLabel(entry), rows: entry.rows })),
    ...(pick ? { pick: picked ? { ...pickSummary(picked.source), found: true } : { kind: pick.kind, caption: pick.caption, rows: pick.rows, found: false } } : {}),
  };
}

/** The tenant: as the page names it, else the most common domain among the rows, else the host. */
export function tenantOf(doc: Document, url: string, profile: ConsoleProfile, rows: readonly MemberRowInput[]): string {
  const shown = profile.tenantSelector ? cleanText(doc.querySelector(profile.tenantSelector)?.textContent) : '';
  if (shown) return shown.slice(0, 253);
  const tally = new Map<string, number>();
  for (const row of rows) {
    const address = findAddress(row.email || row.identifier || '');
    const domain = address.slice(address.search(/[@＠]/) + 1).normalize('NFKC').toLowerCase();
    if (domain) tally.set(domain, (tally.get(domain) ?? 0) + 1);
  }
  const common = [...tally].sort((a, b) => b[1] - a[1])[0];
  if (common) return common[0].slice(0, 253);
  try {
    return new URL(url).hostname || 'unknown';
  } catch {
    return 'unknown';
  }
}

