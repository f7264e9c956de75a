/**
 * Runs the same tests on both stores: `describe.each(STORE_KINDS)` and open a console with
 * `openConsoleOn(kind)`. PostgreSQL consoles get a fresh database on the run's throwaway
 * cluster (test/postgres-setup.ts); SQLite consoles a fresh file.
 */
import { inject } from 'vitest';
import type { ConsoleOptions } from '../../electron/services/console';
import { openTestConsole, type TestConsole } from './console';
import { createDatabaseAt } from './postgres';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** A new, empty PostgreSQL database on the run's cluster. */
export function newPostgresDatabase(): Promise<string> {
  return createDatabaseAt(inject('postgresAdminUrl'));
}

export async function openConsoleOn(
  kind: StoreKind,
  options: Partial<ConsoleOptions> = {},
): Promise<TestConsole> {
  const databaseUrl =
    kind === 'postgres' ? (options.databaseUrl ?? (await newPostgresDatabase())) : '';
  return openTestConsole({ ...options, databaseUrl });
}

/** Consoles opened by one test file: `open(kind)` in a test, `disposeAll()` after each. */
export function consolesOnStores() {
  let opened: TestConsole[] = [];
  return {
    async open(kind: StoreKind, options: Partial<ConsoleOptions> = {}): Promise<TestConsole> {
      const desk = await openConsoleOn(kind, options);
      opened.push(desk);
      return desk;
    },
    async disposeAll(): Promise<void> {
      for (const desk of opened) await desk.dispose();
      opened = [];
    },
  };
}
