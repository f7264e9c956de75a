import { LanguageSchema, type Language } from '@deskside/core';

/** The UI's language as the console's API names it (English until i18n has one). */
export function apiLanguage(uiLanguage: string): Language {
  return LanguageSchema.catch('en').parse(uiLanguage);
}
