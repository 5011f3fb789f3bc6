import { createRoot } from 'react-dom/client';
import { AUDIT_PORT } from '@/lib/messages';
import { I18nProvider } from '@/components/i18n-context';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/theme.css';
import './popup.css';

async function targetTabId(): Promise<number | undefined> {
  // `popup.html?tabId=N` acts on tab N (automation contract); otherwise the active tab.
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const connect = () => browser.runtime.connect({ name: AUDIT_PORT });

void targetTabId().then((tabId) => {
  document.documentElement.lang = browser.i18n.getUILanguage();
  createRoot(document.getElementById('root')!).render(
    <I18nProvider uiLanguage={browser.i18n.getUILanguage()}>
      <PopupApp tabId={tabId} connect={connect} />
    </I18nProvider>,
  );
});
