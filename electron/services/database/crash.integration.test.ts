import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import { ManagedProcess } from '#test/helpers/managed-process';
import { STORE_KINDS, newPostgresDatabase } from '#test/helpers/stores';

const WRITER = fileURLToPath(new URL('../../../test/helpers/ticket-writer.ts', import.meta.url));
const COMMITTED = /^committed (\d+) (\d+)$/;
const WORKED = /^worked (\d+)$/;

/** Ticket ids whose write had returned before the kill, as the writer printed them. */
function printed(output: string, pattern: RegExp): number[] {
  return output.split('\n').flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [Number(match[1])] : [];
  });
}

let desk: TestConsole | undefined;
let dataDir: string;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe.each(STORE_KINDS)('a process killed in the middle of writes on %s', (kind) => {
  it('loses no ticket whose write had returned and leaves an intact database', async () => {
    const url = kind === 'postgres' ? await newPostgresDatabase() : '';
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-crash-'));

    const writer = await ManagedProcess.start(
      process.execPath,
      ['--import', 'tsx', WRITER, '--data-dir', dataDir, '--database-url', url],
      { label: 'ticket writer', env: { NODE_OPTIONS: '' } },
    );
    await writer.waitForLine(/^ready$/, 30_000);
    await writer.waitForLine(/^committed \d+ 40$/, 60_000);
    process.kill(writer.pid, 'SIGKILL');
    expect((await writer.waitForExit(10_000)).signal).toBe('SIGKILL');

    const committed = printed(writer.stdout(), COMMITTED);
    const worked = printed(writer.stdout(), WORKED);
    expect(committed.length).toBeGreaterThanOrEqual(40);

    desk = await openTestConsole({ dataDir, databaseUrl: url });
    const rows = await desk.db
      .selectFrom('tickets')
      .select(['id', 'summary', 'status', 'version'])
      .execute();
    const stored = new Map(rows.map((row) => [row.id, row]));
    for (const [index, id] of committed.entries()) {
      expect(stored.get(id)?.summary).toBe(`Crash test ticket ${index + 1}`);
    }
    for (const id of worked)
      expect(stored.get(id)).toMatchObject({ status: 'in_progress', version: 2 });

    // Every transaction landed whole or not at all: each ticket has its creation entry.
    const created = await desk.db
      .selectFrom('timeline')
      .select('ticketId')
      .where('kind', '=', 'created')
      .execute();
    expect(new Set(created.map((e) => e.ticketId))).toEqual(new Set(stored.keys()));
    if (kind === 'sqlite') {
      const check = await sql<{ integrityCheck: string }>`PRAGMA integrity_check`.execute(desk.db);
      expect(check.rows).toEqual([{ integrityCheck: 'ok' }]);
    } else {
      // amcheck verifies the B-tree indexes against their tables' structure.
      await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(desk.db);
      const indexes = await sql<{ name: string }>`
        SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.amname = 'btree' AND n.nspname = 'public'`.execute(desk.db);
      expect(indexes.rows.length).toBeGreaterThan(5);
      for (const { name } of indexes.rows) {
        await sql`SELECT bt_index_check(${name}::regclass, true)`.execute(desk.db);
      }
    }
  });
});
