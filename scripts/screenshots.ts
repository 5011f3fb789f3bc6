import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createTranslator, type Lang } from '../lib/i18n';
import { auditSampleConsoles, buildProduction, checkCjkFont, ensureChromium, step } from './lib/sample-run';
import { PRODUCTION_EXTENSION_DIR, startSession, type Session, type StoredSnapshot } from './lib/session';

/**
 * `npm run screenshots`: the store screenshots, made from the demo's sample audits (the same steps
 * as `npm run demo`, scripts/lib/sample-run.ts) in the production Chrome package, in English and
 * in Japanese, into store-screenshots/. Dashboard views are 1280×800, the size both stores take;
 * the popup is shot as the popup it is. The English run audits the sample consoles; the Japanese
 * run reopens the same profile in Japanese and audits LINE WORKS once more from a Japanese popup.
 */

const OUTPUT_DIR = resolve(import.meta.dirname, '../store-screenshots');
const STORE_SIZE = { width: 1280, height: 800 };
const POPUP_CONSOLE = { host: 'admin.worksmobile.com', path: '/members/', console: 'lineworks-members' } as const;

const written: string[] = [];

async function shoot(page: Page, name: string, target: 'viewport' | 'popup') {
  const path = join(OUTPUT_DIR, `${name}.png`);
  if (target === 'popup') await page.locator('main').screenshot({ path });
  else await page.screenshot({ path });
  written.push(`${name}.png`);
}

/** A dashboard view at the store's size, once its heading is drawn and its charts have settled. */
async function shootDashboard(session: Session, hash: string, name: string) {
  const page = await session.openDashboard(hash);
  try {
    await page.setViewportSize(STORE_SIZE);
    await page.getByRole('heading').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await shoot(page, name, 'viewport');
  } finally {
    await page.close();
  }
}

async function shootDashboardViews(session: Session, lang: Lang, audit: StoredSnapshot) {
  await shootDashboard(session, '#/snapshots', `${lang}-2-audits`);
  await shootDashboard(session, `#/snapshots/${audit.id}`, `${lang}-3-roster`);
  await shootDashboard(session, `#/findings?snapshot=${audit.id}`, `${lang}-4-findings`);
  await shootDashboard(session, `#/export?snapshot=${audit.id}&format=lineworks-bulk-add-auto`, `${lang}-5-export`);
}

/** The English run: every sample console audited, the LINE WORKS popup shot with its result. */
async function english(profile: string): Promise<StoredSnapshot> {
  const session = await startSession({ extensionDir: PRODUCTION_EXTENSION_DIR, lang: 'en-US', userDataDir: profile });
  try {
    const snapshots = await auditSampleConsoles(session, async (audit, popup) => {
      if (audit.console === POPUP_CONSOLE.console && audit.mode === 'roster') await shoot(popup, 'en-1-popup', 'popup');
    });
    const audit = snapshots.get(`${POPUP_CONSOLE.console}/roster`);
    if (!audit) throw new Error('the LINE WORKS sample was not audited');
    await shootDashboardViews(session, 'en', audit);
    return audit;
  } finally {
    await session.close();
  }
}

/** The Japanese run on the same profile: LINE WORKS audited again from a Japanese popup, then the views. */
async function japanese(profile: string): Promise<void> {
  const t = createTranslator('ja');
  const session = await startSession({ extensionDir: PRODUCTION_EXTENSION_DIR, lang: 'ja', userDataDir: profile });
  try {
    step(`Auditing ${POPUP_CONSOLE.host}${POPUP_CONSOLE.path} from the Japanese popup`);
    const page = await session.openConsole(POPUP_CONSOLE.host, POPUP_CONSOLE.path);
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: t('popupAudit') }).click({ timeout: 60_000 });
    // Every verdict of a complete audit starts with the same words, up to the colon.
    const complete = t('verdictCompleteOfTotal').split(':')[0]!;
    await popup.getByRole('status').filter({ hasText: complete }).waitFor({ timeout: 300_000 });
    await shoot(popup, 'ja-1-popup', 'popup');
    await popup.close();
    await page.close();
    const { snapshot } = await session.readSnapshot('latest');
    await shootDashboardViews(session, 'ja', snapshot);
  } finally {
    await session.close();
  }
}

async function main() {
  ensureChromium();
  checkCjkFont('store-screenshots/ja-*.png');
  buildProduction();
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'roster-audit-screenshots-'));
  try {
    await english(profile);
    await japanese(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`Screenshots in ${OUTPUT_DIR}:`);
  for (const file of written) console.log(`  ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
