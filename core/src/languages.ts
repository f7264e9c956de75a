/** The languages Deskside speaks, in the order the console offers them. */
export const LANGUAGES = ['en', 'nl', 'fr', 'el'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

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
  return DEFAULT_LANGUAGE;
}
