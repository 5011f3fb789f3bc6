import { describe, expect, it } from 'vitest';
import { isOwnExtensionPage, scannerTabOf, type OwnExtension } from '../../lib/trust';

const chrome: OwnExtension = { id: 'abcdefghijklmnopabcdefghijklmnop', pageBase: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const firefox: OwnExtension = { id: 'roster-audit@roster-audit.dev', pageBase: 'moz-extension://0b5e6f2a-1111-4c2d-9a0e-123456789abc/' };

describe('isOwnExtensionPage', () => {
  it('accepts the popup and the dashboard of this extension, in Chrome and Firefox', () => {
    expect(isOwnExtensionPage({ id: chrome.id, url: `${chrome.pageBase}popup.html?tabId=3` }, chrome)).toBe(true);
    expect(isOwnExtensionPage({ id: chrome.id, url: `${chrome.pageBase}options.html#/snapshots`, tab: { id: 9 } }, chrome)).toBe(true);
    expect(isOwnExtensionPage({ id: firefox.id, url: `${firefox.pageBase}popup.html` }, firefox)).toBe(true);
  });

  it('refuses the scanner in a web page, even though it carries this extension id', () => {
    expect(isOwnExtensionPage({ id: chrome.id, url: 'https://admin.worksmobile.com/members', tab: { id: 3 } }, chrome)).toBe(false);
  });

  it('refuses another extension, a look-alike base URL and senders without an id or URL', () => {
    expect(isOwnExtensionPage({ id: 'najdfbgfafkngmfonjllodeepiaaocie', url: 'chrome-extension://najdfbgfafkngmfonjllodeepiaaocie/popup.html' }, chrome)).toBe(
      false,
    );
    expect(isOwnExtensionPage({ id: 'najdfbgfafkngmfonjllodeepiaaocie', url: `${chrome.pageBase}popup.html` }, chrome)).toBe(false);
    expect(isOwnExtensionPage({ id: chrome.id, url: `chrome-extension://${chrome.id}.evil/popup.html` }, chrome)).toBe(false);
    expect(isOwnExtensionPage({ id: chrome.id }, chrome)).toBe(false);
    expect(isOwnExtensionPage({ url: `${chrome.pageBase}popup.html` }, chrome)).toBe(false);
    expect(isOwnExtensionPage(undefined, chrome)).toBe(false);
    expect(isOwnExtensionPage({}, { id: '', pageBase: '' })).toBe(false);
  });
});

describe('scannerTabOf', () => {
  it("gives the tab of this extension's script in a web page", () => {
    expect(scannerTabOf({ id: chrome.id, url: 'https://admin.worksmobile.com/members', tab: { id: 42 } }, chrome)).toBe(42);
    expect(scannerTabOf({ id: firefox.id, url: 'https://www.chatwork.com/admin/users', tab: { id: 0 } }, firefox)).toBe(0);
  });

  it('refuses other extensions, extension pages and senders without a tab', () => {
    expect(scannerTabOf({ id: 'najdfbgfafkngmfonjllodeepiaaocie', url: 'https://admin.worksmobile.com/', tab: { id: 42 } }, chrome)).toBeUndefined();
    expect(scannerTabOf({ id: chrome.id, url: `${chrome.pageBase}popup.html`, tab: { id: 42 } }, chrome)).toBeUndefined();
    expect(scannerTabOf({ id: chrome.id, url: 'https://admin.worksmobile.com/' }, chrome)).toBeUndefined();
    expect(scannerTabOf({ id: chrome.id, url: 'https://admin.worksmobile.com/', tab: { id: -1 } }, chrome)).toBeUndefined();
    expect(scannerTabOf({ url: 'https://admin.worksmobile.com/', tab: { id: 42 } }, chrome)).toBeUndefined();
    expect(scannerTabOf(undefined, chrome)).toBeUndefined();
  });
});
