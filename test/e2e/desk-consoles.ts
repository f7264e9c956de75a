/** What the end-to-end tests of a desk on a shared PostgreSQL share: its consoles and addresses. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NewAnalyst } from '@deskside/core';
import { openDatabaseTarget } from '../../electron/services/database/open';
import { setUpDesk } from '../../electron/services/desk/desk-roles';
import { startConsoleHost, type RunningConsoleHost } from '../helpers/console-host';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';
import { test } from './fixtures';

export const SCREENSHOTS = 'test-results/screenshots';

/** Console hosts, each with a data folder of its own; `stopAll` after the tests. */
export function deskConsoles() {
  const hosts: RunningConsoleHost[] = [];
  const dataDirs: string[] = [];
  return {
    dataDirs,
    /** A console host on the desk at `databaseUrl`, as DESKSIDE_DATABASE_URL. */
    async start(databaseUrl: string): Promise<RunningConsoleHost> {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-desk-'));
      dataDirs.push(dataDir);
      const host = await startConsoleHost(dataDir, { DESKSIDE_DATABASE_URL: databaseUrl });
      hosts.push(host);
      return host;
    },
    async stopAll(): Promise<void> {
      for (const host of hosts) await host.stop();
      for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a spec file's tests: a PostgreSQL cluster on which analysts sign in with their passwords,
 * as on a real desk, and the consoles started on it; all stopped after the file's tests.
 */
export function desksOnPostgres() {
  const consoles = deskConsoles();
  let started: PostgresCluster | undefined;
  test.beforeAll(async () => {
    started = await startPostgres({ passwords: true });
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  test.afterAll(async () => {
    await consoles.stopAll();
    await started?.stop();
  });
  return {
    consoles,
    cluster: (): PostgresCluster => {
      if (!started) throw new Error('The cluster starts before the tests (test.beforeAll)');
      return started;
    },
  };
}

/** The desk's owner sets the desk up on the database at `ownerUrl`, with its first administrator. */
export async function setUpDeskAt(ownerUrl: string, administrator: NewAnalyst): Promise<void> {
  const owner = await openDatabaseTarget({ kind: 'postgres', url: ownerUrl });
  try {
    await setUpDesk(owner, administrator);
  } finally {
    await owner.destroy();
  }
}

/** The desk's address with an analyst's own sign-in name and password. */
export function signedInAs(url: string, who: { login: string; password: string }): string {
  const address = new URL(url);
  address.username = who.login;
  address.password = who.password;
  return address.toString();
}

/** The desk's address with no credentials: the console asks whoever is at it to sign in. */
export function withoutCredentials(url: string): string {
  const address = new URL(url);
  address.username = '';
  address.password = '';
  return address.toString();
}

/** A catalog's text with its {{placeholders}} filled in. */
export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** Login roles belong to the whole server: each run's analysts get names of their own. */
export const runTag = () => `${process.pid}_${Date.now() % 1_000_000}`;
