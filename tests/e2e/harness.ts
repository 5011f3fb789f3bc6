export {
  startFirefoxSession,
  startSession,
  TEST_EXTENSION_DIR,
  FIREFOX_TEST_EXTENSION_DIR,
  type Session,
  type StoredMember,
  type StoredSnapshot,
} from '../../scripts/lib/session';
export { auditThroughPopup, setInternalDomains, downloadExport } from '../../scripts/lib/journey';
export { stopServiceWorker } from '../../scripts/lib/chromium';
