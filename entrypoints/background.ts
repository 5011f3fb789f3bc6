import type { Runtime } from 'webextension-polyfill';
import { AuditCollector } from '@/lib/audit';
import { auditTimeLimitMs } from '@/lib/audit-settings';
import { AUDIT_LIMITS } from '@/lib/completeness';
import { AuditFailure, auditErrorEvent } from '@/lib/audit-failure';
import { beginStaging, discardStaging, openRosterDb, stageRows } from '@/lib/db';
import { problemOf } from '@/lib/problem';
import { recordCutOffAudits, recordStagedAudit } from '@/lib/use-cases';
import { AUDIT_PORT, AuditRequest, PickerMessage, SCAN_PORT, type AuditEvent, type ScanControl, type ScanMode } from '@/lib/messages';
import { profileById } from '@/lib/consoles';
import { forgetPick, recallPick, rememberPick } from '@/lib/pick-memory';
import { isOwnExtensionPage, scannerTabOf, type OwnExtension } from '@/lib/trust';

/**
 * Wires the popup to the page scanner and the cache. The popup drives an audit over an `audit`
 * port; the scanner, injected into the tab only when asked, reports over a `scan` port. The
 * picker, injected when the admin chooses the list by hand, sends the choice in one message.
 */

const SCANNER_FILE = '/scanner.js';
const PICKER_FILE = '/picker.js';
const SCANNER_CONNECT_TIMEOUT_MS = 10_000;

/** Scanner ports waiting to be claimed, by tab: the scanner connects right after injection. */
const scannerWaiters = new Map<number, (port: ScannerPort) => void>();

/**
 * A scanner port whose messages are held from the moment it connects: the scanner speaks at once,
 * and a message that arrives before anyone listens would be lost.
 */
interface ScannerPort {
  port: Runtime.Port;
  listen(onMessage: (message: unknown) => void, onGone: () => void): void;
}

function holdMessages(port: Runtime.Port): ScannerPort {
  let handler: ((message: unknown) => void) | undefined;
  let goneHandler: (() => void) | undefined;
  let gone = false;
  const held: unknown[] = [];
  port.onMessage.addListener((message: unknown) => (handler ? handler(message) : held.push(message)));
  port.onDisconnect.addListener(() => (goneHandler ? goneHandler() : (gone = true)));
  return {
    port,
    listen(onMessage, onGone) {
      handler = onMessage;
      goneHandler = onGone;
      for (const message of held.splice(0)) onMessage(message);
      if (gone) onGone();
    },
  };
}

async function connectScanner(tabId: number): Promise<ScannerPort> {
  const connected = new Promise<ScannerPort>((resolve, reject) => {
    const timer = setTimeout(() => {
      scannerWaiters.delete(tabId);
      reject(new AuditFailure('no-answer'));
    }, SCANNER_CONNECT_TIMEOUT_MS);
    scannerWaiters.set(tabId, (port) => {
      clearTimeout(timer);
      resolve(port);
    });
  });
  try {
    await inject(tabId, SCANNER_FILE);
  } catch (error) {
    scannerWaiters.delete(tabId);
    throw error;
  }
  return connected;
}

/** Runs one of the extension's scripts in the tab; a refusal says why in the popup's terms. */
async function inject(tabId: number, file: typeof SCANNER_FILE | typeof PICKER_FILE): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AuditFailure(/no tab/i.test(message) ? 'tab-gone' : 'not-allowed', { detail: message });
  }
}

/** This service worker instance: audits staged by another one were cut off when it stopped. */
const WORKER_ID = crypto.randomUUID();

const estimate = () => navigator.storage.estimate();

/** An audit under way, by tab: every popup open on that tab hears of it, one that reopens too. */
interface RunningAudit {
  mode: ScanMode;
  listeners: Set<(event: AuditEvent) => void>;
  /** The page as described, and the latest progress: replayed to a popup that opens mid-audit. */
  page?: AuditEvent;
  progress?: AuditEvent;
  cancel(): void;
}
const runningAudits = new Map<number, RunningAudit>();

/** Runs one inspect or audit for the popup, reporting every step as an AuditEvent. */
async function runAudit(
  request: { tabId: number; mode?: ScanMode; candidate?: number },
  emit: (event: AuditEvent) => void,
  onCancel: (cancel: () => void) => void,
): Promise<void> {
  // The admin's time bound; the default when it cannot be read.
  const timeLimitMs = request.mode ? await auditTimeLimitMs(browser.storage.local).catch(() => AUDIT_LIMITS.ms) : AUDIT_LIMITS.ms;
  const { port: scanner, listen } = await connectScanner(request.tabId);
  const collector = new AuditCollector(Date.now());
  const audit = !!request.mode;
  const db = openRosterDb();
  const auditId = crypto.randomUUID();
  let ended = false;
  /** Rows are written in the order they came, one batch after another. */
  let staged: Promise<unknown> | undefined;
  let stagingFailure: unknown;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  try {
    await new Promise<void>((resolve, reject) => {
      const send = (control: ScanControl) => scanner.postMessage(control);
      onCancel(() => send({ type: 'scan/cancel' }));

      /** Ends the audit with what was staged and its verdict; `reason` when the read was cut off here. */
      const save = async (reason?: string) => {
        ended = true;
        scanner.disconnect();
        try {
          await staged;
          if (stagingFailure) throw stagingFailure;
          const snapshot = await recordStagedAudit(db, auditId, {
            snapshotId: crypto.randomUUID(),
            completeness: () => collector.verdict(reason),
            finishedAt: Date.now(),
            pagesRead: collector.pagesRead,
            estimate,
          });
          emit({ type: 'audit/done', snapshotId: snapshot.id, completeness: snapshot.completeness!, candidates: collector.candidates });
          resolve();
        } catch (error) {
          // The cache's problem (a full storage, with how full), or an unexpected one while saving: put into words by the popup.
          reject(error instanceof AuditFailure ? error : new AuditFailure('storage', { problem: problemOf(error, 'save-audit') }));
        }
      };
      /** Stops the read here: the scanner is told, and what was read is kept as incomplete. */
      const stopAt = (reason: string) => {
        if (ended) return;
        send({ type: 'scan/cancel' });
        void save(reason);
      };
      const refuse = (failure: AuditFailure) => {
        ended = true;
        scanner.disconnect();
        reject(failure);
      };

      const onMessage = (raw: unknown) => {
        if (ended) return;
        let message;
        try {
          message = collector.accept(raw);
        } catch {
          refuse(new AuditFailure('not-a-roster'));
          return;
        }
        switch (message.type) {
          case 'scan/hello':
            // A choice that cannot be read is no choice: the page is inspected with the reader's own ranking.
            void recallPick(browser.storage.local, message.profile, scanner.sender?.url ?? '')
              .catch(() => undefined)
              .then((pick) => {
                if (!ended) send({ type: 'scan/inspect', ...(pick ? { pick } : {}) });
              })
              // The scanner's tab may have gone meanwhile: onGone says so.
              .catch(() => undefined);
            break;
          case 'scan/begin':
            emit({ type: 'audit/page', page: message.page, ...(message.pick ? { pick: message.pick } : {}) });
            if (audit) {
              staged = beginStaging(db, { id: auditId, workerId: WORKER_ID, tabId: request.tabId, source: collector.source() }).catch((error: unknown) => {
                stagingFailure = error;
              });
              deadline = setTimeout(() => stopAt('time-limit'), timeLimitMs);
              send({ type: 'scan/start', mode: request.mode!, ...(request.candidate !== undefined ? { candidate: request.candidate } : {}) });
            } else {
              ended = true;
              scanner.disconnect();
              resolve();
            }
            break;
          case 'scan/rows': {
            if (!staged) {
              refuse(new AuditFailure('out-of-order', { detail: 'rows came before the page described itself' }));
              return;
            }
            const rows = message.rows;
            if (rows.length > 0) {
              staged = staged.then(() => (stagingFailure ? undefined : stageRows(db, auditId, rows).catch((error: unknown) => (stagingFailure = error))));
            }
            if (collector.rowLimitReached) stopAt('row-limit');
            break;
          }
          case 'scan/progress':
            emit({
              type: 'audit/progress',
              rows: message.rows,
              page: message.page,
              ...(message.pages ? { pages: message.pages } : {}),
              ...(request.mode ? { mode: request.mode } : {}),
            });
            break;
          case 'scan/end':
            if (!staged) refuse(new AuditFailure('out-of-order', { detail: 'the page ended the read before it described itself' }));
            else void save();
            break;
          case 'scan/error':
            // A scan that fails part-way keeps what it read, marked incomplete.
            if (audit && staged && collector.rowsRead > 0) void save('failed');
            else refuse(new AuditFailure(message.code, { detail: message.message }));
            break;
          default:
            break;
        }
      };
      const onGone = () => {
        if (ended) return;
        // The tab closed or navigated mid-scan: keep what is known, marked incomplete.
        if (audit && staged && collector.rowsRead > 0) void save('page-gone');
        else {
          ended = true;
          reject(new AuditFailure('tab-gone'));
        }
      };
      listen(onMessage, onGone);
    });
  } catch (error) {
    // Whatever did not become a snapshot leaves no staging behind.
    if (staged) await staged.then(() => discardStaging(db, auditId)).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(deadline);
  }
}

/** Popups waiting for the admin's pick, by tab. The pick is remembered even when no popup waits any more (it closes at the click). */
const choosers = new Map<number, (event: AuditEvent) => void>();

async function choose(tabId: number, emit: (event: AuditEvent) => void): Promise<void> {
  choosers.set(tabId, emit);
  await inject(tabId, PICKER_FILE).catch((error: unknown) => {
    choosers.delete(tabId);
    throw error;
  });
}

/** The picker's word from a tab at `url`: a chosen list is remembered for such pages; a waiting popup hears of it. */
async function takePick(message: PickerMessage, tabId: number, url: string): Promise<void> {
  const emit = choosers.get(tabId);
  choosers.delete(tabId);
  if (message.type === 'pick/cancelled') {
    emit?.({ type: 'audit/choice-cancelled' });
    return;
  }
  if (!profileById(message.profile)) return;
  await rememberPick(browser.storage.local, message.profile, url, message.pick);
  const { kind, caption, rows } = message.pick;
  emit?.({ type: 'audit/chosen', list: { kind, caption, rows } });
}

export default defineBackground(() => {
  // Audits a stopped worker left under way are kept as incomplete before anything else is read.
  void recordCutOffAudits(openRosterDb(), WORKER_ID, { estimate }).catch(() => undefined);
  const ownExtension: OwnExtension = { id: browser.runtime.id, pageBase: browser.runtime.getURL('/') };
  // Only onConnect and onMessage: no onConnectExternal / onMessageExternal, so other extensions and
  // web pages cannot reach the background at all. The sender checks below refuse everything else that is not ours.
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // One-off messages come only from the picker: this extension's own script in a tab.
    const tabId = scannerTabOf(sender, ownExtension);
    const parsed = PickerMessage.safeParse(raw);
    if (tabId === undefined || !sender.url || !parsed.success) return undefined;
    return takePick(parsed.data, tabId, sender.url).catch(() => undefined);
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === SCAN_PORT) {
      // A scanner is heard only from a tab where an audit is waiting for one.
      const tabId = scannerTabOf(port.sender, ownExtension);
      const claim = tabId !== undefined ? scannerWaiters.get(tabId) : undefined;
      if (!claim || tabId === undefined) {
        port.disconnect();
        return;
      }
      scannerWaiters.delete(tabId);
      claim(holdMessages(port));
      return;
    }
    if (port.name !== AUDIT_PORT || !isOwnExtensionPage(port.sender, ownExtension)) {
      port.disconnect();
      return;
    }
    let popupOpen = true;
    let cancel: (() => void) | undefined;
    // The audit goes on when the popup closes; its result is in the cache.
    const emit = (event: AuditEvent) => {
      if (popupOpen) port.postMessage(event);
    };
    port.onDisconnect.addListener(() => {
      popupOpen = false;
      for (const running of runningAudits.values()) running.listeners.delete(emit);
    });
    const fail = (error: unknown) => emit(auditErrorEvent(error));
    /** A popup opened on a tab being audited follows that audit: the page, the progress so far, what comes. */
    const follow = (running: RunningAudit) => {
      running.listeners.add(emit);
      cancel = () => running.cancel();
      if (running.page) emit(running.page);
      emit(running.progress ?? { type: 'audit/progress', rows: 0, page: 1, mode: running.mode });
    };
    const startAudit = (job: { tabId: number; mode: ScanMode; candidate?: number }) => {
      const running: RunningAudit = { mode: job.mode, listeners: new Set([emit]), cancel: () => undefined };
      runningAudits.set(job.tabId, running);
      cancel = () => running.cancel();
      const broadcast = (event: AuditEvent) => {
        if (event.type === 'audit/page') running.page = event;
        if (event.type === 'audit/progress') running.progress = event;
        for (const listener of running.listeners) listener(event);
      };
      runAudit(job, broadcast, (fn) => (running.cancel = fn))
        .catch((error: unknown) => broadcast(auditErrorEvent(error)))
        .finally(() => runningAudits.delete(job.tabId));
    };
    port.onMessage.addListener((raw: unknown) => {
      const parsed = AuditRequest.safeParse(raw);
      if (!parsed.success) return;
      const request = parsed.data;
      if (request.type === 'audit/cancel') {
        cancel?.();
        return;
      }
      if (request.type === 'audit/choose') {
        choose(request.tabId, emit).catch(fail);
        return;
      }
      if (request.type === 'audit/forget') {
        forgetPick(browser.storage.local, request.profile, request.url).then(() => emit({ type: 'audit/forgotten' }), fail);
        return;
      }
      const running = runningAudits.get(request.tabId);
      if (running) {
        follow(running);
        return;
      }
      if (request.type === 'audit/start') {
        startAudit(request);
        return;
      }
      runAudit({ tabId: request.tabId }, emit, (fn) => (cancel = fn)).catch(fail);
    });
  });
});
