import type { MessageKey, Translate } from '@/lib/i18n';
import type { PickState, PickSummary } from '@/lib/scan/list-pick';
import { useI18n } from '../i18n-context';

/** The popup's steps while the admin chooses the list on the page. */
export type ChoicePhase = { kind: 'choosing' } | { kind: 'chosen'; list: PickSummary } | { kind: 'choice-cancelled' };

const KIND_TEXT: Record<PickSummary['kind'], MessageKey> = { table: 'listKindTable', grid: 'listKindGrid', list: 'listKindList' };

/** A list in a few words: its kind and how the page names it. */
export function listDescription(t: Translate, list: PickSummary): string {
  const kind = t(KIND_TEXT[list.kind]);
  return list.caption ? t('popupListDescribed', { kind, caption: list.caption }) : kind;
}

/** The status line of a choice step; '' when the popup is simply ready. */
export function choiceStatus(t: Translate, phase: ChoicePhase | { kind: 'ready' }): string {
  switch (phase.kind) {
    case 'choosing':
      return t('popupChoosing');
    case 'chosen':
      return t('popupListChosen', { list: listDescription(t, phase.list), rows: phase.list.rows });
    case 'choice-cancelled':
      return t('popupChoiceCancelled');
    default:
      return '';
  }
}

/** The list chosen for this page, as the page shows it now, and the way to forget it. */
export function ChosenList({ pick, onForget }: { pick: PickState; onForget: () => void }) {
  const { t } = useI18n();
  const list = listDescription(t, pick);
  return (
    <p className="chosen-list">
      {pick.found ? t('popupChosenList', { list, rows: pick.rows }) : t('popupChosenMissing', { list })}{' '}
      <button onClick={onForget}>{t('popupForgetList')}</button>
    </p>
  );
}
