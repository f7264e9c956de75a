/**
 * The four languages' strings, each a chunk of its own, and which one an analyst gets. Apart
 * from i18next, so the page's entry (boot.ts) can start fetching the strings before the
 * console's code has loaded.
 */
import type { ResourceKey } from 'i18next';
import { DEFAULT_LANGUAGE, resolveLanguage, type Language } from '@deskside/core/schema-free';

/**
 * The console fetches the analyst's language before its first render and another one only
 * when the analyst switches to it.
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

export const defaultLanguage: Language = DEFAULT_LANGUAGE;

export { resolveLanguage };
