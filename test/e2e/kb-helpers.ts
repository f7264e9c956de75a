import type { Page } from '@playwright/test';
import type { ApiInput, ApiMethod, ApiOutput, WireResult } from '@deskside/core';
import el from '../../renderer/src/i18n/el.json' with { type: 'json' };
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/src/i18n/fr.json' with { type: 'json' };
import nl from '../../renderer/src/i18n/nl.json' with { type: 'json' };
import { expect } from './fixtures';

export const catalogs = { en, nl, fr, el };
export type Catalog = typeof en;

/**
 * Calls the console's API from the page, with the page's own session (as the renderer
 * does): for steps whose screens belong to other pages (resolving a ticket, for example).
 */
export async function callApi<M extends ApiMethod>(
  page: Page,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const result = await page.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('deskside.session');
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(body),
      });
      return (await response.json()) as WireResult;
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ApiOutput<M>;
}

/** Chooses the UI language with the sidebar's switcher, from English. */
export async function switchLanguage(page: Page, language: keyof typeof catalogs): Promise<void> {
  await page
    .locator('.sidebar')
    .getByLabel(en.app.language, { exact: true })
    .selectOption(language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/** A catalogue string with its {{placeholders}} filled in. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
