import 'i18next';
import type en from './en.json';

// English is the reference catalog (test/i18n-keys.test.ts holds the others to its keys), so
// a key missing from it, or misspelt, fails to compile. The import is type-only: catalogs
// still load one at a time, when a language is chosen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
