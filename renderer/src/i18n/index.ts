import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@deskside/core';
import { defaultLanguage, loadCatalog } from './catalogs';

const NAMESPACE = 'translation';

/** Fetches a language's strings once; later calls find them loaded. */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, NAMESPACE)) return;
  i18next.addResourceBundle(language, NAMESPACE, await loadCatalog(language));
}

/**
 * Starts i18next in `language`, its strings loaded, so the first render is in that language;
 * started already (the console after the sign-in screen), it switches to `language`.
 */
export async function setupI18n(language: Language = defaultLanguage): Promise<typeof i18next> {
  if (i18next.isInitialized) {
    await applyLanguage(language);
    return i18next;
  }
  const catalog = await loadCatalog(language);
  await i18next.use(initReactI18next).init({
    resources: { [language]: { [NAMESPACE]: catalog } },
    // Other languages are added as the analyst picks them (loadLanguage).
    partialBundledLanguages: true,
    lng: language,
    // No fallback language to fetch as well: test/i18n-keys.test.ts holds every catalog to
    // English's keys.
    fallbackLng: false,
    // The strings are in hand: initialise now rather than on the next task.
    initAsync: false,
    // React escapes what it renders; escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

let requested: Language | undefined;

/** Switches the UI language and tells assistive technology which language the page is in. */
export async function applyLanguage(language: Language): Promise<void> {
  // A second choice made while the first one's strings are still loading wins.
  requested = language;
  await loadLanguage(language);
  if (requested !== language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
