import { describe, expect, it } from 'vitest';
import { MigrationError } from '../database/open';
import { deskName, needsSignIn, signInProblem, withCredentials } from './sign-in';

const pgError = (code: string) => Object.assign(new Error('refused'), { code });

describe('which desk addresses ask the analyst to sign in', () => {
  it('a PostgreSQL address that names no login does; one that names its login signs in as it', () => {
    expect(needsSignIn('postgres://db.example.org/desk')).toBe(true);
    expect(needsSignIn('postgresql://db.example.org:5433/desk?sslmode=require')).toBe(true);
    // A password from the address, PGPASSWORD, ~/.pgpass, or a server that trusts the login.
    expect(needsSignIn('postgresql://ada@db.example.org/desk')).toBe(false);
    expect(needsSignIn('postgres://db.example.org/desk?user=ada')).toBe(false);
    expect(needsSignIn('postgres://ada:secret@db.example.org/desk')).toBe(false);
    expect(needsSignIn('postgres://ada@db.example.org/desk?password=secret')).toBe(false);
    // The SQLite file: no desk to sign in to.
    expect(needsSignIn(undefined)).toBe(false);
    expect(needsSignIn('')).toBe(false);
  });

  it('names the desk by host and database', () => {
    expect(deskName('postgres://db.example.org/desk')).toBe('db.example.org/desk');
    expect(deskName('postgres://ada@127.0.0.1:5433/t1')).toBe('127.0.0.1:5433/t1');
  });

  it('puts the credentials in the address, replacing a user name it had', () => {
    const url = new URL(
      withCredentials('postgres://ada@db.example.org/desk?sslmode=require', {
        login: 'bram',
        password: 'a b%c',
      }),
    );
    expect(url.username).toBe('bram');
    expect(decodeURIComponent(url.password)).toBe('a b%c');
    expect(url.search).toBe('?sslmode=require');
  });
});

describe('what a refused sign-in means', () => {
  it('tells a wrong password, a login that may not sign in and a desk out of reach apart', () => {
    expect(signInProblem(pgError('28P01'))).toBe('wrong_password');
    expect(signInProblem(pgError('28000'))).toBe('not_allowed');
    expect(signInProblem(pgError('42501'))).toBe('not_allowed');
    expect(signInProblem(pgError('ECONNREFUSED'))).toBe('unreachable');
    expect(signInProblem(pgError('08006'))).toBe('unreachable');
    expect(signInProblem(pgError('3D000'))).toBe('unreachable');
    expect(signInProblem(new MigrationError('older'))).toBe('outdated');
    expect(signInProblem(new Error('something else'))).toBeNull();
  });
});
