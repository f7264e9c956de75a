import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { MigrationError, openDatabase, type Db } from './open';

let dir: string;
let db: Db | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-db-'));
});
afterEach(async () => {
  await db?.destroy();
  db = undefined;
  await rm(dir, { recursive: true, force: true });
});

const appliedMigrations = async (database: Db) =>
  (
    await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(database)
  ).rows.map((r) => r.name);

async function insertTicketWithEvidence(database: Db): Promise<void> {
  const now = new Date().toISOString();
  const ticket = await database
    .insertInto('tickets')
    .values({
      requester: 'R',
      channel: 'phone',
      summary: 'S',
      description: '',
      status: 'new',
      createdBy: 'a',
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database
    .insertInto('evidence')
    .values({
      id: 'e1',
      ticketId: ticket.id,
      kind: 'inventory',
      machineId: 'local',
      machineName: 'pc',
      transport: 'local',
      takenBy: 'a',
      takenAt: now,
      sha256: '0'.repeat(64),
      content: '{}',
    })
    .execute();
}

describe('openDatabase', () => {
  it('applies every migration to a new file and records it', async () => {
    db = await openDatabase(path.join(dir, 'new.sqlite'));
    expect(await appliedMigrations(db)).toEqual(Object.keys(migrations).sort());
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['tickets', 'machines', 'evidence']),
    );
  });

  it('reopens an existing file without applying anything twice and keeps its rows', async () => {
    const file = path.join(dir, 'again.sqlite');
    db = await openDatabase(file);
    await insertTicketWithEvidence(db);
    await db.destroy();
    db = await openDatabase(file);
    expect(await appliedMigrations(db)).toEqual(Object.keys(migrations).sort());
    expect(await db.selectFrom('tickets').select('summary').execute()).toEqual([{ summary: 'S' }]);
  });

  it('uses WAL and enforces foreign keys', async () => {
    db = await openDatabase(path.join(dir, 'pragmas.sqlite'));
    // CamelCasePlugin maps result columns too: journal_mode -> journalMode.
    const mode = await sql<{ journalMode: string }>`PRAGMA journal_mode`.execute(db);
    expect(mode.rows[0]?.journalMode).toBe('wal');
    await expect(
      db
        .insertInto('evidence')
        .values({
          id: 'orphan',
          ticketId: 999,
          kind: 'inventory',
          machineId: 'local',
          machineName: 'pc',
          transport: 'local',
          takenBy: 'a',
          takenAt: '2026-01-01T00:00:00.000Z',
          sha256: '0'.repeat(64),
          content: '{}',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('refuses to change or delete evidence', async () => {
    db = await openDatabase(path.join(dir, 'immutable.sqlite'));
    await insertTicketWithEvidence(db);
    await expect(
      db.updateTable('evidence').set({ content: '{"forged":true}' }).execute(),
    ).rejects.toThrow(/evidence is immutable/);
    await expect(db.deleteFrom('evidence').execute()).rejects.toThrow(/evidence is immutable/);
    expect(await db.selectFrom('evidence').select('content').execute()).toEqual([
      { content: '{}' },
    ]);
  });

  it('refuses a database written by a newer version, with an actionable message', async () => {
    const file = path.join(dir, 'newer.sqlite');
    db = await openDatabase(file);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
      db,
    );
    await db.destroy();
    db = undefined;
    const opening = openDatabase(file);
    await expect(opening).rejects.toBeInstanceOf(MigrationError);
    await expect(opening).rejects.toThrow(/newer version of Deskside/);
  });
});
