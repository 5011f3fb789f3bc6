import { z } from 'zod';
import { Completeness } from './completeness';
import { ConsoleId, MemberRow } from './model';
import { ListPick, PickState, PickSummary } from './scan/list-pick';
import { Problem } from './problem';
import { TenantCues } from './tenant-cues';

/**
 * Every message that crosses a context boundary. Each side parses what it receives with these
 * schemas: a page (and so a content script's output) is untrusted input.
 */

export const ScanMode = z.enum(['roster', 'link-status']);
export type ScanMode = z.infer<typeof ScanMode>;

/** What the page looks like before any scan: shown by the popup. */
export const PageInfo = z.object({
  console: ConsoleId,
  profile: z.string().max(100),
  /** Whether the profile can walk contact details for link status. */
  linkStatusWalk: z.boolean(),
  title: z.string().max(500),
  url: z.string().max(4000),
});
export type PageInfo = z.infer<typeof PageInfo>;

export const ScanCandidate = z.object({
  index: z.number().int().nonnegative(),
  label: z.string().max(200),
  rows: z.number().int().nonnegative(),
});
export type ScanCandidate = z.infer<typeof ScanCandidate>;

/** Content script → background, over a `scan` port. */
export const ScanPortMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('scan/begin'),
    page: PageInfo,
    tenant: z.string().max(253),
    /** What the page's frame says about the tenant: the proposal of internal domains starts from it. */
    cues: TenantCues.optional(),
    headers: z.array(z.string().max(200)).max(100),
    candidates: z.array(ScanCandidate).max(50),
    /** The list the admin chose for such a page, as this page shows it now. */
    pick: PickState.optional(),
  }),
  /** The scanner's first word: the page's console profile, so that the background can answer with the list chosen there. */
  z.object({ type: z.literal('scan/hello'), profile: z.string().max(100) }),
  z.object({ type: z.literal('scan/rows'), rows: z.array(MemberRow).max(1000) }),
  z.object({
    type: z.literal('scan/progress'),
    rows: z.number().int().nonnegative(),
    page: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('scan/end'),
    reachedEnd: z.boolean(),
    statedTotal: z.number().int().nonnegative().max(100_000_000).optional(),
    reason: z.string().max(500).optional(),
    pagesRead: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('scan/error'), code: z.enum(['no-roster', 'failed']), message: z.string().max(1000) }),
]);
export type ScanPortMessage = z.infer<typeof ScanPortMessage>;

/** Background → content script, over the same port. */
export const ScanControl = z.discriminatedUnion('type', [
  /** The answer to `scan/hello`: inspect the page, with the list the admin chose for such a page, if any. */
  z.object({ type: z.literal('scan/inspect'), pick: ListPick.optional() }),
  z.object({ type: z.literal('scan/start'), mode: ScanMode, candidate: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('scan/cancel') }),
]);
export type ScanControl = z.infer<typeof ScanControl>;

/** Popup ↔ background, over an `audit` port: the popup drives one audit of one tab. */
export const AuditRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('audit/inspect'), tabId: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('audit/start'),
    tabId: z.number().int().nonnegative(),
    mode: ScanMode,
    candidate: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('audit/cancel') }),
  /** Lets the admin pick the roster by clicking one of its rows in the tab. */
  z.object({ type: z.literal('audit/choose'), tabId: z.number().int().nonnegative() }),
  /** Forgets the list chosen for pages like this one (the page as `audit/page` described it). */
  z.object({ type: z.literal('audit/forget'), profile: z.string().max(100), url: z.string().max(4000) }),
]);
export type AuditRequest = z.infer<typeof AuditRequest>;

/**
 * `out-of-order`: the page's reader sent rows or its end before it described the page; `no-answer`:
 * the reader injected into the page never connected; `not-a-roster`: it sent what the background's
 * schema refuses; `failed`: an error nobody planned for.
 */
export const AuditErrorCode = z.enum(['not-allowed', 'no-roster', 'tab-gone', 'failed', 'storage', 'out-of-order', 'no-answer', 'not-a-roster']);
export type AuditErrorCode = z.infer<typeof AuditErrorCode>;

export const AuditEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('audit/page'), page: PageInfo, pick: PickState.optional() }),
  z.object({
    type: z.literal('audit/progress'),
    rows: z.number().int().nonnegative(),
    page: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative().optional(),
    /** Which read is under way: a popup that opens mid-audit ends it with the right words. */
    mode: ScanMode.optional(),
  }),
  z.object({
    type: z.literal('audit/done'),
    snapshotId: z.string(),
    completeness: Completeness,
    candidates: z.array(ScanCandidate).max(50),
  }),
  /**
   * A code, never words: `problem` is the cache's problem behind a `storage` failure, put into words
   * by the popup; `detail` the browser's or the page reader's own text, shown only under "details".
   */
  z.object({ type: z.literal('audit/error'), code: AuditErrorCode, detail: z.string().max(1000).optional(), problem: Problem.optional() }),
  z.object({ type: z.literal('audit/chosen'), list: PickSummary }),
  z.object({ type: z.literal('audit/choice-cancelled') }),
  z.object({ type: z.literal('audit/forgotten') }),
]);
export type AuditEvent = z.infer<typeof AuditEvent>;

/** The picker in a tab → background, one message each (the service worker may have slept while the admin looked). */
export const PickerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pick/chosen'), profile: z.string().max(100), pick: ListPick }),
  z.object({ type: z.literal('pick/cancelled') }),
]);
export type PickerMessage = z.infer<typeof PickerMessage>;

export { AUDIT_PORT, SCAN_PORT } from './ports';
