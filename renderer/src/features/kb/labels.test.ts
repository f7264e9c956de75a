import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_TREE, LANGUAGES, categoryIds } from '@deskside/core';
import { applyLanguage, loadLanguage, setupI18n } from '../../i18n';
import { categoryLabel, categoryOptions } from './labels';

beforeAll(async () => {
  await setupI18n('en');
});

describe('category labels', () => {
  it('name every level of a default category in the UI language', async () => {
    await applyLanguage('fr');
    expect(categoryLabel(i18next.t, 'printer/paper-jam')).toBe('Imprimante › Bourrage papier');
    await applyLanguage('el');
    expect(categoryLabel(i18next.t, 'network/vpn')).toBe('Δίκτυο › VPN');
  });

  it('show a category the desk added itself by its id', async () => {
    await applyLanguage('nl');
    expect(categoryLabel(i18next.t, 'printer/plotter')).toBe('Printer › plotter');
  });

  it('exist for every category of the default tree in every language', async () => {
    await Promise.all(LANGUAGES.map(loadLanguage));
    const missing = LANGUAGES.flatMap((lng) =>
      categoryIds(DEFAULT_CATEGORY_TREE)
        .filter((id) => !i18next.exists(`kb.categories.${id}`, { lng, fallbackLng: false }))
        .map((id) => `${lng}: ${id}`),
    );
    expect(missing).toEqual([]);
    expect(categoryOptions(i18next.t, DEFAULT_CATEGORY_TREE)).toHaveLength(
      categoryIds(DEFAULT_CATEGORY_TREE).length,
    );
  });
});
