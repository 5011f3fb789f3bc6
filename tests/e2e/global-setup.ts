import { FIREFOX_MISSING, findFirefox } from '../../scripts/lib/firefox';

/** Said once per run, never silently: the Firefox tests skip themselves on a machine without Firefox. */
export default function announceMissingBrowsers(): void {
  if (!findFirefox()) console.warn(`\n${FIREFOX_MISSING}\n`);
}
