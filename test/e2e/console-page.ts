/** What the queue and ticket end-to-end tests share: the catalogs, axe, the API, languages. */
import type { Page } from '@playwright/test';
import type { Language } from '@deskside/core';
import el from '../../renderer/src/i18n/el.json' with { type: 'json' };
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/src/i18n/fr.json' with { type: 'json' };
import nl from '../../renderer/src/i18n/nl.json' with { type: 'json' };
import { expect } from './fixtures';

export { expectAccessible } from './accessibility';
export { callApi } from './host-api';

export const catalogs = { en, nl, fr, el } satisfies Record<Language, unknown>;
export type Catalog = typeof en;

/** Switches the UI language with the sidebar's switcher (labelled in the language shown). */
export async function switchLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByLabel(catalogs[from].app.language, { exact: true }).selectOption(to);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(to);
}
