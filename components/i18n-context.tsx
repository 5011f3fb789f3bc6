import { createContext, useContext, type ReactNode } from 'react';
import { pickLang, wordsIn, type Words } from '@/lib/i18n';

const I18nContext = createContext<Words>(wordsIn('en'));

export function I18nProvider({ uiLanguage, children }: { uiLanguage: string; children: ReactNode }) {
  const lang = pickLang(uiLanguage);
  return <I18nContext.Provider value={wordsIn(lang)}>{children}</I18nContext.Provider>;
}

export function useI18n(): Words {
  return useContext(I18nContext);
}
