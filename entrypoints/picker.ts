import { createTranslator, pickLang } from '@/lib/i18n';
import type { PickerMessage } from '@/lib/messages';
import { startPicker } from '@/lib/scan/picker';
import { profileFor } from '@/lib/consoles';
import { readerFor } from '@/lib/scan/rank';

/**
 * Injected into the tab only when the admin asks to choose the list on the page. It draws the
 * picker and sends the choice (or the cancel) to the background in one message: the popup has
 * usually closed by the time the admin clicks, and the background remembers the choice.
 */

/** Stops the picker a previous injection left running on this page (the button pressed twice). */
const RUNNING = Symbol.for('roster-audit/picker');

export default defineUnlistedScript(() => {
  const scope = globalThis as { [RUNNING]?: () => void };
  scope[RUNNING]?.();
  const reader = readerFor(profileFor(document, location.href));
  const t = createTranslator(pickLang(browser.i18n.getUILanguage()));
  const send = (message: PickerMessage) => {
    delete scope[RUNNING];
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  scope[RUNNING] = startPicker(
    document,
    reader.isHeader,
    { instruction: t('pickerInstruction'), notARow: t('pickerNotARow') },
    {
      picked: (pick) => send({ type: 'pick/chosen', profile: reader.profile.id, pick }),
      cancelled: () => send({ type: 'pick/cancelled' }),
    },
  );
});
