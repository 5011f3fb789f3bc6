/**
 * Who may talk to the background. Messages arrive from extension pages (popup, dashboard) and
 * from the scanner injected into a tab; anything else (another extension, a web page, a frame the
 * scanner was not injected into) is refused before its message is read.
 */

/** The parts of `runtime.MessageSender` the checks read (Chrome and Firefox fill them alike). */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** This extension as the browser names it: its id and the base URL of its pages (`runtime.getURL('/')`). */
export interface OwnExtension {
  id: string;
  pageBase: string;
}

function isOwnPageUrl(url: string | undefined, self: OwnExtension): boolean {
  // The base ends with `/`, so `chrome-extension://<id>.evil/` cannot pass for `chrome-extension://<id>/`.
  return !!url && self.pageBase.endsWith('/') && url.startsWith(self.pageBase);
}

/** The popup or the dashboard of this extension: the only senders that may start an audit. */
export function isOwnExtensionPage(sender: MessageSenderLike | undefined, self: OwnExtension): boolean {
  return !!self.id && sender?.id === self.id && isOwnPageUrl(sender.url, self);
}

/**
 * The tab whose scanner this is: this extension's own script running in a web page's tab. An
 * extension page, another extension or a sender without a tab gets `undefined`.
 */
export function scannerTabOf(sender: MessageSenderLike | undefined, self: OwnExtension): number | undefined {
  if (!self.id || sender?.id !== self.id || isOwnPageUrl(sender.url, self)) return undefined;
  const tabId = sender.tab?.id;
  return Number.isInteger(tabId) && tabId! >= 0 ? tabId : undefined;
}
