import type { Localized } from './i18n';
import type { Classification, LinkStatus } from './model';

/** A member's classification in words: the dashboard shows them and the audit report writes them. */
export const CLASSIFICATION_LABEL: Record<Classification, Localized> = {
  internal: { ja: '社内', en: 'Internal' },
  external: { ja: '社外', en: 'External' },
  unknown: { ja: '不明', en: 'Unknown' },
};

/** A contact's link status in words. */
export const LINK_STATUS_LABEL: Record<LinkStatus, Localized> = {
  linked: { ja: '外部連携済み', en: 'Linked' },
  'shared-only': { ja: '連絡先共有のみ', en: 'Shared only' },
  unknown: { ja: '未確認', en: 'Not checked' },
};

