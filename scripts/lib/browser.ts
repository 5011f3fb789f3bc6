import type { BrowserContext, Page } from 'playwright-core';

/** A browser with the extension under test loaded, whichever browser it is. */
export interface BrowserUnderTest {
  name: 'chromium' | 'firefox';
  context: BrowserContext;
  /** Chromium's extension id, or the add-on's internal UUID in Firefox: the host of its pages. */
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  pageBase: string;
  userDataDir: string;
  /** Runs `fn` where the extension's API is at hand (Chromium: its service worker; Firefox: one of its pages). */
  evaluateInExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** What `start` makes `page` download (a Blob link's file): its name and bytes. */
  download(page: Page, start: () => Promise<void>): Promise<{ fileName: string; bytes: Buffer }>;
  /** Closes the browser; removes the profile unless `keepProfile`. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}
