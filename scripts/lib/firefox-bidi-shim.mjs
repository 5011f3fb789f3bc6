#!/usr/bin/env node
// Stands in for the Firefox binary when Playwright launches Firefox over WebDriver BiDi. See
// scripts/lib/firefox.ts for why: it runs Firefox ESR (ROSTER_AUDIT_FIREFOX_BINARY) with the same
// arguments and puts a small WebDriver BiDi proxy between Playwright and Firefox that answers the
// few emulation commands Playwright always sends and Firefox ESR does not know.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * The chrome channel: a second client (the tests) sends `{ id, functionDeclaration, args }` and the
 * function runs in the browser window's chrome, where the toolbar and the add-ons' actions live and
 * BiDi cannot click. WebDriver BiDi reaches chrome (`moz:scope`) because the launcher sets
 * MOZ_REMOTE_ALLOW_SYSTEM_ACCESS; Firefox allows one WebDriver session, so it goes over the
 * automation's own session (Marionette would need a second one). Answers `{ id, value }` or `{ id, error }`.
 */
const CHROME_CHANNEL_PATH = '/roster-audit/chrome';
function serveChromeChannel(client, currentAsk) {
  client.on('message', async (raw) => {
    const { id, functionDeclaration, args = [] } = JSON.parse(raw.toString());
    const answer = (body) => client.send(JSON.stringify({ id, ...body }));
    const ask = currentAsk();
    if (!ask) return answer({ error: 'no automation session yet' });
    const tree = await ask('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const window = tree.result?.contexts?.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
    if (!window) return answer({ error: `no browser window in chrome scope: ${JSON.stringify(tree.error ?? tree.message ?? tree.result)}` });
    const reply = await ask('script.callFunction', {
      functionDeclaration,
      arguments: args.map((value) => ({ type: 'string', value })),
      target: { context: window.context },
      awaitPromise: true,
    });
    if (reply.type === 'success' && reply.result?.type !== 'exception') return answer({ value: reply.result?.result?.value ?? null });
    answer({ error: reply.result?.exceptionDetails?.text ?? reply.message ?? JSON.stringify(reply) });
  });
}

/** Commands Playwright sends on every page for emulation this project never asks for. */
const ANSWERED_HERE = new Set(process.env.ROSTER_AUDIT_BIDI_ANSWERED?.split(',') ?? []);
const firefox = spawn(process.env.ROSTER_AUDIT_FIREFOX_BINARY ?? 'firefox-esr', process.argv.slice(2), {
  stdio: ['ignore', 'inherit', 'pipe'],
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => firefox.kill(signal));
firefox.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

createInterface({ input: firefox.stderr }).on('line', (line) => {
  const listening = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
  if (!listening) {
    process.stderr.write(`${line}\n`);
    return;
  }
  const upstream = listening[1];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
    const port = server.address().port;
    // Where the launcher looks for the chrome channel below.
    if (process.env.ROSTER_AUDIT_CHROME_CHANNEL_FILE) writeFileSync(process.env.ROSTER_AUDIT_CHROME_CHANNEL_FILE, String(port));
    process.stderr.write(`WebDriver BiDi listening on ws://127.0.0.1:${port}\n`);
  });
  /** Asks Firefox over the automation's own session (the latest one). */
  let askFirefox;
  server.on('connection', (client, request) => {
    if (request.url === CHROME_CHANNEL_PATH) {
      serveChromeChannel(client, () => askFirefox);
      return;
    }
    const firefoxSide = new WebSocket(`${upstream}${request.url ?? ''}`);
    const early = [];
    /** Replies to the proxy's own commands, by id (a range Playwright's counter never reaches). */
    const ownReplies = new Map();
    let ownId = 1_000_000_000;
    const ask = (method, params) =>
      new Promise((done) => {
        const id = ++ownId;
        ownReplies.set(id, done);
        firefoxSide.send(JSON.stringify({ id, method, params }));
      });
    askFirefox = ask;
    /**
     * Firefox leaves out the load events of documents in the add-on process (bug 1755014), and
     * reports such a document's script realm only once a command addresses it. Both are supplied
     * here: the page is asked to say when it has loaded, which also makes its realm known.
     */
    const reportLoaded = async ({ context, navigation, url }) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const reply = await ask('script.evaluate', {
          expression: `new Promise((done) => document.readyState === 'complete' ? done() : addEventListener('load', () => done(), { once: true }))`,
          target: { context },
          awaitPromise: true,
        });
        if (reply.type === 'success') {
          for (const method of ['browsingContext.domContentLoaded', 'browsingContext.load']) {
            client.send(JSON.stringify({ type: 'event', method, params: { context, navigation, timestamp: Date.now(), url } }));
          }
          return;
        }
        if (reply.error === 'no such frame') return;
        await new Promise((wait) => setTimeout(wait, 100));
      }
    };
    /** Add-on pages by browsing context, and the close commands sent for them, by command id. */
    const addonPages = new Map();
    const closing = new Map();
    firefoxSide.on('open', () => early.splice(0).forEach((data) => firefoxSide.send(data)));
    firefoxSide.on('message', (raw) => {
      const text = raw.toString();
      const message = JSON.parse(text);
      if (ownReplies.has(message.id)) {
        ownReplies.get(message.id)(message);
        ownReplies.delete(message.id);
        return;
      }
      client.send(text);
      if (message.method === 'browsingContext.navigationCommitted') {
        if (message.params.url.startsWith('moz-extension:')) {
          addonPages.set(message.params.context, message.params.url);
          void reportLoaded(message.params);
        } else {
          addonPages.delete(message.params.context);
        }
      }
      // Nor does Firefox say when a tab showing an add-on page has closed: say it once the close succeeded.
      if (closing.has(message.id)) {
        const context = closing.get(message.id);
        closing.delete(message.id);
        if (message.type === 'success') {
          const url = addonPages.get(context);
          addonPages.delete(context);
          const params = { context, url, children: [], parent: null, userContext: 'default', originalOpener: null };
          client.send(JSON.stringify({ type: 'event', method: 'browsingContext.contextDestroyed', params }));
        }
      }
    });
    firefoxSide.on('close', () => client.close());
    client.on('close', () => firefoxSide.close());
    client.on('message', (raw) => {
      const text = raw.toString();
      const command = JSON.parse(text);
      if (command.method === 'browsingContext.close' && addonPages.has(command.params?.context)) {
        closing.set(command.id, command.params.context);
      }
      if (ANSWERED_HERE.has(command.method)) {
        client.send(JSON.stringify({ type: 'success', id: command.id, result: {} }));
        return;
      }
      if (firefoxSide.readyState === WebSocket.OPEN) firefoxSide.send(text);
      else early.push(text);
    });
  });
});
