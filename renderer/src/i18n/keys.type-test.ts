/**
 * Type-level tests of the typed catalog, run by `npx tsc -b` (this file is compiled, never
 * imported). Each `@ts-expect-error` must meet an error, or the build fails: a misspelt or
 * missing key that compiled again would fail it.
 */
import type { TFunction } from 'i18next';
import type { useTranslation } from 'react-i18next';
import type { TicketStatus } from '@deskside/core';
import type { TranslationKey } from './keys';

export function keysOfTheCatalogCompile(t: TFunction, status: TicketStatus): string[] {
  return [t('queue.title'), t('app.analyst', { name: 'Sofie' }), t(`status.${status}`)];
}

export function misspeltOrMissingKeysDoNot(t: TFunction, status: string): string[] {
  return [
    // @ts-expect-error: misspelt ("titel")
    t('queue.titel'),
    // @ts-expect-error: a branch of the catalog, not a string
    t('queue'),
    // @ts-expect-error: built from any string, so perhaps no key at all
    t(`status.${status}`),
  ];
}

export function pagesGetTheSameChecks(t: ReturnType<typeof useTranslation>['t']): string[] {
  // @ts-expect-error: misspelt ("nav.ticket")
  return [t('nav.tickets'), t('nav.ticket')];
}

// @ts-expect-error: a key held in a value is checked where it is written
export const storedKey: TranslationKey = 'settings.errors.tiem';
