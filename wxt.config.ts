import { defineConfig } from 'wxt';
import { CONSOLE_HOST_PERMISSIONS } from './lib/console-hosts';

// The test build may audit fixture pages on any HTTPS host; the production build may not.
const testBuild = process.env.ROSTER_AUDIT_TEST_BUILD === '1';

export default defineConfig({
  // ROSTER_AUDIT_OUT_DIR lets several builds live side by side (parallel test runs).
  outDir: process.env.ROSTER_AUDIT_OUT_DIR ?? (testBuild ? '.output/test' : '.output'),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // AMO's source archive: what rebuilds the package, not what the scripts leave behind (the demo's
  // fix-up files and the store screenshots hold the sample rosters' names; bench results are local).
  zip: { excludeSources: ['demo-output/**', 'store-screenshots/**', 'bench/results.json'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    host_permissions: [...CONSOLE_HOST_PERMISSIONS, ...(testBuild ? ['https://*/*'] : [])],
    action: { default_title: '__MSG_actionTitle__' },
    options_ui: { open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'roster-audit@roster-audit.dev',
              // The oldest Firefox ESR still supported (140); also the first to read the data
              // collection declaration below (Firefox for Android: 142). See docs/firefox.md.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
