import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@deskside/core';
import el from './el.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

export const resources = {
  en: { translation: en },
  nl: { translation: nl },
  fr: { translation: fr },
  el: { translation: el },
} as const satisfies Record<Language, unknown>;

export const defaultLanguage: Language = 'en';

/** The chosen language, else the first of the system's languages Deskside speaks, else English. */
export function resolveLanguage(
  chosen: Language | null,
  systemLanguages: readonly string[],
): Language {
  if (chosen) return chosen;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return defaultLanguage;
}

export function setupI18n(language: Language = defaultLanguage) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    // React escapes what it renders; escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the UI language and tells assistive technology which language the page is in. */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
