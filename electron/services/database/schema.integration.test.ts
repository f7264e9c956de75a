import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type ColumnMetadata } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, newPostgresDatabase, type StoreKind } from '#test/helpers/stores';
import { openDatabaseTarget, type Db } from './open';
import { TABLES, type ColumnSpec } from './schema';

/** Tables the migrations make that the query builder never names. */
const FULL_TEXT_TABLES = ['ticket_search', 'kb_search'];
/** The tables SQLite's FTS5 keeps beside each full-text table. */
const FTS5_SHADOW_SUFFIXES = ['data', 'idx', 'content', 'docsize', 'config'];
const INTERNAL_TABLES = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  // PostgreSQL only, and read only by the desk's functions (migration 0006).
  'machine_keys',
  // PostgreSQL only, and read only by the desk's functions (migration 0008).
  'enrolment_secrets',
  ...FULL_TEXT_TABLES,
  ...FULL_TEXT_TABLES.flatMap((table) => FTS5_SHADOW_SUFFIXES.map((s) => `${table}_${s}`)),
]);

/** What each column type of the interfaces is called by each database. */
const DATABASE_TYPES: Record<StoreKind, Record<ColumnSpec['type'], string>> = {
  sqlite: { text: 'text', integer: 'integer' },
  postgres: { text: 'text', integer: 'int4' },
};

/** The name CamelCasePlugin gives a camelCase name in SQL. */
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type Described = Record<string, Record<string, string>>;

/** Every table and column, as "type, null or not null, generated or given", by SQL name. */
function describeInterfaces(kind: StoreKind): Described {
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, columns]) => [
      snakeCase(table),
      Object.fromEntries(
        Object.entries(columns).map(([name, spec]: [string, ColumnSpec]) => [
          snakeCase(name),
          describeColumn(DATABASE_TYPES[kind][spec.type], spec.nullable, spec.generated),
        ]),
      ),
    ]),
  );
}

const describeColumn = (type: string, nullable: boolean, generated: boolean) =>
  `${type}, ${nullable ? 'null' : 'not null'}, ${generated ? 'generated' : 'given'}`;

/**
 * SQLite lets a PRIMARY KEY column other than an INTEGER one hold NULL (a quirk kept for old
 * files); the interfaces never write one, and PostgreSQL refuses it, so it counts as not null.
 */
async function sqlitePrimaryKeys(db: Db, kind: StoreKind, table: string): Promise<Set<string>> {
  if (kind !== 'sqlite') return new Set();
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})
    WHERE pk > 0`.execute(db);
  return new Set(rows.map((row) => row.name));
}

/** The same description, of the database the migrations made. */
async function describeDatabase(db: Db, kind: StoreKind): Promise<Described> {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).filter(
    (table) => !INTERNAL_TABLES.has(table.name),
  );
  const described: Described = {};
  for (const table of tables) {
    const keys = await sqlitePrimaryKeys(db, kind, table.name);
    const column = (c: ColumnMetadata) =>
      describeColumn(
        c.dataType.toLowerCase(),
        c.isNullable && !c.isAutoIncrementing && !keys.has(c.name),
        c.hasDefaultValue || c.isAutoIncrementing,
      );
    described[table.name] = Object.fromEntries(table.columns.map((c) => [c.name, column(c)]));
  }
  return described;
}

describe.each(STORE_KINDS)('the table interfaces on %s', (kind) => {
  let db: Db | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await db?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
    db = dir = undefined;
  });

  async function migrated(): Promise<Db> {
    if (kind === 'postgres') {
      return openDatabaseTarget({ kind, url: await newPostgresDatabase() });
    }
    dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-schema-'));
    return openDatabaseTarget({ kind, file: path.join(dir, 'deskside.sqlite') });
  }

  it('name every table and column the migrations make, with their types and nullability', async () => {
    db = await migrated();
    const database = await describeDatabase(db, kind);
    const interfaces = describeInterfaces(kind);
    const label = (what: string) => `${what}: as the interfaces say (+), as migrated (-)`;
    expect(Object.keys(interfaces).sort(), label('tables')).toEqual(Object.keys(database).sort());
    for (const table of Object.keys(interfaces)) {
      expect(interfaces[table], label(table)).toEqual(database[table]);
    }
  });
});
