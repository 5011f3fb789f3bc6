import { z } from 'zod';
import { Completeness } from './completeness';
import { MAX_CELL_LENGTH, MAX_CELLS_PER_ROW, MAX_OTHER_EMAILS } from './row-limits';
import { TenantCues } from './tenant-cues';

const cellText = z.string().max(MAX_CELL_LENGTH);

export const ConsoleId = z.enum([
  'lineworks-members',
  'lineworks-contacts',
  'chatwork-users',
  'receptionist-employees',
  'immedio-users',
  'generic',
  'csv-import',
]);
export type ConsoleId = z.infer<typeof ConsoleId>;

export const Classification = z.enum(['internal', 'external', 'unknown']);
export type Classification = z.infer<typeof Classification>;

export const LinkStatus = z.enum(['linked', 'shared-only', 'unknown']);
export type LinkStatus = z.infer<typeof LinkStatus>;

export const Severity = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const FindingId = z.enum([
  'external-domain',
  'contact-shared-only',
  'line-user',
  'invalid-lineworks-id',
  'duplicate-email',
  'alias-address',
  'not-activated',
  'suspended',
  'missing-chatwork-account-id',
  'chatwork-id-only',
  'no-calendar-link',
  'calendar-account-mismatch',
  'zoom-unset',
  'not-in-directory',
]);
export type FindingId = z.infer<typeof FindingId>;

/**
 * Console-specific fields a profile may fill. Keys are fixed so that findings, joins and
 * export formats can rely on them; values are the text as shown on the page.
 */
export const FieldKey = z.enum([
  'organisation', // 組織 / 部署 / department, `|`-joined path when the console shows one
  'position', // 役職
  'status', // 使用中 / 登録待ち / 一時停止 / 利用中 / 初回ログイン前 / 未登録 …, as shown
  'role', // オーナー / マネージャー / メンバー / 制限付きユーザー / 管理者 …
  'employeeNumber',
  'phone',
  'chatworkAccountId', // 識別ID / accountID: fixed, exportable by an admin
  'chatworkId', // chosen by the user, changeable
  'slackMemberId',
  'calendarLinked', // 'yes' | 'no'
  'calendarAddress', // the address of the calendar account that is linked
  'meetingTool', // 'zoom' | 'google-meet' | 'teams' | …
  'zoomLinked', // 'yes' | 'no'
  'personalMeetingUrl',
  'contactKind', // 'lineworks' | 'line' | 'email'
  'tab', // which tab of the console listed the member
]);
export type FieldKey = z.infer<typeof FieldKey>;

/** One row as a page (or an imported file) shows it. Untrusted: every boundary parses it with this schema. */
export const MemberRow = z.object({
  name: cellText,
  /** The identifier as shown: LINE WORKS ID, email, Chatwork account ID … Empty when none is shown. */
  identifier: cellText,
  /** A separate email when the console shows one beside the identifier. */
  email: cellText.optional(),
  /** Further addresses the page shows for the member (a cell listing several), in the order shown. */
  otherEmails: z.array(cellText).max(MAX_OTHER_EMAILS).optional(),
  /** A LINE user (LINE app account, no LINE WORKS ID): always external. */
  isLineUser: z.boolean().optional(),
  linkStatus: LinkStatus.optional(),
  fields: z.partialRecord(FieldKey, cellText).default({}),
  /** The raw cells as read, in column order, headers in `headers` of the scan. */
  cells: z.array(cellText).max(MAX_CELLS_PER_ROW).default([]),
});
export type MemberRow = z.infer<typeof MemberRow>;
export type MemberRowInput = z.input<typeof MemberRow>;

export const DomainPolicy = z.object({
  /** The tenant this policy belongs to; '*' is the default policy for every tenant without one. */
  tenant: z.string().min(1).max(253),
  /** Internal domains as the admin typed them (Unicode or punycode, any case). */
  internalDomains: z.array(z.string().min(1).max(253)).max(500),
  /** `sub.example.co.jp` is internal when `example.co.jp` is. */
  includeSubdomains: z.boolean().default(true),
  /** Any host under the same registrable domain (Public Suffix List) is internal. */
  registrableMatch: z.boolean().default(false),
});
export type DomainPolicy = z.infer<typeof DomainPolicy>;
export const DEFAULT_POLICY_TENANT = '*';

export const MemberFinding = z.object({
  id: FindingId,
  severity: Severity,
  /** A short, language-neutral detail (the other email, the wrong calendar address …). */
  detail: z.string().max(500).optional(),
});
export type MemberFinding = z.infer<typeof MemberFinding>;

/** A member as stored: the row as read plus everything derived from it. */
export const Member = MemberRow.extend({
  snapshotId: z.string(),
  /** Position in the roster as read, 0-based. */
  index: z.number().int().nonnegative(),
  /** Identity within a roster: normalized email, else normalized identifier, else name. */
  key: z.string(),
  /** Normalized email for comparison (lowercase, ASCII/punycode domain) or '' when there is none. */
  normalizedEmail: z.string(),
  /** ASCII (punycode) lowercase domain, '' when none. */
  domain: z.string(),
  /** The domain in Unicode for people to read. */
  domainDisplay: z.string(),
  classification: Classification,
  /** Why: which internal domain matched, or that none did, or that there is no identifier. */
  classificationReason: z.string(),
  linkStatus: LinkStatus,
  findings: z.array(MemberFinding),
  /** Finding ids alone, for the multi-entry index. */
  findingIds: z.array(FindingId),
});
export type Member = z.infer<typeof Member>;

export const SnapshotCounts = z.object({
  members: z.number().int().nonnegative(),
  internal: z.number().int().nonnegative(),
  external: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  sharedOnly: z.number().int().nonnegative(),
  findings: z.partialRecord(FindingId, z.number().int().nonnegative()),
  /**
   * The finding kinds the audit looked for (its console's rules), so that a kind absent from `findings`
   * reads as none found. Absent from audits recorded before it was kept: there an absent kind is not recorded.
   */
  findingsLookedFor: z.array(FindingId).optional(),
});
export type SnapshotCounts = z.infer<typeof SnapshotCounts>;

export const Snapshot = z.object({
  id: z.string(),
  console: ConsoleId,
  /** The tenant the roster belongs to (a domain, a tenant name, or the console host). */
  tenant: z.string(),
  sourceUrl: z.string(),
  title: z.string().max(500),
  startedAt: z.number(),
  finishedAt: z.number(),
  /** Headers of the list as read, in column order. */
  headers: z.array(z.string()).default([]),
  settings: z.object({
    policy: DomainPolicy,
    profile: z.string(),
    pagesRead: z.number().int().nonnegative().default(1),
  }),
  complete: z.boolean(),
  incompleteReason: z.string().optional(),
  /** The verdict and its evidence; absent from snapshots saved before verdicts were kept. */
  completeness: Completeness.optional(),
  counts: SnapshotCounts,
  /** What the page said about its tenant (the signed-in admin, the tenant's name and domain); absent for files and older audits. */
  tenantCues: TenantCues.optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;
