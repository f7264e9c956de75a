import type { SignInProblem } from '@deskside/core';
import { ApiError } from '../../api/client';
import type { TranslationKey } from '../../i18n/keys';

/** What the sign-in form says, and at which field (null: about the desk, not a field). */
export interface SignInRefusal {
  message: TranslationKey;
  field: 'login' | 'password' | null;
}

const FIELDS: Record<SignInProblem, SignInRefusal['field']> = {
  wrong_password: 'password',
  not_allowed: 'login',
  unreachable: null,
  outdated: null,
  refused: null,
};

/** Why the console is signed out, or why the desk refused a sign-in, as the form says it. */
export function refusalOf(problem: SignInProblem): SignInRefusal {
  return { message: `signIn.problems.${problem}`, field: FIELDS[problem] };
}

/** A sign-in the console refused before asking the desk (a name no login can have). */
export function refusalOfError(error: unknown): SignInRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'validation') return null;
  const login = error.issues?.some(({ path }) => path === 'login') ?? false;
  return login
    ? { message: 'signIn.problems.login', field: 'login' }
    : { message: 'signIn.problems.password', field: 'password' };
}
