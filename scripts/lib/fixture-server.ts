import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { REAL_PAGES_ROOT } from './real-pages';

/**
 * Serves the sample consoles over HTTPS under their real host names. Chromium maps every host to
 * this server (`--host-resolver-rules`) and Firefox uses it as its proxy, so the manifest's real
 * host permissions and matches are what gets exercised. The certificate is made fresh for each run: nothing secret is committed.
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

/** One request as the server saw it: enough to tell who asked (a page, a fetch, an extension). */
export interface LoggedRequest {
  method: string;
  host: string;
  path: string;
  referer?: string;
  origin?: string;
  /** `sec-fetch-site`, `-mode`, `-dest`: what kind of request the browser says this is. */
  fetchSite?: string;
  fetchMode?: string;
  fetchDest?: string;
}

export interface FixtureServer {
  port: number;
  /**
   * Every request received, in order. Every host name resolves here, so this is everything the
   * browser sent over the network: HTTPS and plain HTTP on any host (both are served on the one
   * port), and as `TLS-ABORTED` a TLS handshake the client gave up on, which carried no request.
   */
  requests: LoggedRequest[];
  /** `https://<host><path>`: the address a test or the demo opens. */
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'roster-audit-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=roster-audit-fixtures',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
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

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function logEntry(req: IncomingMessage): LoggedRequest {
  // A request through the proxy (Firefox's plain HTTP) names the whole URL: the path is its path.
  const path = /^[a-z]+:\/\//i.test(req.url ?? '') ? (({ pathname, search }) => pathname + search)(new URL(req.url!)) : (req.url ?? '');
  const entry: LoggedRequest = { method: req.method ?? '', host: header(req, 'host') ?? '', path };
  const optional = { referer: 'referer', origin: 'origin', fetchSite: 'sec-fetch-site', fetchMode: 'sec-fetch-mode', fetchDest: 'sec-fetch-dest' } as const;
  for (const [key, name] of Object.entries(optional) as [keyof typeof optional, string][]) {
    const value = header(req, name);
    if (value !== undefined) entry[key] = value;
  }
  return entry;
}

/** Serves the sample consoles and, where built, the real-library test pages (scripts/lib/real-pages.ts). */
export async function startFixtureServer(roots: readonly string[] = [FIXTURE_ROOT, REAL_PAGES_ROOT]): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(logEntry(req));
    const url = new URL(req.url ?? '/', 'https://fixture.invalid');
    const file = roots.map((root) => resolveFile(root, req.headers.host ?? '', url.pathname)).find(Boolean);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  };
  const https = createHttpsServer(makeCertificate(), serve);
  const http = createHttpServer(serve);
  for (const server of [https, http]) {
    // WebSocket upgrades never reach the request handler: log them too.
    server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
      requests.push({ ...logEntry(req), method: `UPGRADE ${req.method ?? ''}` });
      socket.destroy();
    });
  }
  // Firefox has no host-resolver rule: it reaches every host through this server as its proxy. A
  // tunnel is served like any other connection, so the requests inside it are served and logged.
  http.on('connect', (_req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    server.emit('connection', socket);
  });
  // A handshake the browser abandoned (a speculative connection closed early) sent no request.
  https.on('tlsClientError', (_error: Error, socket: TLSSocket) => {
    requests.push({ method: 'TLS-ABORTED', host: typeof socket.servername === 'string' ? socket.servername : '', path: '' });
    socket.destroy();
  });
  // Every host name resolves to one port, whatever the scheme: a TLS handshake opens with byte 0x16,
  // anything else is plain HTTP and is served (and logged) as such.
  const server = createTcpServer((socket: Socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    port: address.port,
    requests,
    url: (host, path = '/') => `https://${host}${path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
