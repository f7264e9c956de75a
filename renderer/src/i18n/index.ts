import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

export const resources = { en: { translation: en } } as const;
export const defaultLanguage = 'en';

export function setupI18n(language = defaultLanguage) {
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
