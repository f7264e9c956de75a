import type { ParseKeys } from 'i18next';

/**
 * A key of the English catalog, such as 'queue.title' (i18next.d.ts gives i18next the
 * catalog's type): a value that holds one is checked where it is written, not where `t` reads it.
 */
export type TranslationKey = ParseKeys;
