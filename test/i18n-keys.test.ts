import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodeSchema, LANGUAGES } from '@deskside/core';

const root = path.resolve(import.meta.dirname, '../renderer/src');
type Tree = { [key: string]: string | Tree };
const catalogs = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(path.join(root, 'i18n', `${language}.json`), 'utf8')) as Tree,
  ]),
) as Record<(typeof LANGUAGES)[number], Tree>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    // Tests are left out, and so are type tests, whose misspelt keys are the point.
    return /\.tsx?$/.test(name) && !/\.(test|type-test)\.tsx?$/.test(name) ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const english = flatten(catalogs.en);

describe('UI strings', () => {
  it('exist in English for every literal key the renderer asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!english.has(match[1]!)) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    'exist in %s for every English key, with the same placeholders, and nothing else',
    (language) => {
      const translated = flatten(catalogs[language]);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      const wrongPlaceholders = [...english].filter(
        ([key, text]) =>
          JSON.stringify(placeholders(text)) !==
          JSON.stringify(placeholders(translated.get(key) ?? '')),
      );
      expect(wrongPlaceholders.map(([key]) => key)).toEqual([]);
      const empty = [...translated].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    },
  );

  it('give every error code the console can answer with a title (ErrorMessage shows it)', () => {
    const untitled = ErrorCodeSchema.options.filter((code) => !english.has(`errors.${code}`));
    expect(untitled).toEqual([]);
  });
});
