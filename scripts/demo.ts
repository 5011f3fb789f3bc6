import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURE_ROOT } from './lib/fixture-server';
import { downloadExport, ExportRefused } from './lib/journey';
import { auditSampleConsoles, buildProduction, checkCjkFont, ensureChromium, sampleConsoles, step } from './lib/sample-run';
import { PRODUCTION_EXTENSION_DIR, startSession, type Session } from './lib/session';

/**
 * `npm run demo`: build the extension, serve the sample consoles under their real host names,
 * and open Chromium with the extension. Without a display (or with --headless) it walks the
 * admin's whole journey by itself and leaves the fix-up files and a screenshot in demo-output/.
 */

const OUTPUT_DIR = resolve(import.meta.dirname, '../demo-output');
const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY);

async function interactive(session: Session) {
  for (const { host, path } of sampleConsoles().filter((a) => a.mode === 'roster')) await session.openConsole(host, path);
  await session.openDashboard('#/snapshots');
  console.log('\nChromium is open with Roster Audit and the sample consoles. Click the Roster Audit button on a console tab to audit it.');
  console.log('Close the browser to end the demo.');
  await new Promise<void>((done) => session.browser.context.once('close', () => done()));
}

// The sample LINE WORKS roster holds IDs that break the ID rules on purpose: the bulk-add files
// skip those rows (the export view lists them), as an admin choosing "valid rows only" would.
const RECEPTIONIST_DOWNLOAD = join(FIXTURE_ROOT, 'app.receptionist.jp/employees/employees.csv');

const EXPORTS: {
  format: string;
  console: string;
  mode?: 'roster' | 'link-status';
  validRowsOnly?: boolean;
  templatePath?: string;
  values?: Record<string, string>;
}[] = [
  { format: 'audit-report', console: 'lineworks-members' },
  { format: 'lineworks-bulk-add-auto', console: 'lineworks-members', validRowsOnly: true },
  // The admin sets the initial password (members must change it at first login).
  { format: 'lineworks-bulk-add-admin', console: 'lineworks-members', validRowsOnly: true, values: { パスワード: 'Welcome-2026!' } },
  { format: 'lineworks-bulk-add-member', console: 'lineworks-members', validRowsOnly: true },
  { format: 'receptionist-employees', console: 'receptionist-employees' },
  // The heart of it: the console's own export as template, account IDs filled from the Chatwork roster.
  { format: 'receptionist-employees', console: 'receptionist-employees', templatePath: RECEPTIONIST_DOWNLOAD },
  { format: 'link-invitations', console: 'lineworks-contacts', mode: 'link-status' },
  { format: 'audit-report', console: 'immedio-users' },
  { format: 'audit-report', console: 'chatwork-users' },
];

async function journey(session: Session) {
  const snapshots = await auditSampleConsoles(session);

  mkdirSync(OUTPUT_DIR, { recursive: true });
  const written: string[] = [];
  const refused: string[] = [];
  for (const { format, console: consoleId, mode = 'roster', validRowsOnly, templatePath, values } of EXPORTS) {
    const snapshot = snapshots.get(`${consoleId}/${mode}`);
    if (!snapshot) continue;
    step(`Exporting ${format} from ${consoleId}`);
    let exported;
    try {
      exported = await downloadExport(session, {
        snapshot: snapshot.id,
        format,
        ...(validRowsOnly ? { validRowsOnly } : {}),
        ...(templatePath ? { templatePath } : {}),
        ...(values ? { values } : {}),
      });
    } catch (error) {
      if (!(error instanceof ExportRefused)) throw error;
      // Validation refused the file: that is the product working, so say why and go on.
      refused.push(`${format} (${consoleId}): ${error.verdict}`);
      await error.page.close();
      continue;
    }
    const { fileName, bytes, page } = exported;
    const name = format === 'audit-report' ? `${consoleId}-${fileName}` : templatePath ? `patched-${fileName}` : fileName;
    writeFileSync(join(OUTPUT_DIR, name), bytes);
    written.push(`${name} (${bytes.length.toLocaleString()} bytes)`);
    await page.close();
  }

  const dashboard = await session.openDashboard(`#/snapshots/${snapshots.get('lineworks-members/roster')?.id ?? 'latest'}`);
  await dashboard.waitForTimeout(1500);
  await dashboard.screenshot({ path: join(OUTPUT_DIR, 'dashboard.png'), fullPage: true });
  written.push('dashboard.png');

  console.log('\nAudits');
  console.table(
    [...snapshots.values()].map((s) => {
      const counts = s.counts as Record<string, number>;
      return {
        console: s.console,
        members: counts.members,
        internal: counts.internal,
        external: counts.external,
        unknown: counts.unknown,
        'shared-only': counts.sharedOnly,
        complete: s.complete,
      };
    }),
  );
  console.log(`Files in ${OUTPUT_DIR}:`);
  for (const file of written) console.log(`  ${file}`);
  if (refused.length > 0) {
    console.log('Not exported (validation refused them; the export view lists every error):');
    for (const line of refused) console.log(`  ${line}`);
  }
}

async function main() {
  ensureChromium();
  checkCjkFont('demo-output/dashboard.png');
  buildProduction();
  const session = await startSession({ extensionDir: PRODUCTION_EXTENSION_DIR, headless, lang: 'en-US' });
  try {
    if (headless) await journey(session);
    else await interactive(session);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
