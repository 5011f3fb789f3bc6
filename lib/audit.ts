import type { ConsoleId, DomainPolicy, Member, MemberRow, Snapshot } from './model';
import { ScanPortMessage, type PageInfo, type ScanCandidate } from './messages';
import { judgeCompleteness, type Completeness } from './completeness';
import { buildMembers } from './roster';
import type { TenantCues } from './tenant-cues';

/**
 * Collects one scan's messages from a content script and turns them into a snapshot. It sees
 * only what the port delivers, so everything is parsed again here: the page is untrusted.
 */
export class AuditCollector {
  page: PageInfo | undefined;
  tenant = '';
  cues: TenantCues | undefined;
  headers: string[] = [];
  candidates: ScanCandidate[] = [];
  readonly rows: MemberRow[] = [];
  pagesRead = 0;
  /** What the page said when it finished, before the verdict is made from the rows received. */
  private ending: { reachedEnd: boolean; statedTotal?: number | undefined; reason?: string | undefined } = { reachedEnd: false };

  constructor(readonly startedAt: number) {}

  /**
   * The verdict on what was received: the page's word on how it ended and what it states, the
   * count of rows that actually arrived. `reason` overrides when the read was cut off here
   * (the tab went away, the page failed).
   */
  verdict(reason?: string): Completeness {
    return judgeCompleteness({ rowsRead: this.rows.length, ...this.ending, ...(reason ? { reachedEnd: false, reason } : {}) });
  }

  /** Parses one message; throws a ZodError for anything that is not a scan message. */
  accept(raw: unknown): ScanPortMessage {
    const message = ScanPortMessage.parse(raw);
    switch (message.type) {
      case 'scan/begin':
        this.page = message.page;
        this.tenant = message.tenant;
        this.cues = message.cues;
        this.headers = message.headers;
        this.candidates = message.candidates;
        break;
      case 'scan/rows':
        this.rows.push(...message.rows);
        break;
      case 'scan/end':
        this.pagesRead = message.pagesRead;
        this.ending = { reachedEnd: message.reachedEnd, statedTotal: message.statedTotal, reason: message.reason };
        break;
      default:
        break;
    }
    return message;
  }

  /** The snapshot and its members, classified under `policy`. */
  finish(outcome: SnapshotOutcome): { snapshot: Snapshot; members: Member[] } {
    const page = this.page;
    if (!page) throw new Error('the page never described itself');
    return buildSnapshot(
      this.rows,
      {
        console: page.console,
        profile: page.profile,
        tenant: this.tenant || safeHost(page.url),
        sourceUrl: page.url,
        title: page.title,
        headers: this.headers,
        startedAt: this.startedAt,
        pagesRead: this.pagesRead,
        ...(this.cues ? { cues: this.cues } : {}),
      },
      outcome,
    );
  }
}

/** Where a roster was read: a console page, or a file the admin imported. */
export interface RosterSource {
  console: ConsoleId;
  profile: string;
  tenant: string;
  sourceUrl: string;
  title: string;
  headers: string[];
  startedAt: number;
  pagesRead: number;
  /** What the page said about its tenant. */
  cues?: TenantCues;
}

export interface SnapshotOutcome {
  snapshotId: string;
  policy: DomainPolicy;
  completeness: Completeness;
  finishedAt: number;
}

/** One audit of one roster: every row classified under `policy`, with its counts. */
export function buildSnapshot(
  rows: readonly MemberRow[],
  source: RosterSource,
  outcome: SnapshotOutcome,
): { snapshot: Snapshot; members: Member[] } {
  const { members, counts } = buildMembers(rows, { snapshotId: outcome.snapshotId, console: source.console, policy: outcome.policy });
  const snapshot: Snapshot = {
    id: outcome.snapshotId,
    console: source.console,
    tenant: source.tenant,
    sourceUrl: source.sourceUrl,
    title: source.title,
    startedAt: source.startedAt,
    finishedAt: outcome.finishedAt,
    headers: source.headers,
    settings: { policy: outcome.policy, profile: source.profile, pagesRead: source.pagesRead },
    complete: outcome.completeness.verdict === 'complete',
    ...(outcome.completeness.verdict === 'incomplete' ? { incompleteReason: outcome.completeness.reason } : {}),
    completeness: outcome.completeness,
    counts,
    ...(source.cues ? { tenantCues: source.cues } : {}),
  };
  return { snapshot, members };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}
