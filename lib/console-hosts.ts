/**
 * Host families of the consoles the product supports. The production manifest asks for these
 * and nothing broader; the content script is injected only when the admin clicks.
 */
export const CONSOLE_HOST_PERMISSIONS = [
  'https://*.worksmobile.com/*',
  'https://*.chatwork.com/*',
  'https://*.receptionist.jp/*',
  'https://*.immedio.io/*',
] as const;
