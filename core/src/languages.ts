/** The languages Deskside speaks, in the order the console offers them. */
export const LANGUAGES = ['en', 'nl', 'fr', 'el'] as const;
export type Language = (typeof LANGUAGES)[number];
