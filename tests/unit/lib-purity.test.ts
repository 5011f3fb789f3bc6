import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * lib/ is the product's core: plain TypeScript that runs in Node as it is. It must not reach for
 * the extension APIs or WXT, nor for the extension's own wiring and UI; entrypoints/ wire it to the browser.
 * eslint.config.js forbids the same imports and globals in lib/ (no-restricted-imports,
 * no-restricted-globals); change both together.
 */
const LIB = resolve(import.meta.dirname, '../../lib');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"](wxt|wxt\/[^'"]*|#imports|webextension-polyfill|@wxt-dev\/[^'"]*)['"]/, 'imports WXT or the extension polyfill'],
  [/import\s*\(\s*['"](wxt|webextension-polyfill)/, 'imports WXT or the extension polyfill'],
  [/from\s+['"]([@~]{1,2}\/|(\.\.\/)+)(entrypoints|components)(\/|['"])/, 'imports from entrypoints/ or components/'],
  [/\b(chrome|browser)\s*\.\s*(runtime|tabs|scripting|storage|downloads|i18n|action|permissions)\b/, 'uses an extension API'],
  [/\bdefine(Background|ContentScript|UnlistedScript)\s*\(/, 'defines an entrypoint'],
];

describe('lib/', () => {
  const files = sources(LIB);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports nothing from the browser extension APIs or from WXT', () => {
    const offences = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, why]) => `${relative(LIB, file)} ${why}`);
    });
    expect(offences).toEqual([]);
  });

  it('the check itself recognises what it forbids', () => {
    const hits = (text: string) => FORBIDDEN.some(([pattern]) => pattern.test(text));
    expect(hits("import { browser } from 'wxt/browser';")).toBe(true);
    expect(hits("import browser from 'webextension-polyfill';")).toBe(true);
    expect(hits('await chrome.storage.local.get()')).toBe(true);
    expect(hits('browser.runtime.connect()')).toBe(true);
    expect(hits("import { rosterDb } from '@/components/db';")).toBe(true);
    expect(hits("import type { X } from '../../entrypoints/background';")).toBe(true);
    expect(hits("import { z } from 'zod';")).toBe(false);
    expect(hits("import { buildMembers } from '../roster';")).toBe(false);
  });
});
