import i18next, { type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@deskside/core';

/**
 * Each language's strings are a chunk of their own: the console fetches the analyst's language
 * before its first render and another one only when the analyst switches to it.
 */
const catalogs: Record<Language, () => Promise<{ default: ResourceKey }>> = {
  en: () => import('./en.json'),
  nl: () => import('./nl.json'),
  fr: () => import('./fr.json'),
  el: () => import('./el.json'),
};

const fetched = new Map<Language, Promise<ResourceKey>>();

/** A language's strings, fetched once however often and early they are asked for. */
export function loadCatalog(language: Language): Promise<ResourceKey> {
  let catalog = fetched.get(language);
  if (!catalog) {
    catalog = catalogs[language]().then((module) => module.default);
    // A failed fetch (the console went away) may be tried again.
    void catalog.catch(() => fetched.delete(language));
    fetched.set(language, catalog);
  }
  return catalog;
}

const NAMESPACE = 'translation';

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

/** Fetches a language's strings once; later calls find them loaded. */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, NAMESPACE)) return;
  i18next.addResourceBundle(language, NAMESPACE, await loadCatalog(language));
}

/** Starts i18next in `language`, its strings loaded, so the first render is in that language. */
export async function setupI18n(language: Language = defaultLanguage): Promise<typeof i18next> {
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
