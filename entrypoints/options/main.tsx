import { createRoot } from 'react-dom/client';
import { requestPersistence } from '@/lib/db/errors';
import { I18nProvider } from '@/components/i18n-context';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

const uiLanguage = browser.i18n.getUILanguage();
document.documentElement.lang = uiLanguage;
document.title = uiLanguage.toLowerCase().startsWith('ja') ? 'Roster Audit ダッシュボード' : 'Roster Audit dashboard';

// Ask once, when the dashboard opens, that the browser keep the cache under storage pressure.
void requestPersistence(navigator.storage).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <I18nProvider uiLanguage={uiLanguage}>
    <DashboardApp />
  </I18nProvider>,
);
