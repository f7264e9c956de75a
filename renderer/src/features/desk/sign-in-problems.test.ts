import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { refusalOf, refusalOfError } from './sign-in-problems';

describe('what the sign-in form says when the desk refuses', () => {
  it('a wrong password at the password, a login that may not sign in at the name', () => {
    expect(refusalOf('wrong_password')).toEqual({
      message: 'signIn.problems.wrong_password',
      field: 'password',
    });
    expect(refusalOf('not_allowed').field).toBe('login');
    expect(refusalOf('unreachable')).toEqual({
      message: 'signIn.problems.unreachable',
      field: null,
    });
  });

  it('a name no login can have at the name; any other failure is not a refusal', () => {
    const invalid = new ApiError('validation', 'Invalid input', [
      { path: 'login', message: 'Use 2 to 40 lower-case letters' },
    ]);
    expect(refusalOfError(invalid)).toEqual({ message: 'signIn.problems.login', field: 'login' });
    expect(refusalOfError(new ApiError('internal', 'failed'))).toBeNull();
    expect(refusalOfError(new Error('offline'))).toBeNull();
  });
});
