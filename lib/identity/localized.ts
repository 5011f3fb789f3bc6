/** Text shown to admins, Japanese first (the first users), English for everyone else. */
export interface LocalizedText {
  ja: string;
  en: string;
}
