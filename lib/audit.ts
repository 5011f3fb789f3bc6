import type { ConsoleId, DomainPolicy, Member, MemberRow, Snapshot } from './model';
import { ScanPortMessage, type PageInfo, type ScanCandidate } from './messages';
import { AUDIT_LIMITS, judgeCompleteness, type Completeness } from './completeness';
import { buildMembers } from './roster';
import type { TenantCues } from './tenant-cues';

/** `scan/end` came before `scan/begin`: the page's reader ended without ever saying what it read. */
export class OutOfOrderError extends Error {
  constructor() {
    super('the page ended the read before it described itself');
    this.name = 'OutOfOrderError';
  }
}

/**
 * Follows one scan's messages from a content script: what the page is, how many rows came, how
 * it ended. It sees only what the port delivers, so everything is parsed again here: the page is
 * untrusted. The rows themselves are not kept here but handed on (to the staging area) as they come.
 */
export class AuditCollector {
  page: PageInfo | undefined;
  tenant = '';
  cues: TenantCues | undefined;
  headers: string[] = [];
  candidates: ScanCandidate[] = [];
  rowsRead = 0;
  /** The row bound was reached: rows past it are dropped. */
  rowLimitReached = false;
  pagesRead = 0;
  /** What the page said when it finished, before the verdict is made from the rows received. */
  private ending: { reachedEnd: boolean; statedTotal?: number | undefined; reason?: string | undefined } = { reachedEnd: false };

  constructor(
    readonly startedAt: number,
    private readonly maxRows: number = AUDIT_LIMITS.rows,
  ) {}

  /**
   * The verdict on what was received: the page's word on how it ended and what it states, the
   * count of rows that actually arrived. `reason` overrides when the read was cut off here
   * (the tab went away, the page failed, a bound was reached).
   */
  verdict(reason?: string): Completeness {
    return judgeCompleteness({ rowsRead: this.rowsRead, ...this.ending, ...(reason ? { reachedEnd: false, reason } : {}) });
  }

  /**
   * Parses one message; throws a ZodError for anything that is not a scan message. A `scan/rows`
   * comes back holding only the rows within the row bound.
   */
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
      case 'scan/rows': {
        const room = Math.max(0, this.maxRows - this.rowsRead);
        if (message.rows.length > room) this.rowLimitReached = true;
        const rows = message.rows.length > room ? message.rows.slice(0, room) : message.rows;
        this.rowsRead += rows.length;
        return { type: 'scan/rows', rows };
      }
      case 'scan/end':
        this.pagesRead = message.pagesRead;
        this.ending = { reachedEnd: message.reachedEnd, statedTotal: message.statedTotal, reason: message.reason };
        break;
      default:
        break;
    }
    return message;
  }

  /** Where the rows come from; an OutOfOrderError before the page described itself. */
  source(): RosterSource {
    const page = this.page;
    if (!page) throw new OutOfOrderError();
    return {
      console: page.console,
      profile: page.profile,
      tenant: this.tenant || safeHost(page.url),
      sourceUrl: page.url,
      title: page.title,
      headers: this.headers,
      startedAt: this.startedAt,
      pagesRead: this.pagesRead,
      ...(this.cues ? { cues: this.cues } : {}),
    };
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
export function buildSnapshot(rows: readonly MemberRow[], source: RosterSource, outcome: SnapshotOutcome): { snapshot: Snapshot; members: Member[] } {
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
