import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { BrowserUnderTest } from './browser';
import type { Session } from './session';

/**
 * The admin's journey, step by step, the way a person does it: through the popup and the
 * dashboard by their accessible names (the automation contract in DESIGN.md). The end-to-end
 * tests and the headless demo share these steps.
 */

const AUDIT_ENDED = /Audit complete|Audit stopped|Link status check (complete|stopped)|failed|cannot|No roster|could not|went away/;

export async function auditThroughPopup(
  session: Session<BrowserUnderTest>,
  page: Page,
  opts: { mode?: 'roster' | 'link-status'; timeoutMs?: number } = {},
): Promise<{ status: string; popup: Page }> {
  const popup = await session.openPopup(await session.tabIdOf(page));
  const button = opts.mode === 'link-status' ? popup.getByRole('button', { name: /link status/ }) : popup.getByRole('button', { name: /Audit/ }).first();
  const status = popup.getByRole('status');
  // The popup first looks at the page; a page it cannot audit says so and offers no button.
  await popup.waitForFunction(() => !document.querySelector('[role="status"]')?.textContent?.startsWith('Looking at the page'), null, { timeout: 30_000 });
  if (await status.filter({ hasText: AUDIT_ENDED }).count()) return { status: (await status.textContent()) ?? '', popup };
  await button.click({ timeout: 30_000 });
  await status.filter({ hasText: AUDIT_ENDED }).waitFor({ timeout: opts.timeoutMs ?? 360_000 });
  return { status: (await status.textContent()) ?? '', popup };
}

/**
 * Replaces a field's text by typing it, as a person does. Playwright's `fill` sets the value in a
 * way React's change handler does not see in Firefox over WebDriver BiDi; keystrokes it sees in both browsers.
 */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Delete');
  await field.pressSequentially(text);
}

export async function setInternalDomains(session: Session<BrowserUnderTest>, domains: readonly string[]): Promise<void> {
  const settings = await session.openDashboard('#/settings');
  try {
    await typeInto(settings.getByLabel('Internal domains').first(), domains.join('\n'));
    await settings.getByRole('button', { name: 'Save' }).first().click();
    await settings
      .getByRole('status')
      .filter({ hasText: /^Saved\./ })
      .first()
      .waitFor({ timeout: 60_000 });
  } finally {
    await settings.close();
  }
}

/** The export view refused to download: validation errors stand, or a template is missing. */
export class ExportRefused extends Error {
  constructor(
    readonly verdict: string,
    readonly page: Page,
  ) {
    super(verdict);
  }
}

export async function downloadExport(
  session: Session<BrowserUnderTest>,
  opts: {
    snapshot?: string;
    format: string;
    templatePath?: string;
    encoding?: RegExp;
    validRowsOnly?: boolean;
    /** A value set in one column for every exported member (an initial password, a new organisation). */
    values?: Record<string, string>;
  },
): Promise<{ fileName: string; bytes: Buffer; page: Page }> {
  const page = await session.openDashboard(`#/export?snapshot=${opts.snapshot ?? 'latest'}&format=${opts.format}`);
  if (opts.templatePath) {
    await page.getByLabel('Template').setInputFiles(opts.templatePath);
    await page.getByText(`Loaded: ${basename(opts.templatePath)}`).waitFor({ timeout: 30_000 });
  }
  if (opts.encoding) await page.getByRole('radio', { name: opts.encoding }).check();
  if (opts.validRowsOnly) await page.getByRole('checkbox', { name: /valid rows only/ }).check();
  for (const [header, value] of Object.entries(opts.values ?? {})) {
    await page.getByLabel('Column', { exact: true }).selectOption(header);
    await typeInto(page.getByLabel('Value', { exact: true }), value);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
  }
  // Every value is checked before anything can be downloaded: wait for the verdict.
  const verdict = page
    .getByRole('status')
    .filter({ hasText: /^(Ready|Not exported|Choose a template)/ })
    .first();
  await verdict.waitFor({ timeout: 120_000 });
  const button = page.getByRole('button', { name: /Download/ }).first();
  if (await button.isDisabled()) throw new ExportRefused((await verdict.textContent()) ?? '', page);
  const { fileName, bytes } = await session.browser.download(page, () => button.click());
  return { fileName, bytes, page };
}
