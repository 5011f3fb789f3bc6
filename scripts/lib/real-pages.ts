import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { REAL_PAGES, type RealPage } from '../../tests/fixtures/real-pages/pages';

/**
 * The real-library test pages (AG Grid, MUI X, TanStack, antd, react-window, a web component),
 * bundled with the libraries themselves at test time into a directory the fixture server serves
 * by host. The bundles are large and generated, so they stay out of git.
 */
export const REAL_PAGES_ROOT = resolve(import.meta.dirname, '../../.output/real-pages');
const SOURCES = resolve(import.meta.dirname, '../../tests/fixtures/real-pages');

function shell(page: RealPage, styled: boolean): string {
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>${page.title}</title>${styled ? '<link rel="stylesheet" href="app.css">' : ''}
<style>body{font-family:system-ui,sans-serif;margin:0}header{background:#1e3a5f;color:#fff;padding:8px 16px}main{padding:16px}</style></head>
<body><header><strong>Example 管理コンソール</strong> <span class="signed-in">admin@example.co.jp</span></header>
<main><h1>${page.title}</h1><div id="app"></div></main>
<script src="app.js"></script></body></html>
`;
}

export async function buildRealPages(root = REAL_PAGES_ROOT): Promise<void> {
  for (const page of REAL_PAGES) {
    const dir = join(root, page.host);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(SOURCES, page.entry)],
      bundle: true,
      minify: true,
      format: 'iife',
      jsx: 'automatic',
      target: 'chrome120',
      define: {
        'process.env.NODE_ENV': '"production"',
        // Any other variable a library reads (Vuetify's logger switch) is unset, as in a production build.
        'process.env': '{}',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      // Fonts and images a library's stylesheet names travel inside it.
      loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
      outfile: join(dir, 'app.js'),
      logLevel: 'error',
    });
    // A library's own stylesheet, imported by the page, comes out beside the script.
    writeFileSync(join(dir, 'index.html'), shell(page, existsSync(join(dir, 'app.css'))));
  }
}
