import { ApiError } from '../../api/client';
import type { TranslationKey } from '../../i18n/keys';
import { invalidProps } from './FieldError';
import type { FieldErrors } from './field-errors';

/** The fields of an analyst's form, named as the contract names them. */
export const ANALYST_FIELDS = [
  'login',
  'password',
  'passwordRepeat',
  'name',
  'email',
  'language',
  'role',
  'groups',
] as const;
export type AnalystField = (typeof ANALYST_FIELDS)[number];

/** What each refused field's message says, beyond "not accepted". */
const MESSAGES: Partial<Record<AnalystField, TranslationKey>> = {
  login: 'settings.analysts.errors.login',
  password: 'settings.analysts.errors.password',
  name: 'settings.analysts.errors.name',
  email: 'settings.analysts.errors.email',
  groups: 'settings.analysts.errors.groups',
};

const isField = (name: string): name is AnalystField =>
  (ANALYST_FIELDS as readonly string[]).includes(name);

/**
 * The console's refusal of an analyst's form, field by field: each issue at the field it
 * names (a group's issue, `groups.2`, at the groups), and a sign-in name the server already
 * has at the sign-in name. A refusal no field explains is left to the form's own message.
 */
export function analystFieldErrors(error: unknown): FieldErrors {
  const found = new Map<string, TranslationKey>();
  if (!(error instanceof ApiError)) return found;
  if (error.code === 'conflict') {
    found.set('login', 'settings.analysts.errors.loginTaken');
    return found;
  }
  if (error.code !== 'validation') return found;
  for (const { path } of error.issues ?? []) {
    const field = path.split('.')[0] ?? '';
    if (!isField(field) || found.has(field)) continue;
    found.set(field, MESSAGES[field] ?? 'settings.errors.invalid');
  }
  return found;
}

/** The form's own check: the password typed twice the same, before anything is sent. */
export function passwordProblems(password: string, repeat: string): FieldErrors {
  return password === repeat
    ? new Map()
    : new Map<string, TranslationKey>([['passwordRepeat', 'settings.analysts.errors.repeat']]);
}

/** The attributes of each field of the form while the console refuses its value. */
export function invalidFields(
  errors: FieldErrors,
  idOf: (field: string) => string,
): Record<AnalystField, ReturnType<typeof invalidProps>> {
  const entries = ANALYST_FIELDS.map((field) => [field, invalidProps(errors, field, idOf(field))]);
  return Object.fromEntries(entries) as Record<AnalystField, ReturnType<typeof invalidProps>>;
}
