import type { PageInfo, ScanCandidate } from '../messages';
import type { TenantCues } from '../tenant-cues';
import { planColumns, rowToMember } from './columns';
import { NoRosterError } from './contract';
import type { ListPick, PickState } from './list-pick';
import type { ConsoleProfile } from './profile';
import { pickSummary, rankedPick } from './pick';
import { candidateLabel, rankSources, readerFor } from './rank';
import { chooseTenant, readTenantCues } from './tenant-cues';
import { cleanText } from './text';

const MAX_CANDIDATES = 50;

/**
 * What the page shows before a scan: its console, its tenant (with the cues it was told by), and every roster-like list, best
 * first. The list the admin chose (`pick`) takes the best one's place when the page shows it.
 */
export function inspectPage(
  doc: Document,
  url: string,
  profile: ConsoleProfile,
  pick?: ListPick,
): { page: PageInfo; tenant: string; cues: TenantCues; headers: string[]; candidates: ScanCandidate[]; pick?: PickState } {
  const reader = readerFor(profile);
  const ranked = rankSources(doc, reader).slice(0, MAX_CANDIDATES);
  const picked = pick && rankedPick(doc, pick, reader);
  const best = picked ?? ranked[0];
  if (!best) throw new NoRosterError();
  const plan = planColumns(best.source.headers, best.sample, reader.profile, reader.tables);
  const rows = best.sample.map((raw) => rowToMember(raw, plan, reader.profile)).filter((row) => row !== undefined);
  const cues = readTenantCues(doc, reader.profile);
  return {
    page: {
      console: reader.profile.console,
      profile: reader.profile.id,
      linkStatusWalk: reader.profile.detailWalk !== undefined,
      title: cleanText(doc.title).slice(0, 500),
      url: url.slice(0, 4000),
    },
    tenant: chooseTenant(cues, reader.profile.console, rows, url),
    cues,
    headers: best.source.headers.slice(0, 100).map((header) => header.slice(0, 200)),
    candidates: ranked.map((entry, index) => ({ index, label: candidateLabel(entry), rows: entry.rows })),
    ...(pick
      ? { pick: picked ? { ...pickSummary(picked.source), found: true } : { kind: pick.kind, caption: pick.caption, rows: pick.rows, found: false } }
      : {}),
  };
}
