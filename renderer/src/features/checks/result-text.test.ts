import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeCheckCatalog,
  isCatalogCheckId,
  LANGUAGES,
  type CatalogCheckId,
  type Language,
} from '@deskside/core';
import { LOW_DISK_FACTS } from '#test/helpers/check-results';
import el from '../../i18n/el.json';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import nl from '../../i18n/nl.json';
import { applyLanguage, setupI18n } from '../../i18n';
import { checkName, describeCheckResult } from './result-text';
import { checkResultValues } from './result-values';

const catalogs: Record<Language, unknown> = { en, nl, fr, el };
const catalog = describeCheckCatalog().checks;

/** The string at a dotted key of a catalog, or undefined. */
function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

/** A catalog check's id, typed (the listing names checks by plain strings). */
function catalogId(id: string): CatalogCheckId {
  if (!isCatalogCheckId(id)) throw new Error(`${id} is not in the catalog`);
  return id;
}

/** The values a check's sentences get from an outcome that reports none of its facts. */
const valuesWithoutFacts = (id: string, locale = 'en') =>
  checkResultValues(catalogId(id), {}, { locale, reason: (reason) => `(${reason})` });

beforeAll(async () => {
  await setupI18n('en');
});

describe('check results in every language', () => {
  it.each(LANGUAGES)(
    'has a sentence in %s for every result code of the catalog, using only values the facts give',
    (language) => {
      const missing: string[] = [];
      const unknownValues: string[] = [];
      for (const check of catalog) {
        const offered = new Set(Object.keys(valuesWithoutFacts(check.id)));
        for (const code of check.codes) {
          const sentence = lookup(catalogs[language], `checks.code.${code}`);
          if (!sentence?.trim()) missing.push(code);
          for (const name of placeholders(sentence ?? '')) {
            if (!offered.has(name)) unknownValues.push(`${code}: {{${name}}}`);
          }
        }
      }
      expect(missing).toEqual([]);
      expect(unknownValues).toEqual([]);
    },
  );

  it.each(LANGUAGES)('names every check and labels every parameter in %s', (language) => {
    const missing: string[] = [];
    for (const check of catalog) {
      if (!lookup(catalogs[language], `checks.name.${check.id}`)) missing.push(check.id);
      const properties = (check.params.properties ?? {}) as Record<string, unknown>;
      for (const param of Object.keys(properties)) {
        const key = `checks.param.${check.id}.${param}`;
        if (!lookup(catalogs[language], key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)(
    'leaves no placeholder unfilled in %s, even for an outcome that reports none of the facts',
    async (language) => {
      await applyLanguage(language);
      for (const check of catalog) {
        const values = valuesWithoutFacts(check.id, language);
        for (const code of check.codes) {
          const text = i18next.t(`checks.code.${code}`, values);
          expect(text, code).not.toMatch(/\{\{|checks\.code/);
        }
      }
    },
  );
});

describe('a check result as a sentence', () => {
  it('fills in the facts in the analyst’s formats', async () => {
    const facts = LOW_DISK_FACTS;
    await applyLanguage('en');
    expect(
      describeCheckResult(i18next.t, { checkId: 'disk.free', code: 'disk.free.low', facts }, 'en'),
    ).toBe('Only 5 GB free on / (5% of 100 GB), below the warning level of 15%.');
    await applyLanguage('fr');
    // French puts (narrow) no-break spaces before units and percent signs.
    const french = describeCheckResult(
      i18next.t,
      { checkId: 'disk.free', code: 'disk.free.low', facts },
      'fr',
    ).replace(/[\u202f\u00a0]/g, ' ');
    expect(french).toBe(
      'Plus que 5 Go libres sur / (5 % de 100 Go), sous le seuil d’alerte de 15 %.',
    );
  });

  it('lists names in the language’s own way and translates why facts are missing', async () => {
    await applyLanguage('nl');
    const dns = describeCheckResult(
      i18next.t,
      {
        checkId: 'dns.resolve',
        code: 'dns.resolve.not_found',
        facts: {
          name: 'example.com',
          type: 'A',
          servers: ['10.0.0.53', '10.0.1.53'],
          errorCode: 'ENOTFOUND',
        },
      },
      'nl',
    );
    expect(dns).toBe('DNS kent example.com niet (A-record, gevraagd aan 10.0.0.53 en 10.0.1.53).');
    const printers = describeCheckResult(
      i18next.t,
      {
        checkId: 'printers.queues',
        code: 'printers.queues.unavailable',
        facts: { reason: 'not_installed' },
      },
      'nl',
    );
    expect(printers).toBe(
      'De printers zijn niet uit te lezen: het programma dat ze kent is niet geïnstalleerd.',
    );
  });

  it('still shows a code or a check this console does not know yet', async () => {
    await applyLanguage('el');
    expect(
      describeCheckResult(
        i18next.t,
        { checkId: 'gpu.temp', code: 'gpu.temp.hot', facts: {} },
        'el',
      ),
    ).toBe('Αποτέλεσμα gpu.temp.hot (αυτή η κονσόλα δεν το γνωρίζει ακόμη).');
    expect(checkName(i18next.t, 'gpu.temp')).toBe('Έλεγχος gpu.temp');
    expect(checkName(i18next.t, 'tcp.port')).toBe('Ανοιχτή θύρα TCP');
  });

  it('says so, instead of a sentence of dashes, for facts of a shape it cannot read', async () => {
    await applyLanguage('en');
    // An older agent's disk.free: sizes as text, no thresholds.
    const older = { path: '/', freeBytes: '5 GB', totalBytes: '100 GB' };
    expect(
      describeCheckResult(
        i18next.t,
        { checkId: 'disk.free', code: 'disk.free.low', facts: older },
        'en',
      ),
    ).toBe(
      'Result disk.free.low, recorded in a form this console cannot read: its facts are shown as recorded.',
    );
    // The runner's codes read with the runner's facts, whatever the check.
    expect(
      describeCheckResult(
        i18next.t,
        { checkId: 'disk.free', code: 'check.timeout', facts: { timeoutMs: 5000 } },
        'en',
      ),
    ).toBe('The check took too long and was stopped.');
  });
});
