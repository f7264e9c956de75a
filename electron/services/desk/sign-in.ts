/**
 * Signing in to a shared desk: which addresses need an analyst to sign in, the address a
 * sign-in opens, and what a refused sign-in means. The gate itself is sign-in-gate.ts.
 */
import {
  DesksideError,
  type SignInInput,
  type SignInProblem,
  type SignInState,
} from '@deskside/core';
import { MigrationError } from '../database/open';
import { INSUFFICIENT_PRIVILEGE, sqlState } from '../database/sql-state';

/** What the console's API asks of whoever decides whether it is signed in. */
export interface SignInControl {
  state(): SignInState;
  signIn(credentials: SignInInput): Promise<SignInState>;
  signOut(): Promise<SignInState>;
  /** The database refused this console's analyst (SIGNED_OUT): they are signed out. */
  refused(): void;
}

/** A console its address signs in: the SQLite file, or a PostgreSQL address with a password. */
export const SIGNED_IN_BY_ADDRESS: SignInControl = {
  state: () => ({ state: 'signed-in', byAddress: true }),
  signIn: () =>
    Promise.reject(new DesksideError('conflict', 'This console is signed in by its address')),
  signOut: () =>
    Promise.reject(
      new DesksideError(
        'forbidden',
        'This console signs in with the credentials in its database address: close it instead',
      ),
    ),
  refused: () => undefined,
};

const postgresAddress = (address: string | undefined): URL | null =>
  address && /^postgres(ql)?:\/\//.test(address) ? new URL(address) : null;

/**
 * A PostgreSQL address that names no one (`postgres://db.example.org/desk`): the analyst at
 * the console signs in as themselves. An address that names its login signs in as that login,
 * with the password it holds, or PGPASSWORD, ~/.pgpass or a server that trusts it, as any
 * PostgreSQL client does (scripts, the desk's owner, a desk without roles).
 */
export function needsSignIn(address: string | undefined): boolean {
  const url = postgresAddress(address);
  return url !== null && url.username === '' && !url.searchParams.has('user');
}

/** The desk as the sign-in screen names it: host (and port) / database. */
export function deskName(address: string): string {
  const url = new URL(address);
  const host = url.host || url.searchParams.get('host') || 'localhost';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || url.username;
  return `${host}/${database}`;
}

/** The desk's address with an analyst's credentials; it lives in memory only. */
export function withCredentials(address: string, { login, password }: SignInInput): string {
  const url = new URL(address);
  // Percent-encoded as pg decodes them, `%` included (the setters would leave it as it is).
  url.username = encodeURIComponent(login);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** Errors of a network or server that cannot be reached (Node's and pg's). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P03', // cannot_connect_now: starting up or shutting down
  '3D000', // invalid_catalog_name: no such database
  '53300', // too_many_connections
]);

/** Why opening the desk with an analyst's credentials failed; null for any other fault. */
export function signInProblem(error: unknown): SignInProblem | null {
  if (error instanceof MigrationError) return 'outdated';
  const state = sqlState(error) ?? '';
  if (state === '28P01') return 'wrong_password';
  // 28000: "not permitted to log in" (disabled) or no pg_hba.conf entry; 42501: a login
  // that is none of the desk's analysts may not write the console's first audit entry.
  if (state === '28000' || state === INSUFFICIENT_PRIVILEGE) return 'not_allowed';
  if (UNREACHABLE.has(state) || state.startsWith('08')) return 'unreachable';
  const message = error instanceof Error ? error.message : '';
  if (/timeout|terminated unexpectedly/i.test(message)) return 'unreachable';
  return null;
}
