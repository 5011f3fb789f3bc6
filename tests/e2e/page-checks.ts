import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { INCOMPLETE_REASONS } from '../../lib/completeness';
import { FORMAT_IDS } from '../../lib/formats';
import { AuditErrorCode } from '../../lib/messages';
import { FindingId } from '../../lib/model';
import { PROBLEM_TEXT } from '../../lib/problem-text';

/** Checks of a page as an admin meets it: what axe-core finds, and codes that must never show. */

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** Every axe-core violation of the page as it is now, whatever its impact. */
export async function allViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;0`);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return results.map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * Codes that must never reach an admin in the Japanese UI, taken from the code lists themselves:
 * finding ids, the reasons an audit stops short, format ids, the codes of problems and of the popup's
 * audit errors (those of more than one word: a lone English word is left to the unit test of the
 * words); then the classification reasons
 * (phrases, not a list) and English words once added to Japanese labels for tests' sake. Console ids
 * are left to the unit test of CONSOLE_LABEL: the sample audits' page titles, shown as read, are named
 * after them.
 */
const CODES = [
  ...FindingId.options,
  ...INCOMPLETE_REASONS,
  ...FORMAT_IDS,
  ...[...Object.keys(PROBLEM_TEXT), ...AuditErrorCode.options].filter((code) => code.includes('-')),
  'no domain policy yet',
  'not internal',
  'no internal domains set',
  'unparseable identifier',
  'no identifier',
  'matched ',
  'shared-only',
  '(Save)',
  '(Template)',
  '(Download)',
];

/** The codes the page shows: its own text (not page text shown as read) and the names and hints it gives (aria-label, title, placeholder, alt). */
export async function codesShown(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    // Page text the product shows as read (names, page titles) is isolated in <bdi>: it is the console's, not a code of ours.
    const hideRead = document.createElement('style');
    hideRead.textContent = 'bdi { display: none !important; }';
    document.head.append(hideRead);
    const parts = [document.body.innerText];
    hideRead.remove();
    for (const element of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) parts.push(element.getAttribute(name) ?? '');
    }
    return parts.join('\n');
  });
  // An address the page shows (an audit's source URL) is the console's own, not a code of ours.
  const words = shown.replace(/https?:\/\/\S+/g, ' ');
  return CODES.filter((code) => new RegExp(`(^|[^a-z-])${code.replace(/[()]/g, '\\$&')}($|[^a-z-])`, 'm').test(words));
}
