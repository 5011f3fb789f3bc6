import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { ChromiumNotFoundError, findChromium } from './chromium';
import { expectedAudits } from './expected';
import { auditThroughPopup, setInternalDomains } from './journey';
import type { Session, StoredSnapshot } from './session';

/**
 * What the demo (`npm run demo`) and the store screenshots (`npm run screenshots`) both do: check
 * the machine, build the production Chrome package, and audit the bundled sample consoles through
 * the popup with the sample tenant's internal domains set.
 */

export function step(text: string) {
  console.log(`\u25b8 ${text}`);
}

/**
 * Chromium draws Japanese with whatever CJK font the system has; without one every Japanese
 * character in a screenshot is a box. Says so, and how to add one, rather than leave a puzzle.
 */
export function checkCjkFont(screenshots: string) {
  if (process.platform !== 'linux') return;
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig at all: no CJK font either.
  }
  if (fonts.trim() === '') {
    console.log(`! No Japanese (CJK) font is installed: Japanese text in ${screenshots} will show as boxes.`);
    console.log('  Add one with `sudo apt-get install -y fonts-noto-cjk` and run again.');
  }
}

/** Exits with the reason when there is no Chromium to drive. */
export function ensureChromium() {
  try {
    step(`Chromium: ${findChromium()}`);
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** The production Chrome package, in `.output/chrome-mv3` (PRODUCTION_EXTENSION_DIR). */
export function buildProduction() {
  step('Building the extension');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}

/** The sample consoles, not the generic layouts: what an admin of those consoles sees. */
export function sampleConsoles() {
  return expectedAudits().filter((audit) => audit.console !== 'generic');
}

/**
 * Sets the sample tenant's internal domains and audits every sample console through the popup.
 * `afterAudit` sees each popup with its result before it closes. Returns the audits by
 * `<console>/<mode>`.
 */
export async function auditSampleConsoles(
  session: Session,
  afterAudit?: (audit: { console: string; mode: string }, popup: Page) => Promise<void>,
): Promise<Map<string, StoredSnapshot>> {
  const audits = sampleConsoles();
  const domains = [...new Set(audits.flatMap((a) => a.policy.internalDomains))];
  step(`Setting the sample tenant's internal domains: ${domains.join(', ')}`);
  await setInternalDomains(session, domains);

  const snapshots = new Map<string, StoredSnapshot>();
  for (const audit of audits) {
    step(`Auditing ${audit.host}${audit.path}${audit.mode === 'link-status' ? ' (link status)' : ''}`);
    const page = await session.openConsole(audit.host, audit.path);
    const { status, popup } = await auditThroughPopup(session, page, { mode: audit.mode });
    if (!/^(Audit complete|Link status check complete)/.test(status)) throw new Error(`audit of ${audit.host} ended with: ${status}`);
    const { snapshot } = await session.readSnapshot('latest');
    snapshots.set(`${snapshot.console}/${audit.mode}`, snapshot);
    await afterAudit?.({ console: snapshot.console, mode: audit.mode }, popup);
    await popup.close();
    await page.close();
  }
  return snapshots;
}
