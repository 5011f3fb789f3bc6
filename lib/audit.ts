import type { ConsoleId, DomainPolicy, Member, MemberRow, Snapshot } from './model';
import { ScanPortMessage, type PageInfo, type ScanCandidate } from './messages';
import { buildMembers } from './roster';

/**
 * Collects one scan's messages from a content script and turns them into a snapshot. It sees
 * only what the port delivers, so everything is parsed again here: the page is untrusted.
 */
export class AuditCollector {
  page: PageInfo | undefined;
  tenant = '';
  headers: string[] = [];
  candidates: ScanCandidate[] = [];
  readonly rows: MemberRow[] = [];
  pagesRead = 0;

  constructor(readonly startedAt: number) {}

  /** Parses one message; throws a ZodError for anything that is not a scan message. */
  accept(raw: unknown): ScanPortMessage {
    const message = ScanPortMessage.parse(raw);
    switch (message.type) {
      case 'scan/begin':
        this.page = message.page;
        this.tenant = message.tenant;
        this.headers = message.headers;
        this.candidates = message.candidates;
        break;
      case 'scan/rows':
        this.rows.push(...message.rows);
        break;
      case 'scan/end':
        this.pagesRead = message.pagesRead;
        break;
      default:
        break;
    }
    return message;
  }

  /** The snapshot and its members, classified under `policy`. */
  finish(opts: {
    snapshotId: string;
    policy: DomainPolicy;
    complete: boolean;
    reason?: string;
    finishedAt: number;
  }): { snapshot: Snapshot; members: Member[] } {
    const page = this.page;
    if (!page) throw new Error('the page never described itself');
    const consoleId: ConsoleId = page.console;
    const { members, counts } = buildMembers(this.rows, {
      snapshotId: opts.snapshotId,
      console: consoleId,
      policy: opts.policy,
    });
    const snapshot: Snapshot = {
      id: opts.snapshotId,
      console: consoleId,
      tenant: this.tenant || safeHost(page.url),
      sourceUrl: page.url,
      title: page.title,
      startedAt: this.startedAt,
      finishedAt: opts.finishedAt,
      headers: this.headers,
      settings: { policy: opts.policy, profile: page.profile, pagesRead: this.pagesRead },
      complete: opts.complete,
      ...(opts.reason ? { incompleteReason: opts.reason } : {}),
      counts,
    };
    return { snapshot, members };
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}
