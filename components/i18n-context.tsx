import { createContext, useContext, type ReactNode } from 'react';
import { pickLang, wordsIn, type Lang, type Words } from '@/lib/i18n';
import type { Problem } from '@/lib/problem';
import { sayProblem } from '@/lib/problem-text';

/** The words of a screen, and of the problems `lib/` reports: `p(problem)` in the admin's language. */
export interface ScreenWords extends Words {
  p(problem: Problem): string;
}

function screenWords(lang: Lang): ScreenWords {
  return { ...wordsIn(lang), p: (problem) => sayProblem(problem, lang) };
}

const I18nContext = createContext<ScreenWords>(screenWords('en'));

export function I18nProvider({ uiLanguage, children }: { uiLanguage: string; children: ReactNode }) {
  const lang = pickLang(uiLanguage);
  return <I18nContext.Provider value={screenWords(lang)}>{children}</I18nContext.Provider>;
}

export function useI18n(): ScreenWords {
  return useContext(I18nContext);
}
