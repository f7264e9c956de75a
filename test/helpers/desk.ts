/**
 * A desk on PostgreSQL with roles, for tests: analysts who sign in as themselves, their
 * addresses, and SQL run directly with their own credentials (as `psql` would).
 */
import pg from 'pg';
import type { NewAnalyst } from '@deskside/core';
import { openDatabaseTarget, type Db } from '../../electron/services/database/open';
import { DeskAnalysts, setUpDesk } from '../../electron/services/desk/desk-roles';
import { newPostgresDatabase } from './stores';

export const DESK_PASSWORD = 'correct horse battery';

/** An analyst of `role`, with a password of their own and Dutch as their language. */
export const deskAnalyst = (login: string, role: NewAnalyst['role']): NewAnalyst => ({
  login,
  password: `${DESK_PASSWORD} ${login}`,
  name: login[0]!.toUpperCase() + login.slice(1),
  email: `${login}@example.org`,
  language: 'nl',
  role,
  groups: [],
});

/** The database's address with an analyst's own sign-in name and password. */
export function signedInAs(url: string, who: { login: string; password: string }): string {
  const address = new URL(url);
  address.username = who.login;
  address.password = who.password;
  return address.toString();
}

/** One statement on a fresh connection of `url`'s: its first row, or its error's message. */
export async function queryAs(
  url: string,
  statement: string,
  values: unknown[] = [],
): Promise<{ row: Record<string, unknown> | null } | { error: string }> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query<Record<string, unknown>>(statement, values);
    return { row: result.rows[0] ?? null };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One statement on a fresh connection of `url`'s: its error's message, or 'ok'. */
export async function tryAs(url: string, statement: string): Promise<string> {
  const result = await queryAs(url, statement);
  return 'error' in result ? result.error : 'ok';
}

/**
 * A fresh desk on its own PostgreSQL database: `admin` set up as its first administrator, who
 * then adds `analysts`. Answers the owner's address and an open connection of the owner's.
 */
export async function deskWithAnalysts(
  admin: NewAnalyst,
  analysts: readonly NewAnalyst[],
): Promise<{ ownerUrl: string; owner: Db }> {
  const ownerUrl = await newPostgresDatabase();
  const owner = await openDatabaseTarget({ kind: 'postgres', url: ownerUrl });
  await setUpDesk(owner, admin);
  const asAdmin = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, admin) });
  try {
    for (const analyst of analysts) await new DeskAnalysts(asAdmin).add(analyst);
  } finally {
    await asAdmin.destroy();
  }
  return { ownerUrl, owner };
}
