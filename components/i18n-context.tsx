import { createContext, useContext, type ReactNode } from 'react';
import { createTranslator, pickLang, type Lang, type Localized, type Translate } from '@/lib/i18n';

interface I18n {
  lang: Lang;
  t: Translate;
  /** Picks the browser's language from text given in both. */
  l(text: Localized): string;
}

function make(lang: Lang): I18n {
  return { lang, t: createTranslator(lang), l: (text) => text[lang] };
}

const I18nContext = createContext<I18n>(make('en'));

export function I18nProvider({ uiLanguage, children }: { uiLanguage: string; children: ReactNode }) {
  const lang = pickLang(uiLanguage);
  return <I18nContext.Provider value={make(lang)}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
