import type { Page } from '@playwright/test';
import { switchLanguage as switchFrom, type catalogs } from './console-page';

export { callApi, catalogs } from './console-page';

/** Chooses the UI language with the sidebar's switcher, from English. */
export async function switchLanguage(page: Page, language: keyof typeof catalogs): Promise<void> {
  await switchFrom(page, 'en', language);
}

/** A catalogue string with its {{placeholders}} filled in. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
