// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * What lib/ must not reach for: WXT, the extension polyfill and APIs, and the extension's own wiring
 * and UI (entrypoints/, components/), by any alias WXT defines (@, ~, @@, ~~) or by a relative path.
 * tests/unit/lib-purity.test.ts checks the same list by text (it also sees dynamic imports); change both together.
 */
const LIB_PURITY = 'lib/ is plain TypeScript with no browser-extension API; entrypoints/ wire it to the browser.';
const LIB_FORBIDDEN_IMPORTS = [
  { regex: '^(wxt|#imports|webextension-polyfill)(/|$)', message: LIB_PURITY },
  { regex: '^@wxt-dev/', message: LIB_PURITY },
  { regex: '^(@|~|@@|~~)/(entrypoints|components)(/|$)', message: LIB_PURITY },
  { regex: '^(\\.\\./)+(entrypoints|components)(/|$)', message: LIB_PURITY },
];
const LIB_FORBIDDEN_GLOBALS = ['chrome', 'browser', 'defineBackground', 'defineContentScript', 'defineUnlistedScript'].map((name) => ({
  name,
  message: LIB_PURITY,
}));

/** The Node globals the plain-JavaScript fixture scripts use (TypeScript checks names in .ts files, not here). */
const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'setTimeout', 'clearTimeout', 'URL', 'Buffer', 'TextEncoder', 'TextDecoder', 'structuredClone'].map((name) => [name, 'readonly']),
);

export default defineConfig([
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      '.tmp/**',
      // Committed output of scripts/fixtures/generate.mjs (HTML pages and their scripts, expected JSON);
      // the generator in scripts/fixtures is linted instead.
      'tests/fixtures/consoles/**',
      // A deliberately hostile extension the security tests load beside ours.
      'tests/fixtures/evil-extension/**',
    ],
  },
  js.configs.recommended,
  // The rules that need no type information: the type-checked set made `npm run lint` take about
  // three times as long (over a minute on a 2-core machine), and `tsc --noEmit` runs just before it.
  tseslint.configs.recommended,
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: LIB_FORBIDDEN_IMPORTS }],
      'no-restricted-globals': ['error', ...LIB_FORBIDDEN_GLOBALS],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // The functions this script hands to page.evaluate and waitForFunction run in the page.
    files: ['scripts/fixtures/check-in-browser.mjs'],
    languageOptions: { globals: { document: 'readonly' } },
  },
]);
