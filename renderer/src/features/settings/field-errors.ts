import { ApiError } from '../../api/client';
import type { TranslationKey } from '../../i18n/keys';

/**
 * Which message (a key of the `settings.errors` catalog) a refused setting shows next to its
 * field, by the field's path in the console's answer. The console's own wording is English;
 * the analyst reads these in their language.
 */
const RULES: [RegExp, SettingsError][] = [
  [/\.(start|end)$/, 'time'],
  [/\.workingHours\.\w+\.\d+$/, 'periodOrder'],
  [/^sla\.calendar$/, 'noWorkingTime'],
  [/\.timeZone$/, 'timeZone'],
  [/\.holidays\.\d+$/, 'date'],
  [/Minutes$/, 'minutes'],
  [/\.atRiskShare$/, 'atRiskShare'],
  [/^groups\.\d+\.id$/, 'groupId'],
  [/^groups\.\d+\.name$/, 'groupName'],
  [/^groups$/, 'groups'],
  [/^displayName$/, 'displayName'],
];

/** The last part of a `settings.errors.*` key, such as 'time'. */
type SettingsError<Key = TranslationKey> = Key extends `settings.errors.${infer Name}`
  ? Name
  : never;

export type FieldErrors = ReadonlyMap<string, TranslationKey>;

/** Field path -> message key, for every issue of a refused change (first issue per field). */
export function fieldErrors(error: unknown): FieldErrors {
  const found = new Map<string, TranslationKey>();
  if (!(error instanceof ApiError)) return found;
  for (const { path } of error.issues ?? []) {
    const rule = RULES.find(([pattern]) => pattern.test(path));
    const key =
      error.code === 'conflict' && path === 'groups' ? 'groupInUse' : (rule?.[1] ?? 'invalid');
    if (!found.has(path)) found.set(path, `settings.errors.${key}`);
  }
  return found;
}
