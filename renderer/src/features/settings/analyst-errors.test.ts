import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { analystFieldErrors, passwordProblems } from './analyst-errors';

describe('a refused analyst, field by field', () => {
  it('shows each issue at the field it names, a group’s at the groups, first issue only', () => {
    const error = new ApiError('validation', 'Invalid input: login: Use 2 to 40…', [
      { path: 'login', message: 'Use 2 to 40 lower-case letters' },
      { path: 'password', message: 'Use at least 12 characters' },
      { path: 'email', message: 'Invalid email address' },
      { path: 'groups.1', message: 'Invalid group id' },
      { path: 'groups', message: 'A group is listed twice' },
      { path: 'role', message: 'Invalid option' },
    ]);
    expect(Object.fromEntries(analystFieldErrors(error))).toEqual({
      login: 'settings.analysts.errors.login',
      password: 'settings.analysts.errors.password',
      email: 'settings.analysts.errors.email',
      groups: 'settings.analysts.errors.groups',
      role: 'settings.errors.invalid',
    });
  });

  it('says a sign-in name the server already has is taken, at the sign-in name', () => {
    const error = new ApiError('conflict', 'The sign-in name bram is taken on this server');
    expect(Object.fromEntries(analystFieldErrors(error))).toEqual({
      login: 'settings.analysts.errors.loginTaken',
    });
  });

  it('leaves a refusal no field explains to the form’s own message', () => {
    expect(analystFieldErrors(new ApiError('forbidden', 'Your role…')).size).toBe(0);
    expect(
      analystFieldErrors(new ApiError('validation', 'x', [{ path: '', message: 'Unknown key' }]))
        .size,
    ).toBe(0);
    expect(analystFieldErrors(null).size).toBe(0);
  });

  it('asks for the same password twice', () => {
    expect(passwordProblems('correct horse battery', 'correct horse battery').size).toBe(0);
    expect(Object.fromEntries(passwordProblems('correct horse battery', 'correct horse'))).toEqual({
      passwordRepeat: 'settings.analysts.errors.repeat',
    });
  });
});
