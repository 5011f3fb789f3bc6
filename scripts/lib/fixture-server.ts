import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves the sample consoles over HTTPS under their real host names. Chromium maps every host to
 * this server (`--host-resolver-rules`), so the manifest's real host permissions and matches are
 * what gets exercised. The certificate is made fresh for each run: nothing secret is committed.
 */

export const FIXTURE_ROOT = resolve(import.meta.dirname, '../../tests/fixtures/consoles');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureServer {
  port: number;
  /** `https://<host><path>`: the address a test or the demo opens. */
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'roster-audit-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=roster-audit-fixtures',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function resolveFile(root: string, host: string, pathname: string): string | undefined {
  const hostDir = resolve(root, host.replace(/:\d+$/, '').toLowerCase());
  if (!hostDir.startsWith(root + sep)) return undefined;
  const wanted = normalize(join(hostDir, decodeURIComponent(pathname)));
  if (wanted !== hostDir && !wanted.startsWith(hostDir + sep)) return undefined;
  for (const candidate of [wanted, join(wanted, 'index.html'), `${wanted}.html`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form of the path
    }
  }
  return undefined;
}

export async function startFixtureServer(root = FIXTURE_ROOT): Promise<FixtureServer> {
  const server: Server = createServer(makeCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fixture.invalid');
    const file = resolveFile(root, req.headers.host ?? '', url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    port: address.port,
    url: (host, path = '/') => `https://${host}${path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
