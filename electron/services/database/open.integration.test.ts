import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, newPostgresDatabase, type StoreKind } from '#test/helpers/stores';
import { MIGRATION_NAMES, migrationsFor } from './migrations';
import {
  MigrationError,
  openDatabase,
  openDatabaseTarget,
  type DatabaseTarget,
  type Db,
} from './open';

const FIXTURE_0001 = path.resolve(
  import.meta.dirname,
  '../../../test/fixtures/deskside-0001.sqlite',
);

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

async function insertTicketWithEvidence(database: Db): Promise<number> {
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
  await database
    .insertInto('timeline')
    .values({ ticketId: ticket.id, kind: 'note', author: 'a', at: now, body: 'first', data: '{}' })
    .execute();
  return ticket.id;
}

async function newTarget(kind: StoreKind, name: string): Promise<DatabaseTarget> {
  return kind === 'sqlite'
    ? { kind, file: path.join(dir, `${name}.sqlite`) }
    : { kind, url: await newPostgresDatabase() };
}

describe.each(STORE_KINDS)('the %s store', (kind) => {
  it('applies every migration to a new database and records it', async () => {
    db = await openDatabaseTarget(await newTarget(kind, 'new'));
    expect(await appliedMigrations(db)).toEqual(MIGRATION_NAMES);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'tickets',
        'machines',
        'evidence',
        'people',
        'timeline',
        'vendor_cases',
        'visits',
        'orders',
        'settings',
        'ticket_search',
        'kb_articles',
        'kb_article_tags',
        'kb_links',
        'kb_search',
      ]),
    );
  });

  it('reopens an existing database without applying anything twice and keeps its rows', async () => {
    const target = await newTarget(kind, 'again');
    db = await openDatabaseTarget(target);
    await insertTicketWithEvidence(db);
    await db.destroy();
    db = await openDatabaseTarget(target);
    expect(await appliedMigrations(db)).toEqual(MIGRATION_NAMES);
    expect(
      await db.selectFrom('tickets').select(['summary', 'version', 'priority']).execute(),
    ).toEqual([{ summary: 'S', version: 1, priority: 3 }]);
  });

  it('enforces foreign keys', async () => {
    db = await openDatabaseTarget(await newTarget(kind, 'fk'));
    await expect(
      db
        .insertInto('timeline')
        .values({
          ticketId: 999,
          kind: 'note',
          author: 'a',
          at: '2026-01-01T00:00:00.000Z',
          body: '',
          data: '{}',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });

  it.each(['evidence', 'timeline'] as const)('refuses to change or delete %s', async (table) => {
    db = await openDatabaseTarget(await newTarget(kind, `immutable-${table}`));
    await insertTicketWithEvidence(db);
    const before = await db.selectFrom(table).selectAll().execute();
    await expect(db.updateTable(table).set({ ticketId: 1 }).execute()).rejects.toThrow(
      `${table} is immutable`,
    );
    await expect(db.deleteFrom(table).execute()).rejects.toThrow(`${table} is immutable`);
    if (kind === 'postgres') {
      await expect(sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(db)).rejects.toThrow(
        /is immutable/,
      );
    }
    expect(await db.selectFrom(table).selectAll().execute()).toEqual(before);
  });

  it('refuses a database written by a newer version, with an actionable message', async () => {
    const target = await newTarget(kind, 'newer');
    db = await openDatabaseTarget(target);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
      db,
    );
    await db.destroy();
    db = undefined;
    const opening = openDatabaseTarget(target);
    await expect(opening).rejects.toBeInstanceOf(MigrationError);
    await expect(opening).rejects.toThrow(/newer version of Deskside/);
  });
});

describe('SQLite', () => {
  it('uses WAL', async () => {
    db = await openDatabase(path.join(dir, 'pragmas.sqlite'));
    // CamelCasePlugin maps result columns too: journal_mode -> journalMode.
    const mode = await sql<{ journalMode: string }>`PRAGMA journal_mode`.execute(db);
    expect(mode.rows[0]?.journalMode).toBe('wal');
  });

  it('opens a file written by the first release and upgrades it, keeping its ticket and evidence', async () => {
    const file = path.join(dir, 'old.sqlite');
    await copyFile(FIXTURE_0001, file);
    db = await openDatabase(file);
    expect(await appliedMigrations(db)).toEqual(MIGRATION_NAMES);
    const ticket = await db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      summary: 'Reception PC freezes after login',
      version: 1,
      isOpen: 1,
      tier: 'tier1',
    });
    expect(await db.selectFrom('evidence').select('machineName').execute()).toEqual([
      { machineName: 'reception-pc' },
    ]);
    await expect(db.deleteFrom('evidence').execute()).rejects.toThrow(/evidence is immutable/);
    // Its text went into the search index.
    const found = await sql<{
      rowid: number;
    }>`SELECT rowid FROM ticket_search WHERE ticket_search MATCH 'reception'`.execute(db);
    expect(found.rows).toEqual([{ rowid: ticket.id }]);
  });

  it('creates exactly the first release’s schema with its first migration', async () => {
    const sqlite = new Database(path.join(dir, 'first.sqlite'));
    const first = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
    const migrator = new Migrator({
      db: first,
      provider: { getMigrations: () => Promise.resolve(migrationsFor('sqlite')) },
    });
    expect((await migrator.migrateTo('0001-tickets-machines-evidence')).error).toBeUndefined();
    await first.destroy();
    const schemaOf = (file: string) => {
      const database = new Database(file, { readonly: true });
      try {
        return database
          .prepare(
            `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'kysely_%' ORDER BY name`,
          )
          .all();
      } finally {
        database.close();
      }
    };
    expect(schemaOf(path.join(dir, 'first.sqlite'))).toEqual(schemaOf(FIXTURE_0001));
  });
});
