/** What the queue and ticket end-to-end tests share: the catalogs, axe, the API, languages. */
import type { Page } from '@playwright/test';
import type { ApiInput, ApiMethod, ApiOutput, Language } from '@deskside/core';
import el from '../../renderer/src/i18n/el.json' with { type: 'json' };
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/src/i18n/fr.json' with { type: 'json' };
import nl from '../../renderer/src/i18n/nl.json' with { type: 'json' };
import { expect } from './fixtures';

export { expectAccessible } from './accessibility';

export const catalogs = { en, nl, fr, el } satisfies Record<Language, unknown>;
export type Catalog = typeof en;

/**
 * One call of the console's contract from inside the page, with the page's own session, as
 * the renderer makes it: for setting up data a test is not about.
 */
export async function callApi<M extends ApiMethod>(
  page: Page,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const result = await page.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('deskside.session') ?? '';
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as ApiOutput<M>;
}

/** Switches the UI language with the sidebar's switcher (labelled in the language shown). */
export async function switchLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByLabel(catalogs[from].app.language, { exact: true }).selectOption(to);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(to);
}
